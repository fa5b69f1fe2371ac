package org.cooperationdesk.notification;

/** The mail server refused or could not be reached; the engine retries the step. */
public class NotificationFailedException extends RuntimeException {

    public NotificationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
