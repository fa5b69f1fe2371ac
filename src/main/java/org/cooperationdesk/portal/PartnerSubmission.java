package org.cooperationdesk.portal;

import java.time.Instant;
import java.util.Map;

/** An answer a partner sent through a link: the values of the form it answers, and what the office made of it. */
public record PartnerSubmission(long id, long linkId, LinkScope scope, String formId, Map<String, Object> values,
                                SubmissionStatus status, Instant receivedAt, String receivedFrom, Instant decidedAt,
                                String decidedBy, String returnReason) {
}
