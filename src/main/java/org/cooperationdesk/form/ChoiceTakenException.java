package org.cooperationdesk.form;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * An option a user chose on a form was taken by someone else a moment earlier (the same expert offered for two
 * requests at once). Nothing was saved; the API answers 409 with this message so the user picks another.
 */
public class ChoiceTakenException extends ProcessEngineException {

    /** The engine's REST API wraps every exception alike (500); the request's thread remembers this one for its 409. */
    private static final ThreadLocal<ChoiceTakenException> THROWN_ON_THIS_THREAD = new ThreadLocal<>();

    public ChoiceTakenException(String message) {
        super(message);
        THROWN_ON_THIS_THREAD.set(this);
    }

    /** The one thrown on this thread since the last call, if any; forgets it. */
    public static java.util.Optional<ChoiceTakenException> takeThrownOnThisThread() {
        ChoiceTakenException thrown = THROWN_ON_THIS_THREAD.get();
        THROWN_ON_THIS_THREAD.remove();
        return java.util.Optional.ofNullable(thrown);
    }
}
