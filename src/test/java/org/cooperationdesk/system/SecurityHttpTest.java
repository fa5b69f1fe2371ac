package org.cooperationdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.cooperationdesk.LoginSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who may do what, over real HTTP against the running application (demo users, HTTP Basic): the engine's
 * REST API and the office API refuse anonymous callers, the office API and the engine refuse users outside
 * the right group, and bad form input is refused with the fields named and nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:security-http-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "coopdesk.mail-sink.enabled=false",
        "spring.mail.host=127.0.0.1",
        // Spring Boot's tests switch metrics export off; the Operations tests scrape /actuator/prometheus.
        "management.prometheus.metrics.export.enabled=true"
})
@org.springframework.context.annotation.Import(MatchChecksMeet.class)
class SecurityHttpTest {

    /*
     * A plain GreenMail rather than GreenMailExtension: JUnit runs an enclosing class's registered extensions
     * again for every @Nested class, and the extension would start a second server on each.
     */
    private static GreenMail greenMail;

    @BeforeAll
    static void startMailServer() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
    }

    @AfterAll
    static void stopMailServer() {
        greenMail.stop();
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    // ---- the happy path the error cases are measured against ----

    @Test
    void aCoordinatorRegistersARequestAndSeesTheMatchingTask() throws Exception {
        Response created = post("/api/dispatch-requests", "coordinator", validRequest());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String reference = created.json().path("reference").asText();
        String processInstanceId = created.json().path("processInstanceId").asText();
        assertThat(reference).matches("DR-" + LocalDate.now().getYear() + "-\\d{4,}");
        assertThat(created.json().path("status").asText()).isEqualTo("MATCHING");
        assertThat(created.header("Location")).endsWith("/api/dispatch-requests/" + reference);
        assertThat(jdbc.queryForObject("select requested_by from dispatch_request where reference = ?", String.class,
                reference)).isEqualTo("coordinator");

        Response tasks = get("/engine-rest/task?processInstanceId=" + processInstanceId, "coordinator");

        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.json()).hasSize(1);
        assertThat(tasks.json().get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_MatchExpert");
    }

    @Test
    void aCoordinatorCanReadTheRequestItRegistered() throws Exception {
        String reference = post("/api/dispatch-requests", "coordinator", validRequest()).json().path("reference").asText();

        Response shown = get("/api/dispatch-requests/" + reference, "coordinator");

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().path("request").path("reference").asText()).isEqualTo(reference);
        assertThat(shown.json().path("request").path("requesterEmail").asText()).isEqualTo("goarn@who.example");
    }

    @Nested
    class Authentication {

        @Test
        void anonymousCallsToTheEngineRestApiAreRefusedWithABasicChallenge() throws Exception {
            Response response = get("/engine-rest/task", null);

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        }

        @Test
        void anonymousCallsToTheOfficeApiAreRefusedWithABasicChallenge() throws Exception {
            Response experts = get("/api/experts", null);
            assertThat(experts.status()).isEqualTo(401);
            assertThat(experts.header("WWW-Authenticate")).startsWith("Basic");

            long requestsBefore = countRequests();
            Response submitted = post("/api/dispatch-requests", null, validRequest());
            assertThat(submitted.status()).isEqualTo(401);
            assertThat(countRequests()).isEqualTo(requestsBefore);
        }

        @Test
        void aWrongPasswordIsRefused() throws Exception {
            // A user of its own: after a wrong password the engine refuses even the right one for a few seconds,
            // which would refuse the demo users in the tests that follow.
            if (identityService.createUserQuery().userId("wrongpasswordtester").count() == 0) {
                org.camunda.bpm.engine.identity.User tester = identityService.newUser("wrongpasswordtester");
                tester.setPassword("right-password");
                identityService.saveUser(tester);
                identityService.createMembership("wrongpasswordtester", Groups.COORDINATORS);
            }
            assertThat(get("/engine-rest/task", "wrongpasswordtester", "not-the-password").status()).isEqualTo(401);
            assertThat(get("/api/experts", "wrongpasswordtester", "right-password").status()).isEqualTo(401);
        }

        @Test
        void anUnknownUserIsRefused() throws Exception {
            assertThat(get("/api/experts", "intruder", "intruder").status()).isEqualTo(401);
        }

        @Test
        void theRightPasswordIsAccepted() throws Exception {
            Response experts = get("/api/experts", "manager");

            assertThat(experts.status()).isEqualTo(200);
            assertThat(experts.json()).hasSize(14);
        }
    }

    @Nested
    class Authorization {

        @Test
        void aManagerCannotRegisterARequest() throws Exception {
            long requestsBefore = countRequests();
            long instancesBefore = countProcessInstances();

            Response response = post("/api/dispatch-requests", "manager", validRequest());

            assertThat(response.status()).isEqualTo(403);
            assertThat(countRequests()).isEqualTo(requestsBefore);
            assertThat(countProcessInstances()).isEqualTo(instancesBefore);
        }

        @Test
        void aManagerCannotStartTheProcessThroughTheEngineRestApiEither() throws Exception {
            long instancesBefore = countProcessInstances();

            Response response = post("/engine-rest/process-definition/key/ExpertDispatchProcess/submit-form", "manager",
                    Map.of("variables", typed(validRequest())));

            assertThat(response.status()).as(response.body()).isEqualTo(403);
            assertThat(countProcessInstances()).isEqualTo(instancesBefore);
        }

        @Test
        void aCoordinatorCannotOpenCockpitButCanOpenTasklist() throws Exception {
            assertThat(webappLogin("cockpit", "coordinator")).isEqualTo(403);
            assertThat(webappLogin("admin", "coordinator")).isEqualTo(403);
            assertThat(webappLogin("tasklist", "coordinator")).isEqualTo(200);
            assertThat(webappLogin("cockpit", "admin")).isEqualTo(200);
        }

        @Test
        void aCoordinatorWhoOpensCockpitOrAdminIsToldWhatTheyAreForAndLedBackToTasklist() throws Exception {
            WebappSession coordinator = webappSession("tasklist", "coordinator");
            for (String app : List.of("cockpit", "admin")) {
                LoginSession.Response page = coordinator.session().page("/camunda/app/" + app + "/default/");

                assertThat(page.status()).isEqualTo(403);
                assertThat(page.body()).contains(app.equals("cockpit") ? "Cockpit is for administrators" : "Admin is for administrators")
                        .contains("href=\"/camunda/app/tasklist/default/\"").doesNotContain("Whitelabel");
            }
            for (String app : List.of("Cockpit", "Admin")) {
                LoginSession.Response page = coordinator.session().page("/camunda/app/" + app.toLowerCase() + "/default/?lang=ja");

                assertThat(page.status()).isEqualTo(403);
                assertThat(page.body()).as("in the language the user chose").contains("<html lang=\"ja\">",
                        "<h1>" + app + " はシステム管理者用です</h1>", "（グループ <code>camunda-admin</code>）",
                        ">Tasklist へ</a>");
            }
            assertThat(coordinator.session().page("/camunda/app/cockpit/default/?lang=en").body())
                    .contains("<html lang=\"en\">", "Cockpit is for administrators", "the office&#39;s administrators");
            // The webapps' own API keeps its JSON answers (their scripts read them): here the closed login of Cockpit.
            LoginSession.Response login = coordinator.session().webappCall("POST",
                    "/camunda/api/admin/auth/user/default/login/cockpit", coordinator.csrfToken(),
                    "application/x-www-form-urlencoded", "username=coordinator&password=coordinator");
            assertThat(login.status()).isEqualTo(403);
            assertThat(login.body()).doesNotContain("is for administrators");
        }

        @Test
        void aCoordinatorCannotUseTheAdminParts() throws Exception {
            // Users, groups and authorizations belong to camunda-admin.
            Response newUser = post("/engine-rest/user/create", "coordinator", Map.of(
                    "profile", Map.of("id", "mallory", "firstName", "Mal", "lastName", "Lory", "email", "m@x.example"),
                    "credentials", Map.of("password", "mallory-pass")));
            assertThat(newUser.status()).isEqualTo(403);

            Response membership = put("/engine-rest/group/managers/members/coordinator", "coordinator");
            assertThat(membership.status()).isEqualTo(403);
            assertThat(get("/engine-rest/user?memberOfGroup=managers", "admin").json())
                    .extracting(user -> user.path("id").asText())
                    .doesNotContain("coordinator", "mallory");
        }
    }

    /**
     * The server's refusals in the request's language (issue 16): Accept-Language ja gives Japanese, the
     * coopdesk-lang cookie (the user's choice) overrides it, and English stays word for word as it was.
     */
    @Nested
    class RefusalsInTheUsersLanguage {

        private static final String JA_DATE = "YYYY-MM-DD 形式の日付で入力してください";

        @Test
        void aBadDateIsRefusedInJapaneseForAJapaneseBrowserAndNothingStarts() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("startDate", "15/12/2026");
            long requestsBefore = countRequests();
            long instancesBefore = countProcessInstances();

            Response response = post("/engine-rest/process-definition/key/ExpertDispatchProcess/submit-form",
                    "coordinator", Map.of("variables", typed(body)), Map.of("Accept-Language", "ja"));

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            // The field's label as the Japanese form shows it, then the reason.
            // Without the engine's own English words before it ("Cannot instantiate process definition …: ").
            assertThat(response.json().path("message").asText()).isEqualTo("入力内容を確認してください。開始日：" + JA_DATE + "。");
            assertThat(countRequests()).isEqualTo(requestsBefore);
            assertThat(countProcessInstances()).isEqualTo(instancesBefore);
        }

        @Test
        void theOfficeApiNamesTheFieldInJapanese() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("startDate", "15/12/2026");
            long requestsBefore = countRequests();

            Response response = post("/api/dispatch-requests", "coordinator", body,
                    Map.of("Accept-Language", "ja-JP,ja;q=0.9,en;q=0.8"));

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            JsonNode error = response.json().path("errors").get(0);
            assertThat(response.json().path("errors")).hasSize(1);
            assertThat(error.path("field").asText()).isEqualTo("startDate");
            assertThat(error.path("message").asText()).isEqualTo(JA_DATE);
            assertThat(error.path("label").asText()).isEqualTo("開始日");
            assertThat(response.json().path("detail").asText()).isEqualTo("入力内容を確認してください。開始日：" + JA_DATE + "。");
            assertThat(countRequests()).isEqualTo(requestsBefore);
        }

        @Test
        void theLanguageCookieOverridesAJapaneseBrowser() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("startDate", "15/12/2026");

            Response api = post("/api/dispatch-requests", "coordinator", body,
                    Map.of("Accept-Language", "ja", "Cookie", "coopdesk-lang=en"));
            Response engine = post("/engine-rest/process-definition/key/ExpertDispatchProcess/submit-form",
                    "coordinator", Map.of("variables", typed(body)), Map.of("Accept-Language", "ja", "Cookie", "coopdesk-lang=en"));

            assertThat(api.status()).as(api.body()).isEqualTo(400);
            assertThat(api.json().path("errors").get(0).path("message").asText()).isEqualTo("must be a date (YYYY-MM-DD)");
            assertThat(api.json().path("detail").asText()).isEqualTo("Please correct the form. Start date: must be a date (YYYY-MM-DD)");
            assertThat(engine.status()).as(engine.body()).isEqualTo(400);
            assertThat(engine.json().path("message").asText()).endsWith("Please correct the form. Start date: must be a date (YYYY-MM-DD)");
        }

        @Test
        void severalRefusalsAreJoinedAsJapaneseIsWrittenAndDatesAreWrittenInJapanese() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("requesterEmail", "not-an-email");
            LocalDate yesterday = LocalDate.now().minusDays(1);
            body.put("startDate", yesterday.toString());

            Response response = post("/api/dispatch-requests", "coordinator", body, Map.of("Accept-Language", "ja"));

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().path("errors"))
                    .extracting(error -> error.path("field").asText() + " " + error.path("message").asText())
                    .containsExactlyInAnyOrder("requesterEmail メールアドレスの形式で入力してください",
                            "startDate 過去の日付は入力できません");
            assertThat(response.json().path("detail").asText()).startsWith("入力内容を確認してください。")
                    .contains("：メールアドレスの形式で入力してください。").endsWith("：過去の日付は入力できません。");
        }
    }

    @Nested
    class InvalidRequest {

        @Test
        void isRefusedWithEveryBadFieldNamedAndNothingStored() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("requesterEmail", "not-an-email");
            body.put("startDate", LocalDate.now().minusDays(1).toString());
            body.put("durationDays", 0);
            long requestsBefore = countRequests();
            long instancesBefore = countProcessInstances();

            Response response = post("/api/dispatch-requests", "coordinator", body);

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().path("detail").asText()).startsWith("Please correct the form.");
            assertThat(response.json().path("errors"))
                    .extracting(error -> error.path("field").asText())
                    .containsExactlyInAnyOrder("requesterEmail", "startDate", "durationDays");
            assertThat(response.json().path("errors"))
                    .extracting(error -> error.path("label").asText() + ": " + error.path("message").asText())
                    .contains("Requester's e-mail: must be an e-mail address",
                            "Start date: must not be in the past",
                            "Duration (days): must be at least 1");
            assertThat(countRequests()).isEqualTo(requestsBefore);
            assertThat(countProcessInstances()).isEqualTo(instancesBefore);
        }

        @Test
        void anUnknownPartnerOrCountryIsRefused() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("countryCode", "XX"); // France (FR) is a partner like any country of ISO 3166-1; XX is none
            body.put("requestingBody", "NOBODY");
            long requestsBefore = countRequests();

            Response response = post("/api/dispatch-requests", "coordinator", body);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("errors"))
                    .extracting(error -> error.path("field").asText())
                    .containsExactlyInAnyOrder("countryCode", "requestingBody");
            assertThat(countRequests()).isEqualTo(requestsBefore);
        }

        @Test
        void aBodyThatIsNotJsonIsRefused() throws Exception {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/dispatch-requests"))
                    .header("Authorization", basic("coordinator", "coordinator"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{not json")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("not valid JSON");
        }

        /** Tasklist's start form uses submit-form; a client may also start with plain variables (Camunda: 500). */
        @ParameterizedTest(name = "POST /engine-rest/process-definition/key/ExpertDispatchProcess/{0}")
        @ValueSource(strings = {"submit-form", "start"})
        void theSameRulesApplyWhenTheProcessIsStartedThroughTheEngineRestApi(String endpoint) throws Exception {
            Map<String, Object> body = validRequest();
            body.put("durationDays", 0);
            long requestsBefore = countRequests();
            long instancesBefore = countProcessInstances();

            Response response = post("/engine-rest/process-definition/key/ExpertDispatchProcess/" + endpoint,
                    "coordinator", Map.of("variables", typed(body)));

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().path("message").asText()).contains("Duration (days): must be at least 1");
            assertThat(countRequests()).isEqualTo(requestsBefore);
            assertThat(countProcessInstances()).isEqualTo(instancesBefore);
        }

        @Test
        void aMatchWithoutAnExpertIsRefusedAndTheTaskStays() throws Exception {
            String processInstanceId = post("/api/dispatch-requests", "coordinator", validRequest()).json()
                    .path("processInstanceId").asText();
            String taskId = onlyTask(processInstanceId, "coordinator").path("id").asText();

            Response response = submitForm(taskId, "coordinator", Map.of("matchOutcome", "selected"));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("message").asText())
                    .contains("Please correct the form. Expert: is required when offering an expert");
            assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from dispatch d join dispatch_request r on r.id = d.request_id"
                    + " where r.process_instance_id = ?", Long.class, processInstanceId)).isZero();
        }
    }

    /** An instance driven by the coordinator through the engine's REST API up to the manager's release approval. */
    @Nested
    class ReleaseApproval {

        String reference;
        String processInstanceId;
        String approvalTaskId;

        @BeforeEach
        void driveARequestToTheReleaseApproval() throws Exception {
            Response created = post("/api/dispatch-requests", "coordinator", validRequest());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            reference = created.json().path("reference").asText();
            processInstanceId = created.json().path("processInstanceId").asText();

            JsonNode matchTask = onlyTask(processInstanceId, "coordinator");
            assertThat(matchTask.path("taskDefinitionKey").asText()).isEqualTo("Task_MatchExpert");
            JsonNode expert = firstCandidateOnTheRoster(matchTask.path("id").asText());

            Response matched = submitForm(matchTask.path("id").asText(), "coordinator",
                    Map.of("matchOutcome", "selected", "expertId", expert.path("id").asText()));
            assertThat(matched.status()).as(matched.body()).isEqualTo(204);

            // The offer mail is an asynchronous step: run its job as the job executor would.
            int mailsBefore = greenMail.getReceivedMessages().length;
            executeJobsOf(processInstanceId);
            MimeMessage[] mails = greenMail.getReceivedMessages();
            assertThat(mails).hasSize(mailsBefore + 1);
            assertThat(mails[mails.length - 1].getAllRecipients()[0].toString()).isEqualTo(expert.path("email").asText());

            JsonNode answerTask = onlyTask(processInstanceId, "coordinator");
            assertThat(answerTask.path("taskDefinitionKey").asText()).isEqualTo("Task_RecordExpertAnswer");
            Response answered = submitForm(answerTask.path("id").asText(), "coordinator",
                    Map.of("expertAnswer", "accepted"));
            assertThat(answered.status()).as(answered.body()).isEqualTo(204);

            approvalTaskId = taskService.createTaskQuery().processInstanceId(processInstanceId)
                    .taskDefinitionKey("Task_ApproveRelease").singleResult().getId();
        }

        @Test
        void theCoordinatorNeitherSeesNorCompletesTheApproval() throws Exception {
            Response visible = get("/engine-rest/task?processInstanceId=" + processInstanceId, "coordinator");
            assertThat(visible.status()).isEqualTo(200);
            assertThat(visible.json()).isEmpty();

            Response submitted = submitForm(approvalTaskId, "coordinator", Map.of("releaseDecision", "approved"));
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(403);
            assertThat(submitted.json().path("type").asText()).isEqualTo("AuthorizationException");

            Response completed = post("/engine-rest/task/" + approvalTaskId + "/complete", "coordinator",
                    Map.of("variables", typed(Map.of("releaseDecision", "approved"))));
            assertThat(completed.status()).isEqualTo(403);

            assertThat(taskService.createTaskQuery().taskId(approvalTaskId).count()).isEqualTo(1);
            assertThat(decisionsOn(reference)).isEmpty();
        }

        @Test
        void aManagerMustGiveAReasonToReject() throws Exception {
            JsonNode task = onlyTask(processInstanceId, "manager");
            assertThat(task.path("id").asText()).isEqualTo(approvalTaskId);
            assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("Task_ApproveRelease");

            Response rejected = submitForm(approvalTaskId, "manager", Map.of("releaseDecision", "rejected"));

            assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
            assertThat(rejected.json().path("message").asText())
                    .contains("Please correct the form. Reason: is required when rejecting");
            assertThat(taskService.createTaskQuery().taskId(approvalTaskId).count()).isEqualTo(1);
            assertThat(decisionsOn(reference)).as("the decision listener's insert is rolled back").isEmpty();
            assertThat(jdbc.queryForObject("select status from dispatch_request where reference = ?", String.class,
                    reference)).isEqualTo("APPROVAL");
        }

        @Test
        void aManagerApprovesAndTheDecisionIsRecordedWithTheirName() throws Exception {
            Response approved = submitForm(approvalTaskId, "manager", Map.of("releaseDecision", "approved"));

            assertThat(approved.status()).as(approved.body()).isEqualTo(204);
            assertThat(taskService.createTaskQuery().taskId(approvalTaskId).count()).isZero();
            assertThat(decisionsOn(reference)).containsExactly(Map.of(
                    "KIND", "release", "OUTCOME", "approved", "DECIDED_BY", "manager"));
            // The process moved on to the coordinators' pre-deployment checks.
            assertThat(get("/engine-rest/task?processInstanceId=" + processInstanceId, "coordinator").json())
                    .extracting(task -> task.path("taskDefinitionKey").asText())
                    .containsExactlyInAnyOrder("Task_CheckMedicalClearance", "Task_ArrangeInsurance",
                            "Task_BriefSecurity", "Task_BookTravel");
        }

        @Test
        void aManagerRejectsWithAReason() throws Exception {
            Response rejected = submitForm(approvalTaskId, "manager",
                    Map.of("releaseDecision", "rejected", "releaseComment", "Budget exhausted this quarter"));

            assertThat(rejected.status()).as(rejected.body()).isEqualTo(204);
            assertThat(decisionsOn(reference)).containsExactly(Map.of(
                    "KIND", "release", "OUTCOME", "rejected", "DECIDED_BY", "manager"));
            assertThat(jdbc.queryForObject("select reason from decision where subject_ref = ?", String.class, reference))
                    .isEqualTo("Budget exhausted this quarter");
        }

        private JsonNode firstCandidateOnTheRoster(String taskId) throws Exception {
            Response variable = get("/engine-rest/task/" + taskId + "/variables/expertCandidates?deserializeValue=false",
                    "coordinator");
            assertThat(variable.status()).as(variable.body()).isEqualTo(200);
            JsonNode value = variable.json().path("value");
            JsonNode candidates = value.isTextual() ? JSON.readTree(value.asText()) : value;
            assertThat(candidates).isNotEmpty();
            String expertId = candidates.get(0).path("value").asText();

            JsonNode roster = get("/api/experts", "coordinator").json();
            JsonNode expert = null;
            for (JsonNode entry : roster) {
                if (entry.path("id").asText().equals(expertId)) {
                    expert = entry;
                }
            }
            assertThat(expert).as("candidate %s on the roster", expertId).isNotNull();
            assertThat(expert.path("availability").asText()).isEqualTo("AVAILABLE");
            assertThat(LocalDate.parse(expert.path("medicalClearanceExpires").asText())).isAfter(LocalDate.now().plusDays(60));
            return expert;
        }
    }

    /**
     * A submission is exactly its form, on every way in: fields the form does not have, values of another type,
     * serialized objects, text over the cap, a read-only field changed, an option that was not offered. Each is a
     * 400 naming the field; the variable is not created and the task stays open.
     */
    @Nested
    class HostileSubmission {

        String processInstanceId;
        String matchTaskId;

        @BeforeEach
        void aRequestWaitsForItsMatch() throws Exception {
            processInstanceId = post("/api/dispatch-requests", "coordinator", validRequest()).json()
                    .path("processInstanceId").asText();
            matchTaskId = onlyTask(processInstanceId, "coordinator").path("id").asText();
        }

        static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> hostileMatches() {
            Map<String, Object> serialized = Map.of("value", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==", "type", "Object",
                    "valueInfo", Map.of("objectTypeName", "java.util.HashMap",
                            "serializationDataFormat", "application/x-java-serialized-object"));
            return java.util.stream.Stream.of("submit-form", "complete").flatMap(endpoint -> java.util.stream.Stream.of(
                    org.junit.jupiter.params.provider.Arguments.of(endpoint, "unknown field", "isAdmin",
                            Map.of("value", true), "isAdmin: is not a field of this form"),
                    org.junit.jupiter.params.provider.Arguments.of(endpoint, "wrong type", "matchNote",
                            Map.of("value", 42), "Note: must be text"),
                    org.junit.jupiter.params.provider.Arguments.of(endpoint, "serialized object", "matchNote",
                            serialized, "Note: values of type Object are not accepted"),
                    org.junit.jupiter.params.provider.Arguments.of(endpoint, "bytes", "matchNote",
                            Map.of("value", "AAEC", "type", "Bytes"), "Note: values of type Bytes are not accepted"),
                    org.junit.jupiter.params.provider.Arguments.of(endpoint, "oversized text", "matchNote",
                            Map.of("value", "x".repeat(1001)), "Note: must have at most 1000 characters"),
                    org.junit.jupiter.params.provider.Arguments.of(endpoint, "read-only field changed", "purpose",
                            Map.of("value", "Something else"), "Purpose: is read-only and cannot be changed"),
                    org.junit.jupiter.params.provider.Arguments.of(endpoint, "option not offered", "expertId",
                            Map.of("value", "999999"), "Expert: '999999' is not one of the options offered")));
        }

        @ParameterizedTest(name = "{0}: {1}")
        @org.junit.jupiter.params.provider.MethodSource("hostileMatches")
        void aCoordinatorsHostileSubmissionIsRefusedAndChangesNothing(String endpoint, String what, String field,
                                                                        Map<String, Object> variable, String expected) throws Exception {
            Map<String, Object> variables = new LinkedHashMap<>(typed(Map.of("matchOutcome", "none_available",
                    "matchNote", "Nobody free")));
            variables.put(field, variable);

            Response response = post("/engine-rest/task/" + matchTaskId + "/" + endpoint, "coordinator",
                    Map.of("variables", variables));

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().path("message").asText()).startsWith("Please correct the form.").contains(expected);
            assertThat(response.json().path("errors")).extracting(error -> error.path("field").asText()).containsExactly(field);
            assertThat(taskService.createTaskQuery().taskId(matchTaskId).count()).isEqualTo(1);
            if (!field.equals("purpose")) {
                assertThat(runtimeService.getVariable(processInstanceId, field)).isNull();
            }
            assertThat(runtimeService.getVariable(processInstanceId, "purpose")).isEqualTo("Outbreak investigation support");
        }

        @Test
        void inTasklistAnUnknownFieldIsRefusedTheSameWay() throws Exception {
            WebappSession tasklist = webappSession("tasklist", "coordinator");

            Response response = tasklist.post("/camunda/api/engine/engine/default/task/" + matchTaskId + "/submit-form",
                    Map.of("variables", typed(Map.of("matchOutcome", "none_available", "matchNote", "Nobody free",
                            "budgetOverride", 1_000_000))));

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().path("message").asText()).contains("budgetOverride: is not a field of this form");
            assertThat(taskService.createTaskQuery().taskId(matchTaskId).count()).isEqualTo(1);
            assertThat(runtimeService.getVariable(processInstanceId, "budgetOverride")).isNull();
        }

        @Test
        void readOnlyFieldsSentBackUnchangedAsTasklistDoesAreAccepted() throws Exception {
            Response response = submitForm(matchTaskId, "coordinator", Map.of("matchOutcome", "none_available",
                    "matchNote", "Nobody free", "purpose", "Outbreak investigation support",
                    "durationDays", 14, "startDate", LocalDate.now().plusDays(21).toString()));

            assertThat(response.status()).as(response.body()).isEqualTo(204);
        }

        @ParameterizedTest(name = "POST /engine-rest/process-definition/key/ExpertDispatchProcess/{0}")
        @ValueSource(strings = {"submit-form", "start"})
        void aStartWithAFieldTheFormDoesNotHaveIsRefusedAndStartsNothing(String endpoint) throws Exception {
            Map<String, Object> variables = new LinkedHashMap<>(typed(validRequest()));
            variables.put("approvalLevel", Map.of("value", "none"));
            variables.put("estimatedCost", Map.of("value", "cheap"));
            variables.put("estimatedCostYen", Map.of("value", 1)); // what the senior-approval rule reads: the server's to set
            long instancesBefore = countProcessInstances();
            long requestsBefore = countRequests();

            Response response = post("/engine-rest/process-definition/key/ExpertDispatchProcess/" + endpoint,
                    "coordinator", Map.of("variables", variables));

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().path("errors")).extracting(error -> error.path("field").asText())
                    .containsExactlyInAnyOrder("approvalLevel", "estimatedCost", "estimatedCostYen");
            assertThat(countProcessInstances()).isEqualTo(instancesBefore);
            assertThat(countRequests()).isEqualTo(requestsBefore);
        }

        @Test
        void aStartThatSkipsTheFormsListenersIsRefused() throws Exception {
            long instancesBefore = countProcessInstances();

            Response response = post("/engine-rest/process-definition/key/ExpertDispatchProcess/start", "coordinator",
                    Map.of("variables", typed(validRequest()), "skipCustomListeners", true));

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().path("message").asText()).contains("skipCustomListeners");
            assertThat(countProcessInstances()).isEqualTo(instancesBefore);
        }

        @Test
        void theOfficeApiRefusesAFieldTheFormDoesNotHaveInsteadOfDroppingIt() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("approvalLevel", "none");
            long requestsBefore = countRequests();

            Response response = post("/api/dispatch-requests", "coordinator", body);

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().path("errors"))
                    .extracting(error -> error.path("field").asText() + ": " + error.path("message").asText())
                    .containsExactly("approvalLevel: is not a field of this form");
            assertThat(countRequests()).isEqualTo(requestsBefore);
        }

        @Test
        void aManagersHostileSubmissionsAreRefusedAndTheApprovalStays() throws Exception {
            String approvalTaskId = driveToReleaseApproval(processInstanceId, matchTaskId);
            Map<String, Map<String, Object>> hostile = new LinkedHashMap<>();
            hostile.put("releaseApproved", Map.of("value", true));
            hostile.put("estimatedCost", Map.of("value", 1));
            hostile.put("estimatedCostYen", Map.of("value", 1));
            hostile.put("releaseComment", Map.of("value", "x".repeat(1001)));
            hostile.put("releaseDecision", Map.of("value", "maybe", "type", "Object",
                    "valueInfo", Map.of("objectTypeName", "java.lang.String",
                            "serializationDataFormat", "application/x-java-serialized-object")));
            for (String endpoint : List.of("submit-form", "complete")) {
                for (var entry : hostile.entrySet()) {
                    Map<String, Object> variables = new LinkedHashMap<>(typed(Map.of("releaseDecision", "approved")));
                    variables.put(entry.getKey(), entry.getValue());

                    Response response = post("/engine-rest/task/" + approvalTaskId + "/" + endpoint, "manager",
                            Map.of("variables", variables));

                    assertThat(response.status()).as(endpoint + " " + entry.getKey() + ": " + response.body()).isEqualTo(400);
                    assertThat(response.json().path("errors")).extracting(error -> error.path("field").asText())
                            .containsExactly(entry.getKey());
                    assertThat(taskService.createTaskQuery().taskId(approvalTaskId).count()).isEqualTo(1);
                }
            }
            assertThat(runtimeService.getVariable(processInstanceId, "releaseApproved")).isNull();
            assertThat(((Number) runtimeService.getVariable(processInstanceId, "estimatedCost")).intValue()).isEqualTo(800000);
            assertThat(decisionsOn(reference(processInstanceId))).isEmpty();
        }

        /** The other ways to write variables are closed to coordinators and managers by the authorizations. */
        @ParameterizedTest(name = "{0} {1}")
        @org.junit.jupiter.params.provider.CsvSource({
                "PUT, /engine-rest/task/{task}/variables/smuggled",
                "POST, /engine-rest/task/{task}/variables",
                "PUT, /engine-rest/task/{task}/localVariables/smuggled",
                "POST, /engine-rest/task/{task}/localVariables",
                "PUT, /engine-rest/process-instance/{instance}/variables/smuggled",
                "POST, /engine-rest/process-instance/{instance}/variables",
                "PUT, /engine-rest/execution/{instance}/localVariables/smuggled",
                "POST, /engine-rest/execution/{instance}/localVariables",
                "POST, /engine-rest/message",
                "POST, /engine-rest/signal"})
        void otherWaysToWriteVariablesAreForbidden(String method, String template) throws Exception {
            String path = template.replace("{task}", matchTaskId).replace("{instance}", processInstanceId);
            Map<String, Object> smuggled = Map.of("value", "x");
            Object body = path.endsWith("/smuggled") ? smuggled
                    : path.endsWith("/message") ? Map.of("messageName", "StandDown",
                            "processInstanceId", processInstanceId,
                            "processVariables", Map.of("smuggled", smuggled))
                    : path.endsWith("/signal") ? Map.of("name", "anything", "variables", Map.of("smuggled", smuggled))
                    : Map.of("modifications", Map.of("smuggled", smuggled));
            for (String user : List.of("coordinator", "manager")) {
                Response response = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), user, user);

                // A signal nobody waits for is accepted (204) and goes nowhere: no model catches one.
                assertThat(response.status()).as(user + ": " + response.body())
                        .isIn(path.endsWith("/signal") ? List.of(204, 403) : List.of(403, 404));
            }
            assertThat(historyService.createHistoricVariableInstanceQuery().variableName("smuggled").count()).isZero();
            assertThat(runtimeService.getVariable(processInstanceId, "smuggled")).isNull();
            assertThat(taskService.createTaskQuery().taskId(matchTaskId).count()).isEqualTo(1);
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isEqualTo(1);
        }

        private String reference(String processInstanceId) {
            return jdbc.queryForObject("select reference from dispatch_request where process_instance_id = ?", String.class,
                    processInstanceId);
        }

        private String driveToReleaseApproval(String processInstanceId, String matchTaskId) throws Exception {
            Response variable = get("/engine-rest/task/" + matchTaskId + "/variables/expertCandidates?deserializeValue=false",
                    "coordinator");
            JsonNode value = variable.json().path("value");
            JsonNode candidates = value.isTextual() ? JSON.readTree(value.asText()) : value;
            Response matched = submitForm(matchTaskId, "coordinator",
                    Map.of("matchOutcome", "selected", "expertId", candidates.get(0).path("value").asText()));
            assertThat(matched.status()).as(matched.body()).isEqualTo(204);
            executeJobsOf(processInstanceId);
            Response answered = submitForm(onlyTask(processInstanceId, "coordinator").path("id").asText(), "coordinator",
                    Map.of("expertAnswer", "accepted"));
            assertThat(answered.status()).as(answered.body()).isEqualTo(204);
            return taskService.createTaskQuery().processInstanceId(processInstanceId)
                    .taskDefinitionKey("Task_ApproveRelease").singleResult().getId();
        }
    }

    /** Someone else completed the task first (the cluster test races two nodes; here the loser simply comes second). */
    @Nested
    class CompletedByTheOther {

        @Test
        void theSecondCompletionIsAConflictWithAClearMessageAndChangesNothing() throws Exception {
            String processInstanceId = post("/api/dispatch-requests", "coordinator", validRequest()).json()
                    .path("processInstanceId").asText();
            String taskId = onlyTask(processInstanceId, "coordinator").path("id").asText();
            Map<String, Object> noExpert = Map.of("matchOutcome", "none_available", "matchNote", "Nobody free");

            Response first = submitForm(taskId, "coordinator", noExpert);
            Response second = submitForm(taskId, "coordinator2", Map.of("matchOutcome", "none_available",
                    "matchNote", "Second try"));

            assertThat(first.status()).as(first.body()).isEqualTo(204);
            assertThat(second.status()).as(second.body()).isEqualTo(409);
            assertThat(second.json().path("message").asText())
                    .isEqualTo("This task was completed by someone else a moment ago. Nothing you entered was saved; "
                            + "reload the task list to see what is next.");
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                    .activityId("Task_CloseUnfilledRequest").count()).isEqualTo(1);
        }

        @Test
        void inTasklistTheSecondCompletionIsAConflictWithTheSameClearMessage() throws Exception {
            String processInstanceId = post("/api/dispatch-requests", "coordinator", validRequest()).json()
                    .path("processInstanceId").asText();
            String taskId = onlyTask(processInstanceId, "coordinator").path("id").asText();
            WebappSession first = webappSession("tasklist", "coordinator");
            WebappSession second = webappSession("tasklist", "coordinator2");
            Map<String, Object> noExpert = Map.of("variables", typed(Map.of("matchOutcome", "none_available",
                    "matchNote", "Nobody free")));

            Response won = first.post("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", noExpert);
            Response lost = second.post("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", noExpert);

            assertThat(won.status()).as(won.body()).isEqualTo(204);
            assertThat(lost.status()).as(lost.body()).isEqualTo(409);
            assertThat(lost.json().path("message").asText()).startsWith("This task was completed by someone else a moment ago.");
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                    .activityId("Task_CloseUnfilledRequest").count()).isEqualTo(1);
        }

        @Test
        void aTaskThatNeverExistedIsStillNotFound() throws Exception {
            Response unknown = submitForm("no-such-task", "coordinator", Map.of("matchOutcome", "none_available"));

            assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
            assertThat(unknown.json().path("message").asText()).isEqualTo("There is no task no-such-task.");
        }
    }

    /**
     * Two coordinators offering the same expert for two requests at the same moment: both forms pass their checks
     * (the expert is free when each looks), one reservation wins, the other is a 409 asking to pick another expert.
     */
    @Nested
    class SameExpertForTwoRequests {

        @ParameterizedTest(name = "through {0}")
        @ValueSource(strings = {"the REST API", "Tasklist"})
        void theSecondCoordinatorGetsAConflictAskingToPickAnotherExpertAndNothingChanges(String way) throws Exception {
            String firstInstance = post("/api/dispatch-requests", "coordinator", validRequest()).json().path("processInstanceId").asText();
            String secondInstance = post("/api/dispatch-requests", "coordinator2", validRequest()).json().path("processInstanceId").asText();
            String firstTask = onlyTask(firstInstance, "coordinator").path("id").asText();
            String secondTask = onlyTask(secondInstance, "coordinator2").path("id").asText();
            JsonNode candidates = JSON.readTree(get("/engine-rest/task/" + firstTask
                    + "/variables/expertCandidates?deserializeValue=false", "coordinator").json().path("value").asText());
            String expertId = candidates.get(0).path("value").asText();
            Map<String, Object> offer = Map.of("matchOutcome", "selected", "expertId", expertId);

            List<Response> answers = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            MatchChecksMeet.arm(2);
            try {
                WebappSession first = way.equals("Tasklist") ? webappSession("tasklist", "coordinator") : null;
                WebappSession second = way.equals("Tasklist") ? webappSession("tasklist", "coordinator2") : null;
                String tasklistApi = "/camunda/api/engine/engine/default/task/";
                List<Thread> coordinators = List.of(
                        new Thread(() -> answers.add(quietly(() -> first == null ? submitForm(firstTask, "coordinator", offer)
                                : first.post(tasklistApi + firstTask + "/submit-form", Map.of("variables", typed(offer)))))),
                        new Thread(() -> answers.add(quietly(() -> second == null ? submitForm(secondTask, "coordinator2", offer)
                                : second.post(tasklistApi + secondTask + "/submit-form", Map.of("variables", typed(offer)))))));
                coordinators.forEach(Thread::start);
                for (Thread coordinator : coordinators) {
                    coordinator.join(60_000);
                    assertThat(coordinator.isAlive()).as("a submission still running after 60 s").isFalse();
                }
            } finally {
                MatchChecksMeet.disarm();
            }

            assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(204, 409);
            Response lost = answers.stream().filter(answer -> answer.status() == 409).findFirst().orElseThrow();
            assertThat(lost.json().path("message").asText()).contains("was offered for another request a moment ago")
                    .contains("please pick another expert");
            long open = taskService.createTaskQuery().processInstanceIdIn(firstInstance, secondInstance)
                    .taskDefinitionKey("Task_MatchExpert").count();
            assertThat(open).as("the loser's match task is still open").isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from dispatch where expert_id = ? and request_id in "
                    + "(select id from dispatch_request where process_instance_id in (?, ?))", Long.class,
                    Long.valueOf(expertId), firstInstance, secondInstance)).isEqualTo(1);
        }
    }

    private static Response quietly(java.util.concurrent.Callable<Response> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refused form is one line in the log; a real failure keeps its ERROR and stack trace. */
    @Nested
    class Logging {

        @Autowired
        org.camunda.bpm.engine.ProcessEngine processEngine;

        @Test
        void aRefusedFormIsOneInfoLineAndARealFailureStaysAnErrorWithItsStackTrace() throws Exception {
            String processInstanceId = post("/api/dispatch-requests", "coordinator", validRequest()).json()
                    .path("processInstanceId").asText();
            String taskId = onlyTask(processInstanceId, "coordinator").path("id").asText();
            ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                    .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured =
                    new ch.qos.logback.core.read.ListAppender<>();
            captured.start();
            root.addAppender(captured);
            try {
                Response refused = submitForm(taskId, "coordinator", Map.of("matchOutcome", "selected"));
                assertThat(refused.status()).isEqualTo(400);
                List<ch.qos.logback.classic.spi.ILoggingEvent> refusal = List.copyOf(captured.list);

                assertThat(refusal).filteredOn(event -> event.getFormattedMessage().contains("Please correct the form"))
                        .singleElement().satisfies(event -> {
                            assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.INFO);
                            assertThat(event.getThrowableProxy()).isNull();
                        });
                assertThat(refusal).noneMatch(event -> event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)
                        && (event.getFormattedMessage().contains("ENGINE-16004")
                        || event.getFormattedMessage().contains("Please correct the form")));

                captured.list.clear();
                org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () ->
                        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                                .getCommandExecutorTxRequired().execute(commandContext -> {
                                    throw new IllegalStateException("a real failure");
                                }));
                assertThat(captured.list).filteredOn(event -> event.getLevel() == ch.qos.logback.classic.Level.ERROR)
                        .singleElement().satisfies(event -> {
                            assertThat(event.getFormattedMessage()).contains("ENGINE-16004");
                            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("a real failure");
                        });
            } finally {
                root.detachAppender(captured);
            }
        }
    }

    /** Health and metrics at /actuator: for admins only, with the database, the mail server and the engine's numbers. */
    @Nested
    class Operations {

        @Test
        void anonymousCallersMustLogIn() throws Exception {
            assertThat(get("/actuator/health", null).status()).isEqualTo(401);
            assertThat(get("/actuator/prometheus", null).status()).isEqualTo(401);
        }

        @Test
        void coordinatorsAndManagersAreRefused() throws Exception {
            assertThat(get("/actuator/health", "coordinator").status()).isEqualTo(403);
            assertThat(get("/actuator/metrics", "manager").status()).isEqualTo(403);
        }

        @Test
        void anAdminSeesTheHealthOfTheDatabaseAndTheMailServer() throws Exception {
            Response health = get("/actuator/health", "admin");

            assertThat(health.status()).as(health.body()).isEqualTo(200);
            assertThat(health.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
            assertThat(health.json().path("components").path("mail").path("status").asText()).isEqualTo("UP");
        }

        @Test
        void anAdminScrapesProcessIncidentAndJobMetrics() throws Exception {
            post("/api/dispatch-requests", "coordinator", validRequest());

            HttpResponse<String> scraped = HTTP.send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
                    .header("Authorization", basic("admin", "admin")).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(scraped.statusCode()).as(scraped.body()).isEqualTo(200);
            assertThat(scraped.body())
                    .containsPattern("coopdesk_process_instances_running\\{.*process=\"ExpertDispatchProcess\".*} [1-9]")
                    .containsPattern("coopdesk_process_instances_started_total\\{.*process=\"ExpertDispatchProcess\".*} [1-9]")
                    .contains("coopdesk_process_instances_completed_total{")
                    .contains("coopdesk_incidents_open ")
                    .contains("coopdesk_jobs_due ")
                    .contains("coopdesk_jobs_failed ");
        }
    }

    /**
     * Issue 17, the dispatch room: the expert answers the offer, and sends the mission's situation reports and the
     * end-of-mission report, through the personal link their mails carry (no account, no Tasklist). An answer the office
     * no longer awaits, another offer's link, a dead link, a replay or a file that is not what the slot takes is refused
     * with nothing changed.
     */
    @Nested
    class ExpertAnswersThroughTheirLink {

        final java.util.regex.Pattern linkInMail = java.util.regex.Pattern.compile("/portal/([A-Za-z0-9_-]{43})");
        final byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        final byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        @Autowired
        org.cooperationdesk.portal.LinkThrottle throttle;

        final List<String> instances = new java.util.ArrayList<>();
        /** An answer taken: the browser is sent back to the page (a redirect to GET it). */
        static final int SEE_OTHER = 303;
        static final int FOUND = 302;

        /** Earlier tests leave experts reserved or deployed by instances nobody finishes: the roster as the demo has it. */
        @BeforeEach
        void theRosterAsTheDemoHasIt() {
            jdbc.update("update expert set availability = 'AVAILABLE', available_from = null where availability in ('RESERVED', 'DEPLOYED')");
        }

        @org.junit.jupiter.api.AfterEach
        void cleanUp() {
            throttle.forget("127.0.0.1");
            for (String instance : instances) {
                if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
                    runtimeService.deleteProcessInstance(instance, "test finished", true, true);
                }
            }
            theRosterAsTheDemoHasIt();
        }

        @Nested
        class Offer {

            @Test
            void theExpertAcceptsFromTheLinkInTheOfferMailAndTheProcessWaitsForTheRelease() throws Exception {
                Offered offer = offerTo(null);
                String text = org.cooperationdesk.notification.MailContent.text(offer.mail());
                assertThat(offer.mail().getSubject()).startsWith("Mission offer " + offer.reference());
                assertThat(text).contains("http://localhost:8080/portal/" + offer.token(), "within 72 hours");

                Response page = page(offer.token());
                assertThat(page.status()).as(page.body()).isEqualTo(200);
                assertThat(page.body()).contains("<html lang=\"en\">", "Mission offer " + offer.reference(),
                        "Outbreak investigation support", "Philippines", "Please answer by", "Expert&#39;s answer",
                        "value=\"accepted\"", "value=\"declined\"", "name=\"answerNote\"")
                        .doesNotContain("name=\"requestReference\"", "name=\"purpose\"");

                Response sent = answer(offer.token(), Map.of("expertAnswer", "accepted"), List.of());

                assertThat(sent.status()).as(sent.body()).isIn(SEE_OTHER, FOUND);
                assertThat(sent.header("Location")).endsWith("/portal/" + offer.token() + "?sent");
                assertThat(tasksOf(offer)).containsExactly("Task_ApproveRelease");
                assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(offer.processInstanceId())
                        .activityId("Task_RecordAcceptance").count()).isEqualTo(1);
                assertThat(dispatchStatus(offer)).isEqualTo("IN_PROCESS");
                assertThat(jdbc.queryForList("select status, received_from from partner_submission where reference = ?",
                        offer.reference())).singleElement().satisfies(row -> assertThat(row.values())
                        .containsExactly("ACCEPTED", "127.0.0.1"));
                assertThat(page(offer.token()).body()).contains("You accepted this offer").doesNotContain("<form");
            }

            @Test
            void aReplayedAcceptanceIsAConflictAndChangesNothing() throws Exception {
                Offered offer = offerTo(null);
                assertThat(answer(offer.token(), Map.of("expertAnswer", "accepted"), List.of()).status()).isIn(SEE_OTHER, FOUND);
                long decisionsBefore = jdbc.queryForObject("select count(*) from decision", Long.class);

                Response replayed = answer(offer.token(), Map.of("expertAnswer", "declined", "answerNote", "Changed my mind"),
                        List.of());

                assertThat(replayed.status()).as(replayed.body()).isEqualTo(409);
                assertThat(replayed.body()).contains("You accepted this offer", "Nothing was changed.");
                assertThat(tasksOf(offer)).containsExactly("Task_ApproveRelease");
                assertThat(dispatchStatus(offer)).isEqualTo("IN_PROCESS");
                assertThat(jdbc.queryForObject("select count(*) from partner_submission where reference = ?", Long.class,
                        offer.reference())).isEqualTo(1);
                assertThat(jdbc.queryForObject("select count(*) from decision", Long.class)).isEqualTo(decisionsBefore);
                assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(offer.processInstanceId())
                        .taskDefinitionKey("Task_RecordExpertAnswer").count()).isEqualTo(1);
            }

            @Test
            void theExpertDeclinesWithAReasonAndTheRequestGoesBackToMatching() throws Exception {
                Offered offer = offerTo(null);

                Response sent = answer(offer.token(), Map.of("expertAnswer", "declined",
                        "answerNote", "On leave next month"), List.of());

                assertThat(sent.status()).as(sent.body()).isIn(SEE_OTHER, FOUND);
                assertThat(tasksOf(offer)).containsExactly("Task_MatchExpert");
                assertThat(jdbc.queryForObject("select outcome from dispatch where id = ?", String.class, offer.dispatchId()))
                        .isEqualTo("declined by the expert: On leave next month");
                assertThat(jdbc.queryForObject("select availability from expert where person_id = ?", String.class,
                        offer.expertId())).isEqualTo("AVAILABLE");
                assertThat(page(offer.token()).body()).contains("You declined this offer").doesNotContain("<form");
            }

            @Test
            void anExpertWhoReadsJapaneseGetsTheOfferAndThePageInJapanese() throws Exception {
                long naomi = jdbc.queryForObject("select id from person where full_name = 'Ms. Naomi Yamamoto'", Long.class);

                Offered offer = offerTo(naomi);

                assertThat(offer.mail().getSubject()).startsWith("派遣の打診 " + offer.reference());
                assertThat(org.cooperationdesk.notification.MailContent.text(offer.mail()))
                        .contains("72時間以内", "http://localhost:8080/portal/" + offer.token());
                Response page = page(offer.token());
                assertThat(page.status()).isEqualTo(200);
                assertThat(page.body()).contains("<html lang=\"ja\">", "派遣の打診 " + offer.reference(), "回答期限",
                        "専門家の回答", "受諾", "辞退", "フィリピン");
                assertThat(answer(offer.token(), Map.of("expertAnswer", "accepted"), List.of()).status()).isIn(SEE_OTHER, FOUND);
                assertThat(page(offer.token()).body()).contains("この打診を受諾されました");
            }

            @Test
            void afterTheSeventyTwoHoursTheLinkIsDeadLikeAnUnknownOneAndTheAnswerIsRefused() throws Exception {
                Offered offer = offerTo(null);
                // The 72 hours are over: the link's end (the same instant as the timer's) has passed and the timer fires.
                jdbc.update("update partner_link set expires_at = ? where reference = ?",
                        java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), offer.reference());
                managementService.executeJob(managementService.createJobQuery().processInstanceId(offer.processInstanceId())
                        .timers().activityId("BoundaryEvent_AnswerOverdue").singleResult().getId());
                assertThat(tasksOf(offer)).containsExactly("Task_MatchExpert");

                Response expired = page(offer.token());
                Response unknown = page("A".repeat(43));
                Response refused = answer(offer.token(), Map.of("expertAnswer", "accepted"), List.of());

                assertThat(expired.status()).isEqualTo(404);
                assertThat(unknown.status()).isEqualTo(404);
                assertThat(expired.body().replace(offer.token(), "TOKEN"))
                        .isEqualTo(unknown.body().replace("A".repeat(43), "TOKEN"));
                assertThat(expired.body()).contains("This link is not available").doesNotContain(offer.reference());
                assertThat(refused.status()).isEqualTo(404);
                assertThat(tasksOf(offer)).containsExactly("Task_MatchExpert");
                assertThat(jdbc.queryForObject("select outcome from dispatch where id = ?", String.class, offer.dispatchId()))
                        .isEqualTo("no answer within 72 hours");
                assertThat(jdbc.queryForObject("select count(*) from partner_submission where reference = ?", Long.class,
                        offer.reference())).isZero();
            }

            @Test
            void anotherOffersLinkNeverAnswersThisOffer() throws Exception {
                Offered first = offerTo(null);
                assertThat(answer(first.token(), Map.of("expertAnswer", "declined"), List.of()).status()).isIn(SEE_OTHER, FOUND);
                Offered second = offerAgain(first);
                assertThat(second.expertId()).isNotEqualTo(first.expertId());
                assertThat(second.token()).isNotEqualTo(first.token());

                Response page = page(first.token());
                Response refused = answer(first.token(), Map.of("expertAnswer", "accepted"), List.of());

                assertThat(page.status()).isEqualTo(200);
                assertThat(page.body()).contains("You declined this offer").doesNotContain("<form")
                        .doesNotContain(expertName(second.expertId()));
                assertThat(refused.status()).as(refused.body()).isEqualTo(409);
                assertThat(tasksOf(second)).containsExactly("Task_RecordExpertAnswer");
                assertThat(dispatchStatus(second)).isEqualTo("OFFERED");
                assertThat(jdbc.queryForObject("select count(*) from partner_submission where subject = ?", Long.class,
                        second.expertId() + "/offer-" + second.dispatchId())).isZero();
                assertThat(page(second.token()).body()).contains("value=\"accepted\"");
            }
        }

        @Nested
        class MissionReports {

            @Test
            void aSituationReportSentFromTheLinkIsReviewedRecordedAndShownAsTextOnTheRecordPage() throws Exception {
                Mission mission = deployed();
                assertThat(mission.mail().getSubject()).startsWith("Deployment confirmed: ");
                assertThat(mission.mail().getAllRecipients()).extracting(Object::toString).containsExactly(mission.offer().email());
                MimeMessage requesters = lastMailTo("goarn@who.example");
                assertThat(requesters.getSubject()).isEqualTo(mission.mail().getSubject());
                assertThat(org.cooperationdesk.notification.MailContent.text(requesters)).as("the link is the expert's alone")
                        .doesNotContain("/portal/");
                String hostile = "<script>alert('sitrep')</script> 14 suspected cases, 3 confirmed.";
                Response form = page(mission.token());
                assertThat(form.body()).contains("Situation report", "name=\"sitrepSummary\"", "name=\"report\"");

                Response sent = answer(mission.token(), Map.of("sitrepSummary", hostile, "missionOutlook", "continue"),
                        List.of(new FilePart("report", "week-1 <b>.pdf", "application/pdf", pdf)));

                assertThat(sent.status()).as(sent.body()).isIn(SEE_OTHER, FOUND);
                assertThat(page(mission.token()).body()).contains("being reviewed").doesNotContain("<form");
                String review = taskService.createTaskQuery().processInstanceId(mission.offer().processInstanceId())
                        .taskDefinitionKey("Task_ReviewSituationReport").singleResult().getId();
                assertThat(submitForm(review, "coordinator", Map.of("reviewDecision", "accepted")).status()).isEqualTo(204);

                assertThat(jdbc.queryForList("select summary, outlook, recorded_by from situation_report where dispatch_id = ?",
                        mission.offer().dispatchId())).singleElement().satisfies(row -> assertThat(row.values())
                        .containsExactly(hostile, "continue", "coordinator"));
                assertThat(jdbc.queryForObject("select a.file_name from partner_attachment a join partner_submission s"
                        + " on s.id = a.submission_id where s.reference = ?", String.class, mission.offer().reference()))
                        .isEqualTo("week-1_b_.pdf");
                assertThat(tasksOf(mission.offer())).containsExactly("Task_RecordSituationReport");
                LoginSession.Response record = LoginSession.signIn(port, "coordinator")
                        .page("/desk/dispatches/" + mission.offer().reference());
                assertThat(record.status()).isEqualTo(200);
                assertThat(record.body()).contains("&lt;script&gt;alert(&#39;sitrep&#39;)&lt;/script&gt; 14 suspected cases",
                        "Partners&#39; links and answers", "week-1_b_.pdf").doesNotContain("<script>alert(");
            }

            @Test
            void aPngInThePdfOnlyReportSlotIsRefusedWithNothingStored() throws Exception {
                Mission mission = deployed();

                Response refused = answer(mission.token(), Map.of("sitrepSummary", "Week 1: calm.", "missionOutlook", "continue"),
                        List.of(new FilePart("report", "report.pdf", "application/pdf", png)));

                assertThat(refused.status()).as(refused.body()).isEqualTo(400);
                assertThat(refused.body()).contains("is not a file of a type this takes (PDF)");
                assertThat(jdbc.queryForObject("select count(*) from partner_submission where reference = ?", Long.class,
                        mission.offer().reference())).as("the acceptance of the offer only").isEqualTo(1);
                assertThat(jdbc.queryForObject("select count(*) from partner_attachment", Long.class)).isEqualTo(
                        jdbc.queryForObject("select count(*) from partner_attachment a join partner_submission s on s.id = a.submission_id"
                                + " where s.reference <> ?", Long.class, mission.offer().reference()));
                assertThat(tasksOf(mission.offer())).containsExactly("Task_RecordSituationReport");
                assertThat(jdbc.queryForObject("select count(*) from situation_report where dispatch_id = ?", Long.class,
                        mission.offer().dispatchId())).isZero();
            }

            @Test
            void theEndOfMissionReportSentFromTheLinkIsRecordedAndTheCoordinatorDebriefsWithIt() throws Exception {
                Mission mission = deployed();
                String sitrep = taskService.createTaskQuery().processInstanceId(mission.offer().processInstanceId())
                        .taskDefinitionKey("Task_RecordSituationReport").singleResult().getId();
                assertThat(submitForm(sitrep, "coordinator", Map.of("sitrepSummary", "Outbreak contained.",
                        "missionOutlook", "completed")).status()).isEqualTo(204);
                assertThat(tasksOf(mission.offer())).containsExactly("Task_DebriefExpert");
                Response form = page(mission.token());
                assertThat(form.body()).contains("name=\"returnDate\"", "name=\"missionReportSummary\"", "name=\"report\"")
                        .doesNotContain("name=\"debriefNotes\"");
                String report = "Field investigation completed; laboratory capacity assessed.";

                Response withoutFile = answer(mission.token(), Map.of("returnDate", LocalDate.now().toString(),
                        "missionReportSummary", report), List.of());
                assertThat(withoutFile.status()).as("the report itself is required").isEqualTo(400);
                Response sent = answer(mission.token(), Map.of("returnDate", LocalDate.now().toString(),
                        "missionReportSummary", report), List.of(new FilePart("report", "final.pdf", "application/pdf", pdf)));

                assertThat(sent.status()).as(sent.body()).isIn(SEE_OTHER, FOUND);
                assertThat(page(mission.token()).body()).contains("Your end-of-mission report was received");
                assertThat(answer(mission.token(), Map.of("returnDate", LocalDate.now().toString(), "missionReportSummary",
                        "Replayed"), List.of(new FilePart("report", "final.pdf", "application/pdf", pdf))).status()).isEqualTo(409);
                assertThat(jdbc.queryForList("select s.status, a.file_name from partner_submission s join partner_attachment a"
                        + " on a.submission_id = s.id where s.reference = ? and s.form_id = 'debrief-expert'", mission.offer().reference()))
                        .singleElement().satisfies(row -> assertThat(row.values()).containsExactly("ACCEPTED", "final.pdf"));
                // The coordinator's debrief shows the expert's report; the debrief notes are the coordinator's own.
                String debrief = taskService.createTaskQuery().processInstanceId(mission.offer().processInstanceId())
                        .taskDefinitionKey("Task_DebriefExpert").singleResult().getId();
                assertThat(taskService.getVariables(debrief)).containsEntry("missionReportSummary", report)
                        .containsEntry("returnDate", LocalDate.now().toString());
                assertThat(submitForm(debrief, "coordinator", Map.of("returnDate", LocalDate.now().toString(),
                        "missionReportSummary", report, "debriefNotes", "Recommend a follow-up mission.")).status()).isEqualTo(204);

                assertThat(jdbc.queryForObject("select mission_report from dispatch where id = ?", String.class,
                        mission.offer().dispatchId())).isEqualTo(report);
                assertThat(LoginSession.signIn(port, "coordinator").page("/desk/dispatches/" + mission.offer().reference()).body())
                        .contains("End-of-mission report", report);
                assertThat(page(mission.token()).body()).contains("This mission is closed");
            }
        }

        // ---- the expert's side: a browser without an account, the link in the address

        record Offered(String reference, String processInstanceId, long expertId, long dispatchId, String email,
                       MimeMessage mail, String token) {
        }

        record Mission(Offered offer, MimeMessage mail, String token) {
        }

        record FilePart(String name, String fileName, String contentType, byte[] content) {
        }

        /** A new request offered to this expert (null: the best candidate), and the offer mail they got. */
        Offered offerTo(Long expertId) throws Exception {
            Response created = post("/api/dispatch-requests", "coordinator", validRequest());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String processInstanceId = created.json().path("processInstanceId").asText();
            instances.add(processInstanceId);
            return offer(created.json().path("reference").asText(), processInstanceId, expertId);
        }

        /** The request, back at matching, offered to the best candidate left. */
        Offered offerAgain(Offered earlier) throws Exception {
            return offer(earlier.reference(), earlier.processInstanceId(), null);
        }

        Offered offer(String reference, String processInstanceId, Long expertId) throws Exception {
            String matchTask = onlyTask(processInstanceId, "coordinator").path("id").asText();
            JsonNode value = get("/engine-rest/task/" + matchTask + "/variables/expertCandidates?deserializeValue=false",
                    "coordinator").json().path("value");
            JsonNode candidates = value.isTextual() ? JSON.readTree(value.asText()) : value;
            long chosen = expertId != null ? expertId : candidates.get(0).path("value").asLong();
            assertThat(candidates).extracting(candidate -> candidate.path("value").asLong()).contains(chosen);
            Response matched = submitForm(matchTask, "coordinator", Map.of("matchOutcome", "selected",
                    "expertId", String.valueOf(chosen)));
            assertThat(matched.status()).as(matched.body()).isEqualTo(204);
            String email = jdbc.queryForObject("select email from person where id = ?", String.class, chosen);
            runJobs(processInstanceId);
            MimeMessage mail = lastMailTo(email);
            long dispatchId = jdbc.queryForObject("select max(d.id) from dispatch d join dispatch_request r on r.id = d.request_id"
                    + " where r.reference = ?", Long.class, reference);
            return new Offered(reference, processInstanceId, chosen, dispatchId, email, mail, token(mail));
        }

        /** An offer accepted from its link, released, prepared, and the expert deployed: their confirmation mail. */
        Mission deployed() throws Exception {
            Offered offer = offerTo(null);
            assertThat(answer(offer.token(), Map.of("expertAnswer", "accepted"), List.of()).status()).isIn(SEE_OTHER, FOUND);
            assertThat(submitForm(task(offer, "Task_ApproveRelease"), "manager", Map.of("releaseDecision", "approved"))
                    .status()).isEqualTo(204);
            LocalDate today = LocalDate.now();
            Map<String, Map<String, Object>> checks = Map.of(
                    "Task_CheckMedicalClearance", Map.of("medicalClearance", "cleared", "clearanceValidUntil",
                            today.plusYears(1).toString()),
                    "Task_ArrangeInsurance", Map.of("insurer", "Tokio Marine", "insurancePolicyNumber", "TM-2026-8812"),
                    "Task_BriefSecurity", Map.of("briefingDate", today.toString(), "securityClearanceReference", "UNDSS-44817"),
                    "Task_BookTravel", Map.of("departureDate", today.toString(), "plannedReturnDate", today.plusDays(13).toString(),
                            "travelBooking", "PR 431 NRT-MNL"));
            for (var check : checks.entrySet()) {
                Response done = submitForm(task(offer, check.getKey()), "coordinator", check.getValue());
                assertThat(done.status()).as(check.getKey() + ": " + done.body()).isEqualTo(204);
            }
            runJobs(offer.processInstanceId());
            MimeMessage mail = lastMailTo(offer.email());
            assertThat(tasksOf(offer)).containsExactly("Task_RecordSituationReport");
            return new Mission(offer, mail, token(mail));
        }

        String task(Offered offer, String key) {
            return taskService.createTaskQuery().processInstanceId(offer.processInstanceId()).taskDefinitionKey(key)
                    .singleResult().getId();
        }

        List<String> tasksOf(Offered offer) {
            return taskService.createTaskQuery().processInstanceId(offer.processInstanceId()).list().stream()
                    .map(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey).toList();
        }

        String dispatchStatus(Offered offer) {
            return jdbc.queryForObject("select status from dispatch where id = ?", String.class, offer.dispatchId());
        }

        String expertName(long expertId) {
            return jdbc.queryForObject("select full_name from person where id = ?", String.class, expertId);
        }

        /** Every asynchronous step that is due (mails, the checks' join), as the job executor would run them. */
        void runJobs(String processInstanceId) {
            List<Job> due;
            while (!(due = managementService.createJobQuery().processInstanceId(processInstanceId).executable().messages()
                    .list()).isEmpty()) {
                due.forEach(job -> managementService.executeJob(job.getId()));
            }
        }

        MimeMessage lastMailTo(String email) {
            List<MimeMessage> mails = java.util.Arrays.stream(greenMail.getReceivedMessages())
                    .filter(mail -> recipients(mail).contains(email)).toList();
            assertThat(mails).as("mails to %s", email).isNotEmpty();
            return mails.get(mails.size() - 1);
        }

        List<String> recipients(MimeMessage mail) {
            try {
                return java.util.Arrays.stream(mail.getAllRecipients()).map(Object::toString).toList();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        String token(MimeMessage mail) {
            java.util.regex.Matcher link = linkInMail.matcher(org.cooperationdesk.notification.MailContent.text(mail));
            assertThat(link.find()).as("a personal link in the mail").isTrue();
            return link.group(1);
        }

        /** The page as a browser opens it: no account, no cookie, the language the link says. */
        Response page(String token) throws Exception {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/portal/" + token))
                    .header("Accept", "text/html").timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        }

        /** The page's form as a browser posts it: multipart/form-data, the form's fields and the files by slot. */
        Response answer(String token, Map<String, String> fields, List<FilePart> files) throws Exception {
            String boundary = "----coopdesk" + java.util.UUID.randomUUID();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            for (var field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                        + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            for (FilePart file : files) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.name() + "\"; filename=\""
                        + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(file.content());
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/portal/" + token))
                    .header("Accept", "text/html").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        }
    }

    // ---- helpers ----

    /** A complete request on the start form, as a partner's system sends it to the office API. */
    static Map<String, Object> validRequest() {
        return org.cooperationdesk.DispatchRequests.valid("GOARN-TEST-001");
    }

    /** Engine REST variables: {"name": {"value": ...}}, untyped as Tasklist sends them. */
    private static Map<String, Object> typed(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return variables;
    }

    private Response submitForm(String taskId, String user, Map<String, Object> values) throws Exception {
        return post("/engine-rest/task/" + taskId + "/submit-form", user, Map.of("variables", typed(values)));
    }

    private JsonNode onlyTask(String processInstanceId, String user) throws Exception {
        Response tasks = get("/engine-rest/task?processInstanceId=" + processInstanceId, user);
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.json()).as("%s's tasks of %s", user, processInstanceId).hasSize(1);
        return tasks.json().get(0);
    }

    private void executeJobsOf(String processInstanceId) {
        List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).executable().messages()
                .list();
        assertThat(due).hasSize(1);
        due.forEach(job -> managementService.executeJob(job.getId()));
    }

    private List<Map<String, Object>> decisionsOn(String reference) {
        // Column names in upper case whatever the database reports (H2: upper, PostgreSQL: lower).
        return jdbc.queryForList("select kind, outcome, decided_by from decision where subject_ref = ? order by id",
                reference).stream().map(row -> {
                    Map<String, Object> upper = new LinkedHashMap<>();
                    row.forEach((column, value) -> upper.put(column.toUpperCase(java.util.Locale.ROOT), value));
                    return upper;
                }).toList();
    }

    private long countRequests() {
        return jdbc.queryForObject("select count(*) from dispatch_request", Long.class);
    }

    private long countProcessInstances() {
        return historyService.createHistoricProcessInstanceQuery().count() + runtimeService.createProcessInstanceQuery().count();
    }

    /** Signs in once at /login and opens a Camunda webapp: its page's status (200, or 403 for an app the user may not open). */
    private int webappLogin(String app, String user) throws Exception {
        return webappSession(app, user).pageStatus();
    }

    /**
     * What a browser holds after signing in at /login and opening a webapp: the session cookie and the webapp's own
     * CSRF token, which its scripts send with every call under /camunda/api.
     */
    record WebappSession(LoginSession session, String csrfToken, int pageStatus) {

        /** A call the webapp's own pages make, e.g. Tasklist's {@code /camunda/api/engine/engine/default/task/{id}/submit-form}. */
        Response post(String path, Object body) throws Exception {
            LoginSession.Response response = session.webappCall("POST", path, csrfToken, "application/json",
                    JSON.writeValueAsString(body));
            return new Response(response.status(), response.body(), response.raw());
        }
    }

    private WebappSession webappSession(String app, String user) throws Exception {
        LoginSession session = LoginSession.signIn(port, user);
        assertThat(session.signedIn()).as(user + " signed in").isTrue();
        LoginSession.Response page = session.page("/camunda/app/" + app + "/default/");
        String csrfToken = page.header("X-XSRF-TOKEN");
        if (csrfToken == null) { // a refused app hands out no token; Tasklist does, for every user who may sign in
            csrfToken = session.webappCsrfToken("tasklist");
        }
        return new WebappSession(session, csrfToken, page.status());
    }

    record Response(int status, String body, HttpResponse<String> raw) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private Response get(String path, String user) throws Exception {
        return get(path, user, user);
    }

    private Response get(String path, String user, String password) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), user, password);
    }

    private Response post(String path, String user, Object body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), user, user);
    }

    private Response post(String path, String user, Object body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        return send(request, user, user);
    }

    private Response put(String path, String user) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.noBody()), user, user);
    }

    private static Response send(HttpRequest.Builder request, String user, String password) throws Exception {
        request.header("Accept", "application/json").timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
