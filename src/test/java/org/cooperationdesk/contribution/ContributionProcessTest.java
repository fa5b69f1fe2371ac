package org.cooperationdesk.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.cooperationdesk.contribution.ContributionProcess.*;
import static org.cooperationdesk.contribution.ContributionVariables.*;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.cooperationdesk.language.LanguageFormats;
import org.cooperationdesk.language.Language;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.cooperationdesk.ProcessTestSupport;
import org.cooperationdesk.form.InvalidSubmissionException;
import org.cooperationdesk.portal.LinkPurpose;
import org.cooperationdesk.portal.LinkScope;
import org.cooperationdesk.portal.PartnerLink;
import org.cooperationdesk.portal.PartnerLinks;
import org.cooperationdesk.portal.PartnerSubmission;
import org.cooperationdesk.portal.PartnerSubmissions;
import org.cooperationdesk.portal.PortalAnswer;
import org.cooperationdesk.portal.PortalPage;
import org.cooperationdesk.portal.PortalRefusal;
import org.cooperationdesk.portal.PortalVariables;
import org.cooperationdesk.portal.SubmissionStatus;
import org.cooperationdesk.portal.Upload;
import org.cooperationdesk.system.Groups;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contribution process, read like its diagram: the WHO avian influenza contribution from proposal to closure, then
 * each detour (a revision asked, a revision that never comes, a refusal by the manager or the director, a tranche
 * refused, a report returned or late, each evaluation level, suspension and termination at any time), and the ILO
 * ASEAN industrial relations programme.
 */
class ContributionProcessTest extends ProcessTestSupport {

    static final String WHO_MAILBOX = "pandemic-influenza@who.example";
    static final String ILO_MAILBOX = "multi-bilateral@ilo.example";
    static final String PROGRAMME_OFFICER_MAIL = "coordinator@mhlw.example";
    static final String MANAGER_MAIL = "manager@mhlw.example";

    // ---------------------------------------------------------------- happy path

