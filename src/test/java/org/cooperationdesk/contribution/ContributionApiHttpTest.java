package org.cooperationdesk.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.cooperationdesk.HttpApi;
import org.cooperationdesk.LoginSession;
import org.cooperationdesk.system.Groups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Contributions through the office API over real HTTP (demo users, HTTP Basic): a proposal registered with its yen
 * value and IATI fields, proposals the start form's rules refuse with the field named, who may do what, a manager's
 * suspension, resumption and termination with the organisation told by mail, and the appraisal's rule on the
 * engine's own REST API. The demo profile records a USD rate of 150 yen; the job executor is off, so the tests run
 * the mail steps themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:contribution-api-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "coopdesk.mail-sink.enabled=false",
        "spring.mail.host=127.0.0.1"
})
class ContributionApiHttpTest {

    static final GreenMail MAIL = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @BeforeAll
    static void startMail() {
        MAIL.start();
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @DynamicPropertySource
    static void mailPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    private static final String WHO_EMAIL = "avian-influenza@who.example";
    private static final String PROGRAMME_OFFICER_EMAIL = "coordinator@mhlw.example";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;

    HttpApi api;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    // ------------------------------------------------------------------ registering a proposal

    @Test
    void aCoordinatorRegistersTheWhoAvianInfluenzaProposalWithItsYenValueAndItsIatiFields() throws Exception {
        HttpApi.Response created = api.post("/api/contributions", "coordinator", whoProposal());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String reference = created.json().path("reference").asText();
        assertThat(reference).matches("CT-" + LocalDate.now().getYear() + "-\\d{4}");
        assertThat(created.json().path("status").asText()).isEqualTo("APPRAISAL");
        String processInstanceId = created.json().path("processInstanceId").asText();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getBusinessKey()).as("the reference is the instance's business key").isEqualTo(reference);

        JsonNode record = api.get("/api/contributions/" + reference, "coordinator").json();
        JsonNode contribution = record.path("contribution");
        assertThat(contribution.path("reference").asText()).isEqualTo(reference);
        assertThat(contribution.path("status").asText()).isEqualTo("APPRAISAL");
        assertThat(contribution.path("organisationCode").asText()).isEqualTo("WHO");
        assertThat(contribution.path("amountText").asText()).isEqualTo("USD 3,000,000");
        assertThat(contribution.path("amountYen").decimalValue()).as("USD 3,000,000 at the demo rate of 150 yen")
                .isEqualByComparingTo("450000000");
        assertThat(contribution.path("recipientGroup").asText()).isEqualTo("ASEAN");
        assertThat(contribution.path("sectorCode").asText()).isEqualTo("12250");
        assertThat(contribution.path("kind").asText()).isEqualTo("EARMARKED");
        assertThat(contribution.path("plannedTranches").asInt()).isEqualTo(1);
        assertThat(contribution.path("reportingIntervalMonths").asInt()).isEqualTo(12);
        assertThat(contribution.path("programmeOfficer").asText()).isEqualTo("coordinator");
        assertThat(contribution.path("registeredBy").asText()).isEqualTo("coordinator");
        assertThat(record.path("paidText").asText()).isEqualTo("USD 0");
        assertThat(record.path("remainingText").asText()).isEqualTo("USD 3,000,000");

        JsonNode iati = record.path("iati");
        assertThat(iati.path("aidType").asText()).as("an earmarked contribution").isEqualTo("B03");
        assertThat(iati.path("activityStatus").asInt()).as("pipeline").isEqualTo(1);
        assertThat(iati.path("sector").asText()).isEqualTo("12250");
        assertThat(iati.path("recipientRegion").asText()).isEqualTo("ASEAN");
        assertThat(iati.path("identifier").asText()).endsWith("-" + reference);
        assertThat(iati.path("budget").path("currency").asText()).isEqualTo("USD");
        assertThat(iati.path("budget").path("value").decimalValue()).isEqualByComparingTo("3000000");
        List<String> participants = new ArrayList<>();
        iati.path("participatingOrgs").forEach(org -> participants.add(org.path("role").asInt() + ":" + org.path("ref").asText()));
        assertThat(participants).extracting(participant -> participant.substring(0, 1)).containsExactly("1", "3", "4");
        assertThat(participants).last().as("WHO implements").isEqualTo("4:WHO");
        assertThat(iati.path("participatingOrgs").get(2).path("name").asText()).isEqualTo("World Health Organization (GOARN)");

        assertThat(api.get("/api/contributions?status=APPRAISAL", "manager").json())
                .extracting(summary -> summary.path("reference").asText()).contains(reference);
        assertThat(api.get("/api/contributions?status=TERMINATED", "manager").json())
                .extracting(summary -> summary.path("reference").asText()).doesNotContain(reference);
        assertThat(api.get("/api/contributions?status=NONSENSE", "manager").status()).isEqualTo(400);

        Task appraisal = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(appraisal.getTaskDefinitionKey()).isEqualTo(ContributionProcess.TASK_APPRAISE_PROPOSAL);
        assertThat(appraisal.getAssignee()).as("the programme officer appraises").isEqualTo("coordinator");
    }

