package org.cooperationdesk.dispatch;

import static org.cooperationdesk.dispatch.DispatchVariables.*;
import static org.cooperationdesk.dispatch.ExpertDispatchProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import org.cooperationdesk.form.FormRules;
import org.cooperationdesk.form.FormSubmission;
import org.cooperationdesk.partner.AmountRules;
import org.cooperationdesk.people.Expert;
import org.cooperationdesk.people.ExpertRoster;
import org.springframework.stereotype.Component;

/** The expert dispatch forms' rules beyond required fields and ranges (those are in the .form files). */
@Component
class DispatchFormRules implements FormRules {

    private final AmountRules amounts;
    private final ExpertRoster roster;
    private final DispatchRecords records;
    private final DispatchService dispatches;
    private final Clock clock;

    DispatchFormRules(AmountRules amounts, ExpertRoster roster, DispatchRecords records,
                      DispatchService dispatches, Clock clock) {
        this.amounts = amounts;
        this.roster = roster;
        this.records = records;
        this.dispatches = dispatches;
        this.clock = clock;
    }

    @Override
    public Set<String> formIds() {
        return Set.of(FORM_DISPATCH_REQUEST, FORM_MATCH_EXPERT, FORM_DECIDE_ON_REQUEST_WITHOUT_CANDIDATES, FORM_APPROVE_RELEASE, FORM_APPROVE_RELEASE_SENIOR,
                FORM_CHECK_MEDICAL_CLEARANCE, FORM_BRIEF_SECURITY, FORM_BOOK_TRAVEL, FORM_RECORD_SITUATION_REPORT,
                FORM_APPROVE_EXTENSION, FORM_DEBRIEF_EXPERT);
    }

    @Override
    public void check(FormSubmission form) {
        LocalDate today = LocalDate.now(clock);
        switch (form.formId()) {
            case FORM_DISPATCH_REQUEST -> {
                amounts.requireYenRate(form, ESTIMATED_COST, ESTIMATED_COST_CURRENCY);
                form.requireNotPast(START_DATE, today);
                form.requireWholeDays(DURATION_DAYS);
            }
            case FORM_MATCH_EXPERT -> checkMatch(form, today);
            case FORM_DECIDE_ON_REQUEST_WITHOUT_CANDIDATES ->
                    form.requireReasonWhen(NO_CANDIDATE_DECISION, CLOSE, MATCH_NOTE, "when.closingRequest");
            case FORM_APPROVE_RELEASE ->
                    form.requireReasonWhen(RELEASE_DECISION, REJECTED, RELEASE_COMMENT, "when.rejecting");
            case FORM_APPROVE_RELEASE_SENIOR -> {
                form.requireReasonWhen(SENIOR_RELEASE_DECISION, REJECTED, SENIOR_RELEASE_COMMENT, "when.rejecting");
                if (form.userId() != null && Objects.equals(form.userId(), form.text(RELEASE_APPROVED_BY))) {
                    form.reject(SENIOR_RELEASE_DECISION, "dispatch.seniorNotFirstApprover", form.userId());
                }
            }
            case FORM_CHECK_MEDICAL_CLEARANCE -> {
                if ("cleared".equals(form.text(MEDICAL_CLEARANCE)) && form.date(CLEARANCE_VALID_UNTIL) != null) {
                    LocalDate missionEnd = missionEnd(form);
                    if (missionEnd != null && form.date(CLEARANCE_VALID_UNTIL).isBefore(missionEnd)) {
                        form.reject(CLEARANCE_VALID_UNTIL, "dispatch.clearanceCoversMission", missionEnd);
                    }
                }
                form.requireReasonWhen(MEDICAL_CLEARANCE, "not_cleared", MEDICAL_NOTE, "when.notCleared");
            }
            case FORM_BRIEF_SECURITY -> {
                form.requireNotFuture(BRIEFING_DATE, today);
            }
            case FORM_BOOK_TRAVEL -> {
                form.requireNotPast(DEPARTURE_DATE, today);
                form.requireNotBefore(PLANNED_RETURN_DATE, DEPARTURE_DATE);
            }
            case FORM_RECORD_SITUATION_REPORT -> {
                form.requireReasonWhen(MISSION_OUTLOOK, "extension", EXTENSION_DAYS, "when.extensionRequested");
                form.requireWholeDays(EXTENSION_DAYS);
            }
            case FORM_APPROVE_EXTENSION ->
                    form.requireReasonWhen(EXTENSION_DECISION, REJECTED, EXTENSION_COMMENT, "when.rejecting");
            case FORM_DEBRIEF_EXPERT -> {
                form.requireNotBefore(RETURN_DATE, form.date(DEPARTURE_DATE), "what.departureDate");
                form.requireNotFuture(RETURN_DATE, today);
            }
            default -> {
            }
        }
    }

    private void checkMatch(FormSubmission form, LocalDate today) {
        if ("none_available".equals(form.text(MATCH_OUTCOME))) {
            form.requireWhen(true, MATCH_NOTE, "when.noExpert");
            return;
        }
        if (!"selected".equals(form.text(MATCH_OUTCOME))) {
            return;
        }
        if (form.isBlank(EXPERT_ID)) {
            form.reject(EXPERT_ID, "dispatch.expertRequired");
            return;
        }
        Long expertId = form.longValue(EXPERT_ID);
        Expert expert = expertId == null ? null : roster.find(expertId).orElse(null);
        if (expert == null) {
            form.reject(EXPERT_ID, "dispatch.expertNotOnRoster");
            return;
        }
        Long requestId = form.longValue(REQUEST_ID);
        if (requestId != null) {
            DispatchRequest request = records.request(requestId);
            if (records.expertsTried(requestId).contains(expertId)) {
                form.reject(EXPERT_ID, "dispatch.expertAlreadyOffered", expert.fullName());
                return;
            }
            String reason = dispatches.eligible(expert, request);
            if (!reason.isEmpty()) {
                form.rejectWith(EXPERT_ID, reason);
            }
        }
    }

    private static LocalDate missionEnd(FormSubmission form) {
        LocalDate start = form.date(START_DATE);
        Long days = form.longValue(DURATION_DAYS);
        return start == null || days == null ? null : start.plusDays(days - 1);
    }
}
