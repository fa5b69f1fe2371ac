package org.cooperationdesk.dispatch;

import static org.cooperationdesk.form.ProcessValues.text;
import static org.cooperationdesk.form.ProcessValues.number;
import static org.cooperationdesk.form.ProcessValues.date;
import static org.cooperationdesk.dispatch.DispatchVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.cooperationdesk.contribution.Programmes;
import org.cooperationdesk.form.ProcessValues;
import org.cooperationdesk.partner.PartnerRepository;
import org.cooperationdesk.system.EngineContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The expert dispatch process's delegates, one bean each, named as the model names them. Each maps
 * variables to a {@link DispatchService} call and results back; the rules live in the service.
 */
@Configuration
class DispatchDelegates {

    private final DispatchService dispatches;
    private final Programmes programmes;
    private final PartnerRepository partners;
    private final DispatchLinks links;

    DispatchDelegates(DispatchService dispatches, Programmes programmes, PartnerRepository partners, DispatchLinks links) {
        this.dispatches = dispatches;
        this.programmes = programmes;
        this.partners = partners;
        this.links = links;
    }

    @Bean
    JavaDelegate registerDispatchRequestDelegate() {
        return execution -> {
            DispatchRequest request = dispatches.register(new DispatchRequest(0, null,
                    text(execution, REQUESTING_BODY), text(execution, REQUESTER_REFERENCE),
                    text(execution, REQUESTER_EMAIL), text(execution, COUNTRY_CODE), text(execution, PURPOSE),
                    text(execution, TERMS_OF_REFERENCE), text(execution, SKILLS_NEEDED),
                    text(execution, LANGUAGES_NEEDED), date(execution, START_DATE),
                    number(execution, DURATION_DAYS).intValue(), number(execution, ESTIMATED_COST),
                    text(execution, ESTIMATED_COST_CURRENCY), null, null,
                    text(execution, FUNDED_BY), RequestStatus.RECEIVED, text(execution, REQUESTED_BY),
                    programmes.idOf(text(execution, PROGRAMME)).orElse(null)),
                    execution.getProcessInstanceId());
            execution.setProcessBusinessKey(request.reference());
            execution.setVariable(REQUEST_ID, request.id());
            execution.setVariable(REQUEST_REFERENCE, request.reference());
            execution.setVariable(COUNTRY_NAME, partners.countryName(request.countryCode()));
            // The DMN table compares whole days and yen; keep both types stable whatever the client sent.
            execution.setVariable(DURATION_DAYS, request.durationDays());
            execution.setVariable(ESTIMATED_COST_YEN, request.estimatedCostYen().doubleValue());
            execution.setVariable(ESTIMATED_COST_TEXT, request.estimatedCostText());
            execution.setVariable(ESTIMATED_COST_YEN_TEXT, dispatches.yenValueText(request));
        };
    }

    /**
     * The best matches the coordinator chooses from on "Match expert". The list is a process variable (and a
     * history row at every change), so the whole roster is never stored: candidates come best match first
     * ({@link RosterCandidates#SHOWN} at most), and their count decides whether there is anything to choose from.
     */
    @Bean
    JavaDelegate findExpertCandidatesDelegate() {
        return execution -> {
            List<Map<String, String>> options = dispatches.candidates(requestId(execution)).stream()
                    .map(candidate -> Map.of("label", candidate.label(),
                            "value", String.valueOf(candidate.expert().id())))
                    .toList();
            execution.setVariable(EXPERT_CANDIDATES, ProcessValues.json(options));
            execution.setVariable(EXPERT_CANDIDATES_COUNT, options.size());
        };
    }

    @Bean
    JavaDelegate closeUnfilledRequestDelegate() {
        return execution -> {
            dispatches.closeUnfilled(requestId(execution));
            dispatches.recordDecision(requestId(execution), "match", "no expert available",
                    text(execution, MATCH_NOTE), EngineContext.currentUser(execution));
        };
    }

    @Bean
    JavaDelegate recordOfferDelegate() {
        return execution -> {
            long dispatchId = dispatches.offer(requestId(execution), number(execution, EXPERT_ID).longValue());
            execution.setVariable(DISPATCH_ID, dispatchId);
            execution.setVariable(EXPERT_NAME, dispatches.expertOf(dispatchId).fullName());
        };
    }

