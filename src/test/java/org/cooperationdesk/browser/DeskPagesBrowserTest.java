package org.cooperationdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.cooperationdesk.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The office's own pages in the browser: a coordinator finds a request in the list and opens its page, which links
 * its open task into Tasklist. Signed out, the list's address leads through the login page and back.
 */
class DeskPagesBrowserTest extends BrowserTestBase {

    @Test
    void aCoordinatorFindsARequestInTheListAndOpensItsPage() throws Exception {
        String purpose = "Cholera response " + unique();
        Map<String, Object> request = new LinkedHashMap<>(Map.of(
                "requestingBody", "WHO", "requesterReference", "GOARN-BROWSER", "requesterEmail", "goarn@who.example",
                "countryCode", "KH", "purpose", purpose, "termsOfReference", "Support the cholera response.",
                "skillsNeeded", "epidemiology", "startDate", today().plusDays(30).toString(), "durationDays", 21,
                "estimatedCost", 900000));
        request.put("estimatedCostCurrency", "JPY");
        request.put("fundedBy", "REQUESTER");
        HttpApi.Response created = new HttpApi(port).post("/api/dispatch-requests", "coordinator", request);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String reference = created.json().path("reference").asText();

        step("the coordinator searches the list of requests, signing in on the way");
        browser.forgetLogin();
        browser.open(baseUrl() + "/desk/dispatches?q=" + URLEncoder.encode(purpose, StandardCharsets.UTF_8));
        new LoginPage(browser, baseUrl()).signIn("coordinator");
        browser.visible(By.linkText(reference));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Requests and dispatches");
        assertThat(browser.driver().findElement(By.id("dispatches")).getText()).contains(reference, "Cambodia", "Matching");
        screenshot("desk-dispatch-list");

        step("and opens the request's page");
        browser.click(By.linkText(reference));
        browser.waitUntil("the request's page", d -> d.findElement(By.tagName("h1")).getText().startsWith(reference));
        WebElement tasks = browser.visible(By.id("tasks"));
        WebElement match = tasks.findElement(By.linkText("Match expert from roster"));
        assertThat(match.getAttribute("href")).contains("/camunda/app/tasklist/default/#/?task=");
        assertThat(browser.driver().findElement(By.id("documents")).getText()).contains("There are no documents yet");
        screenshot("desk-dispatch-record");
    }

    @Autowired
    IdentityService identityService;

    /** Every list, and a record of each kind the demo has, opens in the browser; none of them is an error page. */
    @Test
    void aManagerWalksThroughEveryListAndOpensARecordOfEach() {
        browser.forgetLogin();
        browser.open(baseUrl() + "/desk");
        new LoginPage(browser, baseUrl()).signIn("manager");
        java.util.List<String> opened = new java.util.ArrayList<>();
        for (String list : java.util.List.of("/desk/dispatches", "/desk/experts", "/desk/courses", "/desk/meetings",
                "/desk/people", "/desk/partners?show=organisations", "/desk/partners?show=countries", "/desk/contributions")) {
            step("the list " + list);
            browser.open(baseUrl() + list);
            String heading = browser.visible(By.tagName("h1")).getText();
            assertThat(heading).as(list).isNotBlank();
            assertThat(browser.driver().findElements(By.cssSelector("main.problem"))).as("an error page at " + list).isEmpty();
            java.util.List<WebElement> records = browser.driver().findElements(By.cssSelector("table.records tbody td a"));
            if (!records.isEmpty()) {
                String address = records.get(0).getAttribute("href");
                browser.open(address);
                assertThat(browser.visible(By.tagName("h1")).getText()).as(address).isNotBlank();
                assertThat(browser.driver().findElements(By.cssSelector("main.problem"))).as("an error page at " + address).isEmpty();
                opened.add(list);
            }
        }
        // The demo's roster, its people and the partners are always there: a list that lost its rows fails here.
        assertThat(opened).contains("/desk/experts", "/desk/people", "/desk/partners?show=organisations",
                "/desk/partners?show=countries");
        assertThat(browser.driver().getPageSource()).doesNotContain("Whitelabel", "Exception");
    }

    /** Someone signed in without an office role reads why a page is not for them, inside the desk's frame. */
    @Test
    void aUserWithoutAnOfficeRoleGetsAPageSayingWhy() {
        String id = "visitor" + unique().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        User visitor = identityService.newUser(id);
        visitor.setFirstName("Visiting");
        visitor.setLastName("Auditor");
        visitor.setPassword(id);
        identityService.saveUser(visitor);
        try {
            browser.forgetLogin();
            browser.open(baseUrl() + "/desk/dispatches");
            new LoginPage(browser, baseUrl()).signIn(id);
            WebElement problem = browser.visible(By.cssSelector("main.error-403"));
            assertThat(problem.findElement(By.tagName("h1")).getText()).isEqualTo("Not for your role");
            assertThat(problem.getText()).contains("ask an administrator");
            screenshot("desk-role-refused");
        } finally {
            identityService.deleteUser(id);
        }
    }
}
