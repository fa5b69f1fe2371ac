package org.cooperationdesk.contribution;

import static org.cooperationdesk.contribution.ContributionVariables.*;
import static org.cooperationdesk.form.ProcessValues.date;
import static org.cooperationdesk.form.ProcessValues.integer;
import static org.cooperationdesk.form.ProcessValues.number;
import static org.cooperationdesk.form.ProcessValues.text;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.cooperationdesk.form.ProcessValues;
import org.cooperationdesk.portal.PartnerSubmissions;
import org.cooperationdesk.portal.PortalVariables;
import org.cooperationdesk.system.EngineContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contribution process's delegates, one bean each, named as the model names them. Each maps variables to a
 * {@link ContributionService} call and results back; the rules live in the service and {@link ContributionSchedule}.
 */
@Configuration
class ContributionDelegates {

    private final ContributionService contributions;
    private final PartnerSubmissions submissions;

    ContributionDelegates(ContributionService contributions, PartnerSubmissions submissions) {
        this.contributions = contributions;
        this.submissions = submissions;
    }

    @Bean
    JavaDelegate registerContributionDelegate() {
        return execution -> {
            Contribution contribution = contributions.register(Contribution.proposal(text(execution, ORGANISATION_CODE),
                    text(execution, ORGANISATION_REFERENCE), text(execution, ORGANISATION_EMAIL), text(execution, TITLE),
                    text(execution, OBJECTIVES), blankToNull(text(execution, RECIPIENT_GROUP)),
                    ProcessValues.list(execution, RECIPIENT_COUNTRIES), text(execution, SECTOR_CODE),
                    ContributionKind.valueOf(text(execution, CONTRIBUTION_KIND)), date(execution, START_DATE),
                    date(execution, END_DATE), number(execution, AMOUNT), text(execution, AMOUNT_CURRENCY),
                    integer(execution, PLANNED_TRANCHES), integer(execution, REPORTING_INTERVAL_MONTHS),
                    text(execution, PROGRAMME_OFFICER), text(execution, REGISTERED_BY)), execution.getProcessInstanceId());
            execution.setProcessBusinessKey(contribution.reference());
            execution.setVariable(CONTRIBUTION_ID, contribution.id());
            execution.setVariable(CONTRIBUTION_REFERENCE, contribution.reference());
            execution.setVariable(RECIPIENTS_TEXT, contributions.recipientsText(contribution));
            contributions.singleRecipientCountryName(contribution).ifPresent(name -> execution.setVariable(COUNTRY_NAME, name));
            putTerms(execution, contribution);
        };
    }

    @Bean
    JavaDelegate recordRevisionRequestDelegate() {
        return execution -> contributions.requestRevision(contributionId(execution), text(execution, REVISION_REQUEST));
    }

    @Bean
    JavaDelegate updateProposalDelegate() {
        return execution -> putTerms(execution, contributions.updateProposal(contributionId(execution),
                text(execution, TITLE), text(execution, OBJECTIVES), date(execution, START_DATE), date(execution, END_DATE),
                number(execution, AMOUNT), text(execution, AMOUNT_CURRENCY), integer(execution, PLANNED_TRANCHES),
                integer(execution, REPORTING_INTERVAL_MONTHS), text(execution, REVISION_SUMMARY),
                EngineContext.currentUser(execution)));
    }

    @Bean
    JavaDelegate closeProposalDelegate() {
        return execution -> contributions.closeWithoutRevision(contributionId(execution),
                text(execution, MISSING_REVISION_NOTE), EngineContext.currentUser(execution));
    }

    /** On completion of the appraisal and of each decision: who decided what and why goes to the records. */
    @Bean
    TaskListener recordContributionDecisionListener() {
        return task -> {
            DelegateExecution execution = task.getExecution();
            String user = EngineContext.currentUser(execution) != null ? EngineContext.currentUser(execution) : task.getAssignee();
            long id = contributionId(execution);
            switch (task.getTaskDefinitionKey()) {
                case ContributionProcess.TASK_APPRAISE_PROPOSAL -> contributions.recordAppraisal(id,
                        text(execution, APPRAISAL_OUTCOME), text(execution, PRIORITY_FIT), text(execution, APPRAISAL_NOTE), user);
                case ContributionProcess.TASK_DECIDE_ON_CONTRIBUTION -> {
                    contributions.recordDecision(id, "contribution", text(execution, CONTRIBUTION_DECISION),
                            text(execution, CONTRIBUTION_DECISION_REASON), user);
                    execution.setVariable(CONTRIBUTION_DECIDED_BY, user);
                }
                case ContributionProcess.TASK_DECIDE_ON_CONTRIBUTION_DIRECTOR -> contributions.recordDecision(id,
                        "director's decision", text(execution, DIRECTOR_DECISION), text(execution, DIRECTOR_DECISION_REASON), user);
                case ContributionProcess.TASK_APPROVE_TRANCHE -> {
                    boolean approved = APPROVED.equals(text(execution, TRANCHE_DECISION));
                    String reason = text(execution, TRANCHE_DECISION_REASON);
                    contributions.decideTranche(ProcessValues.id(execution, TRANCHE_ID), approved, user, reason);
                    contributions.recordDecision(id, "tranche " + integer(execution, TRANCHE_NUMBER),
                            text(execution, TRANCHE_DECISION), reason, user);
                }
                default -> throw new IllegalStateException("No decision is recorded for " + task.getTaskDefinitionKey());
            }
        };
    }

