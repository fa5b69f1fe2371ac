package org.cooperationdesk.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cooperationdesk.language.Language;
import org.cooperationdesk.language.LanguageFormats;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Mail wording lives in src/main/resources/mail/&lt;language&gt;/&lt;template&gt;.txt (en, ja; every template in both,
 * with the same placeholders: MailTemplatesCompleteTest): a "Subject:" line (the literal marker in Japanese too), a
 * blank line, the body, with {{name}} placeholders. A placeholder without a value is a bug and fails loudly. Values are
 * written as the mail's language writes them: a date "15 December 2026" / "2026年12月15日", a moment and a whole number
 * likewise (language/LanguageFormats); any other value as its text.
 */
@Component
public class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    public record RenderedMail(String subject, String body) {
    }

    /** The template in this language, filled with the values. */
    public RenderedMail render(String template, Language language, Map<String, Object> values) {
        String text = load(path(template, language));
        if (!text.startsWith("Subject:")) {
            throw new IllegalStateException("Mail template " + template + " must start with a Subject: line");
        }
        int endOfSubject = text.indexOf('\n');
        String subject = fill(template, text.substring("Subject:".length(), endOfSubject).trim(), values, language);
        String body = fill(template, text.substring(endOfSubject + 1).stripLeading(), values, language);
        return new RenderedMail(subject, body);
    }

    /** Whether the template exists (in English, which every template has). */
    public boolean exists(String template) {
        return new ClassPathResource(path(template, Language.EN)).exists();
    }

    /** Where a template's wording in a language is on the classpath: {@code mail/ja/expert-offer.txt}. */
    public static String path(String template, Language language) {
        return "mail/" + language.tag() + "/" + template + ".txt";
    }

    /** A value as the mail's language writes it. */
    static String text(Object value, Language language) {
        if (value instanceof LocalDate date) {
            return LanguageFormats.date(date, language);
        }
        if (value instanceof LocalDateTime time) {
            return LanguageFormats.dateTime(time, language);
        }
        if (value instanceof Integer || value instanceof Long) {
            return LanguageFormats.number((Number) value, language);
        }
        return value.toString();
    }

    private static String load(String template) {
        try (InputStream in = new ClassPathResource(template).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("No mail template " + template, e);
        }
    }

    private static String fill(String template, String text, Map<String, Object> values, Language language) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("Mail template " + template + " needs a value for " + matcher.group(1));
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(text(value, language)));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
