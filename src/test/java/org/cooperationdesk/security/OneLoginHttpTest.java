package org.cooperationdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.cooperationdesk.HttpApi;
import org.cooperationdesk.LoginSession;
import org.cooperationdesk.LoginSession.Response;
import org.cooperationdesk.system.Groups;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One login over real HTTP: a person signs in once at /login and the session opens the office API, the engine's REST
 * API, the Camunda webapps and the office's pages; programs keep HTTP Basic; nobody else gets in (401 for the APIs,
 * the login page for pages and webapps); signing out ends it everywhere; CSRF tokens guard what rides on the session;
 * the engine's login throttling holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:one-login-http-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "coopdesk.mail-sink.enabled=false",
        "spring.mail.host=127.0.0.1"
})
class OneLoginHttpTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    Environment environment;

    @Nested
    class SigningInOnce {

        @Test
        void opensTheOfficeApiTheEngineApiTasklistAndTheDesk() throws Exception {
            LoginSession coordinator = LoginSession.signIn(port, "coordinator");

            assertThat(coordinator.signInResponse().status()).isEqualTo(302);
            assertThat(coordinator.signInResponse().redirect()).isEqualTo("/");
            assertThat(coordinator.get("/api/experts").status()).isEqualTo(200);
            assertThat(coordinator.get("/engine-rest/task").status()).isEqualTo(200);
            Response profile = coordinator.get("/camunda/api/engine/engine/default/user/coordinator/profile");
            assertThat(profile.status()).as(profile.body()).isEqualTo(200);
            assertThat(profile.json().path("firstName").asText()).isEqualTo("Haruka");
            Response tasklist = coordinator.page("/camunda/app/tasklist/default/");
            assertThat(tasklist.status()).isEqualTo(200);
            assertThat(tasklist.body()).contains("Camunda Tasklist");
            Response webappUser = coordinator.get("/camunda/api/admin/auth/user/default");
            assertThat(webappUser.json().path("userId").asText()).isEqualTo("coordinator");
            assertThat(webappUser.json().path("authorizedApps")).extracting(app -> app.asText())
                    .containsExactlyInAnyOrder("tasklist", "welcome");
            assertThat(coordinator.page("/desk/").status()).as("signed in: a page or 404, never the login")
                    .isNotIn(302, 401, 403);
        }

        @Test
        void letsTheEngineAndTheOfficeApiKnowWhoIsActing() throws Exception {
            LoginSession coordinator = LoginSession.signIn(port, "coordinator");

            Response session = coordinator.get("/api/session");
            assertThat(session.json().path("user").asText()).isEqualTo("coordinator");
            assertThat(session.json().path("groups")).extracting(group -> group.asText()).containsExactly(Groups.COORDINATORS);

            Response created = coordinator.post("/api/dispatch-requests", validRequest());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(jdbc.queryForObject("select requested_by from dispatch_request where reference = ?", String.class,
                    created.json().path("reference").asText())).isEqualTo("coordinator");
        }

        @Test
        void keepsTheRolesOfToday() throws Exception {
            LoginSession manager = LoginSession.signIn(port, "manager");
            long before = countRequests();

            assertThat(manager.post("/api/dispatch-requests", validRequest()).status()).isEqualTo(403);
            assertThat(manager.post("/engine-rest/process-definition/key/ExpertDispatchProcess/start", Map.of()).status())
                    .isEqualTo(403);
            assertThat(countRequests()).isEqualTo(before);
            assertThat(manager.page("/camunda/app/cockpit/default/").status()).isEqualTo(403);
            assertThat(manager.page("/camunda/app/cockpit/default/").body()).contains("Cockpit is for administrators");
            assertThat(manager.get("/actuator/metrics").status()).isEqualTo(403);
            LoginSession admin = LoginSession.signIn(port, "admin");
            assertThat(admin.page("/camunda/app/cockpit/default/").status()).isEqualTo(200);
            assertThat(admin.page("/camunda/app/admin/default/").status()).isEqualTo(200);
            assertThat(admin.get("/actuator/metrics").status()).isEqualTo(200);
        }

        @Test
        void bringsThePersonBackToThePageTheyOpened() throws Exception {
            for (String page : List.of("/camunda/app/cockpit/default/", "/mailbox.html")) {
                LoginSession browser = LoginSession.anonymous(port);

                Response asked = browser.page(page);
                assertThat(asked.status()).isEqualTo(302);
                assertThat(asked.redirect()).isEqualTo("/login");
                browser.submitLogin("admin", "admin");

                assertThat(browser.signInResponse().redirect()).startsWith(page);
                assertThat(browser.page(browser.signInResponse().redirect()).status()).as(page).isEqualTo(200);
            }
        }
    }

    @Nested
    class HttpBasic {

        @Test
        void stillOpensTheApisWithoutASession() throws Exception {
            Response experts = basic("GET", "/api/experts", "manager", "manager", null);
            Response tasks = basic("GET", "/engine-rest/task", "manager", "manager", null);

            assertThat(experts.status()).isEqualTo(200);
            assertThat(tasks.status()).isEqualTo(200);
            assertThat(experts.header("Set-Cookie")).as("a program's call leaves no session behind").isNull();
        }

        @Test
        void needsNoCsrfTokenToChangeSomething() throws Exception {
            HttpApi.Response created = new HttpApi(port).post("/api/dispatch-requests", "coordinator", validRequest());

            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }

        @Test
        void opensTheDeskWithoutASession() throws Exception {
            Response desk = basic("GET", "/desk", "coordinator", "coordinator", null);

            assertThat(desk.status()).isEqualTo(200);
            assertThat(desk.body()).as("the page's sign-out form asks for a CSRF token").contains("sign-out");
            assertThat(desk.header("Set-Cookie")).as("a program reading pages leaves no session behind").isNull();
            assertThat(basic("GET", "/desk/", "intruder", "guess", null).status()).as("a wrong password: no login page")
                    .isEqualTo(401);
        }
    }

    @Nested
    class WithoutSessionOrBasic {

        @Test
        void theApisAnswer401WithABasicChallenge() throws Exception {
            for (String api : List.of("/api/experts", "/engine-rest/task", "/actuator/metrics")) {
                Response response = basic("GET", api, null, null, null);
                assertThat(response.status()).as(api).isEqualTo(401);
                assertThat(response.header("WWW-Authenticate")).as(api).startsWith("Basic");
            }
            assertThat(basic("POST", "/api/dispatch-requests", null, null, "{}").status()).isEqualTo(401);
        }

        @Test
        void aPagesScriptGetsA401WithoutChallengeSoTheBrowserPromptsForNothing() throws Exception {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/mailbox"))
                    .header("X-Requested-With", "XMLHttpRequest").GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        }

        @Test
        void pagesAndWebappsSendToTheLoginPage() throws Exception {
            LoginSession browser = LoginSession.anonymous(port);
            for (String page : List.of("/", "/desk/", "/mailbox.html", "/camunda/app/tasklist/default/",
                    "/camunda/app/cockpit/default/", "/camunda/app/admin/default/", "/camunda/app/welcome/default/")) {
                Response response = browser.page(page);
                assertThat(response.status()).as(page).isEqualTo(302);
                assertThat(response.redirect()).as(page).isEqualTo("/login");
            }
            Response webappApi = browser.get("/camunda/api/engine/engine/default/task");
            assertThat(webappApi.status()).isEqualTo(401);
            assertThat(webappApi.header("WWW-Authenticate")).isNull();
        }

        @Test
        void theLoginPageIsOpenToAll() throws Exception {
            Response login = LoginSession.anonymous(port).page("/login");

            assertThat(login.status()).isEqualTo(200);
            assertThat(login.body()).contains("Sign in").contains("name=\"username\"").contains("name=\"password\"")
                    .contains("name=\"_csrf\"").contains("after 10 wrong attempts an administrator unlocks the account");
        }

        @Test
        void aWrongPasswordShowsTheLoginPageAgainWithAMessage() throws Exception {
            LoginSession browser = LoginSession.anonymous(port);
            browser.submitLogin("unknown-person", "guess");

            assertThat(browser.signInResponse().redirect()).isEqualTo("/login?error");
            assertThat(browser.page("/login?error").body()).contains("Sign-in failed");
            assertThat(browser.get("/api/experts").status()).isEqualTo(401);
        }
    }

    @Nested
    class SigningOut {

        @Test
        void endsAccessEverywhere() throws Exception {
            LoginSession admin = LoginSession.signIn(port, "admin");
            assertThat(admin.page("/camunda/app/cockpit/default/").status()).isEqualTo(200);

            Response out = admin.signOut();

            assertThat(out.status()).isEqualTo(302);
            assertThat(out.redirect()).isEqualTo("/login?logout");
            assertSignedOut(admin);
            assertThat(admin.page("/login?logout").body()).contains("You have signed out");
        }

        @Test
        void withTheWebappsSignOutEndsTheWholeSessionToo() throws Exception {
            LoginSession admin = LoginSession.signIn(port, "admin");
            String webappToken = admin.webappCsrfToken("cockpit");

            Response out = admin.webappCall("POST", "/camunda/api/admin/auth/user/default/logout", webappToken, null, null);

            assertThat(out.status()).isEqualTo(200);
            assertSignedOut(admin);
        }

        @Test
        void isRefusedWithoutTheTokenAndTheSessionGoesOn() throws Exception {
            LoginSession manager = LoginSession.signIn(port, "manager");

            Response forged = manager.postForm("/logout", Map.of());

            assertThat(forged.status()).isEqualTo(403);
            assertThat(manager.get("/api/experts").status()).isEqualTo(200);
        }

        private void assertSignedOut(LoginSession browser) throws Exception {
            assertThat(browser.get("/api/experts").status()).isEqualTo(401);
            assertThat(browser.get("/engine-rest/task").status()).isEqualTo(401);
            assertThat(browser.get("/camunda/api/engine/engine/default/task").status()).isEqualTo(401);
            assertThat(browser.page("/camunda/app/cockpit/default/").redirect()).isEqualTo("/login");
            assertThat(browser.page("/camunda/app/tasklist/default/").redirect()).isEqualTo("/login");
            assertThat(browser.page("/desk/").redirect()).isEqualTo("/login");
        }
    }

    @Nested
    class Csrf {

        @Test
        void aLoginWithoutTheTokenIsRefused() throws Exception {
            LoginSession browser = LoginSession.anonymous(port);
            browser.page("/login");

            Response login = browser.postForm("/login", Map.of("username", "coordinator", "password", "coordinator"));

            assertThat(login.status()).isEqualTo(302);
            assertThat(login.redirect()).isEqualTo("/login?expired");
            assertThat(browser.get("/api/experts").status()).isEqualTo(401);
        }

        @Test
        void aSessionCallThatChangesSomethingNeedsTheToken() throws Exception {
            LoginSession coordinator = LoginSession.signIn(port, "coordinator");
            long before = countRequests();

            Response withoutToken = coordinator.postWithToken("/api/dispatch-requests", validRequest(), null);
            Response wrongToken = coordinator.postWithToken("/api/dispatch-requests", validRequest(), "not-the-token");

            assertThat(withoutToken.status()).isEqualTo(403);
            assertThat(wrongToken.status()).isEqualTo(403);
            assertThat(countRequests()).isEqualTo(before);
            assertThat(coordinator.post("/api/dispatch-requests", validRequest()).status()).isEqualTo(201);
        }

        @Test
        void aPageFormNeedsTheTokenAndOneThatOutlivedItsSessionAsksToSignInAgain() throws Exception {
            LoginSession coordinator = LoginSession.signIn(port, "coordinator");

            assertThat(coordinator.postForm("/desk/anything", Map.of()).status()).isEqualTo(403);
            assertThat(coordinator.postForm("/desk/anything", Map.of("_csrf", coordinator.csrfToken())).status())
                    .as("past the CSRF check: the page's own answer").isNotIn(302, 401, 403);

            Response stale = LoginSession.anonymous(port).postForm("/desk/anything", Map.of("_csrf", "from-a-session-gone"));
            assertThat(stale.status()).isEqualTo(302);
            assertThat(stale.redirect()).isEqualTo("/login?expired");
        }

        @Test
        void theEngineApiAsWell() throws Exception {
            LoginSession admin = LoginSession.signIn(port, "admin");
            Map<String, Object> user = Map.of("profile", Map.of("id", "csrfvictim", "firstName", "C", "lastName", "V",
                    "email", "cv@x.example"), "credentials", Map.of("password", "csrf-victim-pass"));

            assertThat(admin.postWithToken("/engine-rest/user/create", user, null).status()).isEqualTo(403);
            assertThat(identityService.createUserQuery().userId("csrfvictim").count()).isZero();
            assertThat(admin.post("/engine-rest/user/create", user).status()).isEqualTo(204);
            identityService.deleteUser("csrfvictim");
        }

        @Test
        void theWebappsKeepTheirOwnTokenAndTheirOwnLoginIsClosed() throws Exception {
            LoginSession coordinator = LoginSession.signIn(port, "coordinator");
            String webappToken = coordinator.webappCsrfToken("tasklist");

            Response withoutWebappToken = coordinator.webappCall("GET", "/camunda/api/engine/engine/default/task/count",
                    webappToken, null, null);
            assertThat(withoutWebappToken.status()).isEqualTo(200);
            Response ownLogin = coordinator.webappCall("POST", "/camunda/api/admin/auth/user/default/login/cockpit",
                    webappToken, "application/x-www-form-urlencoded", "username=admin&password=admin");
            assertThat(ownLogin.status()).isEqualTo(403);
            assertThat(coordinator.get("/camunda/api/admin/auth/user/default").json().path("userId").asText())
                    .isEqualTo("coordinator");
        }
    }

    @Nested
    class Throttling {

        @Test
        void aWrongPasswordThenTheRightOneWithinTheEnginesLockIsRefused() throws Exception {
            String id = "throttled" + System.nanoTime();
            User tester = identityService.newUser(id);
            tester.setPassword("right-password");
            identityService.saveUser(tester);
            identityService.createMembership(id, Groups.COORDINATORS);

            LoginSession browser = LoginSession.anonymous(port);
            browser.submitLogin(id, "wrong-password");
            assertThat(browser.signInResponse().redirect()).isEqualTo("/login?error");
            browser.submitLogin(id, "right-password");
            assertThat(browser.signInResponse().redirect()).as("the right password within the lock").isEqualTo("/login?error");
            assertThat(basic("GET", "/api/experts", id, "right-password", null).status()).isEqualTo(401);

            // The engine's lock after one wrong password lasts a few seconds; then the right password works again.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Thread.sleep(3_000);
            while (!browser.signedIn() && System.nanoTime() < deadline) {
                Thread.sleep(1_000);
                browser.submitLogin(id, "right-password");
            }
            assertThat(browser.signedIn()).isTrue();
            assertThat(browser.get("/api/experts").status()).isEqualTo(200);
        }
    }

    /**
     * A session keeps the user's groups for at most coopdesk.security.identity-refresh (a minute): within it a request
     * reads nothing about its user; once it has passed, a group change or a deleted user takes effect, on the office
     * API, the engine's REST API, the pages and the webapps alike. Time moves with the engine's clock (ClockUtil), which
     * the refresh and Camunda's webapp cache both read.
     */
    @Nested
    class GroupChangesReachSignedInSessionsWithinTheRefresh {

        @Test
        void aManagerTakenOutOfManagersIsRefusedOnceTheRefreshIsDue() throws Exception {
            String id = person(Groups.MANAGERS);
            LoginSession manager = LoginSession.signIn(port, id, PASSWORD);
            assertThat(manager.post("/api/contributions/CT-NONE/suspend", Map.of("reason", "audit")).status())
                    .as("a manager may suspend (this one does not exist)").isNotEqualTo(403).isIn(404, 409);

            identityService.deleteMembership(id, Groups.MANAGERS);
            afterTheRefresh(() -> {
                Response refused = manager.post("/api/contributions/CT-NONE/suspend", Map.of("reason", "audit"));
                assertThat(refused.status()).as(refused.body()).isEqualTo(403);
                assertThat(manager.get("/api/session").json().path("groups")).isEmpty();
            });
        }

        @Test
        void aGroupChangeIsNotReadOnEveryRequestButOnceTheRefreshIsDue() throws Exception {
            String id = person(Groups.COORDINATORS);
            LoginSession person = LoginSession.signIn(port, id, PASSWORD);
            assertThat(groups(person)).containsExactly(Groups.COORDINATORS);

            identityService.createMembership(id, Groups.MANAGERS);
            try (EngineStatements sql = EngineStatements.count()) {
                assertThat(groups(person)).as("the session's copy, read at login").containsExactly(Groups.COORDINATORS);
                assertThat(person.get("/engine-rest/task").status()).isEqualTo(200);
                assertThat(person.post("/api/contributions/CT-NONE/suspend", Map.of("reason", "audit")).status()).isEqualTo(403);
                assertThat(sql.takeIdentity()).as("no identity statements within the refresh").isEmpty();

                afterTheRefresh(() -> {
                    assertThat(groups(person)).containsExactlyInAnyOrder(Groups.COORDINATORS, Groups.MANAGERS);
                    assertThat(sql.takeIdentity()).as("the refresh: the user, the groups, the tenants").hasSize(3);
                    assertThat(person.post("/api/contributions/CT-NONE/suspend", Map.of("reason", "audit")).status()).isNotEqualTo(403);
                    assertThat(groups(person)).containsExactlyInAnyOrder(Groups.COORDINATORS, Groups.MANAGERS);
                    assertThat(sql.takeIdentity()).as("read once, then kept again").isEmpty();
                });
            }
        }

        @Test
        void aDeletedUsersSessionEndsOnceTheRefreshIsDue() throws Exception {
            String id = person(Groups.COORDINATORS);
            LoginSession api = LoginSession.signIn(port, id, PASSWORD);
            LoginSession pages = LoginSession.signIn(port, id, PASSWORD);
            LoginSession tasklist = LoginSession.signIn(port, id, PASSWORD);
            assertThat(api.get("/api/experts").status()).isEqualTo(200);
            assertThat(pages.page("/desk/").status()).isNotIn(302, 401, 403);
            assertThat(tasklist.page("/camunda/app/tasklist/default/").status()).isEqualTo(200);

            identityService.deleteUser(id);
            afterTheRefresh(() -> {
                assertThat(api.get("/api/experts").status()).isEqualTo(401);
                assertThat(pages.page("/desk/").redirect()).isEqualTo("/login");
                assertThat(tasklist.page("/camunda/app/tasklist/default/").redirect()).isEqualTo("/login");
                assertThat(api.get("/api/experts").status()).as("the session has ended").isEqualTo(401);
            });
        }

        @Test
        void aCoordinatorTakenOutOfCoordinatorsLosesTasklistsTasksOnceTheRefreshIsDue() throws Exception {
            assertThat(new HttpApi(port).post("/api/dispatch-requests", "coordinator", validRequest()).status()).isEqualTo(201);
            String id = person(Groups.COORDINATORS);
            LoginSession coordinator = LoginSession.signIn(port, id, PASSWORD);
            String webappToken = coordinator.webappCsrfToken("tasklist");
            String count = "/camunda/api/engine/engine/default/task/count";
            assertThat(coordinator.webappCall("GET", count, webappToken, null, null).json().path("count").asLong())
                    .as("Tasklist shows the coordinators' tasks").isPositive();

            identityService.deleteMembership(id, Groups.COORDINATORS);
            afterTheRefresh(() -> {
                Response tasklist = coordinator.webappCall("GET", count, webappToken, null, null);
                assertThat(tasklist.status()).as(tasklist.body()).isEqualTo(200);
                assertThat(tasklist.json().path("count").asLong()).as("Camunda's webapp cache follows the refresh").isZero();
                assertThat(coordinator.get("/engine-rest/task/count").json().path("count").asLong()).isZero();
            });
        }

        private static final String PASSWORD = "refresh-password";

        private String person(String group) {
            String id = "refresh" + System.nanoTime();
            User user = identityService.newUser(id);
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(id, group);
            return id;
        }

        private List<String> groups(LoginSession session) throws Exception {
            Response answer = session.get("/api/session");
            assertThat(answer.status()).isEqualTo(200);
            List<String> groups = new java.util.ArrayList<>();
            answer.json().path("groups").forEach(group -> groups.add(group.asText()));
            return groups;
        }

        /** Runs the checks with the engine's clock just past the refresh from now, then puts the clock back. */
        private void afterTheRefresh(Checks checks) throws Exception {
            Duration refresh = IdentityRefresh.from(environment);
            ClockUtil.setCurrentTime(Date.from(Instant.now().plus(refresh).plusSeconds(1)));
            try {
                checks.run();
            } finally {
                ClockUtil.reset();
            }
        }
    }

    @FunctionalInterface
    interface Checks {
        void run() throws Exception;
    }

    // ---- helpers ----

    private static Map<String, Object> validRequest() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestingBody", "WHO");
        body.put("requesterReference", "GOARN-LOGIN-001");
        body.put("requesterEmail", "goarn@who.example");
        body.put("countryCode", "KH");
        body.put("purpose", "Outbreak investigation support");
        body.put("termsOfReference", "Support the national team with the investigation of an outbreak.");
        body.put("skillsNeeded", "epidemiology");
        body.put("languagesNeeded", "english");
        body.put("startDate", LocalDate.now().plusDays(30).toString());
        body.put("durationDays", 14);
        body.put("estimatedCost", 800000);
        body.put("estimatedCostCurrency", "JPY");
        body.put("fundedBy", "REQUESTER");
        return body;
    }

    private long countRequests() {
        return jdbc.queryForObject("select count(*) from dispatch_request", Long.class);
    }

    private Response basic(String method, String path, String user, String password, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
