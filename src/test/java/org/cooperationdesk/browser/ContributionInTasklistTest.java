package org.cooperationdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cooperationdesk.contribution.ContributionProcess.*;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cooperationdesk.contribution.ContributionVariables;
import org.junit.jupiter.api.Test;

/**
 * A contribution through WHO as its users do it in Tasklist: the programme officer registers the proposal on the
 * start form (USD 3,000,000 for ASEAN, one tranche) and appraises it; its yen value (JPY 450,000,000 at the demo
 * rate) and its two Japanese fiscal years call for a director after the manager; the programme officer records the
 * signed agreement and requests the tranche, is refused a tranche above what was committed, the manager approves
 * it and the payment is recorded with its value in yen.
 */
class ContributionInTasklistTest extends BrowserTestBase {

    private static final String PROCESS_NAME = "Contribution to an international organisation";
    private static final String WHO = "World Health Organization (GOARN)";
    private static final String YEN_VALUE = "JPY 450,000,000 at 150 yen per USD (";

    @Test
    void whoAvianInfluenzaFromProposalToTheFirstTranchePaidWithTheDirectorsDecision() {
        String organisationReference = "WHO-AI-" + unique();
        String organisationEmail = "ai-" + organisationReference.toLowerCase() + "@who.example";
        String title = "Avian influenza preparedness in ASEAN " + organisationReference;
        LocalDate start = today().plusDays(30);
        LocalDate end = start.plusYears(1).minusDays(1);

        step("log in as coordinator");
        TasklistPage tasklist = tasklist().login("coordinator");

        step("the proposal (start form)");
        CamundaFormPage proposal = tasklist.startProcess(PROCESS_NAME).waitUntilRendered("Organisation");
        proposal.search("Organisation", "GOARN", WHO)
                .text("Organisation's reference", organisationReference)
                .text("Organisation's e-mail", organisationEmail)
                .text("Title", title)
                .textarea("Objectives", "Strengthen surveillance, laboratory diagnosis and rapid response to avian influenza.")
                .search("Recipient group of countries", "ASEAN", "ASEAN (10 countries)")
                .select("Sector (DAC code)", "12250 Infectious disease control")
                .select("Kind of contribution", "Earmarked")
                .date("Starts", start)
                .date("Ends", end)
                .number("Amount", 3_000_000)
                .search("Currency", "USD", "USD: US Dollar")
                .number("Planned tranches", 1)
                .search("Programme officer", "Sato", "Haruka Sato (coordinator)");
        assertThat(proposal.selected("Progress reports")).as("the form's default").isEqualTo("Every 12 months");
        screenshot("contribution-start-form");
        tasklist.submitStartForm();
        tasklist.waitForNotification("The process has been started");

        ProcessInstance instance = instanceWith(PROCESS_KEY, ContributionVariables.ORGANISATION_REFERENCE, organisationReference);
        String reference = instance.getBusinessKey();
        assertThat(reference).matches("CT-\\d{4}-\\d{4}");
        assertThat(contributionStatus(reference)).isEqualTo("APPRAISAL");

        step("the programme officer appraises it and forwards it to a manager");
        Task appraisal = openTask(instance.getId(), TASK_APPRAISE_PROPOSAL);
        assertThat(appraisal.getAssignee()).isEqualTo("coordinator");
        tasklist.selectFilter("Coordination").openTaskFromList(appraisal.getId(), "Appraise proposal");
        CamundaFormPage appraise = tasklist.taskForm().waitUntilRendered("Outcome");
        assertThat(appraise.value("Contribution")).isEqualTo(reference);
        assertThat(appraise.selected("Organisation")).isEqualTo(WHO);
        assertThat(appraise.value("Recipients")).startsWith("ASEAN");
        assertThat(appraise.value("Amount")).isEqualTo("USD 3,000,000");
        assertThat(appraise.value("Value in yen (the office's rate)")).startsWith(YEN_VALUE);
        assertThat(appraise.value("Japanese fiscal years")).isEqualTo("2");
        appraise.select("Fit with the ministry's priorities", "High")
                .textarea("Appraisal", "Pandemic preparedness is a priority of the ministry; WHO's regional network delivers.")
                .radio("Outcome", "Forward to a manager for decision");
        screenshot("contribution-appraisal");
        tasklist.complete();
        waitUntilCompleted(appraisal);

        step("the manager reads that a director decides too, and approves");
        Task decision = openTask(instance.getId(), TASK_DECIDE_ON_CONTRIBUTION);
        tasklist.login("manager").selectFilter("Approvals").openTaskFromList(decision.getId(), "Decide on contribution").claim();
        CamundaFormPage decide = tasklist.taskForm().waitUntilRendered("Decision");
        assertThat(decide.value("Contribution")).isEqualTo(reference);
        assertThat(decide.value("Amount")).isEqualTo("USD 3,000,000");
        assertThat(decide.value("Value in yen (the office's rate)")).startsWith(YEN_VALUE);
        assertThat(decide.selected("Fit with the ministry's priorities")).isEqualTo("High");
        assertThat(decide.isChecked("A director will decide too")).as("JPY 450,000,000 and two fiscal years").isTrue();
        decide.radio("Decision", "Approve").textarea("Reasons", "Within the pandemic preparedness budget line.");
        tasklist.complete();
        waitUntilCompleted(decision);

        step("the director sees the manager's approval and approves too");
        Task directorDecision = openTask(instance.getId(), TASK_DECIDE_ON_CONTRIBUTION_DIRECTOR);
        assertThat(openTasks(instance.getId(), TASK_RECORD_AGREEMENT)).as("no agreement before the director decides").isEmpty();
        tasklist.login("director").selectFilter("Approvals")
                .openTaskFromList(directorDecision.getId(), "Decide on contribution (director)").claim();
        CamundaFormPage director = tasklist.taskForm().waitUntilRendered("Decision");
        assertThat(director.value("Contribution")).isEqualTo(reference);
        assertThat(director.value("Manager's reasons")).isEqualTo("Within the pandemic preparedness budget line.");
        assertThat(director.value("Approved by")).isEqualTo("manager");
        director.radio("Decision", "Approve").textarea("Reasons", "Approved for FY2026 and FY2027.");
        screenshot("contribution-director-decides");
        tasklist.complete();
        waitUntilCompleted(directorDecision);
        assertThat(jdbc.sql("select kind || ':' || outcome || ':' || decided_by from decision where subject_ref = ? order by id")
                .param(reference).query(String.class).list())
                .contains("contribution:approved:manager", "director's decision:approved:director");
        eventually("contribution approved", () -> "APPROVED".equals(contributionStatus(reference)));

        step("the programme officer records the signed agreement");
        Task agreement = openTask(instance.getId(), TASK_RECORD_AGREEMENT);
        tasklist.login("coordinator").selectFilter("Coordination").openTaskFromList(agreement.getId(), "Record signed agreement");
        CamundaFormPage agreementForm = tasklist.taskForm().waitUntilRendered("Agreement reference");
        assertThat(agreementForm.value("Amount")).isEqualTo("USD 3,000,000");
        assertThat(agreementForm.value("Planned tranches")).as("the proposal's").isEqualTo("1");
        agreementForm.text("Agreement reference", "MHLW-WHO-" + organisationReference)
                .date("Signed on", today())
                .text("Signed for the ministry by", "Director, International Cooperation Office")
                .text("Signed for the organisation by", "WHO Regional Director for South-East Asia")
                .text("Agreement reference", "MHLW-WHO-" + organisationReference); // still there (typed again if lost)
        tasklist.complete();
        waitUntilCompleted(agreement);
        eventually("agreement mail to the organisation", () -> subjectsOfMailsTo(organisationEmail).stream()
                .anyMatch(subject -> subject.contains("agreement") && subject.contains(reference)));
        assertThat(contributionStatus(reference)).isEqualTo("ACTIVE");

        step("the first tranche: more than was committed is refused with the field named");
        Task request = openTask(instance.getId(), TASK_REQUEST_TRANCHE);
        tasklist.openTaskFromList(request.getId(), "Request tranche");
        CamundaFormPage requestForm = tasklist.taskForm().waitUntilRendered("Amount of this tranche");
        assertThat(requestForm.value("Tranche")).isEqualTo("1");
        assertThat(requestForm.value("Committed")).isEqualTo("USD 3,000,000");
        assertThat(requestForm.value("Remaining")).isEqualTo("USD 3,000,000");
        requestForm.number("Amount of this tranche", 3_500_000)
                .textarea("Note for the manager", "The whole contribution in one tranche, as agreed.")
                .date("Planned payment date", today().plusDays(14));
        requestForm.textarea("Note for the manager", "The whole contribution in one tranche, as agreed."); // still there
        tasklist.complete();
        String refusal = tasklist.waitForNotification("Please correct the form.");
        assertThat(refusal).contains("Amount of this tranche: must not exceed what remains of the contribution, USD 3,000,000");
        screenshot("contribution-tranche-refused");
        assertThat(isOpen(request)).as("the task stays open").isTrue();
        assertThat(tranches(reference)).as("no tranche recorded").isZero();

        requestForm.number("Amount of this tranche", 3_000_000);
        tasklist.complete();
        waitUntilCompleted(request);

        step("the manager approves the tranche, reading its value in yen");
        Task approval = openTask(instance.getId(), TASK_APPROVE_TRANCHE);
        tasklist.login("manager").selectFilter("Approvals").openTaskFromList(approval.getId(), "Approve tranche").claim();
        CamundaFormPage approve = tasklist.taskForm().waitUntilRendered("Decision");
        assertThat(approve.value("This tranche")).isEqualTo("USD 3,000,000");
        assertThat(approve.value("Value in yen today")).startsWith(YEN_VALUE);
        assertThat(approve.value("Programme officer's note")).isEqualTo("The whole contribution in one tranche, as agreed.");
        approve.radio("Decision", "Approve");
        tasklist.complete();
        waitUntilCompleted(approval);

        step("the programme officer records the payment");
        Task payment = openTask(instance.getId(), TASK_RECORD_PAYMENT);
        tasklist.login("coordinator").selectFilter("Coordination").openTaskFromList(payment.getId(), "Record payment");
        CamundaFormPage paymentForm = tasklist.taskForm().waitUntilRendered("Paid on");
        assertThat(paymentForm.value("Amount")).isEqualTo("USD 3,000,000");
        paymentForm.text("Payment reference", "MOF-REMIT-" + organisationReference).date("Paid on", today())
                .text("Payment reference", "MOF-REMIT-" + organisationReference); // still there (typed again if lost)
        tasklist.complete();
        waitUntilCompleted(payment);

        step("paid: the tranche in dollars and in yen, the disbursement, and the organisation told");
        eventually("tranche paid", () -> tranches(reference, "PAID") == 1);
        assertThat(jdbc.sql("select t.amount from contribution_tranche t join contribution c on c.id = t.contribution_id "
                + "where c.reference = ?").param(reference).query(BigDecimal.class).single()).isEqualByComparingTo("3000000");
        assertThat(jdbc.sql("select t.amount_yen from contribution_tranche t join contribution c on c.id = t.contribution_id "
                + "where c.reference = ?").param(reference).query(BigDecimal.class).single())
                .as("USD 3,000,000 at 150 yen").isEqualByComparingTo("450000000");
        assertThat(jdbc.sql("select t.paid_on from contribution_tranche t join contribution c on c.id = t.contribution_id "
                + "where c.reference = ?").param(reference).query(LocalDate.class).single()).isEqualTo(today());
        assertThat(jdbc.sql("select x.kind || ':' || x.currency from contribution_transaction x join contribution c "
                + "on c.id = x.contribution_id where c.reference = ? order by x.id").param(reference).query(String.class).list())
                .containsExactly("COMMITMENT:USD", "DISBURSEMENT:USD");
        eventually("tranche-paid mail", () -> subjectsOfMailsTo(organisationEmail).stream()
                .anyMatch(subject -> subject.equals(organisationReference + ": tranche 1 paid, USD 3,000,000 (" + reference + ")")));
    }

    private String contributionStatus(String reference) {
        return jdbc.sql("select status from contribution where reference = ?").param(reference).query(String.class).single();
    }

    private long tranches(String reference) {
        return jdbc.sql("select count(*) from contribution_tranche t join contribution c on c.id = t.contribution_id "
                + "where c.reference = ?").param(reference).query(Long.class).single();
    }

    private long tranches(String reference, String status) {
        return jdbc.sql("select count(*) from contribution_tranche t join contribution c on c.id = t.contribution_id "
                + "where c.reference = ? and t.status = ?").param(reference).param(status).query(Long.class).single();
    }
}
