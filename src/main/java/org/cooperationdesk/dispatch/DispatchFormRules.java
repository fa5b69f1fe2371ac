package org.cooperationdesk.dispatch;

import static org.cooperationdesk.dispatch.DispatchVariables.*;
import static org.cooperationdesk.dispatch.ExpertDispatchProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import org.cooperationdesk.form.FormRules;
import org.cooperationdesk.form.FormSubmission;
import org.cooperationdesk.form.FormSubmissionValidator;
import org.cooperationdesk.partner.PartnerRepository;
import org.cooperationdesk.people.Expert;
import org.cooperationdesk.people.ExpertRoster;
import org.springframework.stereotype.Component;

/** The expert dispatch forms' rules beyond required fields and ranges (those are in the .form files). */
@Component
class DispatchFormRules implements FormRules {

    private final PartnerRepository partners;
    private final ExpertRoster roster;
    private final DispatchRecords records;
    private final DispatchService dispatches;
    private final Clock clock;

    DispatchFormRules(PartnerRepository partners, ExpertRoster roster, DispatchRecords records,
                      DispatchService dispatches, Clock clock) {
        this.partners = partners;
        this.roster = roster;
        this.records = records;
        this.dispatches = dispatches;
        this.clock = clock;
    }

    @Override
    public Set<String> formIds() {
        return Set.of(FORM_DISPATCH_REQUEST, FORM_MATCH_EXPERT, FORM_APPROVE_RELEASE, FORM_APPROVE_RELEASE_SENIOR,
                FORM_CHECK_MEDICAL_CLEARANCE, FORM_BRIEF_SECURITY, FORM_BOOK_TRAVEL, FORM_RECORD_SITUATION_REPORT,
                FORM_APPROVE_EXTENSION, FORM_DEBRIEF_EXPERT);
    }

    @Override
    public void check(FormSubmission form) {
        LocalDate today = LocalDate.now(clock);
        switch (form.formId()) {
            case FORM_DISPATCH_REQUEST -> {
                if (!form.isBlank(REQUESTING_BODY) && !form.hasErrorOn(REQUESTING_BODY) && partners.organisation(form.text(REQUESTING_BODY)).isEmpty()) {
                    form.reject(REQUESTING_BODY, "Requesting body", "is not a known partner organisation");
                }
                if (!form.isBlank(COUNTRY_CODE) && !form.hasErrorOn(COUNTRY_CODE) && partners.country(form.text(COUNTRY_CODE)).isEmpty()) {
                    form.reject(COUNTRY_CODE, "Country", "is not a known partner country");
                }
                FormSubmissionValidator.requireNotPast(form, START_DATE, "Start date", today);
                requireWholeNumber(form, DURATION_DAYS, "Duration (days)");
            }
            case FORM_MATCH_EXPERT -> checkMatch(form, today);
            case FORM_APPROVE_RELEASE ->
                    requireReasonWhenRejected(form, RELEASE_DECISION, RELEASE_COMMENT, "Reason");
            case FORM_APPROVE_RELEASE_SENIOR -> {
                requireReasonWhenRejected(form, SENIOR_RELEASE_DECISION, SENIOR_RELEASE_COMMENT, "Reason");
                if (form.userId() != null && Objects.equals(form.userId(), form.text(RELEASE_APPROVED_BY))) {
                    form.reject(SENIOR_RELEASE_DECISION, "Decision",
                            "the senior approval must come from someone other than the first approver ("
                                    + form.userId() + ")");
                }
            }
            case FORM_CHECK_MEDICAL_CLEARANCE -> {
                if ("cleared".equals(form.text(MEDICAL_CLEARANCE)) && form.date(CLEARANCE_VALID_UNTIL) != null) {
                    LocalDate missionEnd = missionEnd(form);
                    if (missionEnd != null && form.date(CLEARANCE_VALID_UNTIL).isBefore(missionEnd)) {
                        form.reject(CLEARANCE_VALID_UNTIL, "Clearance and vaccinations valid until",
                                "must cover the whole mission, until " + missionEnd);
                    }
                }
                if ("not_cleared".equals(form.text(MEDICAL_CLEARANCE)) && form.isBlank(MEDICAL_NOTE)) {
                    form.reject(MEDICAL_NOTE, "Note", "is required when the expert is not cleared");
                }
            }
            case FORM_BRIEF_SECURITY -> {
                LocalDate briefing = form.date(BRIEFING_DATE);
                if (briefing != null && briefing.isAfter(today)) {
                    form.reject(BRIEFING_DATE, "Briefing held on", "must not be in the future");
                }
            }
            case FORM_BOOK_TRAVEL -> {
                FormSubmissionValidator.requireNotPast(form, DEPARTURE_DATE, "Departure date", today);
                LocalDate departure = form.date(DEPARTURE_DATE);
                LocalDate plannedReturn = form.date(PLANNED_RETURN_DATE);
                if (departure != null && plannedReturn != null && plannedReturn.isBefore(departure)) {
                    form.reject(PLANNED_RETURN_DATE, "Planned return date", "must not be before the departure date");
                }
            }
            case FORM_RECORD_SITUATION_REPORT -> {
                if ("extension".equals(form.text(MISSION_OUTLOOK)) && form.isBlank(EXTENSION_DAYS)) {
                    form.reject(EXTENSION_DAYS, "Extension (days, when requested)", "is required when an extension is requested");
                }
                requireWholeNumber(form, EXTENSION_DAYS, "Extension (days, when requested)");
            }
            case FORM_APPROVE_EXTENSION ->
                    requireReasonWhenRejected(form, EXTENSION_DECISION, EXTENSION_COMMENT, "Reason");
            case FORM_DEBRIEF_EXPERT -> {
                LocalDate returned = form.date(RETURN_DATE);
                LocalDate departed = form.date(DEPARTURE_DATE);
                if (returned != null && departed != null && returned.isBefore(departed)) {
                    form.reject(RETURN_DATE, "Returned on", "must not be before the departure date (" + departed + ")");
                }
                if (returned != null && returned.isAfter(today)) {
                    form.reject(RETURN_DATE, "Returned on", "must not be in the future");
                }
            }
            default -> {
            }
        }
    }

