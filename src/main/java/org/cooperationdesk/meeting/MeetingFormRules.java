package org.cooperationdesk.meeting;

import static org.cooperationdesk.meeting.MeetingOrganisationProcess.*;
import static org.cooperationdesk.meeting.MeetingVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.cooperationdesk.form.FormCatalog;
import org.cooperationdesk.form.FormField;
import org.cooperationdesk.form.FormRules;
import org.cooperationdesk.form.FormSubmission;
import org.cooperationdesk.form.FormSubmissionValidator;
import org.springframework.stereotype.Component;

/** The meeting forms' rules beyond what the .form files declare. */
@Component
class MeetingFormRules implements FormRules {

    private static final String[] ORDINALS = {"Head of delegation", "Second delegate", "Third delegate"};

    private final MeetingService meetings;
    private final FormCatalog forms;
    private final Clock clock;

    MeetingFormRules(MeetingService meetings, FormCatalog forms, Clock clock) {
        this.meetings = meetings;
        this.forms = forms;
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
            case FORM_DECIDE_MEETING_WITHOUT_DELEGATES -> {
                if (DECISION_POSTPONED.equals(form.text(MEETING_DECISION))) {
                    requireAll(form, NEW_START_DATE, NEW_END_DATE, NEW_NOMINATION_DEADLINE, POSTPONEMENT_REASON);
                    checkSchedule(form, NEW_START_DATE, NEW_END_DATE, NEW_NOMINATION_DEADLINE, today);
                } else if (DECISION_CANCELLED.equals(form.text(MEETING_DECISION))) {
                    requireAll(form, CANCELLATION_REASON);
                }
            }
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

    /**
     * A meeting's dates and its answer deadline, whether planned or postponed: none in the past, the end not
     * before the start, the deadline before the start. Labels as the form shows them.
     */
    private void checkSchedule(FormSubmission form, String startKey, String endKey, String deadlineKey, LocalDate today) {
        FormSubmissionValidator.requireNotPast(form, startKey, label(form, startKey), today);
        FormSubmissionValidator.requireNotPast(form, deadlineKey, label(form, deadlineKey), today);
        LocalDate start = form.date(startKey);
        LocalDate end = form.date(endKey);
        LocalDate deadline = form.date(deadlineKey);
        if (start != null && end != null && end.isBefore(start)) {
            form.reject(endKey, label(form, endKey), "must not be before the start");
        }
        if (start != null && deadline != null && !deadline.isBefore(start)) {
            form.reject(deadlineKey, label(form, deadlineKey), "must be before the meeting starts");
        }
    }

    /** Fields the form cannot mark required because they depend on the choice made: required once it is made. */
    private void requireAll(FormSubmission form, String... keys) {
        for (String key : keys) {
            if (form.isBlank(key) && !form.hasErrorOn(key)) {
                form.reject(key, label(form, key), "is required");
            }
        }
    }

    private String label(FormSubmission form, String key) {
        return forms.editableFields(form.formId()).stream().filter(field -> field.key().equals(key))
                .map(FormField::label).findFirst().orElse(key);
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
