package org.cooperationdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cooperationdesk.dispatch.ExpertDispatchProcess.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The expert dispatch as its users do it in Tasklist: a coordinator requests an expert on the start form,
 * matches one and records the answer; a manager reads what they approve and approves; the coordinator does
 * the four pre-deployment checks and the expert is deployed. A request in US dollars, for a country found by
 * typing part of its name, whose value in yen calls for a director's approval after the manager's. And what a
 * coordinator sees when the server refuses a form.
 */
class ExpertDispatchInTasklistTest extends BrowserTestBase {

    private static final String REQUESTER = "goarn@who.example";
    private static final String WHO = "World Health Organization (GOARN)";
    private static final String ILO = "International Labour Organization";

    @Test
    void coordinatorRequestsAndMatchesAnExpertManagerApprovesAndTheExpertIsDeployed() {
        String requesterReference = "GOARN-" + unique();
        LocalDate start = today().plusDays(20);
        step("log in as coordinator");
        TasklistPage tasklist = tasklist().login("coordinator");
        assertThat(tasklist.filterNames()).contains("My tasks", "Coordination").doesNotContain("Approvals");

        step("the start form");
        CamundaFormPage request = tasklist.startProcess("Expert dispatch").waitUntilRendered("Requesting body");
        fillRequest(request, requesterReference, start);
        step("start form filled");
        screenshot("expert-dispatch-start-form");
        tasklist.submitStartForm();
        tasklist.waitForNotification("The process has been started");

        ProcessInstance instance = instanceWith(PROCESS_KEY, "requesterReference", requesterReference);
        String reference = instance.getBusinessKey();
        assertThat(reference).matches("DR-\\d{4}-\\d{4}");
        assertThat(requestStatus(reference)).isEqualTo("MATCHING");

        step("match an expert");
        Task match = openTask(instance.getId(), TASK_MATCH_EXPERT);
        tasklist.selectFilter("Coordination").openTaskFromList(match.getId(), "Match expert from roster").claim();
        CamundaFormPage matchForm = tasklist.taskForm().waitUntilRendered("Outcome");
        assertThat(matchForm.value("Request")).isEqualTo(reference);
        assertThat(matchForm.selected("Requesting body")).isEqualTo("World Health Organization (GOARN)");
        assertThat(matchForm.selected("Country")).isEqualTo("Cambodia");
        assertThat(matchForm.value("Skills needed")).isEqualTo("epidemiology, laboratory");
        assertThat(matchForm.isDisabled("Purpose")).isTrue();
        matchForm.radio("Outcome", "Offer an expert from the roster");
        String candidate = matchForm.selectFirst("Expert");
        assertThat(candidate).as("best match first").contains("epidemiology").doesNotContain("no matching skill");
        String expertName = candidate.substring(0, candidate.indexOf(" ("));
        matchForm.textarea("Note", "Best skill match; available on the start date.");
        screenshot("expert-dispatch-task-form-match-expert");
        tasklist.complete();
        waitUntilCompleted(match);

        step("the offer goes out by mail, then the coordinator records the answer");
        Task answer = openTask(instance.getId(), TASK_RECORD_EXPERT_ANSWER);
        String expertEmail = expertEmail(expertName);
        assertThat(waitForMailsTo(expertEmail, 1)).anyMatch(subject -> subject.startsWith("Mission offer " + reference));
        tasklist.openTaskFromList(answer.getId(), "Record expert's answer").claim();
        CamundaFormPage answerForm = tasklist.taskForm().waitUntilRendered("Expert's answer");
        assertThat(answerForm.value("Expert")).isEqualTo(expertName);
        assertThat(answerForm.value("Duration (days)")).isEqualTo("21");
        answerForm.radio("Expert's answer", "Accepted").textarea("Note", "Accepted by phone.");
        tasklist.complete();
        waitUntilCompleted(answer);

        step("the coordinator neither sees nor can open the manager's approval");
        Task approval = openTask(instance.getId(), TASK_APPROVE_RELEASE);
        tasklist.login("coordinator").selectFilter("Coordination");
        assertThat(tasklist.filterNames()).doesNotContain("Approvals");
        assertThat(tasklist.taskNamesInList()).doesNotContain("Approve release");
        assertThat(tasklist.listShows(approval.getId())).isFalse();
        tasklist.openTaskByUrl(approval.getId());
        assertThat(tasklist.waitForNotification("does not exist")).contains("No matching task with id " + approval.getId());
        assertThat(tasklist.showsTask("Approve release")).isFalse();

        step("the manager reads the request, the expert, the duration and the cost, and approves");
        tasklist.login("manager");
        assertThat(tasklist.filterNames()).contains("My tasks", "Approvals").doesNotContain("Coordination");
        tasklist.selectFilter("Approvals").openTaskFromList(approval.getId(), "Approve release").claim();
        CamundaFormPage approvalForm = tasklist.taskForm().waitUntilRendered("Decision");
        assertThat(approvalForm.value("Request")).isEqualTo(reference);
        assertThat(approvalForm.selected("Requesting body")).isEqualTo(WHO);
        assertThat(approvalForm.selected("Country")).isEqualTo("Cambodia");
        assertThat(approvalForm.value("Purpose")).isEqualTo("Avian influenza outbreak response");
        assertThat(approvalForm.value("Terms of reference")).startsWith("Support the national rapid response team");
        assertThat(approvalForm.value("Expert")).isEqualTo(expertName);
        assertThat(approvalForm.date("Start date")).isEqualTo(start);
        assertThat(approvalForm.value("Duration (days)")).isEqualTo("21");
        assertThat(approvalForm.value("Estimated cost")).isEqualTo("JPY 1,500,000");
        assertThat(approvalForm.value("Value in yen (the office's rate)")).as("yen need no rate").isEqualTo("JPY 1,500,000");
        assertThat(approvalForm.selected("Funded by")).isEqualTo("Requesting body");
        assertThat(approvalForm.isChecked("A senior approval will follow")).isFalse();
        approvalForm.radio("Decision", "Approve release");
        screenshot("expert-dispatch-manager-approves-release");
        tasklist.complete();
        waitUntilCompleted(approval);
        assertThat(jdbc.sql("select decided_by || ':' || outcome from decision where subject_ref = ?").param(reference)
                .query(String.class).list()).containsExactly("manager:approved");

        step("the coordinator's four pre-deployment checks");
        tasklist.login("coordinator").selectFilter("Coordination");
        Task medical = openTask(instance.getId(), TASK_CHECK_MEDICAL_CLEARANCE);
        tasklist.openTaskFromList(medical.getId(), "Check medical clearance and vaccination").claim();
        tasklist.taskForm().waitUntilRendered("Medical clearance")
                .radio("Medical clearance", "Cleared")
                .date("Clearance and vaccinations valid until", start.plusYears(1));
        tasklist.complete();
        waitUntilCompleted(medical);

        Task insurance = openTask(instance.getId(), TASK_ARRANGE_INSURANCE);
        tasklist.openTaskFromList(insurance.getId(), "Arrange insurance").claim();
        tasklist.taskForm().waitUntilRendered("Insurer").text("Insurer", "Tokio Marine").text("Policy number", "TM-2026-8812");
        tasklist.complete();
        waitUntilCompleted(insurance);

        Task briefing = openTask(instance.getId(), TASK_BRIEF_SECURITY);
        tasklist.openTaskFromList(briefing.getId(), "Give security briefing").claim();
        tasklist.taskForm().waitUntilRendered("Briefing held on")
                .date("Briefing held on", today())
                .text("Security clearance reference", "UNDSS-44817");
        tasklist.complete();
        waitUntilCompleted(briefing);

        Task travel = openTask(instance.getId(), TASK_BOOK_TRAVEL);
        tasklist.openTaskFromList(travel.getId(), "Book travel").claim();
        tasklist.taskForm().waitUntilRendered("Departure date")
                .date("Departure date", start)
                .date("Planned return date", start.plusDays(20))
                .text("Flight and booking reference", "JL 5135 NRT-PNH, booking QX7RT2");
        tasklist.complete();
        waitUntilCompleted(travel);

        step("deployed: the record says so and expert and requester are told");
        eventually("request deployed", () -> "DEPLOYED".equals(requestStatus(reference)));
        assertThat(waitForMailsTo(expertEmail, 2)).anyMatch(subject -> subject.contains(reference) && subject.startsWith("Deployment confirmed"));
        // The requesting body's mail is its own (the expert's carries their personal link) and follows the expert's.
        eventually("the requesting body told", () -> subjectsOfMailsTo(REQUESTER).stream().anyMatch(subject -> subject.contains(reference)));
        openTask(instance.getId(), TASK_RECORD_SITUATION_REPORT);
    }