    @Test
    void theIloSixYearProgrammeIsAcceptedWithSixTranchesAndRefusedWithEightNamingPlannedTranches() throws Exception {
        LocalDate start = nextFirstOfApril();
        LocalDate end = start.plusYears(6).minusDays(1);

        HttpApi.Response six = api.post("/api/contributions", "coordinator", iloProposal(start, end, 6));

        assertThat(six.status()).as(six.body()).isEqualTo(201);
        JsonNode contribution = api.get("/api/contributions/" + six.json().path("reference").asText(), "manager").json()
                .path("contribution");
        assertThat(contribution.path("organisationCode").asText()).isEqualTo("ILO");
        assertThat(contribution.path("amountText").asText()).isEqualTo("JPY 900,000,000");
        assertThat(contribution.path("amountYen").decimalValue()).isEqualByComparingTo("900000000");
        assertThat(contribution.path("plannedTranches").asInt()).isEqualTo(6);
        assertThat(contribution.path("recipientCountries")).extracting(JsonNode::asText).containsExactly("KH", "LA", "VN");
        assertThat(runtimeService.getVariable(six.json().path("processInstanceId").asText(), ContributionVariables.FISCAL_YEARS))
                .as("six Japanese fiscal years, April to March").isEqualTo(6);

        long before = contributions();
        HttpApi.Response eight = api.post("/api/contributions", "coordinator", iloProposal(start, end, 8));

        assertThat(eight.status()).as(eight.body()).isEqualTo(400);
        assertThat(fields(eight)).containsExactly("plannedTranches");
        assertThat(messages(eight)).singleElement().asString().contains("8 tranches need 7 progress reports")
                .contains("only 5 fall before " + org.cooperationdesk.language.LanguageFormats.date(end, org.cooperationdesk.language.Language.EN));
        assertThat(contributions()).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void badProposalsAreRefusedWithTheFieldNamedAndNothingIsRecorded() throws Exception {
        long before = contributions();
        long instancesBefore = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ContributionProcess.PROCESS_KEY).count();

        Map<String, Object> withoutTitle = whoProposal();
        withoutTitle.remove("title");
        assertRefused(withoutTitle, "title", "is required");

        Map<String, Object> endBeforeStart = whoProposal();
        endBeforeStart.put("startDate", LocalDate.now().plusDays(60).toString());
        endBeforeStart.put("endDate", LocalDate.now().plusDays(30).toString());
        assertRefused(endBeforeStart, "startDate", "must be before");

        Map<String, Object> noRecipients = whoProposal();
        noRecipients.remove("recipientGroup");
        assertRefused(noRecipients, "recipientCountries", "recipient region");

        Map<String, Object> unknownOrganisation = whoProposal();
        unknownOrganisation.put("organisationCode", "NO_SUCH_ORGANISATION");
        assertRefused(unknownOrganisation, "organisationCode", "NO_SUCH_ORGANISATION");

        Map<String, Object> managerAsOfficer = whoProposal();
        managerAsOfficer.put("programmeOfficer", "manager");
        assertRefused(managerAsOfficer, "programmeOfficer", "is not a coordinator");

        Map<String, Object> noRate = whoProposal();
        noRate.put("amountCurrency", "XAF");
        assertRefused(noRate, "amountCurrency", "has no yen rate");

        assertThat(contributions()).as("no contribution recorded").isEqualTo(before);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ContributionProcess.PROCESS_KEY).count())
                .as("no process started").isEqualTo(instancesBefore);
    }

    // ------------------------------------------------------------------ who may do what

    @Test
    void aManagerCannotRegisterAProposalAndACoordinatorCannotSuspendResumeOrTerminate() throws Exception {
        long before = contributions();
        HttpApi.Response byManager = api.post("/api/contributions", "manager", whoProposal());
        assertThat(byManager.status()).as(byManager.body()).isEqualTo(403);
        assertThat(contributions()).isEqualTo(before);

        String reference = register();
        for (String action : List.of("suspend", "resume", "terminate")) {
            HttpApi.Response refused = api.post("/api/contributions/" + reference + "/" + action, "coordinator",
                    Map.of("reason", "Not mine to decide"));
            assertThat(refused.status()).as(action + ": " + refused.body()).isEqualTo(403);
        }
        assertThat(status(reference)).isEqualTo("APPRAISAL");
        assertThat(decisionsOn(reference)).isEmpty();
    }

    @Test
    void anUnknownReferenceIs404AndNobodyReadsWithoutLoggingIn() throws Exception {
        String reference = register();

        assertThat(api.get("/api/contributions/CT-1999-9999", "coordinator").status()).isEqualTo(404);
        assertThat(api.post("/api/contributions/CT-1999-9999/suspend", "manager", Map.of("reason", "x")).status())
                .isEqualTo(404);
        assertThat(api.post("/api/contributions/CT-1999-9999/terminate", "manager", Map.of("reason", "x")).status())
                .isEqualTo(404);

        assertThat(api.get("/api/contributions/" + reference, null).status()).isEqualTo(401);
        assertThat(api.get("/api/contributions", null).status()).isEqualTo(401);
        assertThat(api.post("/api/contributions", null, whoProposal()).status()).isEqualTo(401);
        assertThat(api.post("/api/contributions/" + reference + "/suspend", null, Map.of("reason", "x")).status())
                .isEqualTo(401);
        assertThat(status(reference)).isEqualTo("APPRAISAL");
    }

    // ------------------------------------------------------------------ suspension, resumption, termination

    @Test
    void aManagerSuspendsResumesAndTerminatesAndTheOrganisationIsToldEachTime() throws Exception {
        HttpApi.Response created = api.post("/api/contributions", "coordinator", whoProposal());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String reference = created.json().path("reference").asText();
        String processInstanceId = created.json().path("processInstanceId").asText();
        String organisationReference = (String) whoProposal().get("organisationReference");

        HttpApi.Response suspended = api.post("/api/contributions/" + reference + "/suspend", "manager",
                Map.of("reason", "Audit findings on the implementing office"));
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(202);
        JsonNode whileSuspended = api.get("/api/contributions/" + reference, "coordinator").json();
        assertThat(whileSuspended.path("contribution").path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(whileSuspended.path("contribution").path("statusBeforeSuspension").asText()).isEqualTo("APPRAISAL");
        assertThat(whileSuspended.path("iati").path("activityStatus").asInt()).as("IATI: suspended").isEqualTo(6);
        assertThat(decisionsOn(reference)).containsExactly("suspension:suspended:manager");

        runMailSteps(processInstanceId);
        MimeMessage suspension = mail(organisationReference + ": contribution suspended (" + reference + ")");
        assertThat(recipients(suspension)).containsExactly(WHO_EMAIL);
        assertThat(String.valueOf(suspension.getContent())).contains("Audit findings on the implementing office");
        // The programme officer's copy is in their language, the office's default: Japanese.
        MimeMessage officersSuspension = mail(organisationReference + "：拠出を一時停止しました（" + reference + "）");
        assertThat(recipients(officersSuspension)).containsExactly(PROGRAMME_OFFICER_EMAIL);
        assertThat(String.valueOf(officersSuspension.getContent())).contains("理由：Audit findings on the implementing office");

        HttpApi.Response again = api.post("/api/contributions/" + reference + "/suspend", "manager",
                Map.of("reason", "Once more"));
        assertThat(again.status()).as(again.body()).isEqualTo(409);

        HttpApi.Response resumed = api.post("/api/contributions/" + reference + "/resume", "manager",
                Map.of("note", "The audit is closed"));
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(202);
        JsonNode afterResumption = api.get("/api/contributions/" + reference, "coordinator").json().path("contribution");
        assertThat(afterResumption.path("status").asText()).as("back where it was").isEqualTo("APPRAISAL");
        assertThat(afterResumption.path("statusBeforeSuspension").isMissingNode()
                || afterResumption.path("statusBeforeSuspension").isNull()).isTrue();
        runMailSteps(processInstanceId);
        MimeMessage resumption = mail(organisationReference + ": suspension lifted (" + reference + ")");
        assertThat(recipients(resumption)).contains(WHO_EMAIL);
        assertThat(String.valueOf(resumption.getContent())).as("the manager's note").contains("The audit is closed");
        assertThat(openTasks(processInstanceId)).as("the appraisal waits as before")
                .containsExactly(ContributionProcess.TASK_APPRAISE_PROPOSAL);

        HttpApi.Response withoutReason = api.post("/api/contributions/" + reference + "/terminate", "manager", Map.of());
        assertThat(withoutReason.status()).as(withoutReason.body()).isEqualTo(400);
        assertThat(fields(withoutReason)).containsExactly("reason");
        HttpApi.Response blankReason = api.post("/api/contributions/" + reference + "/terminate", "manager",
                Map.of("reason", "  "));
        assertThat(fields(blankReason)).containsExactly("reason");
        HttpApi.Response longReason = api.post("/api/contributions/" + reference + "/terminate", "manager",
                Map.of("reason", "x".repeat(1001)));
        assertThat(longReason.status()).as("a decision's reason holds 1000 characters").isEqualTo(400);
        assertThat(fields(longReason)).containsExactly("reason");
        assertThat(status(reference)).isEqualTo("APPRAISAL");

        HttpApi.Response terminated = api.post("/api/contributions/" + reference + "/terminate", "manager",
                Map.of("reason", "The programme was taken over by the regional office"));
        assertThat(terminated.status()).as(terminated.body()).isEqualTo(202);
        JsonNode ended = api.get("/api/contributions/" + reference, "manager").json();
        assertThat(ended.path("contribution").path("status").asText()).isEqualTo("TERMINATED");
        assertThat(ended.path("iati").path("activityStatus").asInt()).as("IATI: cancelled").isEqualTo(5);
        assertThat(openTasks(processInstanceId)).as("the appraisal is cancelled").isEmpty();
        runMailSteps(processInstanceId);
        MimeMessage termination = mail(organisationReference + ": contribution terminated (" + reference + ")");
        assertThat(recipients(termination)).containsExactly(WHO_EMAIL);
        assertThat(String.valueOf(termination.getContent())).contains("The programme was taken over by the regional office");
        assertThat(recipients(mail(organisationReference + "：拠出を終了（打切り）しました（" + reference + "）")))
                .containsExactly(PROGRAMME_OFFICER_EMAIL);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count())
                .as("the instance has ended").isZero();

        HttpApi.Response suspendEnded = api.post("/api/contributions/" + reference + "/suspend", "manager",
                Map.of("reason", "Too late"));
        assertThat(suspendEnded.status()).as(suspendEnded.body()).isEqualTo(409);
        assertThat(api.post("/api/contributions/" + reference + "/resume", "manager", Map.of()).status()).isEqualTo(409);
        assertThat(status(reference)).isEqualTo("TERMINATED");
        assertThat(decisionsOn(reference)).containsExactly("suspension:suspended:manager", "suspension:resumed:manager",
                "termination:terminated:manager");
        assertThat(api.get("/api/contributions/" + reference, "manager").json().path("notifications"))
                .extracting(entry -> entry.path("template").asText())
                .contains("contribution-suspended", "contribution-resumed", "contribution-terminated");
    }

    // ------------------------------------------------------------------ the engine's REST API

    @Test
    void theAppraisalAskingForARevisionWithoutSayingWhatIsRefusedOnTheEngineRestApiAndChangesNothing() throws Exception {
        HttpApi.Response created = api.post("/api/contributions", "coordinator", whoProposal());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String reference = created.json().path("reference").asText();
        String processInstanceId = created.json().path("processInstanceId").asText();

        JsonNode tasks = api.get("/engine-rest/task?processInstanceId=" + processInstanceId, "coordinator").json();
        assertThat(tasks).hasSize(1);
        String taskId = tasks.get(0).path("id").asText();
        assertThat(tasks.get(0).path("taskDefinitionKey").asText()).isEqualTo(ContributionProcess.TASK_APPRAISE_PROPOSAL);

        Map<String, Object> appraisal = new LinkedHashMap<>();
        appraisal.put("priorityFit", "HIGH");
        appraisal.put("appraisalNote", "Fits the ministry's pandemic preparedness priorities.");
        appraisal.put("appraisalOutcome", "revise");
        HttpApi.Response refused = api.post("/engine-rest/task/" + taskId + "/complete", "coordinator",
                Map.of("variables", typed(appraisal)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("Please correct the form.")
                .contains("What the organisation should revise: is required when asking for a revision");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the task is still there").isEqualTo(1);
        assertThat(taskService.getVariable(taskId, ContributionVariables.APPRAISAL_OUTCOME)).as("nothing stored").isNull();
        assertThat(status(reference)).isEqualTo("APPRAISAL");
        assertThat(decisionsOn(reference)).isEmpty();
        assertThat(managementService.createJobQuery().processInstanceId(processInstanceId).count())
                .as("no revision request goes out").isZero();

        appraisal.put("revisionRequest", "Please add a budget per country and the laboratory component's outputs.");
        HttpApi.Response completed = api.post("/engine-rest/task/" + taskId + "/complete", "coordinator",
                Map.of("variables", typed(appraisal)));
        assertThat(completed.status()).as("the same form with the request goes through: " + completed.body()).isEqualTo(204);
        assertThat(status(reference)).isEqualTo("REVISION_REQUESTED");
    }

    // ------------------------------------------------------------------ reports sent online

    /**
     * An organisation's progress report through its personal link, as the organisation's browser and the programme
     * officer's Tasklist send them: the link from the payment's mail, the report with its PDF, the review on the
     * engine's REST API; a report returned and corrected through the same link; a file that is not a PDF and a replayed
     * report refused with nothing stored.
     */
    @Nested
    class ReportsSentOnline {

        @Test
        void theOrganisationSendsItsProgressReportWithAPdfAndTheProgrammeOfficerAcceptsItSoTheContributionGoesOn() throws Exception {
            Reporting who = atFirstProgressReport();
            HttpApi.Response page = api.get("/portal/" + who.token(), null);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Progress report 1 of 2", "Summary of the report", "Report as a document (PDF)",
                    "Avian influenza preparedness in ASEAN", "<textarea id=\"reportSummary\" name=\"reportSummary\"",
                    "type=\"file\" id=\"report\" name=\"report\"")
                    .as("the office's decision is not the organisation's to give").doesNotContain("name=\"reportDecision\"");

            byte[] report = pdf("first progress report");
            HttpResponse<String> sent = postReport(who.token(), "Eight laboratories equipped; stockpiles delivered.",
                    "progress-report-1.pdf", report);
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
            assertThat(sent.headers().firstValue("Location").orElse("")).endsWith("/portal/" + who.token() + "?sent");
            assertThat(submissions(who.reference())).containsExactly("RECEIVED");
            assertThat(jdbc.sql("""
                            select a.content from partner_attachment a join partner_submission s on s.id = a.submission_id
                            where s.reference = ? and a.slot = 'report' and a.content_type = 'application/pdf'""")
                    .param(who.reference()).query((rs, row) -> rs.getBytes(1)).single()).isEqualTo(report);
            assertThat(api.get("/portal/" + who.token(), null).body()).contains("Your answer is being reviewed by the office.")
                    .doesNotContain("<form id=\"answer\"");

            JsonNode reviews = api.get("/engine-rest/task?processInstanceId=" + who.processInstanceId(), "coordinator").json();
            assertThat(reviews).hasSize(1);
            assertThat(reviews.get(0).path("taskDefinitionKey").asText()).isEqualTo(ContributionProcess.TASK_REVIEW_PROGRESS_REPORT);
            assertThat(reviews.get(0).path("name").asText()).isEqualTo("Review progress report of WHO");
            HttpApi.Response accepted = api.post("/engine-rest/task/" + reviews.get(0).path("id").asText() + "/submit-form",
                    "coordinator", Map.of("variables", typed(Map.of("reviewDecision", "accepted"))));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);

            assertThat(openTasks(who.processInstanceId())).as("the second tranche may be requested")
                    .containsExactly(ContributionProcess.TASK_REQUEST_TRANCHE);
            assertThat(jdbc.sql("""
                            select r.kind || ' ' || r.report_no || ' ' || r.status || ' ' || r.summary from contribution_report r
                            join contribution c on c.id = r.contribution_id where c.reference = ?""")
                    .param(who.reference()).query(String.class).list())
                    .containsExactly("PROGRESS 1 ACCEPTED Eight laboratories equipped; stockpiles delivered.");
            assertThat(submissions(who.reference())).containsExactly("ACCEPTED");
            assertThat(api.get("/portal/" + who.token(), null).body()).contains("No report is asked for at the moment");

            LoginSession.Response record = LoginSession.signIn(port, "coordinator").get("/desk/contributions/" + who.reference());
            assertThat(record.status()).isEqualTo(200);
            assertThat(record.body()).contains("class=\"partners\"", who.email(), "progress-report-1.pdf");
        }

        @Test
        void aReturnedReportIsCorrectedThroughTheSameLinkKeepingItsPdfAndThenAccepted() throws Exception {
            Reporting who = atFirstProgressReport();
            byte[] report = pdf("draft progress report");
            assertThat(postReport(who.token(), "Six laboratories equipped.", "report.pdf", report).statusCode()).isEqualTo(302);
            HttpApi.Response returned = api.post("/engine-rest/task/" + reviewTask(who) + "/submit-form", "coordinator",
                    Map.of("variables", typed(Map.of("reviewDecision", "returned",
                            "returnReason", "The financial statement is missing."))));
            assertThat(returned.status()).as(returned.body()).isEqualTo(204);
            runMailSteps(who.processInstanceId());

            MimeMessage mail = mail(who.organisationReference() + ": progress report 1 returned (" + who.reference() + ")");
            assertThat(recipients(mail)).containsExactly(who.email());
            assertThat(String.valueOf(mail.getContent())).contains("The financial statement is missing.", "/portal/" + who.token());
            assertThat(openTasks(who.processInstanceId())).containsExactly(ContributionProcess.TASK_RECORD_PROGRESS_REPORT);
            String page = api.get("/portal/" + who.token(), null).body();
            assertThat(page).contains("The financial statement is missing.", "Returned to be corrected", "Six laboratories equipped.")
                    .contains("<form id=\"answer\"");

            HttpResponse<String> corrected = postReport(who.token(),
                    "Six laboratories equipped; the financial statement is in annex 3.", null, null);
            assertThat(corrected.statusCode()).as("the returned report's PDF is kept: " + corrected.body()).isEqualTo(302);
            assertThat(jdbc.sql("""
                            select a.sha256 from partner_attachment a join partner_submission s on s.id = a.submission_id
                            where s.reference = ? order by a.id""").param(who.reference()).query(String.class).list())
                    .hasSize(2).containsOnly(sha256(report));
            HttpApi.Response accepted = api.post("/engine-rest/task/" + reviewTask(who) + "/submit-form", "coordinator",
                    Map.of("variables", typed(Map.of("reviewDecision", "accepted"))));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
            assertThat(openTasks(who.processInstanceId())).containsExactly(ContributionProcess.TASK_REQUEST_TRANCHE);
            assertThat(jdbc.sql("""
                            select r.status || ' ' || r.summary from contribution_report r join contribution c on c.id = r.contribution_id
                            where c.reference = ? order by r.id""").param(who.reference()).query(String.class).list())
                    .containsExactly("RETURNED Six laboratories equipped.",
                            "ACCEPTED Six laboratories equipped; the financial statement is in annex 3.");
            assertThat(submissions(who.reference())).containsExactly("ACCEPTED", "RETURNED");
        }

        @Test
        void aFileNamedReportPdfThatIsHtmlIsRefusedAndNothingIsStored() throws Exception {
            Reporting who = atFirstProgressReport();
            byte[] html = "<!DOCTYPE html><html><body><script>alert('report')</script></body></html>"
                    .getBytes(StandardCharsets.UTF_8);

            HttpResponse<String> refused = postReport(who.token(), "Eight laboratories equipped.", "report.pdf", html);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("is not a file of a type this takes (PDF)").doesNotContain("<script>alert");
            assertThat(submissions(who.reference())).as("no answer kept").isEmpty();
            assertThat(jdbc.sql("select count(*) from partner_attachment a join partner_submission s on s.id = a.submission_id"
                    + " where s.reference = ?").param(who.reference()).query(Long.class).single()).as("no file kept").isZero();
            assertThat(openTasks(who.processInstanceId())).as("the report is still awaited")
                    .containsExactly(ContributionProcess.TASK_RECORD_PROGRESS_REPORT);
        }

        /**
         * The link serves every report of the contribution, so a report after an accepted one is taken: but only once
         * the next report is awaited, and never the accepted document again.
         */
        @Test
        void aReplayedReportAfterAcceptanceIsRefusedWhileNoReportIsDueAndStillWhenTheNextIsDue() throws Exception {
            Reporting who = atFirstProgressReport();
            byte[] first = pdf("first progress report");
            assertThat(postReport(who.token(), "Eight laboratories equipped.", "report.pdf", first).statusCode()).isEqualTo(302);
            assertThat(api.post("/engine-rest/task/" + reviewTask(who) + "/submit-form", "coordinator",
                    Map.of("variables", typed(Map.of("reviewDecision", "accepted")))).status()).isEqualTo(204);

            HttpResponse<String> replay = postReport(who.token(), "Eight laboratories equipped.", "report.pdf", first);
            assertThat(replay.statusCode()).as("no report is due while the second tranche is paid").isEqualTo(409);
            assertThat(replay.body()).contains("No report is asked for at the moment", "Nothing was changed.");
            assertThat(submissions(who.reference())).containsExactly("ACCEPTED");

            payTranche(who.processInstanceId());
            assertThat(openTasks(who.processInstanceId())).containsExactly(ContributionProcess.TASK_RECORD_PROGRESS_REPORT);
            assertThat(api.get("/portal/" + who.token(), null).body()).contains("Progress report 2 of 2");
            HttpResponse<String> replayWhenDue = postReport(who.token(), "Eight laboratories equipped.", "report.pdf", first);
            assertThat(replayWhenDue.statusCode()).as("the accepted document is not the second report").isEqualTo(409);
            assertThat(replayWhenDue.body()).contains("Your answer was accepted");
            assertThat(submissions(who.reference())).containsExactly("ACCEPTED");
            assertThat(openTasks(who.processInstanceId())).containsExactly(ContributionProcess.TASK_RECORD_PROGRESS_REPORT);

            HttpResponse<String> second = postReport(who.token(), "All twelve laboratories equipped.", "report-2.pdf",
                    pdf("second progress report"));
            assertThat(second.statusCode()).as(second.body()).isEqualTo(302);
            assertThat(submissions(who.reference())).containsExactly("RECEIVED", "ACCEPTED");
            assertThat(openTasks(who.processInstanceId())).containsExactly(ContributionProcess.TASK_REVIEW_PROGRESS_REPORT);
        }
    }

    /** A contribution whose first progress report is awaited, and the organisation's link from the payment's mail. */
    record Reporting(String reference, String processInstanceId, String email, String organisationReference, String token) {
    }

    private static final Pattern PORTAL_TOKEN = Pattern.compile("/portal/([A-Za-z0-9_-]{43})");

    /** WHO's contribution (two tranches, a progress report every six months) agreed and paid once, by the office's people. */
    private Reporting atFirstProgressReport() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> proposal = whoProposal();
        proposal.put("organisationEmail", "reports-" + tag + "@who.example");
        proposal.put("organisationReference", "WHO-AI-" + tag);
        proposal.put("startDate", LocalDate.now().toString());
        proposal.put("endDate", LocalDate.now().plusMonths(18).minusDays(1).toString());
        proposal.put("plannedTranches", 2);
        proposal.put("reportingIntervalMonths", "6");
        HttpApi.Response created = api.post("/api/contributions", "coordinator", proposal);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String reference = created.json().path("reference").asText();
        String processInstanceId = created.json().path("processInstanceId").asText();

        complete(processInstanceId, ContributionProcess.TASK_APPRAISE_PROPOSAL, "coordinator", List.of(Groups.COORDINATORS),
                Map.of("priorityFit", "HIGH", "appraisalNote", "Fits the priorities.", "appraisalOutcome", "forward"));
        complete(processInstanceId, ContributionProcess.TASK_DECIDE_ON_CONTRIBUTION, "manager", List.of(Groups.MANAGERS),
                Map.of("contributionDecision", "approved", "contributionDecisionReason", "Priority."));
        if (openTasks(processInstanceId).contains(ContributionProcess.TASK_DECIDE_ON_CONTRIBUTION_DIRECTOR)) {
            complete(processInstanceId, ContributionProcess.TASK_DECIDE_ON_CONTRIBUTION_DIRECTOR, "director",
                    List.of(Groups.MANAGERS, Groups.DIRECTORS), Map.of("directorDecision", "approved",
                            "directorDecisionReason", "Approved."));
        }
        complete(processInstanceId, ContributionProcess.TASK_RECORD_AGREEMENT, "coordinator", List.of(Groups.COORDINATORS),
                Map.of("agreementReference", "WHO-MHLW-" + tag, "signedOn", LocalDate.now().toString(),
                        "ministrySignatory", "Director, International Cooperation Office",
                        "organisationSignatory", "Assistant Director-General", "plannedTranches", 2,
                        "reportingIntervalMonths", "6", "evaluationTerms", "Final evaluation under WHO's policy."));
        runMailSteps(processInstanceId);
        payTranche(processInstanceId);
        assertThat(openTasks(processInstanceId)).containsExactly(ContributionProcess.TASK_RECORD_PROGRESS_REPORT);
        MimeMessage paid = mail("WHO-AI-" + tag + ": tranche 1 paid, USD 1,500,000 (" + reference + ")");
        Matcher token = PORTAL_TOKEN.matcher(String.valueOf(paid.getContent()));
        assertThat(token.find()).as("the payment's mail carries the link").isTrue();
        return new Reporting(reference, processInstanceId, "reports-" + tag + "@who.example", "WHO-AI-" + tag, token.group(1));
    }

    /** The next tranche requested, approved and paid, and the organisation told. */
    private void payTranche(String processInstanceId) throws Exception {
        complete(processInstanceId, ContributionProcess.TASK_REQUEST_TRANCHE, "coordinator", List.of(Groups.COORDINATORS),
                Map.of("trancheAmount", 1_500_000, "plannedPaymentDate", LocalDate.now().toString()));
        complete(processInstanceId, ContributionProcess.TASK_APPROVE_TRANCHE, "manager", List.of(Groups.MANAGERS),
                Map.of("trancheDecision", "approved"));
        complete(processInstanceId, ContributionProcess.TASK_RECORD_PAYMENT, "coordinator", List.of(Groups.COORDINATORS),
                Map.of("paidOn", LocalDate.now().toString(), "paymentReference", "MOF-" + UUID.randomUUID().toString().substring(0, 6)));
        runMailSteps(processInstanceId);
    }

    private void complete(String processInstanceId, String taskKey, String user, List<String> groups, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("%s waits", taskKey).isNotNull();
        identityService.setAuthentication(user, groups);
        try {
            taskService.complete(task.getId(), values);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private String reviewTask(Reporting reporting) throws Exception {
        JsonNode tasks = api.get("/engine-rest/task?processInstanceId=" + reporting.processInstanceId()
                + "&taskDefinitionKey=" + ContributionProcess.TASK_REVIEW_PROGRESS_REPORT, "coordinator").json();
        assertThat(tasks).as("the programme officer's review").hasSize(1);
        return tasks.get(0).path("id").asText();
    }

    /** The statuses of the answers sent for the contribution, the newest first. */
    private List<String> submissions(String reference) {
        return jdbc.sql("select status from partner_submission where reference = ? order by id desc").param(reference)
                .query(String.class).list();
    }

    /** The organisation's page posted as a browser posts it: the summary, and the report (when given) in its slot. */
    private HttpResponse<String> postReport(String token, String summary, String fileName, byte[] content) throws Exception {
        String boundary = "----report" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"reportSummary\"\r\n\r\n" + summary
                + "\r\n").getBytes(StandardCharsets.UTF_8));
        if (content != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/portal/" + token))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }

    // ------------------------------------------------------------------ helpers

    /** The WHO avian influenza proposal: USD 3,000,000 for ASEAN, one tranche, a report every 12 months. */
    static Map<String, Object> whoProposal() {
        LocalDate start = LocalDate.now().plusDays(30);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisationCode", "WHO");
        body.put("organisationReference", "WHO-AI-2026-017");
        body.put("organisationEmail", WHO_EMAIL);
        body.put("title", "Avian influenza preparedness in ASEAN");
        body.put("objectives", "Strengthen surveillance, laboratory diagnosis and rapid response to avian influenza in ASEAN.");
        body.put("recipientGroup", "ASEAN");
        body.put("sectorCode", "12250");
        body.put("contributionKind", "EARMARKED");
        body.put("startDate", start.toString());
        body.put("endDate", start.plusYears(1).minusDays(1).toString());
        body.put("amount", 3_000_000);
        body.put("amountCurrency", "USD");
        body.put("plannedTranches", 1);
        body.put("reportingIntervalMonths", "12");
        body.put("programmeOfficer", "coordinator");
        return body;
    }

    /** The ILO ASEAN programme on industrial relations, in yen, over six fiscal years. */
    static Map<String, Object> iloProposal(LocalDate start, LocalDate end, int tranches) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisationCode", "ILO");
        body.put("organisationReference", "ILO-RAS-" + tranches);
        body.put("organisationEmail", "ro-bangkok@ilo.example");
        body.put("title", "ASEAN programme on industrial relations");
        body.put("objectives", "Sound industrial relations and social dialogue in Cambodia, Lao PDR and Viet Nam.");
        body.put("recipientCountries", List.of("KH", "LA", "VN"));
        body.put("sectorCode", "16070");
        body.put("contributionKind", "EARMARKED");
        body.put("startDate", start.toString());
        body.put("endDate", end.toString());
        body.put("amount", 900_000_000);
        body.put("amountCurrency", "JPY");
        body.put("plannedTranches", tranches);
        body.put("reportingIntervalMonths", "12");
        body.put("programmeOfficer", "coordinator2");
        return body;
    }

    /** The first 1 April after today: a programme that starts with a Japanese fiscal year. */
    static LocalDate nextFirstOfApril() {
        LocalDate april = LocalDate.of(LocalDate.now().getYear(), 4, 1);
        return april.isAfter(LocalDate.now()) ? april : april.plusYears(1);
    }

    private String register() throws Exception {
        HttpApi.Response created = api.post("/api/contributions", "coordinator", whoProposal());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("reference").asText();
    }

    private void assertRefused(Map<String, Object> body, String field, String messagePart) throws Exception {
        HttpApi.Response refused = api.post("/api/contributions", "coordinator", body);
        assertThat(refused.status()).as(field + ": " + refused.body()).isEqualTo(400);
        assertThat(fields(refused)).as(refused.body()).containsExactly(field);
        assertThat(messages(refused)).as(refused.body()).singleElement().asString().contains(messagePart);
    }

    private static List<String> fields(HttpApi.Response response) throws Exception {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    private static List<String> messages(HttpApi.Response response) throws Exception {
        List<String> messages = new ArrayList<>();
        response.json().path("errors").forEach(error -> messages.add(error.path("message").asText()));
        return messages;
    }

    private long contributions() {
        return jdbc.sql("select count(*) from contribution").query(Long.class).single();
    }

    private String status(String reference) {
        return jdbc.sql("select status from contribution where reference = ?").param(reference).query(String.class).single();
    }

    private List<String> decisionsOn(String reference) {
        return jdbc.sql("select kind || ':' || outcome || ':' || coalesce(decided_by, '?') from decision "
                + "where subject_ref = ? order by id").param(reference).query(String.class).list();
    }

    private List<String> openTasks(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .map(Task::getTaskDefinitionKey).toList();
    }

    /** Runs the instance's asynchronous steps (the mails) as the job executor would. */
    private void runMailSteps(String processInstanceId) {
        List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable().messages().list();
        assertThat(jobs).as("a mail step waits").isNotEmpty();
        jobs.forEach(job -> managementService.executeJob(job.getId()));
    }

    /** The mail with this subject (one copy per recipient), waited for. */
    private MimeMessage mail(String subject) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            MimeMessage found = Arrays.stream(MAIL.getReceivedMessages()).filter(message -> subject.equals(subject(message)))
                    .findFirst().orElse(null);
            if (found != null) {
                return found;
            }
            assertThat(System.currentTimeMillis()).as("a mail '%s' (received: %s)", subject,
                    Arrays.stream(MAIL.getReceivedMessages()).map(ContributionApiHttpTest::subject).toList()).isLessThan(deadline);
            MAIL.waitForIncomingEmail(500, MAIL.getReceivedMessages().length + 1);
        }
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        Address[] all = message.getAllRecipients();
        return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Engine REST variables: {"name": {"value": ...}}, untyped as Tasklist sends them. */
    private static Map<String, Object> typed(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return variables;
    }
}
