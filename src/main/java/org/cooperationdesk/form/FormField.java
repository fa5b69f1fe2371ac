package org.cooperationdesk.form;

import java.util.List;

/** A field a user fills in, with the validation the form declares for it (the browser checks the same). */
public record FormField(
        String key,
        String label,
        String type,
        boolean required,
        Double min,
        Double max,
        Integer minLength,
        Integer maxLength,
        String pattern,
        boolean email,
        boolean date,
        List<String> options) {
}
