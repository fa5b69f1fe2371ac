package org.cooperationdesk.notification;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
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
    private final ObjectProvider<EnclosureMaker> enclosureMaker;
    private final String from;

    public NotificationService(JavaMailSender mailSender, MailTemplates templates, NotificationLog log,
                               ObjectProvider<EnclosureMaker> enclosureMaker,
                               @Value("${coopdesk.notification.from}") String from) {
        this.mailSender = mailSender;
        this.templates = templates;
        this.log = log;
        this.enclosureMaker = enclosureMaker;
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
        List<EnclosedFile> files = enclosures(notification, idempotencyKey, businessKey, mail);
        try {
            MimeMessage message = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, !files.isEmpty(), "UTF-8");
            helper.setFrom(from);
            helper.setTo(notification.recipients().toArray(String[]::new));
            helper.setSubject(mail.subject());
            helper.setText(files.isEmpty() ? mail.body() : mail.body() + attachedLine(files));
            for (EnclosedFile file : files) {
                helper.addAttachment(file.fileName(), new ByteArrayResource(file.content()), file.contentType());
            }
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

    /** Below the mail's text: "The letter is attached: MT-2026-0003-note-verbale-KH.pdf." */
    private static String attachedLine(List<EnclosedFile> files) {
        String names = String.join(", ", files.stream().map(EnclosedFile::fileName).toList());
        return (files.size() == 1 ? "\nThe letter is attached: " : "\nThe letters are attached: ") + names + ".\n";
    }

    /**
     * The documents the mail carries, made (or found as made by an earlier attempt) before anything is sent: a
     * document that cannot be made fails the step, which is retried, and no mail ever goes out without it.
     */
    private List<EnclosedFile> enclosures(Notification notification, String idempotencyKey, String businessKey,
                                          MailTemplates.RenderedMail mail) {
        if (notification.enclosures().isEmpty()) {
            return List.of();
        }
        EnclosureMaker maker = enclosureMaker.getIfAvailable();
        if (maker == null) {
            throw new IllegalStateException("Nothing makes the documents of mail " + notification.template());
        }
        List<EnclosedFile> files = new ArrayList<>();
        int position = 0;
        for (Enclosure enclosure : notification.enclosures()) {
            position++;
            try {
                files.add(maker.make(enclosure, idempotencyKey, position));
            } catch (RuntimeException e) {
                String error = "Could not make the " + enclosure.description() + " for '" + mail.subject() + "': "
                        + e.getMessage();
                log.record(idempotencyKey, notification.template(), notification.recipients(), mail.subject(),
                        businessKey, NotificationLog.FAILED, error);
                throw new NotificationFailedException(error, e);
            }
        }
        return files;
    }
}
