package org.cooperationdesk.form;

/**
 * One reason a submission was refused: the field's key, its label as the user saw it, and why, rendered in the
 * request's language when the refusal was made ({@link ValidationMessages}).
 */
public record FieldError(String field, String label, String message) {

    /** "Departure date: must not be in the past", 「出発日：過去の日付は入力できません」. */
    public String describe() {
        return ValidationMessages.render("submission.field", label, message);
    }
}
