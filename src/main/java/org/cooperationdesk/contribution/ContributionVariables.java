package org.cooperationdesk.contribution;

/** Process variable names of the contribution process; equal to the form fields' keys. */
public final class ContributionVariables {

    // the proposal (start form and API)
    public static final String ORGANISATION_CODE = "organisationCode";
    public static final String ORGANISATION_REFERENCE = "organisationReference";
    public static final String ORGANISATION_EMAIL = "organisationEmail";
    public static final String TITLE = "title";
    public static final String OBJECTIVES = "objectives";
    public static final String RECIPIENT_GROUP = "recipientGroup";
    public static final String RECIPIENT_COUNTRIES = "recipientCountries";
    public static final String SECTOR_CODE = "sectorCode";
    public static final String CONTRIBUTION_KIND = "contributionKind";
    public static final String START_DATE = "startDate";
    public static final String END_DATE = "endDate";
    public static final String AMOUNT = "amount";
    public static final String AMOUNT_CURRENCY = "amountCurrency";
    public static final String PLANNED_TRANCHES = "plannedTranches";
    public static final String REPORTING_INTERVAL_MONTHS = "reportingIntervalMonths";
    public static final String PROGRAMME_OFFICER = "programmeOfficer";
    public static final String REGISTERED_BY = "registeredBy";

    // set by the process from the record
    public static final String CONTRIBUTION_ID = "contributionId";
    public static final String CONTRIBUTION_REFERENCE = "contributionReference";
    /** The amount in yen at the office's rate: what both DMN tables compare. */
    public static final String AMOUNT_YEN = "amountYen";
    public static final String AMOUNT_TEXT = "amountText";
    public static final String AMOUNT_YEN_TEXT = "amountYenText";
    /** How many Japanese fiscal years (April to March) the contribution spans. */
    public static final String FISCAL_YEARS = "fiscalYears";
    public static final String DURATION_MONTHS = "durationMonths";
    public static final String RECIPIENTS_TEXT = "recipientsText";
    /** The recipient country's name when the contribution goes to one country alone: what Tasklist's cards show. */
    public static final String COUNTRY_NAME = "countryName";

    // appraisal and revision
    public static final String PRIORITY_FIT = "priorityFit";
    public static final String APPRAISAL_NOTE = "appraisalNote";
    public static final String APPRAISAL_OUTCOME = "appraisalOutcome";
    public static final String REVISION_REQUEST = "revisionRequest";
    public static final String REVISED_ON = "revisedOn";
    public static final String REVISION_SUMMARY = "revisionSummary";
    public static final String MISSING_REVISION_DECISION = "missingRevisionDecision";
    public static final String MISSING_REVISION_NOTE = "missingRevisionNote";

    // decision
    public static final String DIRECTOR_DECISION_REQUIRED = "directorDecisionRequired";
    public static final String CONTRIBUTION_DECISION = "contributionDecision";
    public static final String CONTRIBUTION_DECISION_REASON = "contributionDecisionReason";
    public static final String CONTRIBUTION_DECIDED_BY = "contributionDecidedBy";
    public static final String DIRECTOR_DECISION = "directorDecision";
    public static final String DIRECTOR_DECISION_REASON = "directorDecisionReason";

    // agreement
    public static final String AGREEMENT_REFERENCE = "agreementReference";
    public static final String SIGNED_ON = "signedOn";
    public static final String MINISTRY_SIGNATORY = "ministrySignatory";
    public static final String ORGANISATION_SIGNATORY = "organisationSignatory";
    public static final String EVALUATION_TERMS = "evaluationTerms";
    public static final String EVALUATION_LEVEL = "evaluationLevel";

    // tranches
    public static final String TRANCHE_NUMBER = "trancheNumber";
    public static final String TRANCHES_PAID = "tranchesPaid";
    public static final String MORE_TRANCHES = "moreTranches";
    public static final String PAID_TEXT = "paidText";
    public static final String REMAINING_TEXT = "remainingText";
    public static final String TRANCHE_AMOUNT = "trancheAmount";
    public static final String PLANNED_PAYMENT_DATE = "plannedPaymentDate";
    public static final String TRANCHE_NOTE = "trancheNote";
    public static final String TRANCHE_ID = "trancheId";
    public static final String TRANCHE_AMOUNT_TEXT = "trancheAmountText";
    public static final String TRANCHE_YEN_TEXT = "trancheYenText";
    public static final String TRANCHE_DECISION = "trancheDecision";
    public static final String TRANCHE_DECISION_REASON = "trancheDecisionReason";
    public static final String PAID_ON = "paidOn";
    public static final String PAYMENT_REFERENCE = "paymentReference";

    // reports
    public static final String REPORT_NUMBER = "reportNumber";
    public static final String PROGRESS_REPORT_DUE = "progressReportDue";
    public static final String REPORT_DUE_DATE = "reportDueDate";
    public static final String REPORT_REMINDER_AT = "reportReminderAt";
    public static final String REPORT_OVERDUE_AT = "reportOverdueAt";
    public static final String REPORT_KIND = "reportKind";
    public static final String REPORT_RECEIVED_ON = "reportReceivedOn";
    public static final String REPORT_SUMMARY = "reportSummary";
    public static final String REPORT_DECISION = "reportDecision";
    public static final String REPORT_RETURN_REASON = "reportReturnReason";

    // evaluation
    public static final String EVALUATOR = "evaluator";
    public static final String EVALUATION_COMPLETED_ON = "evaluationCompletedOn";
    public static final String EVALUATION_RATING = "evaluationRating";
    public static final String EVALUATION_FINDINGS = "evaluationFindings";

    // sent with the messages
    public static final String SUSPENSION_REASON = "suspensionReason";
    public static final String RESUMPTION_NOTE = "resumptionNote";
    public static final String TERMINATION_REASON = "terminationReason";
    /** Who suspended, resumed or terminated the contribution through the office API. */
    public static final String ACTED_BY = "actedBy";

    // values
    public static final String FORWARD = "forward";
    public static final String REVISE = "revise";
    public static final String WAIT = "wait";
    public static final String CLOSE = "close";
    public static final String APPROVED = "approved";
    public static final String REFUSED = "refused";
    public static final String ACCEPTED = "accepted";
    public static final String RETURNED = "returned";
    public static final String EVALUATION_NONE = "none";
    public static final String EVALUATION_INTERNAL = "internal";
    public static final String EVALUATION_INDEPENDENT = "independent";

    private ContributionVariables() {
    }
}
