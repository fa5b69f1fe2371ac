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
