package org.cooperationdesk.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * What a received mail says and carries: its text, and the files attached to it (a letter). A mail without documents
 * is a single text part; one with documents is multipart, the text first.
 */
public final class MailContent {

    /** A file attached to a mail. */
    public record Attached(String fileName, String contentType, byte[] content) {
    }

    private MailContent() {
    }

    /** The mail's text: the first plain-text part that is not an attachment. */
    public static String text(Part mail) {
        try {
            if (mail.isMimeType("text/*") && !Part.ATTACHMENT.equalsIgnoreCase(mail.getDisposition())) {
                return String.valueOf(mail.getContent());
            }
            if (mail.getContent() instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    String text = text(parts.getBodyPart(i));
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        } catch (MessagingException e) {
            throw new IllegalStateException("A mail that cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files attached to the mail, in their order. */
    public static List<Attached> attachments(Part mail) {
        List<Attached> files = new ArrayList<>();
        collect(mail, files);
        return files;
    }

    private static void collect(Part part, List<Attached> files) {
        try {
            if (part.getFileName() != null) {
                try (InputStream in = part.getInputStream()) {
                    String type = part.getContentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
                    files.add(new Attached(part.getFileName(), type, in.readAllBytes()));
                }
            } else if (part.getContent() instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    collect(parts.getBodyPart(i), files);
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("A mail that cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
