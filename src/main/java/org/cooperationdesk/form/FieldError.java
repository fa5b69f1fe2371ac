package org.cooperationdesk.form;

/** One reason a submission was refused: the field's key, its label as the user saw it, and why. */
public record FieldError(String field, String label, String message) {

    public String describe() {
        return label + ": " + message;
    }
}