    @Test
    void shouldTakeTheWhoAvianInfluenzaContributionFromProposalToClosure() throws Exception {
        ProcessInstance instance = startWho(Map.of());
        String reference = instance.getBusinessKey();
        assertThat(reference).matches("CT-\\d{4}-\\d{4}");
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_APPRAISE_PROPOSAL).variables()
                .containsEntry(AMOUNT_TEXT, "USD 3,000,000")
                .containsEntry(AMOUNT_YEN, 450_000_000d)
                .containsEntry(RECIPIENTS_TEXT, "ASEAN (10 countries)");
        // the programme officer's task, which the other coordinators see too
        BpmnAwareTests.assertThat(task(TASK_APPRAISE_PROPOSAL, instance)).isAssignedTo("coordinator");
        assertThat(taskService.getIdentityLinksForTask(task(TASK_APPRAISE_PROPOSAL, instance).getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(Groups.COORDINATORS));
        assertThat(status(reference)).isEqualTo("APPRAISAL");
        assertThat(row(reference)).containsEntry("AID_TYPE", "B03").containsEntry("AMOUNT_YEN", new BigDecimal("450000000"));

        appraise(instance, FORWARD);
        BpmnAwareTests.assertThat(instance).hasPassed(TASK_DECIDE_DECISION_LEVEL).isWaitingAt(TASK_DECIDE_ON_CONTRIBUTION)
                .variables().containsEntry(DIRECTOR_DECISION_REQUIRED, true);
        BpmnAwareTests.assertThat(task(TASK_DECIDE_ON_CONTRIBUTION, instance)).hasCandidateGroup(Groups.MANAGERS);
        assertThat(status(reference)).isEqualTo("DECISION");

        decideAsManager(instance, APPROVED, "Fits the ministry's pandemic preparedness priority.");
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_DECIDE_ON_CONTRIBUTION_DIRECTOR);
        BpmnAwareTests.assertThat(task(TASK_DECIDE_ON_CONTRIBUTION_DIRECTOR, instance)).hasCandidateGroup(Groups.DIRECTORS);
        decideAsDirector(instance, APPROVED, "Approved within the supplementary budget.");
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_AGREEMENT);
        assertThat(status(reference)).isEqualTo("APPROVED");
        assertThat(decisions(reference)).containsExactly("appraisal (priority fit HIGH):forward:coordinator", "contribution:approved:manager",
                "director's decision:approved:director");

        signAgreement(instance, Map.of());
        BpmnAwareTests.assertThat(instance).hasPassed(TASK_DECIDE_EVALUATION, TASK_RECORD_AGREEMENT_SIGNED)
                .isWaitingAt(TASK_NOTIFY_AGREEMENT).variables().containsEntry(EVALUATION_LEVEL, EVALUATION_INDEPENDENT);
        assertThat(status(reference)).isEqualTo("ACTIVE");
        assertThat(row(reference)).containsEntry("AGREEMENT_REFERENCE", "WHO-MHLW/2026/07")
                .containsEntry("EVALUATION_LEVEL", EVALUATION_INDEPENDENT);
        assertThat(transactions(reference)).containsExactly("COMMITMENT USD 3000000.00 JPY 450000000");
        runAsyncSteps(instance.getId());
        assertThat(subjects(WHO_MAILBOX)).containsExactly(
                "WHO/PIP/2026/031: agreement WHO-MHLW/2026/07 recorded (" + reference + ")");
        // The programme officer reads the office's language: their copy is a mail of its own, in Japanese.
        assertThat(mailsTo(PROGRAMME_OFFICER_MAIL)).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("WHO/PIP/2026/031：協定 WHO-MHLW/2026/07 を登録しました（" + reference + "）");
            assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(PROGRAMME_OFFICER_MAIL);
            assertThat(body(mail)).contains("関係者各位", "独立評価");
        });

        // the first tranche
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REQUEST_TRANCHE).variables()
                .containsEntry(TRANCHE_NUMBER, 1).containsEntry(PAID_TEXT, "USD 0").containsEntry(REMAINING_TEXT, "USD 3,000,000");
        payTranche(instance, 1_500_000);
        assertThat(tranches(reference)).containsExactly("1 PAID USD 1500000.00 JPY 225000000");
        assertThat(transactions(reference)).endsWith("DISBURSEMENT USD 1500000.00 JPY 225000000");
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_NOTIFY_TRANCHE_PAID);
        runAsyncSteps(instance.getId());
        assertThat(mailAbout(WHO_MAILBOX, "WHO/PIP/2026/031: tranche 1 paid, USD 1,500,000 (" + reference + ")")).satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("WHO/PIP/2026/031: tranche 1 paid, USD 1,500,000 (" + reference + ")");
            assertThat(body(mail)).contains("Paid so far: USD 1,500,000 of USD 3,000,000")
                    .contains("next progress report is due on " + LanguageFormats.date(today().plusMonths(6), Language.EN));
        });

        // the second tranche waits for the first progress report
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_PROGRESS_REPORT).variables()
                .containsEntry(REPORT_DUE_DATE, today().plusMonths(6).toString()).containsEntry(REPORT_NUMBER, 1);
        assertThat(task(TASK_RECORD_PROGRESS_REPORT, instance).getDueDate()).isNotNull();
        acceptReport(instance, TASK_RECORD_PROGRESS_REPORT);
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REQUEST_TRANCHE).variables().containsEntry(TRANCHE_NUMBER, 2);
        payTranche(instance, 1_500_000);
        runAsyncSteps(instance.getId());

        // a progress report still falls before the end, then the final report
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_PROGRESS_REPORT).variables()
                .containsEntry(REPORT_NUMBER, 2).containsEntry(REPORT_DUE_DATE, today().plusMonths(12).toString())
                .containsEntry(MORE_TRANCHES, false);
        acceptReport(instance, TASK_RECORD_PROGRESS_REPORT);
        BpmnAwareTests.assertThat(instance).hasPassed(TASK_SCHEDULE_FINAL_REPORT).isWaitingAt(TASK_RECORD_FINAL_REPORT)
                .variables().containsEntry(REPORT_DUE_DATE, whoEnd().plusMonths(3).toString());
        assertThat(status(reference)).isEqualTo("FINAL_REPORT");
        acceptReport(instance, TASK_RECORD_FINAL_REPORT);

        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_EVALUATION);
        complete(task(TASK_RECORD_EVALUATION, instance), withVariables(EVALUATOR, "Independent Evaluation Office, WHO",
                EVALUATION_COMPLETED_ON, today().toString(), EVALUATION_RATING, "SATISFACTORY",
                EVALUATION_FINDINGS, "Laboratory capacity built in eight countries; stockpiles delivered."));
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_NOTIFY_CONTRIBUTION_CLOSED);
        assertThat(status(reference)).isEqualTo("CLOSED");
        assertThat(row(reference)).containsEntry("STATUS_REASON", "USD 3,000,000 of USD 3,000,000 paid in 2 tranches")
                .containsEntry("EVALUATION_RATING", "SATISFACTORY");
        assertThat(reports(reference)).containsExactly("PROGRESS 1 ACCEPTED", "PROGRESS 2 ACCEPTED", "FINAL 1 ACCEPTED");
        runAsyncSteps(instance.getId());
        assertThat(subjects(WHO_MAILBOX)).contains("WHO/PIP/2026/031: contribution closed (" + reference + ")");
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_CONTRIBUTION_CLOSED);
    }

    // ---------------------------------------------------------------- appraisal and revision

    @Nested
    class Revision {

        @Test
        void shouldAskTheOrganisationForARevisedProposalAndAppraiseItAgain() throws Exception {
            ProcessInstance instance = startWho(Map.of());
            String reference = instance.getBusinessKey();
            complete(task(TASK_APPRAISE_PROPOSAL, instance), withVariables(PRIORITY_FIT, "MEDIUM",
                    APPRAISAL_NOTE, "Budget too high for one year.", APPRAISAL_OUTCOME, REVISE,
                    REVISION_REQUEST, "Spread the diagnosis component over two fiscal years and reduce it to USD 2,000,000."));
            assertThat(status(reference)).isEqualTo("REVISION_REQUESTED");
            runAsyncSteps(instance.getId());
            assertThat(mailsTo(WHO_MAILBOX)).singleElement().satisfies(mail -> {
                assertThat(mail.getSubject()).isEqualTo("WHO/PIP/2026/031: a revised proposal is requested (" + reference + ")");
                assertThat(body(mail)).contains("reduce it to USD 2,000,000").contains("Haruka Sato");
            });
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_REVISED_PROPOSAL);

            complete(task(TASK_RECORD_REVISED_PROPOSAL, instance), withVariables(REVISED_ON, today().toString(),
                    REVISION_SUMMARY, "Amount reduced to USD 2,000,000.", TITLE, "Avian influenza diagnosis in Asia",
                    OBJECTIVES, "Diagnosis capacity in ASEAN laboratories.", START_DATE, today().toString(),
                    END_DATE, whoEnd().toString(), AMOUNT, 2_000_000, AMOUNT_CURRENCY, "USD", PLANNED_TRANCHES, 2,
                    REPORTING_INTERVAL_MONTHS, "6"));
            BpmnAwareTests.assertThat(instance).hasPassed(TASK_UPDATE_PROPOSAL).isWaitingAt(TASK_APPRAISE_PROPOSAL).variables()
                    .containsEntry(AMOUNT_TEXT, "USD 2,000,000").containsEntry(AMOUNT_YEN, 300_000_000d);
            assertThat(status(reference)).isEqualTo("APPRAISAL");
            assertThat(row(reference)).containsEntry("TITLE", "Avian influenza diagnosis in Asia");
            assertThat(decisions(reference)).containsExactly("appraisal (priority fit MEDIUM):revise:coordinator", "revised proposal:recorded:null");
        }

        @Test
        void shouldRefuseARevisionRequestWithoutSayingWhatToRevise() {
            ProcessInstance instance = startWho(Map.of());
            assertThatThrownBy(() -> complete(task(TASK_APPRAISE_PROPOSAL, instance), withVariables(PRIORITY_FIT, "LOW",
                    APPRAISAL_NOTE, "Unclear budget.", APPRAISAL_OUTCOME, REVISE)))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("is required when asking for a revision");
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_APPRAISE_PROPOSAL);
            assertThat(status(instance.getBusinessKey())).isEqualTo("APPRAISAL");
        }

        @Test
        void shouldLetTheCoordinatorWaitAgainThenCloseAProposalWhoseRevisionNeverCame() throws Exception {
            ProcessInstance instance = startWho(Map.of());
            askForRevision(instance);
            runAsyncSteps(instance.getId());

            managementService.executeJob(timer(instance.getId(), BOUNDARY_REVISION_OVERDUE).getId());
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_DECIDE_ON_MISSING_REVISION);
            complete(task(TASK_DECIDE_ON_MISSING_REVISION, instance), withVariables(MISSING_REVISION_DECISION, WAIT));
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_REVISED_PROPOSAL);

            managementService.executeJob(timer(instance.getId(), BOUNDARY_REVISION_OVERDUE).getId());
            assertThatThrownBy(() -> complete(task(TASK_DECIDE_ON_MISSING_REVISION, instance),
                    withVariables(MISSING_REVISION_DECISION, CLOSE)))
                    .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("is required when closing the proposal");
            complete(task(TASK_DECIDE_ON_MISSING_REVISION, instance), withVariables(MISSING_REVISION_DECISION, CLOSE,
                    MISSING_REVISION_NOTE, "No answer after two reminders by telephone."));
            assertThat(status(instance.getBusinessKey())).isEqualTo("WITHDRAWN");
            runAsyncSteps(instance.getId());
            assertThat(mailAbout(WHO_MAILBOX, "proposal closed without a revision")).satisfies(mail -> {
                assertThat(mail.getSubject()).contains("proposal closed without a revision");
                assertThat(body(mail)).contains("No answer after two reminders by telephone.");
            });
            BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_PROPOSAL_CLOSED);
        }
    }

    // ---------------------------------------------------------------- decision

    @Nested
    class Decision {

        @Test
        void shouldTellTheOrganisationWhenTheManagerRefuses() throws Exception {
            ProcessInstance instance = startWho(Map.of());
            appraise(instance, FORWARD);
            assertThatThrownBy(() -> completeAs("manager", List.of(Groups.MANAGERS), TASK_DECIDE_ON_CONTRIBUTION, instance,
                    withVariables(CONTRIBUTION_DECISION, REFUSED)))
                    .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("is required");
            decideAsManager(instance, REFUSED, "Covered by the ministry's own programme this year.");
            assertThat(status(instance.getBusinessKey())).isEqualTo("REFUSED");
            runAsyncSteps(instance.getId());
            assertThat(mailsTo(WHO_MAILBOX)).singleElement().satisfies(mail -> {
                assertThat(mail.getSubject()).contains("proposal not approved");
                assertThat(body(mail)).contains("Reason: Covered by the ministry's own programme this year.");
            });
            BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_PROPOSAL_REFUSED)
                    .hasNotPassed(TASK_DECIDE_ON_CONTRIBUTION_DIRECTOR);
        }

        @Test
        void shouldEndWithTheDirectorsRefusalAndItsReason() throws Exception {
            ProcessInstance instance = startWho(Map.of());
            appraise(instance, FORWARD);
            decideAsManager(instance, APPROVED, "Priority.");
            decideAsDirector(instance, REFUSED, "Exceeds this year's envelope for WHO.");
            assertThat(status(instance.getBusinessKey())).isEqualTo("REFUSED");
            runAsyncSteps(instance.getId());
            assertThat(body(mailsTo(WHO_MAILBOX).get(0))).contains("Reason: Exceeds this year's envelope for WHO.");
            BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_PROPOSAL_REFUSED);
        }

        @Test
        void shouldNotLetTheManagerWhoDecidedTakeTheDirectorsDecisionToo() {
            ProcessInstance instance = startWho(Map.of());
            appraise(instance, FORWARD);
            completeAs("director", List.of(Groups.MANAGERS, Groups.DIRECTORS), TASK_DECIDE_ON_CONTRIBUTION, instance,
                    withVariables(CONTRIBUTION_DECISION, APPROVED, CONTRIBUTION_DECISION_REASON, "Priority."));
            assertThatThrownBy(() -> completeAs("director", List.of(Groups.MANAGERS, Groups.DIRECTORS),
                    TASK_DECIDE_ON_CONTRIBUTION_DIRECTOR, instance,
                    withVariables(DIRECTOR_DECISION, APPROVED, DIRECTOR_DECISION_REASON, "Agreed.")))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("someone other than the manager who decided (director)");
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_DECIDE_ON_CONTRIBUTION_DIRECTOR);
        }

        @Test
        void shouldLeaveASmallOneYearContributionToTheManagerWithoutEvaluation() throws Exception {
            ProcessInstance instance = startSmall(20_000_000);
            appraise(instance, FORWARD);
            BpmnAwareTests.assertThat(instance).variables().containsEntry(DIRECTOR_DECISION_REQUIRED, false)
                    .containsEntry(FISCAL_YEARS, 1).containsEntry(DURATION_MONTHS, 12);
            decideAsManager(instance, APPROVED, "Small and within the year.");
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_AGREEMENT);
            signAgreement(instance, Map.of(PLANNED_TRANCHES, 1, REPORTING_INTERVAL_MONTHS, "12"));
            BpmnAwareTests.assertThat(instance).variables().containsEntry(EVALUATION_LEVEL, EVALUATION_NONE);
            runAsyncSteps(instance.getId());
            payTranche(instance, 20_000_000);
            runAsyncSteps(instance.getId());
            // the one report of a one-year contribution is its final report
            BpmnAwareTests.assertThat(instance).hasPassed(TASK_SCHEDULE_FINAL_REPORT).isWaitingAt(TASK_RECORD_FINAL_REPORT);
            acceptReport(instance, TASK_RECORD_FINAL_REPORT);
            BpmnAwareTests.assertThat(instance).hasNotPassed(TASK_RECORD_EVALUATION).isWaitingAt(TASK_NOTIFY_CONTRIBUTION_CLOSED);
            assertThat(row(instance.getBusinessKey())).containsEntry("STATUS", "CLOSED")
                    .containsEntry("STATUS_REASON", "JPY 20,000,000 of JPY 20,000,000 paid in 1 tranche");
        }

        @Test
        void shouldAskForAnInternalEvaluationBetweenSeventyFiveAndOneHundredFiftyMillionYen() {
            ProcessInstance instance = startSmall(80_000_000);
            appraise(instance, FORWARD);
            decideAsManager(instance, APPROVED, "Within the year.");
            signAgreement(instance, Map.of(PLANNED_TRANCHES, 1, REPORTING_INTERVAL_MONTHS, "12"));
            BpmnAwareTests.assertThat(instance).variables().containsEntry(EVALUATION_LEVEL, EVALUATION_INTERNAL);
            runAsyncSteps(instance.getId());
            payTranche(instance, 80_000_000);
            runAsyncSteps(instance.getId());
            acceptReport(instance, TASK_RECORD_FINAL_REPORT);
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_EVALUATION);
        }
    }

    // ---------------------------------------------------------------- agreement and tranches

    @Nested
    class Tranches {

        @Test
        void shouldRefuseAnAgreementWithMoreTranchesThanProgressReportsAllow() {
            ProcessInstance instance = bringWhoToAgreement();
            assertThatThrownBy(() -> signAgreement(instance, Map.of(PLANNED_TRANCHES, 5)))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("5 tranches need 4 progress reports before the end");
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_AGREEMENT);
            assertThat(transactions(instance.getBusinessKey())).isEmpty();
        }

        @Test
        void shouldSendARefusedTrancheBackToTheCoordinatorWithTheReason() {
            ProcessInstance instance = bringWhoToFirstTranche();
            complete(task(TASK_REQUEST_TRANCHE, instance), withVariables(TRANCHE_AMOUNT, 2_000_000,
                    PLANNED_PAYMENT_DATE, today().plusDays(7).toString()));
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_APPROVE_TRANCHE).variables()
                    .containsEntry(TRANCHE_AMOUNT_TEXT, "USD 2,000,000")
                    .hasEntrySatisfying(TRANCHE_YEN_TEXT, text -> assertThat((String) text).startsWith("JPY 300,000,000 at 150 yen per USD"));
            assertThatThrownBy(() -> completeAs("manager", List.of(Groups.MANAGERS), TASK_APPROVE_TRANCHE, instance,
                    withVariables(TRANCHE_DECISION, REFUSED)))
                    .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("is required when refusing");
            completeAs("manager", List.of(Groups.MANAGERS), TASK_APPROVE_TRANCHE, instance, withVariables(TRANCHE_DECISION, REFUSED,
                    TRANCHE_DECISION_REASON, "Pay half now, as planned."));
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REQUEST_TRANCHE).variables()
                    .containsEntry(TRANCHE_DECISION_REASON, "Pay half now, as planned.").containsEntry(TRANCHE_NUMBER, 1);
            assertThat(tranches(instance.getBusinessKey())).containsExactly("1 REFUSED USD 2000000.00 JPY null");
            assertThat(decisions(instance.getBusinessKey())).endsWith("tranche 1:refused:manager");
        }

        @Test
        void shouldRefuseATrancheAboveWhatRemainsAndALastTrancheThatLeavesMoneyUnpaid() {
            ProcessInstance instance = bringWhoToFirstTranche();
            assertThatThrownBy(() -> complete(task(TASK_REQUEST_TRANCHE, instance), withVariables(TRANCHE_AMOUNT, 3_000_001,
                    PLANNED_PAYMENT_DATE, today().toString())))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("must not exceed what remains of the contribution, USD 3,000,000");
            payTranche(instance, 1_000_000);
            runAsyncSteps(instance.getId());
            acceptReport(instance, TASK_RECORD_PROGRESS_REPORT);
            assertThatThrownBy(() -> complete(task(TASK_REQUEST_TRANCHE, instance), withVariables(TRANCHE_AMOUNT, 1_000_000,
                    PLANNED_PAYMENT_DATE, today().toString())))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("must be what remains, USD 2,000,000: this is the last planned tranche");
        }

        @Test
        void shouldRefuseAPaymentDatedInTheFuture() {
            ProcessInstance instance = bringWhoToFirstTranche();
            complete(task(TASK_REQUEST_TRANCHE, instance), withVariables(TRANCHE_AMOUNT, 1_500_000,
                    PLANNED_PAYMENT_DATE, today().toString()));
            completeAs("manager", List.of(Groups.MANAGERS), TASK_APPROVE_TRANCHE, instance, withVariables(TRANCHE_DECISION, APPROVED));
            assertThatThrownBy(() -> complete(task(TASK_RECORD_PAYMENT, instance), withVariables(PAID_ON,
                    today().plusDays(1).toString(), PAYMENT_REFERENCE, "MOF-2026-1142")))
                    .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("must not be in the future");
            assertThat(tranches(instance.getBusinessKey())).containsExactly("1 APPROVED USD 1500000.00 JPY null");
        }
    }

    // ---------------------------------------------------------------- progress reports

    @Nested
    class Reports {

        @Test
        void shouldReturnAProgressReportWithTheReasonAndWaitForTheCorrectedOne() throws Exception {
            ProcessInstance instance = bringWhoToFirstReport();
            assertThatThrownBy(() -> complete(task(TASK_RECORD_PROGRESS_REPORT, instance), withVariables(
                    REPORT_RECEIVED_ON, today().toString(), REPORT_SUMMARY, "Six laboratories equipped.",
                    REPORT_DECISION, RETURNED)))
                    .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("is required when returning the report");
            complete(task(TASK_RECORD_PROGRESS_REPORT, instance), withVariables(REPORT_RECEIVED_ON, today().toString(),
                    REPORT_SUMMARY, "Six laboratories equipped.", REPORT_DECISION, RETURNED,
                    REPORT_RETURN_REASON, "The financial statement is missing."));
            runAsyncSteps(instance.getId());
            assertThat(mailAbout(WHO_MAILBOX, "progress report 1 returned")).satisfies(mail -> {
                assertThat(mail.getSubject()).contains("progress report 1 returned");
                assertThat(body(mail)).contains("The financial statement is missing.")
                        .contains("by " + LanguageFormats.date(today().plusDays(ContributionSchedule.RESUBMISSION_DAYS), Language.EN));
            });
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_PROGRESS_REPORT).variables()
                    .containsEntry(REPORT_DUE_DATE, today().plusDays(ContributionSchedule.RESUBMISSION_DAYS).toString());
            acceptReport(instance, TASK_RECORD_PROGRESS_REPORT);
            assertThat(reports(instance.getBusinessKey())).containsExactly("PROGRESS 1 RETURNED", "PROGRESS 1 ACCEPTED");
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REQUEST_TRANCHE);
        }

        @Test
        void shouldRemindTheOrganisationBeforeTheDueDateAndEscalateALateReportToTheManagers() throws Exception {
            ProcessInstance instance = bringWhoToFirstReport();
            LocalDate due = today().plusMonths(6);
            Job reminder = timer(instance.getId(), BOUNDARY_PROGRESS_REPORT_REMINDER_DUE);
            assertThat(reminder.getDuedate()).isEqualTo(java.sql.Timestamp.valueOf(due.minusDays(14).atTime(9, 0)));
            managementService.executeJob(reminder.getId());
            runAsyncSteps(instance.getId());
            assertThat(subjects(WHO_MAILBOX)).contains("Reminder: progress report 1 due on " + LanguageFormats.date(due, Language.EN) + " ("
                    + instance.getBusinessKey() + ", WHO/PIP/2026/031)");

            Job overdue = timer(instance.getId(), BOUNDARY_PROGRESS_REPORT_OVERDUE);
            assertThat(overdue.getDuedate()).isEqualTo(java.sql.Timestamp.valueOf(due.plusDays(14).atTime(9, 0)));
            managementService.executeJob(overdue.getId());
            runAsyncSteps(instance.getId());
            // The managers and the programme officer read the office's default, Japanese.
            assertThat(mailsTo(MANAGER_MAIL)).singleElement().satisfies(mail -> {
                assertThat(mail.getSubject()).isEqualTo("【提出遅延】世界保健機関（WHO・GOARN） の第1回進捗報告書（期限 "
                        + LanguageFormats.date(due, Language.JA) + "）（" + instance.getBusinessKey() + "）");
                assertThat(body(mail)).contains("既払額：USD 1,500,000", "拠出の一時停止を検討してください");
            });
            assertThat(mailsTo(PROGRAMME_OFFICER_MAIL)).extracting(MimeMessage::getSubject)
                    .anySatisfy(subject -> assertThat(subject).startsWith("【提出遅延】"));
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_PROGRESS_REPORT)
                    .hasPassed(END_EVENT_PROGRESS_REPORT_REMINDED, END_EVENT_PROGRESS_REPORT_ESCALATED);
        }

        @Test
        void shouldRemindAndEscalateTheFinalReportToo() throws Exception {
            ProcessInstance instance = startSmall(20_000_000);
            appraise(instance, FORWARD);
            decideAsManager(instance, APPROVED, "Small.");
            signAgreement(instance, Map.of(PLANNED_TRANCHES, 1, REPORTING_INTERVAL_MONTHS, "12"));
            runAsyncSteps(instance.getId());
            payTranche(instance, 20_000_000);
            runAsyncSteps(instance.getId());
            managementService.executeJob(timer(instance.getId(), BOUNDARY_FINAL_REPORT_REMINDER_DUE).getId());
            managementService.executeJob(timer(instance.getId(), BOUNDARY_FINAL_REPORT_OVERDUE).getId());
            runAsyncSteps(instance.getId());
            assertThat(subjects(ILO_MAILBOX)).anySatisfy(subject -> assertThat(subject).startsWith("Reminder: final report due on"));
            // The managers read the office's default language, Japanese.
            assertThat(subjects(MANAGER_MAIL)).singleElement().asString().startsWith("【提出遅延】").contains("の最終報告書（期限 ");
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_FINAL_REPORT);
        }
    }

    // ---------------------------------------------------------------- reports sent online

    /**
     * The organisation sends its reports through its personal link: the report task gives way to the programme
     * officer's review, whose decision then takes the same paths as the record form's.
     */
    @Nested
    class ReportsSentOnline {

        @Test
        void shouldMailTheOrganisationItsReportsLinkWorkingUntilTwoWeeksAfterTheReportIsDue() throws Exception {
            ProcessInstance instance = bringWhoToFirstReport();
            String reference = instance.getBusinessKey();
            LocalDate due = today().plusMonths(6);
            PartnerLink link = reportsLink(instance);
            assertThat(link.addressee()).isEqualTo(WHO_MAILBOX);
            assertThat(link.language()).isEqualTo(Language.EN);
            assertThat(links.lastDay(link)).as("the due date and the escalation's two weeks of grace")
                    .isEqualTo(due.plusDays(ContributionSchedule.ESCALATION_DAYS_AFTER));
            String url = links.urlOf(link);
            // The agreement announced the reports and the payment asked for the first: both carry the one link.
            assertThat(body(mailAbout(WHO_MAILBOX, "agreement WHO-MHLW/2026/07 recorded"))).contains(url);
            assertThat(body(mailAbout(WHO_MAILBOX, "tranche 1 paid"))).contains(url)
                    .contains("works until " + LanguageFormats.date(links.lastDay(link), Language.EN));
            // The programme officer's copy of the agreement says where the link went, without it.
            assertThat(mailsTo(PROGRAMME_OFFICER_MAIL)).isNotEmpty().allSatisfy(mail ->
                    assertThat(body(mail)).doesNotContain("/portal/"));

            managementService.executeJob(timer(instance.getId(), BOUNDARY_PROGRESS_REPORT_REMINDER_DUE).getId());
            runAsyncSteps(instance.getId());
            assertThat(body(mailAbout(WHO_MAILBOX, "Reminder: progress report 1"))).contains(url);
            assertThat(links.forScope(link.scope())).as("one link for every mail of the contribution's reports").hasSize(1);
            assertThat(reference).isEqualTo(link.reference());
        }

        @Test
        void shouldLeaveAProgressReportSentOnlineAndAcceptedAsARecordedAndAcceptedOne() {
            ProcessInstance recorded = bringWhoToFirstReport();
            completeAs("coordinator", List.of(Groups.COORDINATORS), TASK_RECORD_PROGRESS_REPORT, recorded, withVariables(
                    REPORT_RECEIVED_ON, today().toString(), REPORT_SUMMARY, "Eight laboratories equipped.",
                    REPORT_DECISION, ACCEPTED));

            ProcessInstance online = bringWhoToFirstReport();
            PartnerSubmission sent = sendOnline(online, "Eight laboratories equipped.", pdf("first progress report"));
            BpmnAwareTests.assertThat(online).isWaitingAt(TASK_REVIEW_PROGRESS_REPORT)
                    .hasPassed(BOUNDARY_PROGRESS_REPORT_SENT_ONLINE).hasNotPassed(TASK_RECORD_PROGRESS_REPORT_ACCEPTED);
            org.camunda.bpm.engine.task.Task review = task(TASK_REVIEW_PROGRESS_REPORT, online);
            assertThat(review.getName()).isEqualTo("Review progress report of WHO");
            BpmnAwareTests.assertThat(review).isAssignedTo("coordinator");
            assertThat(taskService.getIdentityLinksForTask(review.getId()))
                    .anySatisfy(identity -> assertThat(identity.getGroupId()).isEqualTo(Groups.COORDINATORS));
            assertThat(taskService.getVariables(review.getId()))
                    .containsEntry(PortalVariables.SUBMISSION_ID, sent.id())
                    .containsEntry(PortalVariables.SUBMISSION_TITLE, "Progress report 1 of 2 of WHO: "
                            + "Avian and pandemic influenza preparedness in Asia (" + online.getBusinessKey() + ")")
                    .hasEntrySatisfying(PortalVariables.SUBMISSION_SUMMARY, summary -> assertThat((String) summary)
                            .contains("Eight laboratories equipped.").contains("report.pdf (application/pdf"));
            assertThat(timer(online.getId(), BOUNDARY_PROGRESS_REPORT_REMINDER_DUE))
                    .as("no reminder while the report is reviewed").isNull();
            assertThat(timer(online.getId(), BOUNDARY_PROGRESS_REPORT_OVERDUE)).as("nor an escalation").isNull();

            completeAs("coordinator", List.of(Groups.COORDINATORS), TASK_REVIEW_PROGRESS_REPORT, online,
                    withVariables(PortalVariables.REVIEW_DECISION, PortalVariables.ACCEPTED));

            BpmnAwareTests.assertThat(online).hasPassed(TASK_RECORD_PROGRESS_REPORT_REVIEW, TASK_RECORD_PROGRESS_REPORT_ACCEPTED)
                    .isWaitingAt(TASK_REQUEST_TRANCHE);
            BpmnAwareTests.assertThat(recorded).isWaitingAt(TASK_REQUEST_TRANCHE);
            List<String> compared = List.of(REPORT_RECEIVED_ON, REPORT_SUMMARY, REPORT_DECISION, TRANCHE_NUMBER, TRANCHES_PAID,
                    MORE_TRANCHES, PAID_TEXT, REMAINING_TEXT, REPORT_NUMBER, REPORT_DUE_DATE);
            assertThat(runtimeService.getVariables(online.getId(), compared))
                    .isEqualTo(runtimeService.getVariables(recorded.getId(), compared))
                    .containsEntry(TRANCHE_NUMBER, 2).containsEntry(REPORT_DECISION, ACCEPTED);
            assertThat(reportRows(online.getBusinessKey())).isEqualTo(reportRows(recorded.getBusinessKey()))
                    .containsExactly("PROGRESS 1 ACCEPTED " + today() + " Eight laboratories equipped. coordinator");
            PartnerSubmission accepted = submissions.get(sent.id());
            assertThat(accepted.status()).isEqualTo(SubmissionStatus.ACCEPTED);
            assertThat(accepted.decidedBy()).isEqualTo("coordinator");

            // the next tranche, as after the record form
            payTranche(online, 1_500_000);
            assertThat(tranches(online.getBusinessKey())).containsExactly("1 PAID USD 1500000.00 JPY 225000000",
                    "2 PAID USD 1500000.00 JPY 225000000");
        }

        @Test
        void shouldReturnAReportSentOnlineWithTheReasonAndTheSameLinkThenTakeTheCorrectedOne() throws Exception {
            ProcessInstance instance = bringWhoToFirstReport();
            String url = links.urlOf(reportsLink(instance));
            PartnerSubmission first = sendOnline(instance, "Six laboratories equipped.", pdf("draft"));
            assertThatThrownBy(() -> completeAs("coordinator", List.of(Groups.COORDINATORS), TASK_REVIEW_PROGRESS_REPORT,
                    instance, withVariables(PortalVariables.REVIEW_DECISION, PortalVariables.RETURNED)))
                    .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("is required");
            completeAs("coordinator", List.of(Groups.COORDINATORS), TASK_REVIEW_PROGRESS_REPORT, instance, withVariables(
                    PortalVariables.REVIEW_DECISION, PortalVariables.RETURNED,
                    PortalVariables.RETURN_REASON, "The financial statement is missing."));

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_RECORD_PROGRESS_REPORT_RETURNED)
                    .hasNotPassed(TASK_RECORD_PROGRESS_REPORT_ACCEPTED);
            assertThat(reportRows(instance.getBusinessKey())).containsExactly(
                    "PROGRESS 1 RETURNED " + today() + " Six laboratories equipped. coordinator");
            assertThat(submissions.get(first.id())).satisfies(returned -> {
                assertThat(returned.status()).isEqualTo(SubmissionStatus.RETURNED);
                assertThat(returned.returnReason()).isEqualTo("The financial statement is missing.");
            });
            runAsyncSteps(instance.getId());
            LocalDate again = today().plusDays(ContributionSchedule.RESUBMISSION_DAYS);
            assertThat(mailAbout(WHO_MAILBOX, "progress report 1 returned")).satisfies(mail -> assertThat(body(mail))
                    .contains("The financial statement is missing.", url)
                    .contains("by " + LanguageFormats.date(again, Language.EN)));
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_PROGRESS_REPORT).variables()
                    .containsEntry(REPORT_DUE_DATE, again.toString());
            assertThat(timer(instance.getId(), BOUNDARY_PROGRESS_REPORT_REMINDER_DUE).getDuedate())
                    .as("the reminder counts from the new due date")
                    .isEqualTo(java.sql.Timestamp.valueOf(again.minusDays(14).atTime(9, 0)));
            assertThat(links.lastDay(reportsLink(instance))).as("a link's expiry only ever moves later")
                    .isEqualTo(today().plusMonths(6).plusDays(ContributionSchedule.ESCALATION_DAYS_AFTER));

            PortalPage page = reportsPortal.page(reportsLink(instance));
            assertThat(page.asks()).as("the page takes the corrected report").isTrue();
            assertThat(page.prefill()).containsEntry(REPORT_SUMMARY, "Six laboratories equipped.");
            assertThat(page.notices()).singleElement().satisfies(notice ->
                    assertThat(notice.arguments()).contains("The financial statement is missing."));

            sendOnline(instance, "Six laboratories equipped; financial statement attached.", pdf("corrected"));
            completeAs("coordinator", List.of(Groups.COORDINATORS), TASK_REVIEW_PROGRESS_REPORT, instance,
                    withVariables(PortalVariables.REVIEW_DECISION, PortalVariables.ACCEPTED));
            assertThat(reports(instance.getBusinessKey())).containsExactly("PROGRESS 1 RETURNED", "PROGRESS 1 ACCEPTED");
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REQUEST_TRANCHE);
        }

        @Test
        void shouldTakeTheNextReportOnlyWhenItIsDueAndNotTheAcceptedOneAgain() {
            ProcessInstance instance = bringWhoToFirstReport();
            PartnerLink link = reportsLink(instance);
            byte[] firstReport = pdf("first progress report");
            PortalAnswer first = answer(instance, "Eight laboratories equipped.", firstReport);
            reportsPortal.receive(link, first);
            PortalAnswer another = new PortalAnswer(first.formId(), first.values(),
                    List.of(new Upload("report", "other.pdf", pdf("other"))), "127.0.0.1");
            assertThatThrownBy(() -> reportsPortal.receive(link, another))
                    .as("nothing is taken while a report is under review").isInstanceOf(PortalRefusal.class);
            completeAs("coordinator", List.of(Groups.COORDINATORS), TASK_REVIEW_PROGRESS_REPORT, instance,
                    withVariables(PortalVariables.REVIEW_DECISION, PortalVariables.ACCEPTED));
            assertThat(reportsPortal.page(link).asks()).as("no report is due while the next tranche is paid").isFalse();
            payTranche(instance, 1_500_000);
            runAsyncSteps(instance.getId());
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_PROGRESS_REPORT).variables().containsEntry(REPORT_NUMBER, 2);

            // The first report's request replayed now that the second is due: the same document, refused.
            PortalAnswer replay = new PortalAnswer(first.formId(), withReportKind(first.values(), "progress report 2"),
                    first.uploads(), first.address());
            assertThatThrownBy(() -> reportsPortal.receive(link, replay)).isInstanceOf(PortalRefusal.class)
                    .extracting(refusal -> ((PortalRefusal) refusal).messageKey()).isEqualTo("portal.refused.accepted");
            assertThat(submissions.forScope(link.scope())).hasSize(1);
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_PROGRESS_REPORT);

            PartnerSubmission second = sendOnline(instance, "All twelve laboratories equipped.", pdf("second progress report"));
            assertThat(second.values()).containsEntry(REPORT_KIND, "progress report 2");
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REVIEW_PROGRESS_REPORT);
            assertThat((String) taskService.getVariable(task(TASK_REVIEW_PROGRESS_REPORT, instance).getId(),
                    PortalVariables.SUBMISSION_TITLE)).startsWith("Progress report 2 of 2 of WHO");
        }

        @Test
        void shouldTakeTheFinalReportOnlineAndCloseTheContribution() throws Exception {
            ProcessInstance instance = startSmall(20_000_000);
            appraise(instance, FORWARD);
            decideAsManager(instance, APPROVED, "Small.");
            signAgreement(instance, Map.of(PLANNED_TRANCHES, 1, REPORTING_INTERVAL_MONTHS, "12"));
            runAsyncSteps(instance.getId());
            payTranche(instance, 20_000_000);
            runAsyncSteps(instance.getId());
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_FINAL_REPORT);
            String url = links.urlOf(reportsLink(instance));
            assertThat(body(mailAbout(ILO_MAILBOX, "tranche 1 paid"))).contains("final report is due", url);

            sendOnline(instance, "Course held; 24 officials trained.", pdf("final report"));
            org.camunda.bpm.engine.task.Task review = task(TASK_REVIEW_FINAL_REPORT, instance);
            assertThat(review.getName()).isEqualTo("Review final report of ILO");
            completeAs("coordinator", List.of(Groups.COORDINATORS), TASK_REVIEW_FINAL_REPORT, instance,
                    withVariables(PortalVariables.REVIEW_DECISION, PortalVariables.ACCEPTED));

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_RECORD_FINAL_REPORT_REVIEW, TASK_RECORD_FINAL_REPORT_ACCEPTED)
                    .isWaitingAt(TASK_NOTIFY_CONTRIBUTION_CLOSED);
            assertThat(status(instance.getBusinessKey())).isEqualTo("CLOSED");
            assertThat(reports(instance.getBusinessKey())).containsExactly("FINAL 1 ACCEPTED");
            PortalPage closed = reportsPortal.page(reportsLink(instance));
            assertThat(closed.asks()).isFalse();
            assertThat(closed.closedKey()).isEqualTo("portal.closed.noLongerAwaited");
        }
    }

    // ---------------------------------------------------------------- suspension and termination

    @Nested
    class SuspensionAndTermination {

        @Test
        void shouldHoldTranchesWhileSuspendedAndReleaseThemWhenResumed() throws Exception {
            ProcessInstance instance = bringWhoToFirstTranche();
            complete(task(TASK_REQUEST_TRANCHE, instance), withVariables(TRANCHE_AMOUNT, 1_500_000,
                    PLANNED_PAYMENT_DATE, today().toString()));
            correlate(instance, MESSAGE_SUSPENDED, SUSPENSION_REASON, "Audit of the regional office under way.");
            assertThat(status(instance.getBusinessKey())).isEqualTo("SUSPENDED");
            runAsyncSteps(instance.getId());
            assertThat(subjects(WHO_MAILBOX)).anySatisfy(subject -> assertThat(subject).contains("contribution suspended"));

            assertThatThrownBy(() -> completeAs("manager", List.of(Groups.MANAGERS), TASK_APPROVE_TRANCHE, instance,
                    withVariables(TRANCHE_DECISION, APPROVED)))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("cannot be recorded while the contribution is suspended (Audit of the regional office under way.)");

            correlate(instance, MESSAGE_RESUMED, RESUMPTION_NOTE, "Audit closed without findings.");
            assertThat(status(instance.getBusinessKey())).isEqualTo("ACTIVE");
            runAsyncSteps(instance.getId());
            assertThat(mailAbout(WHO_MAILBOX, "suspension lifted")).satisfies(mail -> {
                assertThat(mail.getSubject()).contains("suspension lifted");
                assertThat(body(mail)).contains("Audit closed without findings.");
            });
            completeAs("manager", List.of(Groups.MANAGERS), TASK_APPROVE_TRANCHE, instance, withVariables(TRANCHE_DECISION, APPROVED));
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_PAYMENT)
                    .hasPassed(END_EVENT_SUSPENDED, END_EVENT_RESUMED);
            assertThat(decisions(instance.getBusinessKey())).contains("suspension:suspended:null", "suspension:resumed:null");
        }

        @Test
        void shouldKeepTheSuspensionWhenARevisedProposalArrivesMeanwhile() {
            ProcessInstance instance = startWho(Map.of());
            askForRevision(instance);
            runAsyncSteps(instance.getId());
            correlate(instance, MESSAGE_SUSPENDED, SUSPENSION_REASON, "Pending the budget review.");
            complete(task(TASK_RECORD_REVISED_PROPOSAL, instance), withVariables(REVISED_ON, today().toString(),
                    REVISION_SUMMARY, "Shorter.", TITLE, "Avian influenza", OBJECTIVES, "Diagnosis.",
                    START_DATE, today().toString(), END_DATE, whoEnd().toString(), AMOUNT, 3_000_000, AMOUNT_CURRENCY, "USD",
                    PLANNED_TRANCHES, 2, REPORTING_INTERVAL_MONTHS, "6"));
            assertThat(row(instance.getBusinessKey())).containsEntry("STATUS", "SUSPENDED")
                    .containsEntry("STATUS_BEFORE_SUSPENSION", "APPRAISAL");
            correlate(instance, MESSAGE_RESUMED, RESUMPTION_NOTE, "");
            assertThat(status(instance.getBusinessKey())).isEqualTo("APPRAISAL");
        }

        @Test
        void shouldTerminateAtAnyTimeCancellingTheUnpaidTranchesAndTellingTheOrganisation() throws Exception {
            ProcessInstance instance = bringWhoToFirstReport();
            String reference = instance.getBusinessKey();
            correlate(instance, MESSAGE_TERMINATED, TERMINATION_REASON, "Programme taken over by the Global Fund.");
            assertThat(row(reference)).containsEntry("STATUS", "TERMINATED").containsEntry("STATUS_REASON",
                    "terminated: Programme taken over by the Global Fund.; USD 1,500,000 of USD 3,000,000 paid in 1 tranche; "
                            + "USD 1,500,000 not disbursed");
            runAsyncSteps(instance.getId());

            assertThat(mailAbout(WHO_MAILBOX, "contribution terminated")).satisfies(mail -> {
                assertThat(mail.getSubject()).contains("contribution terminated");
                assertThat(body(mail)).contains("Paid: USD 1,500,000 of USD 3,000,000")
                        .contains("The tranches not yet paid (USD 1,500,000) are cancelled");
            });
            BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_CONTRIBUTION_TERMINATED);
            assertThat(reports(reference)).isEmpty();
        }

        @Test
        void shouldCancelATrancheAwaitingApprovalWhenTerminated() {
            ProcessInstance instance = bringWhoToFirstTranche();
            complete(task(TASK_REQUEST_TRANCHE, instance), withVariables(TRANCHE_AMOUNT, 1_500_000,
                    PLANNED_PAYMENT_DATE, today().toString()));
            correlate(instance, MESSAGE_TERMINATED, TERMINATION_REASON, "Agreement rescinded.");
            assertThat(tranches(instance.getBusinessKey())).containsExactly("1 CANCELLED USD 1500000.00 JPY null");
        }

        @Test
        void shouldTerminateAProposalBeforeAnyDecision() {
            ProcessInstance instance = startWho(Map.of());
            correlate(instance, MESSAGE_TERMINATED, TERMINATION_REASON, "Withdrawn by WHO.");
            assertThat(status(instance.getBusinessKey())).isEqualTo("TERMINATED");
            runAsyncSteps(instance.getId());
            BpmnAwareTests.assertThat(instance).isEnded();
        }
    }

    // ---------------------------------------------------------------- the proposal's rules and the seed's second case

    @Nested
    class Proposal {

        @Test
        void shouldRefuseAProposalWithoutRecipientsOrWithDatesOrTranchesOutOfOrder() {
            int before = jdbc.sql("select count(*) from contribution").query(Integer.class).single();
            Map<String, Object> none = whoProposal(Map.of());
            none.remove(RECIPIENT_GROUP);
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, none))
                    .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("are required unless a recipient region is chosen");
            assertThatThrownBy(() -> startWho(Map.of(END_DATE, today().minusDays(1).toString())))
                    .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("must be before");
            assertThatThrownBy(() -> startWho(Map.of(PLANNED_TRANCHES, 4, REPORTING_INTERVAL_MONTHS, "12")))
                    .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("4 tranches need 3 progress reports");
            assertThatThrownBy(() -> startWho(Map.of(PROGRAMME_OFFICER, "manager")))
                    .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("is not a coordinator");
            assertThat(jdbc.sql("select count(*) from contribution").query(Integer.class).single()).isEqualTo(before);
        }

        @Test
        void shouldRunTheIloAseanIndustrialRelationsProgrammeAnnualTranchesOverSixYears() throws Exception {
            int fiscalYear = ContributionSchedule.fiscalYear(today());
            LocalDate start = LocalDate.of(fiscalYear, 4, 1);
            LocalDate end = LocalDate.of(fiscalYear + 6, 3, 31);
            Map<String, Object> ilo = iloProposal(60_000_000 * 6, start, end);
            ilo.put(PLANNED_TRANCHES, 6);
            ilo.put(REPORTING_INTERVAL_MONTHS, "12");
            ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, ilo);
            BpmnAwareTests.assertThat(instance).variables().containsEntry(FISCAL_YEARS, 6).containsEntry(DURATION_MONTHS, 72)
                    .containsEntry(AMOUNT_TEXT, "JPY 360,000,000");
            appraise(instance, FORWARD);
            BpmnAwareTests.assertThat(instance).variables().containsEntry(DIRECTOR_DECISION_REQUIRED, true);
            decideAsManager(instance, APPROVED, "ASEAN's request, six years under ILO's multi-bilateral scheme.");
            decideAsDirector(instance, APPROVED, "Approved.");
            signAgreement(instance, Map.of(PLANNED_TRANCHES, 6, REPORTING_INTERVAL_MONTHS, "12"));
            BpmnAwareTests.assertThat(instance).variables().containsEntry(EVALUATION_LEVEL, EVALUATION_INDEPENDENT);
            runAsyncSteps(instance.getId());
            payTranche(instance, 60_000_000);
            runAsyncSteps(instance.getId());
            // the second year's tranche waits for the first annual report
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_PROGRESS_REPORT)
                    .variables().containsEntry(REPORT_DUE_DATE, nextAnniversary(start).toString());
            acceptReport(instance, TASK_RECORD_PROGRESS_REPORT);
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REQUEST_TRANCHE).variables()
                    .containsEntry(TRANCHE_NUMBER, 2).containsEntry(PAID_TEXT, "JPY 60,000,000")
                    .containsEntry(REMAINING_TEXT, "JPY 300,000,000");
            assertThat(row(instance.getBusinessKey())).containsEntry("RECIPIENT_GROUP", "ASEAN").containsEntry("SECTOR_CODE", "16070");
        }

        private LocalDate nextAnniversary(LocalDate start) {
            LocalDate due = start.plusYears(1);
            while (!due.isAfter(today())) {
                due = due.plusYears(1);
            }
            return due;
        }
    }

    // ---------------------------------------------------------------- Tasklist's cards

    /** The contribution's reference on every task, its country when it goes to one country alone, and the deadlines. */
    @Nested
    class Cards {

        @Test
        void shouldShowTheReferenceAndTheOneRecipientCountryByName() {
            ProcessInstance laos = startWho(Map.of(RECIPIENT_GROUP, "", RECIPIENT_COUNTRIES, List.of("LA")));
            appraise(laos, FORWARD);
            org.camunda.bpm.engine.task.Task decision = task(TASK_DECIDE_ON_CONTRIBUTION, laos);
            assertThat(taskService.getVariablesLocal(decision.getId()))
                    .containsEntry("reference", laos.getBusinessKey()).containsEntry(COUNTRY_NAME, "Lao PDR");
            assertThat(decision.getDueDate()).as("the contribution's first day")
                    .isEqualTo(java.util.Date.from(today().atStartOfDay(java.time.ZoneId.systemDefault()).toInstant()));

            ProcessInstance asean = startWho(Map.of());
            assertThat(taskService.getVariablesLocal(task(TASK_APPRAISE_PROPOSAL, asean).getId()))
                    .containsEntry("reference", asean.getBusinessKey())
                    .as("a region's contribution concerns no one country").doesNotContainKey(COUNTRY_NAME);
        }
    }

    // ---------------------------------------------------------------- steps

    LocalDate whoEnd() {
        return today().plusMonths(18).minusDays(1);
    }

    Map<String, Object> whoProposal(Map<String, Object> overrides) {
        Map<String, Object> variables = new HashMap<>(Map.ofEntries(
                Map.entry(ORGANISATION_CODE, "WHO"),
                Map.entry(ORGANISATION_REFERENCE, "WHO/PIP/2026/031"),
                Map.entry(ORGANISATION_EMAIL, WHO_MAILBOX),
                Map.entry(TITLE, "Avian and pandemic influenza preparedness in Asia"),
                Map.entry(OBJECTIVES, "Experts, inspection and diagnosis, and medical devices against avian and pandemic influenza."),
                Map.entry(RECIPIENT_GROUP, "ASEAN"),
                Map.entry(SECTOR_CODE, "12250"),
                Map.entry(CONTRIBUTION_KIND, "EARMARKED"),
                Map.entry(START_DATE, today().toString()),
                Map.entry(END_DATE, whoEnd().toString()),
                Map.entry(AMOUNT, 3_000_000),
                Map.entry(AMOUNT_CURRENCY, "USD"),
                Map.entry(PLANNED_TRANCHES, 2),
                Map.entry(REPORTING_INTERVAL_MONTHS, "6"),
                Map.entry(PROGRAMME_OFFICER, "coordinator")));
        variables.putAll(overrides);
        return variables;
    }

    ProcessInstance startWho(Map<String, Object> overrides) {
        return runtimeService.startProcessInstanceByKey(PROCESS_KEY, whoProposal(overrides));
    }

    Map<String, Object> iloProposal(long yen, LocalDate start, LocalDate end) {
        Map<String, Object> variables = new HashMap<>(Map.ofEntries(
                Map.entry(ORGANISATION_CODE, "ILO"),
                Map.entry(ORGANISATION_REFERENCE, "RAS/08/03/JPN"),
                Map.entry(ORGANISATION_EMAIL, ILO_MAILBOX),
                Map.entry(TITLE, "ASEAN industrial relations"),
                Map.entry(OBJECTIVES, "Sound industrial relations in ASEAN member states, on ASEAN's request."),
                Map.entry(RECIPIENT_GROUP, "ASEAN"),
                Map.entry(SECTOR_CODE, "16070"),
                Map.entry(CONTRIBUTION_KIND, "EARMARKED"),
                Map.entry(START_DATE, start.toString()),
                Map.entry(END_DATE, end.toString()),
                Map.entry(AMOUNT, yen),
                Map.entry(AMOUNT_CURRENCY, "JPY"),
                Map.entry(PLANNED_TRANCHES, 1),
                Map.entry(REPORTING_INTERVAL_MONTHS, "12"),
                Map.entry(PROGRAMME_OFFICER, "coordinator")));
        return variables;
    }

    /** A contribution within the current Japanese fiscal year: April to March, in yen. */
    ProcessInstance startSmall(long yen) {
        int fiscalYear = ContributionSchedule.fiscalYear(today());
        return runtimeService.startProcessInstanceByKey(PROCESS_KEY,
                iloProposal(yen, LocalDate.of(fiscalYear, 4, 1), LocalDate.of(fiscalYear + 1, 3, 31)));
    }

    void appraise(ProcessInstance instance, String outcome) {
        completeAs("coordinator", List.of(Groups.COORDINATORS), TASK_APPRAISE_PROPOSAL, instance, withVariables(
                PRIORITY_FIT, "HIGH", APPRAISAL_NOTE, "Fits the ministry's priorities; reporting terms as usual.",
                APPRAISAL_OUTCOME, outcome));
    }

    void askForRevision(ProcessInstance instance) {
        complete(task(TASK_APPRAISE_PROPOSAL, instance), withVariables(PRIORITY_FIT, "MEDIUM", APPRAISAL_NOTE, "Too large.",
                APPRAISAL_OUTCOME, REVISE, REVISION_REQUEST, "Reduce the amount."));
    }

    void decideAsManager(ProcessInstance instance, String decision, String reason) {
        completeAs("manager", List.of(Groups.MANAGERS), TASK_DECIDE_ON_CONTRIBUTION, instance,
                withVariables(CONTRIBUTION_DECISION, decision, CONTRIBUTION_DECISION_REASON, reason));
    }

    void decideAsDirector(ProcessInstance instance, String decision, String reason) {
        completeAs("director", List.of(Groups.MANAGERS, Groups.DIRECTORS), TASK_DECIDE_ON_CONTRIBUTION_DIRECTOR, instance,
                withVariables(DIRECTOR_DECISION, decision, DIRECTOR_DECISION_REASON, reason));
    }

    void signAgreement(ProcessInstance instance, Map<String, Object> overrides) {
        Map<String, Object> agreement = new HashMap<>(Map.of(AGREEMENT_REFERENCE, "WHO-MHLW/2026/07",
                SIGNED_ON, today().toString(), MINISTRY_SIGNATORY, "Director, International Cooperation Office",
                ORGANISATION_SIGNATORY, "Assistant Director-General, Health Security", PLANNED_TRANCHES, 2,
                REPORTING_INTERVAL_MONTHS, "6", EVALUATION_TERMS, "Independent final evaluation under WHO's policy."));
        agreement.putAll(overrides);
        complete(task(TASK_RECORD_AGREEMENT, instance), agreement);
    }

    ProcessInstance bringWhoToAgreement() {
        ProcessInstance instance = startWho(Map.of());
        appraise(instance, FORWARD);
        decideAsManager(instance, APPROVED, "Priority.");
        decideAsDirector(instance, APPROVED, "Approved.");
        return instance;
    }

    ProcessInstance bringWhoToFirstTranche() {
        ProcessInstance instance = bringWhoToAgreement();
        signAgreement(instance, Map.of());
        runAsyncSteps(instance.getId());
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REQUEST_TRANCHE);
        return instance;
    }

    ProcessInstance bringWhoToFirstReport() {
        ProcessInstance instance = bringWhoToFirstTranche();
        payTranche(instance, 1_500_000);
        runAsyncSteps(instance.getId());
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_PROGRESS_REPORT);
        return instance;
    }

    void payTranche(ProcessInstance instance, long amount) {
        complete(task(TASK_REQUEST_TRANCHE, instance), withVariables(TRANCHE_AMOUNT, amount,
                PLANNED_PAYMENT_DATE, today().toString()));
        completeAs("manager", List.of(Groups.MANAGERS), TASK_APPROVE_TRANCHE, instance, withVariables(TRANCHE_DECISION, APPROVED));
        complete(task(TASK_RECORD_PAYMENT, instance), withVariables(PAID_ON, today().toString(), PAYMENT_REFERENCE, "MOF-2026-1142"));
    }

    void acceptReport(ProcessInstance instance, String taskKey) {
        complete(task(taskKey, instance), withVariables(REPORT_RECEIVED_ON, today().toString(),
                REPORT_SUMMARY, "Activities on schedule; funds used as planned.", REPORT_DECISION, ACCEPTED));
    }

    void correlate(ProcessInstance instance, String message, String variable, String value) {
        runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(instance.getBusinessKey())
                .setVariable(variable, value).correlate();
    }


    @Autowired
    ContributionReportsPortal reportsPortal;
    @Autowired
    PartnerLinks links;
    @Autowired
    PartnerSubmissions submissions;

    /** The organisation's link for the contribution's reports, as its mails carry it. */
    PartnerLink reportsLink(ProcessInstance instance) {
        String organisation = (String) runtimeService.getVariable(instance.getId(), ORGANISATION_CODE);
        return links.live(LinkScope.of(LinkPurpose.CONTRIBUTION_REPORTS, instance.getBusinessKey(), organisation))
                .orElseThrow(() -> new AssertionError("no live reports link for " + instance.getBusinessKey()));
    }

    /** What the organisation's page sends: the summary it wrote, the page's fixed values, the report as a PDF. */
    PortalAnswer answer(ProcessInstance instance, String summary, byte[] report) {
        PortalPage page = reportsPortal.page(reportsLink(instance));
        assertThat(page.asks()).as("the page asks for a report").isTrue();
        Map<String, Object> values = new HashMap<>(page.fixed());
        values.put(REPORT_SUMMARY, summary);
        return new PortalAnswer(page.formId(), values, List.of(new Upload("report", "report.pdf", report)), "127.0.0.1");
    }

    PartnerSubmission sendOnline(ProcessInstance instance, String summary, byte[] report) {
        PartnerLink link = reportsLink(instance);
        reportsPortal.receive(link, answer(instance, summary, report));
        return submissions.latest(link.scope()).orElseThrow();
    }

    static Map<String, Object> withReportKind(Map<String, Object> values, String kind) {
        Map<String, Object> changed = new HashMap<>(values);
        changed.put(REPORT_KIND, kind);
        return changed;
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    List<String> reportRows(String reference) {
        return jdbc.sql("""
                        select r.kind || ' ' || r.report_no || ' ' || r.status || ' ' || r.received_on || ' ' || r.summary || ' '
                               || coalesce(r.recorded_by, 'null')
                        from contribution_report r join contribution c on c.id = r.contribution_id where c.reference = ? order by r.id""")
                .param(reference).query(String.class).list();
    }

    Map<String, Object> row(String reference) {
        return jdbc.sql("select * from contribution where reference = ?").param(reference).query().singleRow();
    }

    String status(String reference) {
        return (String) row(reference).get("STATUS");
    }

    List<String> decisions(String reference) {
        return jdbc.sql("select kind || ':' || outcome || ':' || coalesce(decided_by, 'null') from decision where subject_ref = ? order by id")
                .param(reference).query(String.class).list();
    }

    List<String> tranches(String reference) {
        return jdbc.sql("""
                        select t.tranche_no || ' ' || t.status || ' ' || t.currency || ' ' || t.amount || ' JPY ' || coalesce(cast(t.amount_yen as varchar(20)), 'null')
                        from contribution_tranche t join contribution c on c.id = t.contribution_id where c.reference = ? order by t.id""")
                .param(reference).query(String.class).list();
    }

    List<String> transactions(String reference) {
        return jdbc.sql("""
                        select t.kind || ' ' || t.currency || ' ' || t.amount || ' JPY ' || t.amount_yen
                        from contribution_transaction t join contribution c on c.id = t.contribution_id where c.reference = ? order by t.id""")
                .param(reference).query(String.class).list();
    }

    List<String> reports(String reference) {
        return jdbc.sql("""
                        select r.kind || ' ' || r.report_no || ' ' || r.status
                        from contribution_report r join contribution c on c.id = r.contribution_id where c.reference = ? order by r.id""")
                .param(reference).query(String.class).list();
    }

    List<String> subjects(String address) {
        return mailsTo(address).stream().map(mail -> {
            try {
                return mail.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The one mail to this address whose subject holds the text (GreenMail lists mails by mailbox, not by time). */
    MimeMessage mailAbout(String address, String subjectPart) {
        List<MimeMessage> found = mailsTo(address).stream().filter(mail -> {
            try {
                return mail.getSubject().contains(subjectPart);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(found).as("mails to %s about '%s'", address, subjectPart).hasSize(1);
        return found.get(0);
    }

    static String body(MimeMessage mail) throws Exception {
        return mail.getContent().toString().replace("\r\n", "\n");
    }
}
