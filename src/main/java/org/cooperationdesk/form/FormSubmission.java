package org.cooperationdesk.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a user submitted on a form, with the process variables already known, as seen by the rules.
 * Typed getters return null for a missing or malformed value: the form's own checks report those.
 */
public final class FormSubmission {

    private final String formId;
    private final Function<String, Object> values;
    private final String userId;
    private final Function<String, String> labels;
    private final List<FieldError> errors = new ArrayList<>();

    public FormSubmission(String formId, Map<String, Object> values, String userId) {
        this(formId, values::get, userId, key -> key);
    }

    /**
     * A request of the office API that no form describes (a postponement, a change after the freeze), checked with
     * the same rules and wording as the forms; {@code labels} name its fields as the API's documentation does.
     */
    public static FormSubmission ofRequest(String name, Map<String, ?> values, Map<String, String> labels) {
        return new FormSubmission(name, values::get, null, key -> labels.getOrDefault(key, key));
    }

    /**
     * Values looked up one by one: in a process, only the variables the form and its rules read are loaded.
     * {@code labels} gives each field's label as the form file has it, so a message names the field as the user saw it.
     */
    public FormSubmission(String formId, Function<String, Object> values, String userId, Function<String, String> labels) {
        this.formId = formId;
        this.values = values;
        this.userId = userId;
        this.labels = labels;
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

    /** The field's label on the form (its key when the form has no such field). */
    public String label(String field) {
        return labels.apply(field);
    }

    /** Refuses the submission because of this field; the message names it by its label on the form. */
    public void reject(String field, String message) {
        errors.add(new FieldError(field, label(field), message));
    }

    /**
     * The reason an office API request carries (a stand-down, a cancellation), trimmed.
     *
     * @throws InvalidSubmissionException naming the field {@code reason} when there is none
     */
    public static String requiredReason(String reason) {
        FormSubmission request = ofRequest("reason", java.util.Collections.singletonMap("reason", reason), Map.of("reason", "Reason"));
        request.require("reason");
        request.throwIfInvalid();
        return reason.trim();
    }

    /** @throws InvalidSubmissionException naming every field rejected so far */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
    }

    // ---- Rules that several forms share: one wording, one place. ----

    /** What an e-mail address looks like, for the forms' e-mail fields and the API alike. */
    public static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public void require(String field) {
        if (isBlank(field) && !hasErrorOn(field)) {
            reject(field, "is required");
        }
    }

    public void requireEmail(String field) {
        String text = text(field);
        if (text != null && !text.isEmpty() && !EMAIL.matcher(text).matches()) {
            reject(field, "must be an e-mail address");
        }
    }

    /** The field is required when the condition holds, e.g. {@code "when the expert is not cleared"}. */
    public void requireWhen(boolean condition, String field, String when) {
        if (condition && isBlank(field) && !hasErrorOn(field)) {
            reject(field, "is required " + when);
        }
    }

    /**
     * A decision that sends something back or refuses it carries its reason: the reason field is required when the
     * decision field holds {@code value} (e.g. {@code "rejected"}); {@code when} says it as the user would
     * ({@code "when rejecting"}, {@code "when sending back"}).
     */
    public void requireReasonWhen(String decisionField, String value, String reasonField, String when) {
        requireWhen(value.equals(text(decisionField)), reasonField, when);
    }

    /** A count (days, tranches) is whole: "must be a whole number of days". */
    public void requireWholeNumber(String field, String ofWhat) {
        java.math.BigDecimal number = number(field);
        if (number != null && number.stripTrailingZeros().scale() > 0) {
            reject(field, "must be a whole number" + (ofWhat == null ? "" : " of " + ofWhat));
        }
    }

    public void requireNotPast(String field, LocalDate today) {
        LocalDate date = date(field);
        if (date != null && date.isBefore(today)) {
            reject(field, "must not be in the past");
        }
    }

    public void requireNotFuture(String field, LocalDate today) {
        LocalDate date = date(field);
        if (date != null && date.isAfter(today)) {
            reject(field, "must not be in the future");
        }
    }

    /** A date of the past, such as a date of birth: before today. */
    public void requirePast(String field, LocalDate today) {
        LocalDate date = date(field);
        if (date != null && !date.isBefore(today)) {
            reject(field, "must be in the past");
        }
    }

    /** Dates in order: {@code laterField} (an end, a return) not before {@code earlierField} (its start, departure). */
    public void requireNotBefore(String laterField, String earlierField) {
        requireNotBefore(laterField, date(earlierField), label(earlierField));
    }

    /** The same against a date the form does not hold, named as the user knows it ("the departure date"). */
    public void requireNotBefore(String field, LocalDate earliest, String what) {
        LocalDate date = date(field);
        if (date != null && earliest != null && date.isBefore(earliest)) {
            reject(field, "must not be before " + what + " (" + earliest + ")");
        }
    }

    /** A deadline before what it serves: {@code field} strictly before {@code laterField} (a course's or meeting's start). */
    public void requireBefore(String field, String laterField) {
        requireBefore(field, date(laterField), label(laterField));
    }

    public void requireBefore(String field, LocalDate limit, String what) {
        LocalDate date = date(field);
        if (date != null && limit != null && !date.isBefore(limit)) {
            reject(field, "must be before " + what + " (" + limit + ")");
        }
    }

    /** A passport that is still valid after {@code lastDay} (a meeting's end, six months after a course). */
    public void requirePassportValidBeyond(String expiryField, LocalDate lastDay, String what) {
        LocalDate expiry = date(expiryField);
        if (expiry != null && lastDay != null && !expiry.isAfter(lastDay)) {
            reject(expiryField, "the passport must be valid beyond " + what + " (" + lastDay + ")");
        }
    }

    public boolean hasErrorOn(String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    List<FieldError> errors() {
        return errors;
    }
}
