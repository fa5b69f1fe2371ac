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
            server.stop();
            server = null;
        }
    }

    public synchronized boolean running() {
        return server != null;
    }

    public synchronized jakarta.mail.internet.MimeMessage[] messages() {
        return server == null ? new jakarta.mail.internet.MimeMessage[0] : server.getReceivedMessages();
    }

    @Override
    public void destroy() {
        stop();
    }
}