    @Bean
    JavaDelegate recordContributionRefusalDelegate() {
        return execution -> contributions.refuse(contributionId(execution), refusalReason(execution));
    }

    @Bean
    JavaDelegate recordContributionApprovalDelegate() {
        return execution -> contributions.approve(contributionId(execution));
    }

    @Bean
    JavaDelegate recordAgreementDelegate() {
        return execution -> {
            Contribution contribution = contributions.recordAgreement(contributionId(execution),
                    text(execution, AGREEMENT_REFERENCE), date(execution, SIGNED_ON), text(execution, MINISTRY_SIGNATORY),
                    text(execution, ORGANISATION_SIGNATORY), integer(execution, PLANNED_TRANCHES),
                    integer(execution, REPORTING_INTERVAL_MONTHS), text(execution, EVALUATION_TERMS),
                    text(execution, EVALUATION_LEVEL));
            putMoney(execution, contribution);
        };
    }

    @Bean
    JavaDelegate recordTrancheRequestDelegate() {
        return execution -> {
            long trancheId = contributions.requestTranche(contributionId(execution), integer(execution, TRANCHE_NUMBER),
                    number(execution, TRANCHE_AMOUNT), date(execution, PLANNED_PAYMENT_DATE), text(execution, TRANCHE_NOTE),
                    EngineContext.currentUser(execution));
            Tranche tranche = contributions.tranche(trancheId);
            execution.setVariable(TRANCHE_ID, trancheId);
            execution.setVariable(TRANCHE_AMOUNT_TEXT, tranche.amountText());
            execution.setVariable(TRANCHE_YEN_TEXT, contributions.trancheYenText(tranche));
        };
    }

    /** The refusal stays in the variables: the next request shows it as the reason of the last refusal. */
    @Bean
    JavaDelegate recordTrancheRefusedDelegate() {
        return execution -> execution.removeVariable(TRANCHE_ID);
    }

    @Bean
    JavaDelegate recordTranchePaidDelegate() {
        return execution -> {
            long id = contributionId(execution);
            contributions.pay(id, ProcessValues.id(execution, TRANCHE_ID), date(execution, PAID_ON),
                    text(execution, PAYMENT_REFERENCE));
            // An approval's remark is not a refusal's reason for the next request.
            execution.removeVariable(TRANCHE_DECISION_REASON);
            putMoney(execution, contributions.contribution(id));
            putNextProgressReport(execution, id);
        };
    }

    @Bean
    JavaDelegate recordReportReturnedDelegate() {
        return execution -> {
            long id = contributionId(execution);
            boolean finalReport = isFinalReport(execution);
            contributions.recordReport(id, finalReport ? ContributionReport.Kind.FINAL : ContributionReport.Kind.PROGRESS,
                    finalReport ? 1 : integer(execution, REPORT_NUMBER), date(execution, REPORT_DUE_DATE),
                    date(execution, REPORT_RECEIVED_ON), false, text(execution, REPORT_SUMMARY),
                    text(execution, REPORT_RETURN_REASON), EngineContext.currentUser(execution));
            putReportDue(execution, contributions.resubmissionDue());
        };
    }

    /**
     * The programme officer's review of a report sent online, put as the record form would have put it, so that
     * "Report accepted?" and both its paths run as after that form: accepted, the portal takes the answer (its values
     * become the form's); returned, the portal keeps the reason for the organisation's page, and the report as it
     * arrived is what "Record report returned" records.
     */
    @Bean
    JavaDelegate recordReportReviewDelegate(@Qualifier("acceptPartnerSubmissionDelegate") JavaDelegate takeAnswer,
                                            @Qualifier("returnPartnerSubmissionDelegate") JavaDelegate returnAnswer) {
        return execution -> {
            if (PortalVariables.ACCEPTED.equals(text(execution, PortalVariables.REVIEW_DECISION))) {
                takeAnswer.execute(execution);
                execution.setVariable(REPORT_DECISION, ACCEPTED);
                return;
            }
            returnAnswer.execute(execution);
            Map<String, Object> sent = submissions.get(ProcessValues.id(execution, PortalVariables.SUBMISSION_ID)).values();
            execution.setVariable(REPORT_RECEIVED_ON, sent.get(REPORT_RECEIVED_ON));
            execution.setVariable(REPORT_SUMMARY, sent.get(REPORT_SUMMARY));
            execution.setVariable(REPORT_DECISION, RETURNED);
            execution.setVariable(REPORT_RETURN_REASON, text(execution, PortalVariables.RETURN_REASON).trim());
        };
    }

    @Bean
    JavaDelegate recordProgressReportAcceptedDelegate() {
        return execution -> {
            long id = contributionId(execution);
            contributions.recordReport(id, ContributionReport.Kind.PROGRESS, integer(execution, REPORT_NUMBER),
                    date(execution, REPORT_DUE_DATE), date(execution, REPORT_RECEIVED_ON), true,
                    text(execution, REPORT_SUMMARY), null, EngineContext.currentUser(execution));
            putNextProgressReport(execution, id);
        };
    }

