package org.cooperationdesk.meeting;

import static org.cooperationdesk.meeting.MeetingOrganisationProcess.*;
import static org.cooperationdesk.meeting.MeetingVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.cooperationdesk.form.FormRules;
import org.cooperationdesk.form.FormSubmission;
import org.cooperationdesk.form.FormSubmissionValidator;
import org.springframework.stereotype.Component;

/** The meeting forms' rules beyond what the .form files declare. */
@Component
class MeetingFormRules implements FormRules {

    private static final String[] ORDINALS = {"Head of delegation", "Second delegate", "Third delegate"};

    private final MeetingService meetings;
    private final Clock clock;

    MeetingFormRules(MeetingService meetings, Clock clock) {
        this.meetings = meetings;
        this.clock = clock;
    }

    @Override
    public Set<String> formIds() {
        return Set.of(FORM_MEETING_PLAN, FORM_RECORD_DELEGATION, FORM_REGISTER_DELEGATION, FORM_APPROVE_AGENDA,
                FORM_APPROVE_MINUTES, FORM_SITE_PERMISSION);
    }

    @Override
    public void check(FormSubmission form) {
        LocalDate today = LocalDate.now(clock);
        switch (form.formId()) {
            case FORM_MEETING_PLAN -> {
                FormSubmissionValidator.requireNotPast(form, START_DATE, "Starts", today);
                FormSubmissionValidator.requireNotPast(form, NOMINATION_DEADLINE, "Nomination deadline", today);
                LocalDate start = form.date(START_DATE);
                LocalDate end = form.date(END_DATE);
                LocalDate deadline = form.date(NOMINATION_DEADLINE);
                if (start != null && end != null && end.isBefore(start)) {
                    form.reject(END_DATE, "Ends", "must not be before the start");
                }
                if (start != null && deadline != null && !deadline.isBefore(start)) {
                    form.reject(NOMINATION_DEADLINE, "Nomination deadline", "must be before the meeting starts");
                }
                if (Boolean.TRUE.equals(form.raw(FIELD_VISIT)) && form.isBlank(FIELD_VISIT_SITE)) {
                    form.reject(FIELD_VISIT_SITE, "Field visit site", "is required when a field visit is planned");
                }
            }
            case FORM_RECORD_DELEGATION -> checkDelegation(form);
            case FORM_REGISTER_DELEGATION -> {
                if ("funded".equals(form.text(FUNDING))) {
                    if (form.isBlank(HOTEL_BOOKING)) {
                        form.reject(HOTEL_BOOKING, "Hotel booking", "is required for a funded delegation");
                    }
                    if (form.isBlank(TRAVEL_BOOKING)) {
                        form.reject(TRAVEL_BOOKING, "Flights", "are required for a funded delegation");
                    }
                }
            }
            case FORM_APPROVE_AGENDA -> requireCommentWhenRejected(form, AGENDA_DECISION, AGENDA_COMMENT);
            case FORM_APPROVE_MINUTES -> requireCommentWhenRejected(form, MINUTES_DECISION, MINUTES_COMMENT);
            case FORM_SITE_PERMISSION -> {
                Long meetingId = form.longValue(MEETING_ID);
                LocalDate visit = form.date(VISIT_DATE);
                if (meetingId != null && visit != null) {
                    Meeting meeting = meetings.meeting(meetingId);
                    if (visit.isBefore(meeting.startDate()) || visit.isAfter(meeting.endDate())) {
                        form.reject(VISIT_DATE, "Visit date", "must fall within the meeting (" + meeting.startDate()
                                + " to " + meeting.endDate() + ")");
                    }
                }
            }
            default -> {
            }
        }
    }

    /** A named delegation: a complete head, complete members, within the quota, passports valid for the meeting. */
    void checkDelegation(FormSubmission form) {
        if ("declined".equals(form.text(DELEGATION_ANSWER))) {
            if (form.isBlank(DECLINE_REASON)) {
                form.reject(DECLINE_REASON, "Reason for declining", "is required when the government declines");
            }
            return;
        }
        if (!"nominated".equals(form.text(DELEGATION_ANSWER))) {
            return;
        }
        Long meetingId = form.longValue(MEETING_ID);
        Meeting meeting = meetingId == null ? null : meetings.meeting(meetingId);
        int named = 0;
        for (int i = 0; i < MEMBER_PREFIXES.length; i++) {
            String prefix = MEMBER_PREFIXES[i];
            boolean someGiven = !form.isBlank(prefix + MeetingForms.NAME) || !form.isBlank(prefix + MeetingForms.EMAIL)
                    || !form.isBlank(prefix + MeetingForms.PASSPORT_NUMBER) || !form.isBlank(prefix + MeetingForms.PASSPORT_EXPIRY);
            if (i > 0 && !someGiven) {
                continue;
            }
            named++;
            for (String part : new String[]{MeetingForms.NAME, MeetingForms.EMAIL, MeetingForms.PASSPORT_NUMBER,
                    MeetingForms.PASSPORT_EXPIRY}) {
                if (form.isBlank(prefix + part)) {
                    form.reject(prefix + part, ORDINALS[i], describe(part) + " is required");
                }
            }
            LocalDate expiry = form.date(prefix + MeetingForms.PASSPORT_EXPIRY);
            if (meeting != null && expiry != null && !expiry.isAfter(meeting.endDate())) {
                form.reject(prefix + MeetingForms.PASSPORT_EXPIRY, ORDINALS[i],
                        "the passport must be valid beyond the meeting's end (" + meeting.endDate() + ")");
            }
        }
        if (meeting != null && named > meeting.delegateQuota()) {
            form.reject("delegate" + named + MeetingForms.NAME, ORDINALS[named - 1],
                    "the quota is " + meeting.delegateQuota() + " delegate(s) per country, head included");
        }
    }

    private static String describe(String part) {
        return switch (part) {
            case MeetingForms.NAME -> "the name";
            case MeetingForms.EMAIL -> "the e-mail address";
            case MeetingForms.PASSPORT_NUMBER -> "the passport number";
            default -> "the passport's expiry date";
        };
    }

    private static void requireCommentWhenRejected(FormSubmission form, String decision, String comment) {
        if ("rejected".equals(form.text(decision)) && form.isBlank(comment)) {
            form.reject(comment, "Comment", "is required when sending back");
        }
    }
}
