package org.cooperationdesk.form;

import java.util.List;

/**
 * A field a user fills in, with the validation the form declares for it (the browser checks the same).
 * {@code keepsPreviousValue}: the field's custom property {@code keepPreviousValue} is "true", so a
 * value the process prepared (a proposal) is shown instead of an empty field. {@code optionsSource}: the
 * {@link FormOptionSource} the field's options come from (custom property {@code options}), or null.
 */
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
        List<String> options,
        boolean keepsPreviousValue,
        String optionsSource) {
}
