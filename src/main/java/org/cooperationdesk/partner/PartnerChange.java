package org.cooperationdesk.partner;

import java.time.Instant;

/** One field of a country, organisation or contact changed by an admin: before, after, who and when. */
public record PartnerChange(String field, String oldValue, String newValue, String changedBy, Instant changedAt) {

    /** What a change is about; the subject's code is the country or organisation code, or the contact's id. */
    public enum Subject {
        COUNTRY, ORGANISATION, CONTACT
    }
}
