package org.cooperationdesk.notification;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.cooperationdesk.language.Language;
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
        send(List.of(notification), idempotencyKey, businessKey);
    }

    /**
     * Sends the mails of one mail step: one, or one per language when its readers read different languages, or one
     * per reader when a mail is personal (an expert's, with their personal link, beside the requesting body's). Each
     * mail has a key of its own: the step's key for a step's only mail, the step's key with the language's tag
     * ({@code job:42#ja}) for each of several, and a number after it for a language's second mail and on
     * ({@code job:42#en#2}); a document that several of a language's mails carry is made once, under that language's
     * key. A mail goes to those of its readers who have not had a mail of the step yet (a delivery under the step's key or any of
     * its mails' keys): a retried step sends nothing twice, even when a reader changed language between two attempts
     * or a mail of several failed after another went out.
     */
    public void send(List<Notification> mails, String idempotencyKey, String businessKey) {
        if (mails.isEmpty()) {
            throw new IllegalArgumentException("A mail step " + idempotencyKey + " without a mail");
        }
        Set<String> served = log.deliveredTo(idempotencyKey);
        Map<Language, Integer> perLanguage = new EnumMap<>(Language.class);
        Map<Language, List<Enclosure>> documents = new EnumMap<>(Language.class);
        for (Notification mail : mails) {
            String languageKey = mails.size() == 1 ? idempotencyKey : idempotencyKey + "#" + mail.language().tag();
            int nth = perLanguage.merge(mail.language(), 1, Integer::sum);
            String key = nth == 1 ? languageKey : languageKey + "#" + nth;
            // Each document's place among its language's documents: the same document carried twice has one place.
            List<Enclosure> made = documents.computeIfAbsent(mail.language(), language -> new ArrayList<>());
            List<Integer> positions = new ArrayList<>();
            for (Enclosure enclosure : mail.enclosures()) {
                if (!made.contains(enclosure)) {
                    made.add(enclosure);
                }
                positions.add(made.indexOf(enclosure) + 1);
            }
            List<String> readers = mail.recipients().stream().filter(recipient -> !served.contains(recipient)).toList();
            if (readers.isEmpty()) {
                LOG.info("Notification {} already delivered, not sent again", key);
                continue;
            }
            sendOne(readers.size() == mail.recipients().size() ? mail : mail.to(readers), key, languageKey, positions,
                    businessKey);
        }
    }

    private void sendOne(Notification notification, String idempotencyKey, String documentsKey, List<Integer> positions,
                         String businessKey) {
        MailTemplates.RenderedMail mail = templates.render(notification.template(), notification.language(),
                notification.values());
        List<EnclosedFile> files = enclosures(notification, idempotencyKey, documentsKey, positions, businessKey, mail);
        try {
            MimeMessage message = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, !files.isEmpty(), "UTF-8");
            helper.setFrom(from);
            helper.setTo(notification.recipients().toArray(String[]::new));
            helper.setSubject(mail.subject());
            helper.setText(files.isEmpty() ? mail.body() : mail.body() + attachedLine(files, notification.language()));
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

    /** Below the mail's text: "The letter is attached: MT-2026-0003-note-verbale-KH.pdf.", "添付書類: …" in Japanese. */
    private static String attachedLine(List<EnclosedFile> files, org.cooperationdesk.language.Language language) {
        String names = String.join(", ", files.stream().map(EnclosedFile::fileName).toList());
        if (language == org.cooperationdesk.language.Language.JA) {
            return "\n添付書類: " + String.join("、", files.stream().map(EnclosedFile::fileName).toList()) + "\n";
        }
        return (files.size() == 1 ? "\nThe letter is attached: " : "\nThe letters are attached: ") + names + ".\n";
    }

    /**
     * The documents the mail carries, made (or found as made by an earlier attempt) before anything is sent: a
     * document that cannot be made fails the step, which is retried, and no mail ever goes out without it.
     */
    private List<EnclosedFile> enclosures(Notification notification, String idempotencyKey, String documentsKey,
                                          List<Integer> positions, String businessKey, MailTemplates.RenderedMail mail) {
        if (notification.enclosures().isEmpty()) {
            return List.of();
        }
        EnclosureMaker maker = enclosureMaker.getIfAvailable();
        if (maker == null) {
            throw new IllegalStateException("Nothing makes the documents of mail " + notification.template());
        }
        List<EnclosedFile> files = new ArrayList<>();
        int index = 0;
        for (Enclosure enclosure : notification.enclosures()) {
            int position = positions.get(index++);
            try {
                files.add(maker.make(enclosure, documentsKey, position));
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
