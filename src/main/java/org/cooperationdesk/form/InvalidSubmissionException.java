package org.cooperationdesk.form;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A form or API submission that breaks a rule. Extends the engine's form validation exception so the
 * REST API answers 400 and Tasklist shows the message; the whole transaction is rolled back.
 */
public class InvalidSubmissionException extends FormFieldValidationException {

    /** The one logger of refusals (a form to correct, a choice taken meanwhile): one INFO line each, no stack trace. */
    public static final String REFUSALS_LOG = "org.cooperationdesk.refused";

    private final transient List<FieldError> errors;

    public InvalidSubmissionException(List<FieldError> errors) {
        super(errors, ValidationMessages.render("submission.invalid", errors.stream().map(FieldError::describe)
                .collect(Collectors.joining(ValidationMessages.render("submission.joiner")))));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
