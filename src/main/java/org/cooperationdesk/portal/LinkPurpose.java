package org.cooperationdesk.portal;

/**
 * What a personal link is sent for. Its scope's reference is the record's reference (the business key of its
 * process); its subject says whose answer it is.
 */
public enum LinkPurpose {
    /** A government's delegation to one meeting: subject = the country's ISO code. */
    MEETING_DELEGATION,
    /** A government's nominations to one course: subject = the country's ISO code. */
    COURSE_NOMINATIONS,
    /** An expert's answer to one offer: subject = the expert's person id and the offer ("12/offer-34", dispatch/DispatchLinks). */
    EXPERT_OFFER,
    /** An expert's weekly situation reports and end-of-mission report of one mission: subject = the expert's person id. */
    MISSION_REPORTS,
    /** An organisation's progress and final reports on one contribution: subject = the organisation's id. */
    CONTRIBUTION_REPORTS
}
