package org.cooperationdesk.training;

import org.cooperationdesk.partner.InvitedCountries;

/** Process variable names of the trainee invitation process; equal to the form fields' keys. */
public final class TrainingVariables {

    // course-announcement (start form and API)
    public static final String TITLE = "title";
    public static final String PLACE = "place";
    public static final String START_DATE = "startDate";
    public static final String END_DATE = "endDate";
    public static final String CAPACITY = "capacity";
    public static final String QUOTA_PER_COUNTRY = "quotaPerCountry";
    public static final String MIN_EXPERIENCE_YEARS = "minExperienceYears";
    public static final String MAX_AGE = "maxAge";
    public static final String LANGUAGE = "language";
    public static final String INVITED_GROUP = InvitedCountries.GROUP;
    public static final String ALSO_INVITED = InvitedCountries.ALSO_INVITED;
    public static final String NOT_INVITED = InvitedCountries.NOT_INVITED;
    public static final String NOMINATION_DEADLINE = "nominationDeadline";
    public static final String OPENED_BY = "openedBy";
    /** The reference of the contribution or programme that funds the course (optional). */
    public static final String PROGRAMME = "programme";

    // set by the process
    public static final String COURSE_ID = "courseId";
    public static final String COURSE_REFERENCE = "courseReference";
    public static final String INVITED_COUNTRY_LIST = "invitedCountryList";
    public static final String COUNTRY_CODE = "countryCode";
    public static final String NOMINATION_DEADLINE_AT = "nominationDeadlineAt";
    public static final String NOMINATION_REMINDER_AT = "nominationReminderAt";
    public static final String COUNTRIES_WITHOUT_NOMINATION = "countriesWithoutNomination";
    public static final String ELIGIBLE_NOMINEES = "eligibleNominees";
    /** Guards the selection: its checklist is never offered empty. */
    public static final String ELIGIBLE_NOMINEES_COUNT = "eligibleNomineesCount";
    public static final String NOMINATIONS_REPORT = "nominationsReport";
    public static final String SELECTION_SUMMARY = "selectionSummary";
    public static final String NOTICE_NOMINATION_IDS = "noticeNominationIds";
    public static final String ACCEPTED_NOMINATION_IDS = "acceptedNominationIds";
    public static final String NOMINATION_ID = "nominationId";
    public static final String PLACE_NOMINATION_ID = "placeNominationId";
    public static final String REPLACEMENT_FOUND = "replacementFound";
    public static final String TRAINEE_NAME = "traineeName";
    public static final String TRAINEE_COUNTRY = "traineeCountry";
    /** The trainee's country on the tasks of their place, for Tasklist's cards (see TaskCards). */
    public static final String COUNTRY_NAME = "countryName";
    public static final String ARRIVED_TRAINEES = "arrivedTrainees";
    public static final String ARRIVED_TRAINEES_COUNT = "arrivedTraineesCount";
    public static final String PLACES_REPORT = "placesReport";
    public static final String CERTIFIED_NOMINATION_IDS = "certifiedNominationIds";
    public static final String CERTIFIED_TRAINEES = "certifiedTrainees";
    public static final String CERTIFIED_TRAINEES_COUNT = "certifiedTraineesCount";
    public static final String FINAL_REPORT_REMINDER_AT = "finalReportReminderAt";
    public static final String FINAL_REPORT_DUE_AT = "finalReportDueAt";
    public static final String FINAL_REPORT_DUE_DATE = "finalReportDueDate";
    public static final String MISSING_REPORT_NOMINATION_IDS = "missingReportNominationIds";
    public static final String CANCELLATION_REASON = "cancellationReason";
    public static final String CANCELLATION_RECIPIENTS = "cancellationRecipients";
    public static final String RECIPIENT_KEY = "recipientKey";

    // task forms
    public static final String NOMINATION_ACTION = "nominationAction";
    public static final String OFFICIAL_APPLICATION = "officialApplication";
    public static final String ORGANISATION = "organisation";
    public static final String POSITION = "position";
    public static final String FULL_NAME = "fullName";
    public static final String EMAIL = "email";
    public static final String DATE_OF_BIRTH = "dateOfBirth";
    public static final String PASSPORT_NUMBER = "passportNumber";
    public static final String PASSPORT_EXPIRY = "passportExpiry";
    public static final String YEARS_OF_EXPERIENCE = "yearsOfExperience";
    public static final String NOMINEE_LANGUAGE = "nomineeLanguage";
    public static final String HEALTH_DECLARATION = "healthDeclaration";
    public static final String SELECTED_NOMINEES = "selectedNominees";
    public static final String SELECTION_DECISION = "selectionDecision";
    public static final String SELECTION_COMMENT = "selectionComment";
    public static final String VISA_LETTER_REFERENCE = "visaLetterReference";
    public static final String FLIGHT_BOOKING = "flightBooking";
    public static final String ALLOWANCE_AMOUNT = "allowanceAmount";
    public static final String ALLOWANCE_CURRENCY = "allowanceCurrency";
    public static final String ACCOMMODATION = "accommodation";
    public static final String ARRIVAL_STATUS = "arrivalStatus";
    public static final String ARRIVAL_NOTE = "arrivalNote";
    public static final String COMPLETED_TRAINEES = "completedTrainees";
    public static final String ACTION_PLANS_RECEIVED = "actionPlansReceived";
    public static final String REPORTS_RECEIVED = "reportsReceived";
    public static final String ALL_REPORTS_RECEIVED = "allReportsReceived";
    public static final String EVALUATION_SCORE = "evaluationScore";
    public static final String EVALUATION_SUMMARY = "evaluationSummary";
    public static final String COURSE_DECISION = "courseDecision";
    public static final String EXTEND = "extend";
    public static final String CANCEL = "cancel";
    public static final String NEW_NOMINATION_DEADLINE = "newNominationDeadline";
    public static final String NOT_HELD_REASON = "notHeldReason";

    private TrainingVariables() {
    }
}
