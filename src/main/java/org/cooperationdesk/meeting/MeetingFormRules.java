package org.cooperationdesk.meeting;

import static org.cooperationdesk.meeting.MeetingOrganisationProcess.*;
import static org.cooperationdesk.meeting.MeetingVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.cooperationdesk.form.FormRules;
import org.cooperationdesk.form.FormSubmission;
import org.cooperationdesk.partner.AmountRules;
import org.cooperationdesk.partner.InvitedCountries;
import org.springframework.stereotype.Component;

/** The meeting forms' rules beyond what the .form files declare. */
@Component
class MeetingFormRules implements FormRules {

    private static final String[] DELEGATION_PARTS = {MeetingForms.NAME, MeetingForms.EMAIL, MeetingForms.PASSPORT_NUMBER,
            MeetingForms.PASSPORT_EXPIRY};

    private final MeetingService meetings;
    private final Clock clock;

    private final InvitedCountries invitedCountries;
    private final AmountRules amounts;

    MeetingFormRules(MeetingService meetings, Clock clock, InvitedCountries invitedCountries, AmountRules amounts) {
        this.invitedCountries = invitedCountries;
        this.amounts = amounts;
        this.meetings = meetings;
        this.clock = clock;
    }

    @Override
    public Set<String> formIds() {
        return Set.of(FORM_MEETING_PLAN, FORM_RECORD_DELEGATION, FORM_REGISTER_DELEGATION, FORM_APPROVE_AGENDA,
                FORM_APPROVE_MINUTES, FORM_SITE_PERMISSION, FORM_DECIDE_MEETING_WITHOUT_DELEGATES);
    }

    @Override
    public void check(FormSubmission form) {
        LocalDate today = LocalDate.now(clock);
        switch (form.formId()) {
            case FORM_MEETING_PLAN -> {
                checkSchedule(form, START_DATE, END_DATE, NOMINATION_DEADLINE, today);
                form.requireWhen(Boolean.TRUE.equals(form.raw(FIELD_VISIT)), FIELD_VISIT_SITE, "when.fieldVisit");
                invitedCountries.check(form);
                amounts.requireYenRate(form, BUDGET, BUDGET_CURRENCY);
            }
            case FORM_RECORD_DELEGATION -> checkDelegation(form);
            case FORM_REGISTER_DELEGATION -> {
                boolean funded = "funded".equals(form.text(FUNDING));
                form.requireWhen(funded, HOTEL_BOOKING, "when.fundedDelegation");
                form.requireWhen(funded, TRAVEL_BOOKING, "when.fundedDelegation");
            }
            case FORM_APPROVE_AGENDA -> form.requireReasonWhen(AGENDA_DECISION, "rejected", AGENDA_COMMENT, "when.sendingBack");
            case FORM_APPROVE_MINUTES -> form.requireReasonWhen(MINUTES_DECISION, "rejected", MINUTES_COMMENT, "when.sendingBack");
            case FORM_DECIDE_MEETING_WITHOUT_DELEGATES -> {
                boolean postponed = DECISION_POSTPONED.equals(form.text(MEETING_DECISION));
                for (String key : new String[]{NEW_START_DATE, NEW_END_DATE, NEW_NOMINATION_DEADLINE, POSTPONEMENT_REASON}) {
                    form.requireWhen(postponed, key, "when.postponing");
                }
                if (postponed) {
                    checkSchedule(form, NEW_START_DATE, NEW_END_DATE, NEW_NOMINATION_DEADLINE, today);
                }
                form.requireReasonWhen(MEETING_DECISION, DECISION_CANCELLED, CANCELLATION_REASON, "when.cancelling");
            }
            case FORM_SITE_PERMISSION -> {
                Long meetingId = form.longValue(MEETING_ID);
                LocalDate visit = form.date(VISIT_DATE);
                if (meetingId != null && visit != null) {
                    Meeting meeting = meetings.meeting(meetingId);
                    if (visit.isBefore(meeting.startDate()) || visit.isAfter(meeting.endDate())) {
                        form.reject(VISIT_DATE, "meeting.visitWithinMeeting", meeting.startDate(), meeting.endDate());
                    }
                }
            }
            default -> {
            }
        }
    }

    /**
     * A meeting's dates and its answer deadline, whether planned or postponed: none in the past, the end not
     * before the start, the deadline before the start.
     */
    private static void checkSchedule(FormSubmission form, String startKey, String endKey, String deadlineKey, LocalDate today) {
        form.requireNotPast(startKey, today);
        form.requireNotPast(deadlineKey, today);
        form.requireNotBefore(endKey, startKey);
        form.requireBefore(deadlineKey, startKey);
    }

    /** A named delegation: a complete head, complete members, within the quota, passports valid for the meeting. */
    void checkDelegation(FormSubmission form) {
        form.requireReasonWhen(DELEGATION_ANSWER, "declined", DECLINE_REASON, "when.governmentDeclines");
        if (!"nominated".equals(form.text(DELEGATION_ANSWER))) {
            return;
        }
        Long meetingId = form.longValue(MEETING_ID);
        Meeting meeting = meetingId == null ? null : meetings.meeting(meetingId);
        int named = 0;
        for (int i = 0; i < MEMBER_PREFIXES.length; i++) {
            String prefix = MEMBER_PREFIXES[i];
            boolean someGiven = false;
            for (String part : DELEGATION_PARTS) {
                someGiven |= !form.isBlank(prefix + part);
            }
            if (i > 0 && !someGiven) {
                continue;
            }
            named++;
            for (String part : DELEGATION_PARTS) {
                form.requireWhen(true, prefix + part, i == 0 ? "when.headOfDelegation" : "when.eachDelegate");
            }
            if (meeting != null) {
                form.requirePassportValidBeyond(prefix + MeetingForms.PASSPORT_EXPIRY, meeting.endDate(), "what.meetingEnd");
            }
        }
        if (meeting != null && named > meeting.delegateQuota()) {
            form.reject(MEMBER_PREFIXES[named - 1] + MeetingForms.NAME, "meeting.delegateQuota", meeting.delegateQuota());
        }
    }
}