    @Bean
    JavaDelegate closeOfferDelegate() {
        return execution -> {
            String outcome = switch (text(execution, OFFER_OUTCOME)) {
                case "declined" -> "declined by the expert" + suffix(text(execution, ANSWER_NOTE));
                case "lapsed" -> "no answer within 72 hours";
                case "clearance_failed" -> "medical clearance failed" + suffix(text(execution, MEDICAL_NOTE));
                default -> throw new IllegalArgumentException("Unknown offer outcome " + text(execution, OFFER_OUTCOME));
            };
            dispatches.closeOffer(dispatchId(execution), outcome);
        };
    }

    @Bean
    JavaDelegate recordAcceptanceDelegate() {
        return execution -> dispatches.accept(dispatchId(execution));
    }

    /** On completion of an approval task: the decision, who took it and why, goes to the records. */
    @Bean
    TaskListener recordDecisionListener() {
        return task -> {
            DelegateExecution execution = task.getExecution();
            String user = EngineContext.currentUser(execution) != null ? EngineContext.currentUser(execution) : task.getAssignee();
            switch (task.getTaskDefinitionKey()) {
                case ExpertDispatchProcess.TASK_APPROVE_RELEASE -> {
                    dispatches.recordDecision(requestId(execution), "release", text(execution, RELEASE_DECISION),
                            text(execution, RELEASE_COMMENT), user);
                    execution.setVariable(RELEASE_APPROVED_BY, user);
                }
                case ExpertDispatchProcess.TASK_APPROVE_RELEASE_SENIOR -> dispatches.recordDecision(requestId(execution),
                        "senior release", text(execution, SENIOR_RELEASE_DECISION),
                        text(execution, SENIOR_RELEASE_COMMENT), user);
                case ExpertDispatchProcess.TASK_APPROVE_EXTENSION -> dispatches.recordDecision(requestId(execution),
                        "extension of " + number(execution, EXTENSION_DAYS).intValue() + " days",
                        text(execution, EXTENSION_DECISION), text(execution, EXTENSION_COMMENT), user);
                default -> throw new IllegalStateException("No decision is recorded for " + task.getTaskDefinitionKey());
            }
        };
    }

    @Bean
    JavaDelegate recordRejectionDelegate() {
        return execution -> dispatches.reject(requestId(execution), dispatchId(execution));
    }

    @Bean
    JavaDelegate recordDeploymentDelegate() {
        return execution -> dispatches.recordDeployment(dispatchId(execution),
                text(execution, INSURER), text(execution, INSURANCE_POLICY_NUMBER),
                text(execution, SECURITY_CLEARANCE_REFERENCE), date(execution, BRIEFING_DATE),
                text(execution, TRAVEL_BOOKING), date(execution, DEPARTURE_DATE),
                date(execution, PLANNED_RETURN_DATE), date(execution, CLEARANCE_VALID_UNTIL));
    }

    @Bean
    JavaDelegate recordSituationReportDelegate() {
        return execution -> dispatches.recordSituationReport(dispatchId(execution), text(execution, SITREP_SUMMARY),
                text(execution, MISSION_OUTLOOK), EngineContext.currentUser(execution));
    }

    @Bean
    JavaDelegate extendMissionDelegate() {
        return execution -> {
            int extraDays = number(execution, EXTENSION_DAYS).intValue();
            LocalDate plannedReturn = dispatches.extend(dispatchId(execution), extraDays);
            execution.setVariable(PLANNED_RETURN_DATE, plannedReturn.toString());
            // The expert's reports link keeps working to the new end (and the end-of-mission report after it).
            links.keepReportsLinkUntil(execution.getProcessBusinessKey(),
                    dispatches.dispatch(dispatchId(execution)).expertId(), plannedReturn);
            execution.setVariable(DURATION_DAYS, dispatches.request(requestId(execution)).durationDays());
        };
    }

    @Bean
    JavaDelegate closeDispatchDelegate() {
        return execution -> {
            int personDays = dispatches.close(dispatchId(execution), date(execution, RETURN_DATE),
                    text(execution, MISSION_REPORT_SUMMARY), text(execution, DEBRIEF_NOTES));
            execution.setVariable(PERSON_DAYS, personDays);
        };
    }

    @Bean
    JavaDelegate standDownDelegate() {
        return execution -> {
            String reason = text(execution, STAND_DOWN_REASON);
            dispatches.standDown(requestId(execution), dispatchId(execution),
                    reason == null || reason.isBlank() ? "no reason given" : reason);
        };
    }

    private static long requestId(VariableScope scope) {
        return ProcessValues.id(scope, REQUEST_ID);
    }

    private static Long dispatchId(VariableScope scope) {
        BigDecimal id = ProcessValues.number(scope, DISPATCH_ID);
        return id == null ? null : id.longValue();
    }

    private static String suffix(String note) {
        return note == null || note.isBlank() ? "" : ": " + note;
    }
}
