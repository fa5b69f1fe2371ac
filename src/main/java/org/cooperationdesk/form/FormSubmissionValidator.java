package org.cooperationdesk.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Checks a submission on the server against the form's declared rules and the form's {@link FormRules}.
 * Every path in uses it: Tasklist, the engine's REST API and the office's own API.
 */
@Component
public class FormSubmissionValidator {


    private final FormCatalog catalog;
    private final FormOptions options;
    private final Map<String, List<FormRules>> rulesByForm = new HashMap<>();

    public FormSubmissionValidator(FormCatalog catalog, FormOptions options, List<FormRules> rules) {
        this.catalog = catalog;
        this.options = options;
        for (FormRules rule : rules) {
            for (String formId : rule.formIds()) {
                rulesByForm.computeIfAbsent(formId, id -> new ArrayList<>()).add(rule);
            }
        }
    }

    public boolean knows(String formId) {
        return catalog.contains(formId);
    }

    /** @throws InvalidSubmissionException naming every field that breaks a rule */
    public void validate(String formId, Map<String, Object> values, String userId) {
        validate(formId, values::get, userId);
    }

    /** The same, reading each value when a check needs it (a process's variables, one at a time). */
    public void validate(String formId, Function<String, Object> values, String userId) {
        FormSubmission submission = new FormSubmission(formId, values, userId, key -> catalog.label(formId, key));
        for (FormField field : catalog.editableFields(formId)) {
            checkField(field, submission);
        }
        for (FormRules rules : rulesByForm.getOrDefault(formId, List.of())) {
            rules.check(submission);
        }
        if (!submission.errors().isEmpty()) {
            throw new InvalidSubmissionException(submission.errors());
        }
    }

    private void checkField(FormField field, FormSubmission submission) {
        String key = field.key();
        Object value = submission.raw(key);
        if (submission.isBlank(key)) {
            if (field.required()) {
                submission.reject(key, "required");
            }
            return;
        }
        switch (field.type()) {
            case "number" -> checkNumber(field, submission, value);
            case "datetime" -> {
                if (field.date() && FormValues.date(value) == null) {
                    submission.reject(key, "date.format");
                }
            }
            case "checkbox" -> {
                if (!(value instanceof Boolean)) {
                    submission.reject(key, "boolean");
                }
            }
            case "select", "radio" -> {
                if (field.optionsSource() != null) {
                    options.refusal(field.optionsSource(), List.of(value.toString())).ifPresent(reason -> submission.rejectWith(key, reason));
                } else if (!field.options().isEmpty() && !field.options().contains(value.toString())) {
                    submission.reject(key, "option.oneOf", String.join(", ", field.options()));
                }
            }
            case "textfield", "textarea" -> checkText(field, submission, value);
            case "checklist", "taglist" -> {
                List<String> chosen = submission.list(key);
                if (chosen.isEmpty() && !(value instanceof java.util.Collection<?>)) {
                    submission.reject(key, "list");
                } else if (field.optionsSource() != null) {
                    options.refusal(field.optionsSource(), chosen).ifPresent(reason -> submission.rejectWith(key, reason));
                } else if (!field.options().isEmpty() && !field.options().containsAll(chosen)) {
                    submission.reject(key, "option.onlyOf", String.join(", ", field.options()));
                }
            }
            default -> {
            }
        }
    }

    private static void checkNumber(FormField field, FormSubmission submission, Object value) {
        BigDecimal number = FormValues.number(value);
        if (number == null) {
            submission.reject(field.key(), "number");
        } else if (field.min() != null && number.compareTo(BigDecimal.valueOf(field.min())) < 0) {
            submission.reject(field.key(), "number.atLeast", plain(field.min()));
        } else if (field.max() != null && number.compareTo(BigDecimal.valueOf(field.max())) > 0) {
            submission.reject(field.key(), "number.atMost", plain(field.max()));
        }
    }

    private static void checkText(FormField field, FormSubmission submission, Object value) {
        if (!(value instanceof String text)) {
            submission.reject(field.key(), "text");
            return;
        }
        String trimmed = text.trim();
        if (field.minLength() != null && trimmed.length() < field.minLength()) {
            submission.reject(field.key(), "text.minLength", field.minLength());
        } else if (field.maxLength() != null && trimmed.length() > field.maxLength()) {
            submission.reject(field.key(), "text.maxLength", field.maxLength());
        } else if (field.email() && !FormSubmission.EMAIL.matcher(trimmed).matches()) {
            submission.reject(field.key(), "email");
        } else if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(trimmed).matches()) {
            submission.reject(field.key(), "text.pattern");
        }
    }

    private static String plain(Double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

}