    @Test
    void whoRequestsAnExpertForEgyptInUsDollarsAndItsYenValueCallsForADirectorsApproval() {
        String requesterReference = "GOARN-EG-" + unique();
        LocalDate start = today().plusDays(30);
        String yenValue = "JPY 3,750,000 at 150 yen per USD (";
        String demoRate = ", Demo rate, not an official rate)";
        step("log in as coordinator");
        TasklistPage tasklist = tasklist().login("coordinator");

        step("the start form: requesting body, country and currency found by typing part of their names");
        CamundaFormPage request = tasklist.startProcess("Expert dispatch").waitUntilRendered("Requesting body");
        request.search("Requesting body", "GOARN", WHO)
                .text("Requester's reference", requesterReference)
                .text("Requester's e-mail", REQUESTER)
                .search("Country", "Egy", "Egypt")
                .text("Purpose", "Cholera outbreak response")
                .textarea("Terms of reference", "Support the Ministry of Health and Population with case management and surveillance.")
                .text("Skills needed (comma separated)", "epidemiology")
                .text("Languages needed (comma separated)", "english")
                .date("Start date", start)
                .number("Duration (days)", 28)
                .number("Estimated cost", 25_000)
                .search("Currency", "USD", "USD: US Dollar")
                .select("Funded by", "Requesting body");
        assertThat(request.selected("Country")).isEqualTo("Egypt");
        tasklist.submitStartForm();
        tasklist.waitForNotification("The process has been started");

        ProcessInstance instance = instanceWith(PROCESS_KEY, "requesterReference", requesterReference);
        String reference = instance.getBusinessKey();
        assertThat(jdbc.sql("select country_code || ':' || estimated_cost_currency || ':' || estimated_cost || ':' || estimated_cost_yen"
                + " from dispatch_request where reference = ?").param(reference).query(String.class).single())
                .as("the amount in its currency and its value in yen at the office's rate").isEqualTo("EG:USD:25000:3750000");

        step("the coordinator matches an expert and records the answer");
        Task match = openTask(instance.getId(), TASK_MATCH_EXPERT);
        tasklist.selectFilter("Coordination").openTaskFromList(match.getId(), "Match expert from roster").claim();
        CamundaFormPage matchForm = tasklist.taskForm().waitUntilRendered("Outcome");
        assertThat(matchForm.value("Request")).isEqualTo(reference);
        assertThat(matchForm.selected("Country")).as("a task form's countries are the records too").isEqualTo("Egypt");
        matchForm.radio("Outcome", "Offer an expert from the roster");
        String candidate = matchForm.selectFirst("Expert");
        String expertName = candidate.substring(0, candidate.indexOf(" ("));
        tasklist.complete();
        waitUntilCompleted(match);
        Task answer = openTask(instance.getId(), TASK_RECORD_EXPERT_ANSWER);
        tasklist.openTaskFromList(answer.getId(), "Record expert's answer").claim();
        tasklist.taskForm().waitUntilRendered("Expert's answer").radio("Expert's answer", "Accepted");
        tasklist.complete();
        waitUntilCompleted(answer);

        step("the manager reads the cost in dollars and its value in yen, above JPY 3,000,000, and approves");
        Task approval = openTask(instance.getId(), TASK_APPROVE_RELEASE);
        tasklist.login("manager").selectFilter("Approvals").openTaskFromList(approval.getId(), "Approve release").claim();
        CamundaFormPage approvalForm = tasklist.taskForm().waitUntilRendered("Decision");
        assertThat(approvalForm.value("Request")).isEqualTo(reference);
        assertThat(approvalForm.selected("Requesting body")).isEqualTo(WHO);
        assertThat(approvalForm.selected("Country")).isEqualTo("Egypt");
        assertThat(approvalForm.value("Expert")).isEqualTo(expertName);
        assertThat(approvalForm.value("Estimated cost")).isEqualTo("USD 25,000");
        assertThat(approvalForm.value("Value in yen (the office's rate)")).startsWith(yenValue).endsWith(demoRate);
        assertThat(approvalForm.isChecked("A senior approval will follow")).isTrue();
        approvalForm.radio("Decision", "Approve release").textarea("Reason", "Approved; above my limit in yen.");
        screenshot("tasklist-dispatch-request-egypt-usd");
        tasklist.complete();
        waitUntilCompleted(approval);

        step("the request waits for the director, who sees the same amounts and approves");
        Task senior = openTask(instance.getId(), TASK_APPROVE_RELEASE_SENIOR);
        assertThat(openTasks(instance.getId(), TASK_CHECK_MEDICAL_CLEARANCE)).as("no check before the senior approval").isEmpty();
        tasklist.login("director").selectFilter("Approvals")
                .openTaskFromList(senior.getId(), "Approve release (senior)").claim();
        CamundaFormPage seniorForm = tasklist.taskForm().waitUntilRendered("Decision");
        assertThat(seniorForm.value("Request")).isEqualTo(reference);
        assertThat(seniorForm.selected("Country")).isEqualTo("Egypt");
        assertThat(seniorForm.value("Estimated cost")).isEqualTo("USD 25,000");
        assertThat(seniorForm.value("Value in yen (the office's rate)")).startsWith(yenValue).endsWith(demoRate);
        assertThat(seniorForm.value("First approver's comment")).isEqualTo("Approved; above my limit in yen.");
        seniorForm.radio("Decision", "Approve release");
        tasklist.complete();
        waitUntilCompleted(senior);
        assertThat(jdbc.sql("select kind || ':' || outcome || ':' || decided_by from decision where subject_ref = ? order by id")
                .param(reference).query(String.class).list())
                .containsExactly("release:approved:manager", "senior release:approved:director");
        openTask(instance.getId(), TASK_CHECK_MEDICAL_CLEARANCE);
    }

