package org.cooperationdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.cooperationdesk.LoginSession;
import org.cooperationdesk.LoginSession.Response;
import org.cooperationdesk.system.Groups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code ldap} profile against a real directory (Debian's slapd, {@link TestDirectory}): the office's people sign
 * in with their directory passwords, on the login page and with HTTP Basic, and their directory groups are their roles.
 * Runs with the demo profile (roster, partners, mail sink), whose admin user the directory provides.
 *
 * <p>Skipped, with the reason, where slapd is not installed, unless {@code -Dldap.tests.required=true} (CI, .ci/run)
 * makes that a failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ldap-login-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "spring.mail.host=127.0.0.1"
})
@ActiveProfiles({"demo", "ldap"})
@ExtendWith(TestDirectory.Installed.class)
class LdapLoginHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final int MAIL_PORT = freePort();

    private static TestDirectory directory;

    @BeforeAll
    static void startDirectory() throws Exception {
        var missing = TestDirectory.missing();
        if (missing.isPresent()) { // only with -Dldap.tests.required=true: TestDirectory.Installed skips otherwise
            fail(missing.get().replace("LDAP tests skipped", "LDAP tests cannot run") + "; -D"
                    + TestDirectory.REQUIRED_PROPERTY + "=true forbids skipping them");
        }
        directory = TestDirectory.start();
    }

    @AfterAll
    static void stopDirectory() {
        if (directory != null) {
            directory.close();
        }
    }

    @DynamicPropertySource
    static void directoryAndMail(DynamicPropertyRegistry registry) {
        registry.add("coopdesk.ldap.server-url", () -> directory.url());
        registry.add("coopdesk.ldap.base-dn", () -> TestDirectory.BASE_DN);
        registry.add("coopdesk.ldap.manager-dn", () -> TestDirectory.MANAGER_DN);
        registry.add("coopdesk.ldap.manager-password", () -> TestDirectory.MANAGER_PASSWORD);
        registry.add("coopdesk.mail-sink.port", () -> MAIL_PORT);
        registry.add("spring.mail.port", () -> MAIL_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theEngineReadsUsersAndGroupsFromTheDirectory() {
        assertThat(identityService.isReadOnly()).isTrue();
        assertThat(identityService.createUserQuery().userId("hsato").singleResult().getEmail()).isEqualTo("hsato@mhlw.example");
        assertThat(identityService.createGroupQuery().groupMember("mwatanabe").list()).extracting(Group::getId)
                .containsExactlyInAnyOrder(Groups.MANAGERS, Groups.DIRECTORS);
        assertThat(identityService.createUserQuery().userId("coordinator").count()).as("no demo users").isZero();
    }

    @Test
    void aDirectoryUserSignsInOnTheLoginPageAndTheirGroupsAreTheirRoles() throws Exception {
        LoginSession coordinator = LoginSession.signIn(port, "hsato", "sato-directory");

        assertThat(coordinator.signedIn()).as(String.valueOf(coordinator.signInResponse().redirect())).isTrue();
        Response session = coordinator.get("/api/session");
        assertThat(session.json().path("user").asText()).isEqualTo("hsato");
        assertThat(session.json().path("groups")).extracting(JsonNode::asText).containsExactly(Groups.COORDINATORS);
        assertThat(coordinator.page("/camunda/app/tasklist/default/").status()).isEqualTo(200);
        assertThat(coordinator.page("/camunda/app/cockpit/default/").status()).isEqualTo(403);

        LoginSession admin = LoginSession.signIn(port, "admin", "admin-directory");
        assertThat(admin.page("/camunda/app/cockpit/default/").status()).as("the directory's admin group").isEqualTo(200);
        assertThat(admin.get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void aWrongDirectoryPasswordIsRefusedOnTheLoginPageAndWithBasic() throws Exception {
        LoginSession browser = LoginSession.anonymous(port);
        browser.submitLogin("ysuzuki", "not-the-password");

        assertThat(browser.signInResponse().redirect()).isEqualTo("/login?error");
        assertThat(browser.page("/login?error").body()).as("the directory's password policy is not the engine's")
                .contains("Sign-in failed").doesNotContain("unlocks the account in Admin");
        assertThat(basic("GET", "/api/experts", "ysuzuki", "not-the-password", null).status()).isEqualTo(401);
        assertThat(basic("GET", "/api/experts", "nobody", "anything", null).status()).isEqualTo(401);
        assertThat(basic("GET", "/api/experts", "ysuzuki", "", null).status()).as("no anonymous bind").isEqualTo(401);
        assertThat(basic("GET", "/api/experts", "ysuzuki", "suzuki-directory", null).status()).isEqualTo(200);
    }

    @Test
    void aCoordinatorFromTheDirectoryStartsADispatchButCannotApproveItAManagerDoes() throws Exception {
        LoginSession coordinator = LoginSession.signIn(port, "hsato", "sato-directory");

        Response created = coordinator.post("/api/dispatch-requests", validRequest());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String processInstanceId = created.json().path("processInstanceId").asText();
        assertThat(jdbc.queryForObject("select requested_by from dispatch_request where reference = ?", String.class,
                created.json().path("reference").asText())).isEqualTo("hsato");

        // Through the engine's REST API as Tasklist would: the coordinators' task, visible to the directory's member.
        JsonNode match = onlyTask(coordinator, processInstanceId);
        assertThat(match.path("taskDefinitionKey").asText()).isEqualTo("Task_MatchExpert");
        Response matched = coordinator.post("/engine-rest/task/" + match.path("id").asText() + "/submit-form",
                variables(Map.of("matchOutcome", "selected", "expertId", firstCandidate(coordinator, match.path("id").asText()))));
        assertThat(matched.status()).as(matched.body()).isEqualTo(204);
        managementService.createJobQuery().processInstanceId(processInstanceId).executable().list()
                .forEach(job -> managementService.executeJob(job.getId())); // the offer mail
        JsonNode answer = onlyTask(coordinator, processInstanceId);
        Response answered = coordinator.post("/engine-rest/task/" + answer.path("id").asText() + "/submit-form",
                variables(Map.of("expertAnswer", "accepted")));
        assertThat(answered.status()).as(answered.body()).isEqualTo(204);
        String approval = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey("Task_ApproveRelease").singleResult().getId();

        assertThat(coordinator.get("/engine-rest/task?processInstanceId=" + processInstanceId).json()).isEmpty();
        Response refused = coordinator.post("/engine-rest/task/" + approval + "/submit-form",
                variables(Map.of("releaseDecision", "approved")));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(approval).count()).isEqualTo(1);

        Response approved = basic("POST", "/engine-rest/task/" + approval + "/submit-form", "ysuzuki", "suzuki-directory",
                JSON.writeValueAsString(variables(Map.of("releaseDecision", "approved"))));
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(approval).count()).isZero();
        assertThat(jdbc.queryForObject("select decided_by from decision where subject_ref = ? and kind = 'release'",
                String.class, created.json().path("reference").asText())).isEqualTo("ysuzuki");
    }

    // ---- helpers ----

    private static JsonNode onlyTask(LoginSession user, String processInstanceId) throws Exception {
        Response tasks = user.get("/engine-rest/task?processInstanceId=" + processInstanceId);
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.json()).hasSize(1);
        return tasks.json().get(0);
    }

    private static String firstCandidate(LoginSession user, String taskId) throws Exception {
        JsonNode value = user.get("/engine-rest/task/" + taskId + "/variables/expertCandidates?deserializeValue=false")
                .json().path("value");
        JsonNode candidates = value.isTextual() ? JSON.readTree(value.asText()) : value;
        assertThat(candidates).isNotEmpty();
        return candidates.get(0).path("value").asText();
    }

    private static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return Map.of("variables", variables);
    }

    private static Map<String, Object> validRequest() {
        return org.cooperationdesk.DispatchRequests.valid("GOARN-LDAP-001");
    }

    private Response basic(String method, String path, String user, String password, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
