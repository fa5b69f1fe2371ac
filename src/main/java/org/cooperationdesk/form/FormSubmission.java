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

    /**
     * Refuses the submission because of this field: the message {@code key} of {@code i18n/validation}, rendered now in
     * the request's language ({@link ValidationMessages}); the error names the field by its label on the form. An
     * argument that names another field is that field's {@link #label}; a date is a {@link LocalDate}, written as the
     * language writes dates.
     */
    public void reject(String field, String key, Object... arguments) {
        rejectWith(field, ValidationMessages.render(key, arguments));
    }

    /** Refuses the submission because of this field with a reason another component rendered (in the request's language). */
    public void rejectWith(String field, String reason) {
        errors.add(new FieldError(field, label(field), reason));
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
            reject(field, "required");
        }
    }

    public void requireEmail(String field) {
        String text = text(field);
        if (text != null && !text.isEmpty() && !EMAIL.matcher(text).matches()) {
            reject(field, "email");
        }
    }

    /**
     * The field is required when the condition holds; {@code whenKey} is the message key of the condition as the user
     * would say it, e.g. {@code "when.notCleared"} ("when the expert is not cleared").
     */
    public void requireWhen(boolean condition, String field, String whenKey) {
        if (condition && isBlank(field) && !hasErrorOn(field)) {
            reject(field, "required.when", ValidationMessages.render(whenKey));
        }
    }

    /**
     * A decision that sends something back or refuses it carries its reason: the reason field is required when the
     * decision field holds {@code value} (e.g. {@code "rejected"}); {@code whenKey} says it as the user would
     * ({@code "when.rejecting"}: "when rejecting", {@code "when.sendingBack"}: "when sending back").
     */
    public void requireReasonWhen(String decisionField, String value, String reasonField, String whenKey) {
        requireWhen(value.equals(text(decisionField)), reasonField, whenKey);
    }

    /** A count (tranches) is whole: "must be a whole number". */
    public void requireWholeNumber(String field) {
        if (isFraction(field)) {
            reject(field, "number.whole");
        }
    }

    /** A number of days is whole: "must be a whole number of days". */
    public void requireWholeDays(String field) {
        if (isFraction(field)) {
            reject(field, "number.wholeDays");
        }
    }

    private boolean isFraction(String field) {
        BigDecimal number = number(field);
        return number != null && number.stripTrailingZeros().scale() > 0;
    }

    public void requireNotPast(String field, LocalDate today) {
        LocalDate date = date(field);
        if (date != null && date.isBefore(today)) {
            reject(field, "date.notPast");
        }
    }

    public void requireNotFuture(String field, LocalDate today) {
        LocalDate date = date(field);
        if (date != null && date.isAfter(today)) {
            reject(field, "date.notFuture");
        }
    }

    /** A date of the past, such as a date of birth: before today. */
    public void requirePast(String field, LocalDate today) {
        LocalDate date = date(field);
        if (date != null && !date.isBefore(today)) {
            reject(field, "date.past");
        }
    }

    /** Dates in order: {@code laterField} (an end, a return) not before {@code earlierField} (its start, departure). */
    public void requireNotBefore(String laterField, String earlierField) {
        notBefore(laterField, date(earlierField), label(earlierField));
    }

    /**
     * The same against a date the form does not hold, named as the user knows it: {@code whatKey} is the message key
     * of its name, e.g. {@code "what.departureDate"} ("the departure date").
     */
    public void requireNotBefore(String field, LocalDate earliest, String whatKey) {
        notBefore(field, earliest, ValidationMessages.render(whatKey));
    }

    private void notBefore(String field, LocalDate earliest, String what) {
        LocalDate date = date(field);
        if (date != null && earliest != null && date.isBefore(earliest)) {
            reject(field, "date.notBefore", what, earliest);
        }
    }

    /** A deadline before what it serves: {@code field} strictly before {@code laterField} (a course's or meeting's start). */
    public void requireBefore(String field, String laterField) {
        before(field, date(laterField), label(laterField));
    }

    /** The same against a date the form does not hold; {@code whatKey} names it ({@code "what.courseStart"}). */
    public void requireBefore(String field, LocalDate limit, String whatKey) {
        before(field, limit, ValidationMessages.render(whatKey));
    }

    private void before(String field, LocalDate limit, String what) {
        LocalDate date = date(field);
        if (date != null && limit != null && !date.isBefore(limit)) {
            reject(field, "date.before", what, limit);
        }
    }

    /**
     * A passport that is still valid after {@code lastDay}; {@code whatKey} names the day ({@code "what.meetingEnd"}:
     * the meeting's end, {@code "what.sixMonthsAfterCourse"}).
     */
    public void requirePassportValidBeyond(String expiryField, LocalDate lastDay, String whatKey) {
        LocalDate expiry = date(expiryField);
        if (expiry != null && lastDay != null && !expiry.isAfter(lastDay)) {
            reject(expiryField, "passport.validBeyond", ValidationMessages.render(whatKey), lastDay);
        }
    }

    public boolean hasErrorOn(String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    List<FieldError> errors() {
        return errors;
    }
}
