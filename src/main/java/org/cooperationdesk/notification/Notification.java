package org.cooperationdesk.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A mail to send: the template that words it, who gets it, the values the template needs, and the documents it
 * carries (letters), made when it is sent.
 */
public record Notification(String template, List<String> recipients, Map<String, Object> values,
                           List<Enclosure> enclosures) {

    public Notification {
        if (recipients == null || recipients.isEmpty()) {
            throw new IllegalArgumentException("A notification " + template + " needs at least one recipient");
        }
        recipients = List.copyOf(recipients);
        values = Map.copyOf(values);
        enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
    }

    public Notification(String template, List<String> recipients, Map<String, Object> values) {
        this(template, recipients, values, List.of());
    }

    /** The same mail, carrying this document as well. */
    public Notification carrying(Enclosure enclosure) {
        List<Enclosure> more = new ArrayList<>(enclosures);
        more.add(enclosure);
        return new Notification(template, recipients, values, more);
    }
}
