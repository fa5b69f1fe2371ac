package org.cooperationdesk.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Mail wording lives in src/main/resources/mail/&lt;template&gt;.txt: a "Subject:" line, a blank line, the
 * body, with {{name}} placeholders. A placeholder without a value is a bug and fails loudly.
 */
@Component
public class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    public record RenderedMail(String subject, String body) {
    }

    public RenderedMail render(String template, Map<String, Object> values) {
        String text = load(template);
        if (!text.startsWith("Subject:")) {
            throw new IllegalStateException("Mail template " + template + " must start with a Subject: line");
        }
        int endOfSubject = text.indexOf('\n');
        String subject = fill(template, text.substring("Subject:".length(), endOfSubject).trim(), values);
        String body = fill(template, text.substring(endOfSubject + 1).stripLeading(), values);
        return new RenderedMail(subject, body);
    }

    public boolean exists(String template) {
        return new ClassPathResource("mail/" + template + ".txt").exists();
    }

    private static String load(String template) {
        try (InputStream in = new ClassPathResource("mail/" + template + ".txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("No mail template " + template, e);
        }
    }

    private static String fill(String template, String text, Map<String, Object> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("Mail template " + template + " needs a value for " + matcher.group(1));
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value.toString()));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
