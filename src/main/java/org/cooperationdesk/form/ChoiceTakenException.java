package org.cooperationdesk.form;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * An option a user chose on a form was taken by someone else a moment earlier (the same expert offered for two
 * requests at once). Nothing was saved; the API answers 409 with this message so the user picks another.
 */
public class ChoiceTakenException extends ProcessEngineException {

    public ChoiceTakenException(String message) {
        super(message);
    }
}
