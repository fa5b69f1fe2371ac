package org.cooperationdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.cooperationdesk.dispatch.DispatchVariables;
import org.cooperationdesk.dispatch.ExpertDispatchProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tasklist that reads at a glance: a manager tells two "Approve release" tasks apart on their cards (the request's
 * reference, the country by name, the due date) without opening them; every webapp shows the office's name and logo
 * and no banner about Camunda 8. The dispatches are set up through the engine; what is checked is what a person sees.
 */
class TasklistAtAGlanceBrowserTest extends BrowserTestBase {

    private final List<ProcessInstance> dispatches = new ArrayList<>();
    private final List<String> offeredExperts = new ArrayList<>();

    @AfterEach
    void withdrawTheDispatches() {
        dispatches.forEach(dispatch -> {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(dispatch.getId()).count() == 1) {
                runtimeService.deleteProcessInstance(dispatch.getId(), "test finished", true, true);
            }
        });
        offeredExperts.forEach(expert -> jdbc.sql("update expert set availability = 'AVAILABLE', available_from = null"
                + " where person_id = ?").param(Long.valueOf(expert)).update());
    }

    @Test
    void aManagerTellsTwoReleaseApprovalsApartByReferenceAndCountry() {
        step("two dispatches, to Cambodia and to Viet Nam, wait for a manager's release");
        ProcessInstance cambodia = dispatchAwaitingRelease("KH");
        ProcessInstance vietNam = dispatchAwaitingRelease("VN");
        Task cambodiasRelease = openTask(cambodia.getId(), ExpertDispatchProcess.TASK_APPROVE_RELEASE);
        Task vietNamsRelease = openTask(vietNam.getId(), ExpertDispatchProcess.TASK_APPROVE_RELEASE);

        step("the manager's Approvals filter");
        TasklistPage tasklist = tasklist().login("manager").selectFilter("Approvals");
        tasklist.waitForTaskInList(cambodiasRelease.getId()).waitForTaskInList(vietNamsRelease.getId());
        Map<String, String> first = browser.waitUntil("the card of Cambodia's release with its values",
                d -> withValues(tasklist.card(cambodiasRelease.getId())));
        Map<String, String> second = browser.waitUntil("the card of Viet Nam's release with its values",
                d -> withValues(tasklist.card(vietNamsRelease.getId())));
        new org.openqa.selenium.interactions.Actions(browser.driver()) // no tooltip of the filter just clicked
                .moveToElement(browser.driver().findElement(org.openqa.selenium.By.cssSelector("footer"))).perform();
        screenshot("tasklist-approvals-at-a-glance");

        assertThat(first).containsEntry("Reference", cambodia.getBusinessKey()).containsEntry("Country", "Cambodia");
        assertThat(second).containsEntry("Reference", vietNam.getBusinessKey()).containsEntry("Country", "Viet Nam");
        assertThat(first.get("Reference")).isNotEqualTo(second.get("Reference"));
        assertThat(first.get("Due")).as("the escalation after 3 days is the release's deadline").isEqualTo("Due in 3 days");
        assertThat(second.get("Due")).isEqualTo("Due in 3 days");

        step("no banner about Camunda 8; the office's name and logo");
        assertThat(tasklist.showsCamunda8Banner()).isFalse();
        assertThat(tasklist.gapBelowHeader(".page-wrap")).as("no room left for the hidden banner").isZero();
        assertThat(tasklist.brandName()).isEqualTo("Cooperation Desk Tasklist");
        assertThat(browser.driver().getTitle()).isEqualTo("Cooperation Desk Tasklist");
        assertTheOfficesLogo(tasklist.logoAddress());
    }

    @Test
    void cockpitAdminAndWelcomeShowTheOfficesNameAndLogoAndNoCamunda8Banner() {
        step("Cockpit");
        CockpitPage cockpit = cockpit().login("admin");
        assertThat(cockpit.brandName()).isEqualTo("Cooperation Desk Cockpit");
        assertThat(cockpit.showsCamunda8Banner()).isFalse();
        assertThat(cockpit.gapBelowHeader(".ctn-main")).isZero();
        assertTheOfficesLogo(cockpit.logoAddress());
        screenshot("cockpit-cooperation-desk", 800);

        step("Admin, in the same session");
        AdminPage admin = admin();
        browser.open(admin.url());
        assertThat(admin.brandName()).isEqualTo("Cooperation Desk Admin");
        assertThat(admin.showsCamunda8Banner()).isFalse();
        assertTheOfficesLogo(admin.logoAddress());

        step("Welcome, in the same session");
        CamundaWebappPage welcome = new CamundaWebappPage(browser, baseUrl()) {
            @Override
            String app() {
                return "welcome";
            }
        };
        browser.open(welcome.url());
        assertThat(welcome.brandName()).isEqualTo("Cooperation Desk Welcome");
        assertThat(welcome.showsCamunda8Banner()).isFalse();
        assertTheOfficesLogo(welcome.logoAddress());
        screenshot("welcome-cooperation-desk", 800);
    }

    // ------------------------------------------------------------------ set-up through the engine

    /** A request for an expert in this country, matched, offered and accepted: waiting for the manager's release. */
    private ProcessInstance dispatchAwaitingRelease(String countryCode) {
        String requesterReference = "GOARN-" + unique();
        Map<String, Object> variables = new HashMap<>(Map.ofEntries(
                Map.entry(DispatchVariables.REQUESTING_BODY, "WHO"),
                Map.entry(DispatchVariables.REQUESTER_REFERENCE, requesterReference),
                Map.entry(DispatchVariables.REQUESTER_EMAIL, "goarn@who.example"),
                Map.entry(DispatchVariables.COUNTRY_CODE, countryCode),
                Map.entry(DispatchVariables.PURPOSE, "Dengue outbreak response"),
                Map.entry(DispatchVariables.TERMS_OF_REFERENCE, "Support vector surveillance."),
                Map.entry(DispatchVariables.SKILLS_NEEDED, "epidemiology, surveillance"),
                Map.entry(DispatchVariables.LANGUAGES_NEEDED, "english"),
                Map.entry(DispatchVariables.START_DATE, today().plusDays(15).toString()),
                Map.entry(DispatchVariables.DURATION_DAYS, 14),
                Map.entry(DispatchVariables.ESTIMATED_COST, 900_000),
                Map.entry(DispatchVariables.ESTIMATED_COST_CURRENCY, "JPY"),
                Map.entry(DispatchVariables.FUNDED_BY, "REQUESTER")));
        runtimeService.startProcessInstanceByKey(ExpertDispatchProcess.PROCESS_KEY, variables);
        ProcessInstance dispatch = instanceWith(ExpertDispatchProcess.PROCESS_KEY, DispatchVariables.REQUESTER_REFERENCE,
                requesterReference);
        dispatches.add(dispatch);

        Task match = openTask(dispatch.getId(), ExpertDispatchProcess.TASK_MATCH_EXPERT);
        SpinJsonNode candidates = (SpinJsonNode) runtimeService.getVariable(dispatch.getId(), DispatchVariables.EXPERT_CANDIDATES);
        for (SpinJsonNode candidate : candidates.elements()) { // one offered for the other dispatch a moment ago is refused
            String expertId = candidate.prop("value").stringValue();
            try {
                taskService.complete(match.getId(), Map.of(DispatchVariables.MATCH_OUTCOME, DispatchVariables.SELECTED,
                        DispatchVariables.EXPERT_ID, expertId));
                offeredExperts.add(expertId);
                break;
            } catch (RuntimeException taken) {
                // the next candidate
            }
        }
        Task answer = openTask(dispatch.getId(), ExpertDispatchProcess.TASK_RECORD_EXPERT_ANSWER);
        taskService.complete(answer.getId(), Map.of(DispatchVariables.EXPERT_ANSWER, "accepted"));
        return dispatch;
    }

    private static Map<String, String> withValues(Map<String, String> card) {
        return card != null && card.containsKey("Reference") && card.containsKey("Country") ? card : null;
    }

    /** The header shows the office's logo, and the browser loads it from that address. */
    private void assertTheOfficesLogo(String address) {
        assertThat(address).as("the header's logo").endsWith("/camunda/assets/cooperation-desk/logo.svg");
        @SuppressWarnings("unchecked")
        List<Object> response = (List<Object>) browser.js("""
                const request = new XMLHttpRequest();
                request.open('GET', arguments[0], false);
                request.send();
                return [request.status, request.getResponseHeader('Content-Type'), request.responseText];
                """, address);
        assertThat(((Number) response.get(0)).intValue()).isEqualTo(200);
        assertThat((String) response.get(1)).startsWith("image/svg+xml");
        assertThat((String) response.get(2)).contains("<svg").contains("Cooperation Desk");
    }
}
