package org.cooperationdesk.meeting;

import org.cooperationdesk.partner.InvitedCountries;

/** Process variable names of the meeting organisation process; equal to the form fields' keys. */
public final class MeetingVariables {

    // meeting-plan (start form and API)
    public static final String TITLE = "title";
    public static final String THEME = "theme";
    public static final String KIND = "kind";
    public static final String START_DATE = "startDate";
    public static final String END_DATE = "endDate";
    public static final String VENUE = "venue";
    public static final String HOST_COUNTRY = "hostCountry";
    public static final String CO_ORGANISERS = "coOrganisers";
    public static final String BUDGET = "budget";
    public static final String INVITED_GROUP = InvitedCountries.GROUP;
    public static final String ALSO_INVITED = InvitedCountries.ALSO_INVITED;
    public static final String NOT_INVITED = InvitedCountries.NOT_INVITED;
    public static final String BUDGET_CURRENCY = "budgetCurrency";
    /** The reference of the contribution or programme that funds the meeting (optional). */
    public static final String PROGRAMME = "programme";
    public static final String DELEGATE_QUOTA = "delegateQuota";
    public static final String NOMINATION_DEADLINE = "nominationDeadline";
    public static final String FIELD_VISIT = "fieldVisit";
    public static final String FIELD_VISIT_SITE = "fieldVisitSite";
    public static final String PLANNED_BY = "plannedBy";

    // set by the process
    public static final String MEETING_ID = "meetingId";
    public static final String MEETING_REFERENCE = "meetingReference";
    public static final String INVITED_COUNTRY_LIST = "invitedCountryList";
    public static final String COUNTRY_CODE = "countryCode";
    /** The invited country's name in its delegation's sub process: the forms and Tasklist's cards show it. */
    public static final String COUNTRY_NAME = "countryName";
    public static final String NOMINATION_DEADLINE_AT = "nominationDeadlineAt";
    public static final String NOMINATION_REMINDER_AT = "nominationReminderAt";
    public static final String REGISTERED_DELEGATES = "registeredDelegates";
    /** Guards the attendance list and the programme: named {@code <valuesKey>Count} as the model convention asks. */
    public static final String REGISTERED_DELEGATES_COUNT = "registeredDelegatesCount";
    public static final String ATTENDED_DELEGATES_COUNT = "attendedDelegatesCount";
    public static final String COUNTRY_ANSWERS = "countryAnswers";
    public static final String SUMMARY_RECIPIENTS = "summaryRecipients";
    public static final String RECIPIENT_KEY = "recipientKey";
    public static final String CHANGE_ID = "changeId";
    public static final String CHANGE_SUMMARY = "changeSummary";
    public static final String NEW_START_DATE = "newStartDate";
    public static final String NEW_END_DATE = "newEndDate";
    public static final String POSTPONEMENT_REASON = "postponementReason";
    public static final String POSTPONEMENT_RECIPIENTS = "postponementRecipients";
    public static final String CANCELLATION_REASON = "cancellationReason";
    public static final String CANCELLATION_RECIPIENTS = "cancellationRecipients";

    // task forms
    public static final String DELEGATION_ANSWER = "delegationAnswer";
    public static final String DECLINE_REASON = "declineReason";
    public static final String FOLLOW_UP_OUTCOME = "followUpOutcome";
    public static final String FOLLOW_UP_NOTE = "followUpNote";
    public static final String FUNDING = "funding";
    public static final String HOTEL_BOOKING = "hotelBooking";
    public static final String TRAVEL_BOOKING = "travelBooking";
    public static final String VISA_LETTERS_REQUIRED = "visaLettersRequired";
    public static final String AGENDA = "agenda";
    public static final String AGENDA_DECISION = "agendaDecision";
    public static final String AGENDA_COMMENT = "agendaComment";
    public static final String SITE_PERMISSION_REFERENCE = "sitePermissionReference";
    public static final String VISIT_DATE = "visitDate";
    public static final String TRANSPORT_ARRANGEMENT = "transportArrangement";
    public static final String ATTENDED_DELEGATES = "attendedDelegates";
    public static final String CHAIR_SUMMARY = "chairSummary";
    public static final String RECOMMENDATIONS = "recommendations";
    public static final String MINUTES_DECISION = "minutesDecision";
    public static final String MINUTES_COMMENT = "minutesComment";
    public static final String CHANGE_DECISION = "changeDecision";
    public static final String CHANGE_COMMENT = "changeComment";
    // decide-meeting-without-delegates (also newStartDate, newEndDate, postponementReason, cancellationReason)
    public static final String MEETING_DECISION = "meetingDecision";
    public static final String NEW_NOMINATION_DEADLINE = "newNominationDeadline";
    public static final String DECISION_POSTPONED = "postponed";
    public static final String DECISION_CANCELLED = "cancelled";

    /** The delegation members on the record-delegation form: head, second and third delegate. */
    public static final String[] MEMBER_PREFIXES = {"head", "delegate2", "delegate3"};

    private MeetingVariables() {
    }
}
