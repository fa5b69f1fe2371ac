package org.cooperationdesk.dispatch;

/** Process variable names of the expert dispatch process; equal to the form fields' keys. */
public final class DispatchVariables {

    // the request (start form and API)
    public static final String REQUESTING_BODY = "requestingBody";
    public static final String REQUESTER_REFERENCE = "requesterReference";
    public static final String REQUESTER_EMAIL = "requesterEmail";
    public static final String COUNTRY_CODE = "countryCode";
    public static final String PURPOSE = "purpose";
    public static final String TERMS_OF_REFERENCE = "termsOfReference";
    public static final String SKILLS_NEEDED = "skillsNeeded";
    public static final String LANGUAGES_NEEDED = "languagesNeeded";
    public static final String START_DATE = "startDate";
    public static final String DURATION_DAYS = "durationDays";
    public static final String ESTIMATED_COST = "estimatedCost";
    public static final String ESTIMATED_COST_CURRENCY = "estimatedCostCurrency";
    /** The estimated cost in yen at the office's rate: what the senior-approval rule compares. */
    public static final String ESTIMATED_COST_YEN = "estimatedCostYen";
    /** The estimated cost and its yen value as the approval forms show them. */
    public static final String ESTIMATED_COST_TEXT = "estimatedCostText";
    public static final String ESTIMATED_COST_YEN_TEXT = "estimatedCostYenText";
    public static final String FUNDED_BY = "fundedBy";
    /** The reference of the contribution or programme that funds the dispatch (optional). */
    public static final String PROGRAMME = "programme";
    public static final String REQUESTED_BY = "requestedBy";

    // set by the process
    public static final String REQUEST_ID = "requestId";
    public static final String REQUEST_REFERENCE = "requestReference";
    /** The country's name as the office writes it ("Cambodia"): what Tasklist's cards show (see TaskCards). */
    public static final String COUNTRY_NAME = "countryName";
    public static final String EXPERT_CANDIDATES = "expertCandidates";
    /** How many candidates were found: none sends the request straight to closing as unfilled. */
    public static final String EXPERT_CANDIDATES_COUNT = "expertCandidatesCount";
    public static final String DISPATCH_ID = "dispatchId";
    public static final String EXPERT_NAME = "expertName";
    public static final String SENIOR_APPROVAL_REQUIRED = "seniorApprovalRequired";
    public static final String OFFER_OUTCOME = "offerOutcome";
    public static final String STAND_DOWN_REASON = "standDownReason";
    public static final String RELEASE_APPROVED_BY = "releaseApprovedBy";
    public static final String PERSON_DAYS = "personDays";
    /** When the offer lapses without an answer ({@link OfferDeadline}): the answer task's due date, its timer, its link's end. */
    public static final String OFFER_ANSWER_DUE = "offerAnswerDue";

    // task forms
    public static final String MATCH_OUTCOME = "matchOutcome";
    public static final String EXPERT_ID = "expertId";
    public static final String MATCH_NOTE = "matchNote";
    /** On *Decide on request without candidates*: {@link #SEARCH_AGAIN} or {@link #CLOSE}. */
    public static final String NO_CANDIDATE_DECISION = "noCandidateDecision";
    public static final String EXPERT_ANSWER = "expertAnswer";
    public static final String ANSWER_NOTE = "answerNote";
    public static final String RELEASE_DECISION = "releaseDecision";
    public static final String RELEASE_COMMENT = "releaseComment";
    public static final String SENIOR_RELEASE_DECISION = "seniorReleaseDecision";
    public static final String SENIOR_RELEASE_COMMENT = "seniorReleaseComment";
    public static final String MEDICAL_CLEARANCE = "medicalClearance";
    public static final String CLEARANCE_VALID_UNTIL = "clearanceValidUntil";
    public static final String MEDICAL_NOTE = "medicalNote";
    public static final String INSURER = "insurer";
    public static final String INSURANCE_POLICY_NUMBER = "insurancePolicyNumber";
    public static final String BRIEFING_DATE = "briefingDate";
    public static final String SECURITY_CLEARANCE_REFERENCE = "securityClearanceReference";
    public static final String DEPARTURE_DATE = "departureDate";
    public static final String PLANNED_RETURN_DATE = "plannedReturnDate";
    public static final String TRAVEL_BOOKING = "travelBooking";
    public static final String SITREP_SUMMARY = "sitrepSummary";
    public static final String MISSION_OUTLOOK = "missionOutlook";
    public static final String EXTENSION_DAYS = "extensionDays";
    public static final String CHASE_NOTE = "chaseNote";
    public static final String EXTENSION_DECISION = "extensionDecision";
    public static final String EXTENSION_COMMENT = "extensionComment";
    public static final String RETURN_DATE = "returnDate";
    public static final String MISSION_REPORT_SUMMARY = "missionReportSummary";
    public static final String DEBRIEF_NOTES = "debriefNotes";

    // values
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String SELECTED = "selected";
    public static final String NONE_AVAILABLE = "none_available";
    public static final String SEARCH_AGAIN = "search_again";
    public static final String CLOSE = "close";

    private DispatchVariables() {
    }
}
