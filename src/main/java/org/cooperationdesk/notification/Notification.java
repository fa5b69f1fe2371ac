package org.cooperationdesk.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cooperationdesk.language.Language;

/**
 * A mail to send: the template that words it, the language it is written in (mail/&lt;language&gt;/&lt;template&gt;.txt),
 * who gets it, the values the template needs (dates and numbers are written as the language writes them), and the
 * documents it carries (letters), made when it is sent. A mail step whose readers read different languages sends one
 * mail per language ({@link Addressees}).
 */
public record Notification(String template, Language language, List<String> recipients, Map<String, Object> values,
                           List<Enclosure> enclosures) {

    public Notification {
        if (recipients == null || recipients.isEmpty()) {
            throw new IllegalArgumentException("A notification " + template + " needs at least one recipient");
        }
        language = language == null ? Language.EN : language;
        recipients = List.copyOf(recipients);
        values = Map.copyOf(values);
        enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
    }

    /** An English mail. */
    public Notification(String template, List<String> recipients, Map<String, Object> values) {
        this(template, Language.EN, recipients, values, List.of());
    }

    /** A mail in this language. */
    public Notification(String template, Language language, List<String> recipients, Map<String, Object> values) {
        this(template, language, recipients, values, List.of());
    }

    /** The same mail, carrying this document as well. */
    public Notification carrying(Enclosure enclosure) {
        List<Enclosure> more = new ArrayList<>(enclosures);
        more.add(enclosure);
        return new Notification(template, language, recipients, values, more);
    }

    /** The same mail to other recipients (those of its readers who have not had it yet). */
    Notification to(List<String> others) {
        return new Notification(template, language, others, values, enclosures);
    }
}