    @Test
    void formsTheServerRefusesShowTheCoordinatorWhyAndNothingIsLost() {
        String requesterReference = "ILO-" + unique();
        step("log in as coordinator");
        TasklistPage tasklist = tasklist().login("coordinator");

        step("the start form: a date the browser accepts but the server refuses");
        CamundaFormPage request = tasklist.startProcess("Expert dispatch").waitUntilRendered("Requesting body");
        fillRequest(request, requesterReference, today().minusDays(1));
        tasklist.submitStartForm();
        String refusal = tasklist.waitForNotification("Please correct the form.");
        assertThat(refusal).contains("The process could not be started")
                .contains("Please correct the form. Start date: must not be in the past");
        screenshot("expert-dispatch-start-form-refused");
        assertThat(tasklist.startFormOpen()).as("the start form stays open with what was typed").isTrue();
        assertThat(request.value("Requester's reference")).isEqualTo(requesterReference);
        assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("requesterReference", requesterReference).count())
                .isZero();

        request.date("Start date", today().plusDays(30));
        tasklist.submitStartForm();
        tasklist.waitForNotification("The process has been started");
        ProcessInstance instance = instanceWith(PROCESS_KEY, "requesterReference", requesterReference);

        step("the match task: the browser's own check first (a required field left empty) ...");
        Task match = openTask(instance.getId(), TASK_MATCH_EXPERT);
        tasklist.selectFilter("Coordination").openTaskFromList(match.getId(), "Match expert from roster").claim();
        CamundaFormPage matchForm = tasklist.taskForm().waitUntilRendered("Outcome");
        tasklist.complete();
        browser.waitUntil("'Field is required.' under Outcome", d -> matchForm.errors("Outcome").contains("Field is required."));
        assertThat(isOpen(match)).isTrue();

