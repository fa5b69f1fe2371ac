package org.cooperationdesk.portal;

/**
 * The variables of a partner's answer in a process, shared by the models, the review form (review-submission) and
 * the portal's delegates: which answer is reviewed, how it is shown, and the coordinator's decision.
 */
public final class PortalVariables {

    /** The review task's form, the same for every answer sent online. */
    public static final String FORM_REVIEW_SUBMISSION = "review-submission";

    /** The answer waiting for review (partner_submission.id), set when the process is told of it. */
    public static final String SUBMISSION_ID = "submissionId";
    /** What the answer is, for the review task ("Delegation of Cambodia to ASEAN-2026-01"). */
    public static final String SUBMISSION_TITLE = "submissionTitle";
    /**
     * The review task's name in Tasklist ("Review delegation of Cambodia"), given by the room when it tells the process;
     * the model's own name ("Review delegation") when absent ({@code nameReviewTaskListener}).
     */
    public static final String REVIEW_TASK_NAME = "reviewTaskName";
    /** The answer as the coordinator reviews it ({@link PartnerSubmissions#summary}). */
    public static final String SUBMISSION_SUMMARY = "submissionSummary";
    /** The coordinator's decision: {@link #ACCEPTED} or {@link #RETURNED}. */
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String ACCEPTED = "accepted";
    public static final String RETURNED = "returned";
    /** Why the answer was returned; the partner reads it on the page and in the mail. */
    public static final String RETURN_REASON = "returnReason";

    /** The mail that tells a partner their answer was returned, with the reason and the same link. */
    public static final String TEMPLATE_SUBMISSION_RETURNED = "submission-returned";
    /** A coordinator's "send the link again" or "send a new link". */
    public static final String TEMPLATE_PARTNER_LINK = "partner-link";

    private PortalVariables() {
    }
}
