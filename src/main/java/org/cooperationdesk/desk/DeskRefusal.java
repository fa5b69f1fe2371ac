package org.cooperationdesk.desk;

import org.springframework.http.HttpStatus;

/**
 * A page the office's desk will not show, with the message key (i18n/desk) that says why and its arguments: a role
 * that may not see it (403), a record that does not exist (404), a parameter that makes no sense (400).
 */
public class DeskRefusal extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] arguments;

    public DeskRefusal(HttpStatus status, String messageKey, Object... arguments) {
        super(status.value() + " " + messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public static DeskRefusal notFound(String messageKey, Object... arguments) {
        return new DeskRefusal(HttpStatus.NOT_FOUND, messageKey, arguments);
    }

    public static DeskRefusal forbidden(String messageKey, Object... arguments) {
        return new DeskRefusal(HttpStatus.FORBIDDEN, messageKey, arguments);
    }

    public static DeskRefusal badRequest(String messageKey, Object... arguments) {
        return new DeskRefusal(HttpStatus.BAD_REQUEST, messageKey, arguments);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
