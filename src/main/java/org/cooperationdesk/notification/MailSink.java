package org.cooperationdesk.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.DisposableBean;

/**
 * The demo's mail server: a real SMTP server inside the application that keeps what it receives, so a
 * person can read every mail at /mailbox.html without installing anything. An admin can stop it to
 * see how the application rides out a mail outage.
 */
public class MailSink implements DisposableBean {

    private final int port;
    private GreenMail server;
    /** What earlier runs of the server received: an outage does not empty the mailbox. */
    private final java.util.List<jakarta.mail.internet.MimeMessage> beforeOutages = new java.util.ArrayList<>();

    public MailSink(int port) {
        this.port = port;
        start();
    }

    public synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    public synchronized void stop() {
        if (server != null) {
            beforeOutages.addAll(java.util.List.of(server.getReceivedMessages()));
            server.stop();
            server = null;
        }
    }

    public synchronized boolean running() {
        return server != null;
    }

    public synchronized jakarta.mail.internet.MimeMessage[] messages() {
        java.util.List<jakarta.mail.internet.MimeMessage> all = new java.util.ArrayList<>(beforeOutages);
        if (server != null) {
            all.addAll(java.util.List.of(server.getReceivedMessages()));
        }
        return all.toArray(jakarta.mail.internet.MimeMessage[]::new);
    }

    @Override
    public void destroy() {
        stop();
    }
}
