package org.cooperationdesk.notification;

import java.util.List;
import java.util.Map;

/** A mail to send: the template that words it, who gets it, and the values the template needs. */
public record Notification(String template, List<String> recipients, Map<String, Object> values) {

    public Notification {
        if (recipients == null || recipients.isEmpty()) {
            throw new IllegalArgumentException("A notification " + template + " needs at least one recipient");
        }
        recipients = List.copyOf(recipients);
        values = Map.copyOf(values);
    }
}
