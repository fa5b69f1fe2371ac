package org.cooperationdesk.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends a notification once. Called from asynchronous process steps: a failure is logged and rethrown
 * so the engine retries the step and, when retries run out, raises an incident an admin can retry.
 */
@Service
public class NotificationService {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

    private final JavaMailSender mailSender;
    private final MailTemplates templates;
    private final NotificationLog log;
    private final String from;

    public NotificationService(JavaMailSender mailSender, MailTemplates templates, NotificationLog log,
                               @Value("${coopdesk.notification.from}") String from) {
        this.mailSender = mailSender;
        this.templates = templates;
        this.log = log;
        this.from = from;
    }

    /**
     * @param idempotencyKey the same key on a retry: a mail already delivered under it is not sent again
     *                       (the job may have sent it and then failed to commit)
     */
    /**
     * The same Message-ID for every attempt under one key. A node that dies after the SMTP server took a mail and
     * before it could record the delivery leaves that mail to be sent again by the node that retries the step; the
     * copy carries the same Message-ID, so mail systems and readers see one message, not two.
     */
    static String messageId(String idempotencyKey) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(idempotencyKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "<" + java.util.HexFormat.of().formatHex(digest, 0, 16) + ".notification@cooperation-desk>";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void send(Notification notification, String idempotencyKey, String businessKey) {
        if (log.delivered(idempotencyKey)) {
            LOG.info("Notification {} already delivered, not sent again", idempotencyKey);
            return;
        }
        MailTemplates.RenderedMail mail = templates.render(notification.template(), notification.values());
        try {
            MimeMessage message = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(notification.recipients().toArray(String[]::new));
            helper.setSubject(mail.subject());
            helper.setText(mail.body());
            message.setHeader("Message-ID", messageId(idempotencyKey));
            mailSender.send(message);
        } catch (MailException | MessagingException e) {
            log.record(idempotencyKey, notification.template(), notification.recipients(), mail.subject(), businessKey,
                    NotificationLog.FAILED, e.getMessage());
            throw new NotificationFailedException(
                    "Could not send '" + mail.subject() + "' to " + notification.recipients() + ": " + e.getMessage(), e);
        }
        log.record(idempotencyKey, notification.template(), notification.recipients(), mail.subject(), businessKey,
                NotificationLog.DELIVERED, null);
    }
}
