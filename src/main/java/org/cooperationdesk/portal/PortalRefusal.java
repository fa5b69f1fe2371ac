package org.cooperationdesk.portal;

/**
 * An answer the office cannot take now (already accepted, under review, no longer awaited): the partner's page says
 * why, in the partner's language (message key in i18n/portal, with its arguments), and nothing is changed.
 */
public class PortalRefusal extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public PortalRefusal(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }
}
