package org.cooperationdesk.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a user submitted on a form, with the process variables already known, as seen by the rules.
 * Typed getters return null for a missing or malformed value: the form's own checks report those.
 */
public final class FormSubmission {

    private final String formId;
    private final Function<String, Object> values;
    private final String userId;
    private final List<FieldError> errors = new ArrayList<>();

    public FormSubmission(String formId, Map<String, Object> values, String userId) {
        this(formId, values::get, userId);
    }

    /** Values looked up one by one: in a process, only the variables the form and its rules read are loaded. */
    public FormSubmission(String formId, Function<String, Object> values, String userId) {
        this.formId = formId;
        this.values = values;
        this.userId = userId;
    }

    public String formId() {
        return formId;
    }

    /** The user submitting, or null when unknown (engine-internal start). */
    public String userId() {
        return userId;
    }

    public Object raw(String key) {
        return values.apply(key);
    }

    public boolean isBlank(String key) {
        Object value = values.apply(key);
        return value == null || (value instanceof String s && s.isBlank())
                || (FormValues.isList(value) && FormValues.list(value).isEmpty());
    }

    /** A checklist or tag list; empty when missing. */
    public List<String> list(String key) {
        return FormValues.list(values.apply(key));
    }

    public List<Long> ids(String key) {
        return FormValues.ids(values.apply(key));
    }

    public String text(String key) {
        Object value = values.apply(key);
        return value == null ? null : value.toString().trim();
    }

    public LocalDate date(String key) {
        return FormValues.date(values.apply(key));
    }

    public Long longValue(String key) {
        BigDecimal number = FormValues.number(values.apply(key));
        return number == null ? null : number.longValue();
    }

    public BigDecimal number(String key) {
        return FormValues.number(values.apply(key));
    }

    public void reject(String field, String label, String message) {
        errors.add(new FieldError(field, label, message));
    }

    public boolean hasErrorOn(String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    List<FieldError> errors() {
        return errors;
    }
}
