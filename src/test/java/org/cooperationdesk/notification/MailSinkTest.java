package org.cooperationdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo's mailbox keeps what it received when an admin simulates an outage and restores the server. */
class MailSinkTest {

    private final int port = freePort();
    private final MailSink sink = new MailSink(port);

    @AfterEach
    void stop() {
        sink.stop();
    }

    @Test
    void anOutageNeitherEmptiesTheMailboxNorLosesWhatArrivesAfterIt() throws Exception {
        send("Mission offer DR-2026-0001");
        sink.stop();

        assertThat(subjects()).as("readable during the outage").containsExactly("Mission offer DR-2026-0001");

        sink.start();
        send("Mission offer DR-2026-0002");
        assertThat(subjects()).containsExactly("Mission offer DR-2026-0001", "Mission offer DR-2026-0002");
    }

    private String[] subjects() {
        return Arrays.stream(sink.messages()).map(message -> {
            try {
                return message.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(String[]::new);
    }

    private void send(String subject) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("cooperation-desk@mhlw.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("expert@who.example"));
        message.setSubject(subject);
        message.setText("Body");
        Transport.send(message);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
