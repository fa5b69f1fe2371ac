package org.cooperationdesk.portal;

import java.util.List;

/**
 * A field of a partner's page, as the form declares it, in the page's language: rendered as an HTML input of its
 * type, and read back as Tasklist would submit it.
 */
public record PortalField(String key, String type, String label, String description, boolean required, Integer maxLength,
                          Integer decimalDigits, List<Option> options, Object value, String error) {

    /** A choice of a radio, select or checklist: what is stored and what the partner reads. */
    public record Option(String value, String label) {
    }

    public boolean isChoice() {
        return "radio".equals(type) || "select".equals(type);
    }

    public boolean isMultipleChoice() {
        return "checklist".equals(type) || "taglist".equals(type);
    }

    /** The value as an input shows it. */
    public String text() {
        return value == null ? "" : value.toString();
    }

    public boolean chosen(String option) {
        if (value instanceof java.util.Collection<?> values) {
            return values.stream().anyMatch(chosen -> option.equals(String.valueOf(chosen)));
        }
        return value != null && option.equals(value.toString());
    }

    PortalField withValue(Object newValue, String newError) {
        return new PortalField(key, type, label, description, required, maxLength, decimalDigits, options, newValue, newError);
    }
}