    private void checkMatch(FormSubmission form, LocalDate today) {
        if ("none_available".equals(form.text(MATCH_OUTCOME))) {
            if (form.isBlank(MATCH_NOTE)) {
                form.reject(MATCH_NOTE, "Note", "is required to explain why no expert can be offered");
            }
            return;
        }
        if (!"selected".equals(form.text(MATCH_OUTCOME))) {
            return;
        }
        if (form.isBlank(EXPERT_ID)) {
            form.reject(EXPERT_ID, "Expert", "is required when offering an expert");
            return;
        }
        Long expertId = form.longValue(EXPERT_ID);
        Expert expert = expertId == null ? null : roster.find(expertId).orElse(null);
        if (expert == null) {
            form.reject(EXPERT_ID, "Expert", "is not on the roster");
            return;
        }
        Long requestId = form.longValue(REQUEST_ID);
        if (requestId != null) {
            DispatchRequest request = records.request(requestId);
            if (records.expertsTried(requestId).contains(expertId)) {
                form.reject(EXPERT_ID, "Expert", expert.fullName() + " was already offered this request and is not available for it");
                return;
            }
            String reason = dispatches.eligible(expert, request);
            if (!reason.isEmpty()) {
                form.reject(EXPERT_ID, "Expert", reason);
            }
        }
    }

    private static LocalDate missionEnd(FormSubmission form) {
        LocalDate start = form.date(START_DATE);
        Long days = form.longValue(DURATION_DAYS);
        return start == null || days == null ? null : start.plusDays(days - 1);
    }

    private static void requireReasonWhenRejected(FormSubmission form, String decision, String comment, String label) {
        if (REJECTED.equals(form.text(decision)) && form.isBlank(comment)) {
            form.reject(comment, label, "is required when rejecting");
        }
    }

    private static void requireWholeNumber(FormSubmission form, String key, String label) {
        BigDecimal number = form.number(key);
        if (number != null && number.stripTrailingZeros().scale() > 0) {
            form.reject(key, label, "must be a whole number of days");
        }
    }
}