        // ... then the server's: no expert available needs a note
        matchForm.radio("Outcome", "No suitable expert is available");
        tasklist.complete();
        String message = tasklist.waitForNotification("Please correct the form.");
        assertThat(message).contains("Please correct the form. Note: is required to explain why no expert can be offered");
        screenshot("expert-dispatch-task-form-refused");
        assertThat(isOpen(match)).as("the task stays open").isTrue();
        assertThat(tasklist.showsTask("Match expert from roster")).isTrue();
        assertThat(requestStatus(instance.getBusinessKey())).isEqualTo("MATCHING");

        step("corrected, the same form goes through and the requester is told");
        matchForm.textarea("Note", "Nobody on the roster speaks the language needed before the start date.");
        tasklist.complete();
        waitUntilCompleted(match);
        eventually("request unfilled", () -> "UNFILLED".equals(requestStatus(instance.getBusinessKey())));
        eventually("requester told", () -> subjectsOfMailsTo("ilo-" + requesterReference.toLowerCase() + "@ilo.example")
                .stream().anyMatch(subject -> subject.contains(instance.getBusinessKey())));
    }

    @Test
    void theExpertAcceptsTheOfferFromThePersonalLinkInTheOfferMail() {
        step("a request matched by a coordinator: the offer mail carries the expert's personal link");
        java.util.Map<String, Object> request = new java.util.HashMap<>(org.cooperationdesk.DispatchRequests.valid("GOARN-" + unique()));
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, request);
        String reference = instance.getBusinessKey();
        Task match = openTask(instance.getId(), TASK_MATCH_EXPERT);
        String candidates = String.valueOf(runtimeService.getVariable(instance.getId(), "expertCandidates"));
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("\"value\"\\s*:\\s*\"(\\d+)\"").matcher(candidates);
        assertThat(first.find()).as("a candidate in %s", candidates).isTrue();
        taskService.complete(match.getId(), java.util.Map.of("matchOutcome", "selected", "expertId", first.group(1)));
        String expertEmail = jdbc.sql("select email from person where id = ?").param(Long.valueOf(first.group(1)))
                .query(String.class).single();
        waitForMailsTo(expertEmail, 1);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/portal/[A-Za-z0-9_-]{43}")
                .matcher(bodyOfMailTo(expertEmail, "Mission offer " + reference));
        assertThat(link.find()).isTrue();

        step("the expert opens the link: the offer, the deadline and the answer, no account");
        browser.open(baseUrl() + link.group());
        assertThat(browser.visible(org.openqa.selenium.By.tagName("h1")).getText()).startsWith("Mission offer " + reference);
        assertThat(browser.visible(org.openqa.selenium.By.cssSelector("dd.deadline")).getText()).isNotBlank();
        browser.click(org.openqa.selenium.By.cssSelector("input[name='expertAnswer'][value='accepted']"));
        screenshot("expert-offer-from-the-link");
        browser.click(org.openqa.selenium.By.cssSelector("form#answer button[type='submit']"));

        step("accepted: the page says so and the manager's release approval waits");
        browser.waitUntil("the answer taken", driver -> driver.getPageSource().contains("You accepted this offer"));
        screenshot("expert-offer-accepted");
        assertThat(openTask(instance.getId(), TASK_APPROVE_RELEASE)).isNotNull();
        assertThat(requestStatus(reference)).isEqualTo("APPROVAL");
    }

    private void fillRequest(CamundaFormPage form, String requesterReference, LocalDate start) {
        boolean ilo = requesterReference.startsWith("ILO");
        form.select("Requesting body", ilo ? ILO : WHO)
                .text("Requester's reference", requesterReference)
                .text("Requester's e-mail", ilo ? "ilo-" + requesterReference.toLowerCase() + "@ilo.example" : REQUESTER)
                .select("Country", "Cambodia")
                .text("Purpose", "Avian influenza outbreak response")
                .textarea("Terms of reference", "Support the national rapid response team with field investigation.")
                .text("Skills needed (comma separated)", "epidemiology, laboratory")
                .text("Languages needed (comma separated)", "english")
                .date("Start date", start)
                .number("Duration (days)", 21)
                .number("Estimated cost", 1_500_000)
                .select("Funded by", "Requesting body");
        assertThat(form.selected("Currency")).as("the form's default currency").isEqualTo("JPY: Yen");
    }

    private String requestStatus(String reference) {
        return jdbc.sql("select status from dispatch_request where reference = ?").param(reference).query(String.class).single();
    }

    private String expertEmail(String name) {
        return jdbc.sql("select email from person where full_name = ?").param(name).query(String.class).single();
    }
}
