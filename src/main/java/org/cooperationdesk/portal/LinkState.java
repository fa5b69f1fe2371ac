package org.cooperationdesk.portal;

/** Whether a link opens its page; a partner is told the same thing whatever the reason it does not. */
public enum LinkState {
    LIVE, EXPIRED, REVOKED, REPLACED
}
