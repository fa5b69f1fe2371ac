package org.cooperationdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.cooperationdesk.HttpApi;
import org.cooperationdesk.dispatch.ExpertDispatchProcess;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * One login in the browser: a person signs in once on the office's login page and opens Tasklist, Cockpit, Admin and
 * the demo mailbox without signing in again; one "Sign out" (Tasklist's own) ends them all; a link into Tasklist
 * survives the detour through the login page; the roles of today stay (a coordinator is refused Cockpit).
 */
class OneLoginBrowserTest extends BrowserTestBase {

    private static final By SIGN_OUT_MENU = By.cssSelector("li.account a.dropdown-toggle");
    private static final By SIGN_OUT = By.cssSelector("li.account li.logout a");

    @Test
    void anAdminSignsInOnceForEveryApplicationAndSignsOutOnce() {
        LoginPage login = new LoginPage(browser, baseUrl());
        TasklistPage tasklist = tasklist();
        CockpitPage cockpit = cockpit();
        AdminPage admin = admin();

        step("signed out, the admin opens Tasklist and lands on the login page");
        browser.forgetLogin();
        browser.open(tasklist.url());
        login.waitUntilShown();
        screenshot("login", 800);
        login.signIn("admin");
        tasklist.waitUntilLoggedIn("admin");
        browser.waitUntil("Tasklist's filters", Browser.LOAD_TIMEOUT, d -> !tasklist.filterNames().isEmpty());

        step("Cockpit, Admin and the mailbox open without signing in again");
        browser.open(cockpit.url());
        browser.waitUntil("Cockpit's dashboard", Browser.LOAD_TIMEOUT, d -> cockpit.showsDashboard());
        assertThat(admin.users()).contains("admin", "coordinator", "manager");
        browser.open(baseUrl() + "/mailbox.html");
        browser.waitUntil("the mailbox, signed in", d -> browser.driver().findElement(By.id("user")).getText().equals("admin")
                && List.of("running", "down").contains(browser.driver().findElement(By.id("state")).getText()));
        assertThat(login.isShown()).isFalse();

        step("Sign out in Tasklist's header");
        browser.open(tasklist.url());
        browser.waitUntil("Tasklist's filters", Browser.LOAD_TIMEOUT, d -> !tasklist.filterNames().isEmpty());
        browser.click(SIGN_OUT_MENU);
        browser.click(SIGN_OUT);
        login.waitUntilShown();

        step("every application asks to sign in again");
        for (String page : List.of(tasklist.url(), cockpit.url(), admin.url(), baseUrl() + "/mailbox.html")) {
            browser.open(page);
            login.waitUntilShown();
        }
        assertThat(browser.driver().findElements(By.cssSelector("[cam-tasklist-filters]"))).isEmpty();
    }

    @Test
    void theMailboxSignsOutOfEverythingToo() {
        LoginPage login = new LoginPage(browser, baseUrl());
        tasklist().login("manager");

        browser.open(baseUrl() + "/mailbox.html");
        browser.waitUntil("the mailbox, signed in", d -> browser.driver().findElement(By.id("user")).getText().equals("manager"));
        browser.click(By.cssSelector("form.session button[type='submit']"));

        login.waitUntilShown();
        assertThat(login.message()).contains("You have signed out");
        browser.open(tasklist().url());
        login.waitUntilShown();
    }

    @Test
    void aLinkToATaskOpensThatTaskAfterSigningIn() throws Exception {
        Map<String, Object> request = new java.util.LinkedHashMap<>();
        request.put("requestingBody", "WHO");
        request.put("requesterReference", "GOARN-LINK-" + unique());
        request.put("requesterEmail", "goarn@who.example");
        request.put("countryCode", "LA");
        request.put("purpose", "Outbreak response");
        request.put("termsOfReference", "Support the national response team.");
        request.put("skillsNeeded", "epidemiology");
        request.put("languagesNeeded", "english");
        request.put("startDate", today().plusDays(30).toString());
        request.put("durationDays", 14);
        request.put("estimatedCost", 800000);
        request.put("estimatedCostCurrency", "JPY");
        request.put("fundedBy", "REQUESTER");
        HttpApi.Response created = new HttpApi(port).post("/api/dispatch-requests", "coordinator", request);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Task match = openTask(created.json().path("processInstanceId").asText(), ExpertDispatchProcess.TASK_MATCH_EXPERT);
        TasklistPage tasklist = tasklist();

        step("signed out, the coordinator follows a link to the task (as in a mail)");
        browser.forgetLogin();
        tasklist.openTaskByUrl(match.getId());
        new LoginPage(browser, baseUrl()).signIn("coordinator");

        browser.waitUntil("the task, after signing in", Browser.LOAD_TIMEOUT, d -> tasklist.showsTask("Match expert from roster"));
        assertThat(browser.driver().getCurrentUrl()).contains("task=" + match.getId());
    }

    @Test
    void aCoordinatorSignedInOnceIsStillRefusedCockpit() {
        TasklistPage tasklist = tasklist().login("coordinator");
        CockpitPage cockpit = cockpit();

        browser.open(cockpit.url());

        browser.waitUntil("Cockpit refused", d -> cockpit.bodyText().contains("Cockpit is for administrators"));
        assertThat(cockpit.showsDashboard()).isFalse();
        browser.click(By.linkText("Go to Tasklist"));
        browser.waitUntil("back in Tasklist without signing in", Browser.LOAD_TIMEOUT,
                d -> tasklist.filterNames().contains("Coordination"));
    }
}