    @Bean
    JavaDelegate scheduleFinalReportDelegate() {
        return execution -> {
            execution.setVariable(REPORT_KIND, "final report");
            putReportDue(execution, contributions.scheduleFinalReport(contributionId(execution)));
        };
    }

    @Bean
    JavaDelegate recordFinalReportAcceptedDelegate() {
        return execution -> contributions.recordReport(contributionId(execution), ContributionReport.Kind.FINAL, 1,
                date(execution, REPORT_DUE_DATE), date(execution, REPORT_RECEIVED_ON), true, text(execution, REPORT_SUMMARY),
                null, EngineContext.currentUser(execution));
    }

    @Bean
    JavaDelegate closeContributionDelegate() {
        return execution -> {
            long id = contributionId(execution);
            contributions.close(id, blankToNull(text(execution, EVALUATOR)), date(execution, EVALUATION_COMPLETED_ON),
                    text(execution, EVALUATION_RATING), text(execution, EVALUATION_FINDINGS));
            putMoney(execution, contributions.contribution(id));
        };
    }

    @Bean
    JavaDelegate recordSuspensionDelegate() {
        return execution -> contributions.suspend(contributionId(execution), text(execution, SUSPENSION_REASON),
                actedBy(execution));
    }

    @Bean
    JavaDelegate recordResumptionDelegate() {
        return execution -> contributions.resume(contributionId(execution), text(execution, RESUMPTION_NOTE),
                actedBy(execution));
    }

    @Bean
    JavaDelegate recordTerminationDelegate() {
        return execution -> {
            long id = contributionId(execution);
            contributions.terminate(id, text(execution, TERMINATION_REASON), actedBy(execution));
            putMoney(execution, contributions.contribution(id));
        };
    }

    // ---------------------------------------------------------------- what the forms and the tables read

    /** The proposal's terms as the forms and the DMN tables read them (types stable whatever the client sent). */
    private void putTerms(DelegateExecution execution, Contribution contribution) {
        execution.setVariable(AMOUNT_YEN, contribution.amountYen().doubleValue());
        execution.setVariable(AMOUNT_TEXT, contribution.amountText());
        execution.setVariable(AMOUNT_YEN_TEXT, contributions.amountYenText(contribution));
        execution.setVariable(FISCAL_YEARS, ContributionSchedule.fiscalYears(contribution.startDate(), contribution.endDate()));
        execution.setVariable(DURATION_MONTHS, ContributionSchedule.durationMonths(contribution.startDate(), contribution.endDate()));
        execution.setVariable(PLANNED_TRANCHES, contribution.plannedTranches());
        execution.setVariable(REPORTING_INTERVAL_MONTHS, String.valueOf(contribution.reportingIntervalMonths()));
    }

    /** What was paid and what remains, and the next tranche's number. */
    private void putMoney(DelegateExecution execution, Contribution contribution) {
        int paid = contributions.tranchesPaid(contribution.id());
        execution.setVariable(TRANCHES_PAID, paid);
        execution.setVariable(TRANCHE_NUMBER, paid + 1);
        execution.setVariable(MORE_TRANCHES, paid < contribution.plannedTranches());
        execution.setVariable(PAID_TEXT, contributions.paidMoney(contribution).text());
        execution.setVariable(REMAINING_TEXT, contributions.remainingMoney(contribution).text());
    }

    private void putNextProgressReport(DelegateExecution execution, long id) {
        Optional<ContributionService.NextReport> next = contributions.nextProgressReport(id);
        execution.setVariable(PROGRESS_REPORT_DUE, next.isPresent());
        next.ifPresent(report -> {
            execution.setVariable(REPORT_NUMBER, report.number());
            execution.setVariable(REPORT_KIND, "progress report " + report.number());
            putReportDue(execution, report.dueDate());
        });
    }

    private static void putReportDue(DelegateExecution execution, LocalDate due) {
        execution.setVariable(REPORT_DUE_DATE, due.toString());
        execution.setVariable(REPORT_REMINDER_AT, ContributionSchedule.reminderAt(due));
        execution.setVariable(REPORT_OVERDUE_AT, ContributionSchedule.overdueAt(due));
    }

    private static boolean isFinalReport(VariableScope scope) {
        return "final report".equals(text(scope, REPORT_KIND));
    }

    /** The manager who suspended, resumed or ended the contribution through the office API. */
    private static String actedBy(DelegateExecution execution) {
        String user = text(execution, ACTED_BY);
        return user != null ? user : EngineContext.currentUser(execution);
    }

    static String refusalReason(VariableScope scope) {
        String director = text(scope, DIRECTOR_DECISION);
        return REFUSED.equals(director) ? text(scope, DIRECTOR_DECISION_REASON) : text(scope, CONTRIBUTION_DECISION_REASON);
    }

    static long contributionId(VariableScope scope) {
        return ProcessValues.id(scope, CONTRIBUTION_ID);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
