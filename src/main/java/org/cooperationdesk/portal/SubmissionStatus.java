package org.cooperationdesk.portal;

/** Where a partner's answer stands: waiting for a coordinator's review, sent back to be corrected, or taken. */
public enum SubmissionStatus {
    RECEIVED, RETURNED, ACCEPTED;
}
