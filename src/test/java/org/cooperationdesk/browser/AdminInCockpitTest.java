package org.cooperationdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.cooperationdesk.dispatch.DispatchVariables;
import org.cooperationdesk.dispatch.ExpertDispatchProcess;
import org.cooperationdesk.training.TraineeInvitationProcess;
import org.cooperationdesk.training.TrainingVariables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An admin in Cockpit: finds the running instance of each process, sees the incident a mail server outage
 * leaves on an expert dispatch, retries it from Cockpit once the server is back, and the mail goes out.
 * The instances are set up through the engine; the admin's part is all in the browser.
 */
class AdminInCockpitTest extends BrowserTestBase {

    @AfterEach
    void mailServerBack() {
        mailSink.start();
    }

    @Test
    void adminFindsEachProcessesInstanceAndRetriesTheIncidentOfAMailOutage() {
        step("a running trainee invitation and a running expert dispatch");
        ProcessInstance course = openCourse("Social Protection Floors " + unique());
        openTask(course.getId(), TraineeInvitationProcess.TASK_RECORD_NOMINATION); // its announcements have gone out
        ProcessInstance dispatch = requestExpert("GOARN-" + unique());
        Task match = openTask(dispatch.getId(), ExpertDispatchProcess.TASK_MATCH_EXPERT);

        step("the admin finds both in Cockpit");
        CockpitPage cockpit = cockpit().login("admin");
        cockpit.openProcesses();
        assertThat(cockpit.processNames()).contains("Expert dispatch", "Trainee invitation");
        cockpit.openProcess("Trainee invitation");
        assertThat(cockpit.waitForInstanceRow(course.getBusinessKey())).contains(course.getId());
        cockpit.openProcesses().openProcess("Expert dispatch");
        assertThat(cockpit.waitForInstanceRow(dispatch.getBusinessKey())).contains(dispatch.getId());

        step("the mail server fails while the expert's offer is sent");
        mailSink.stop();
        SpinJsonNode candidates = (SpinJsonNode) runtimeService.getVariable(dispatch.getId(), DispatchVariables.EXPERT_CANDIDATES);
        String expertId = candidates.elements().get(0).prop("value").stringValue();
        taskService.complete(match.getId(), Map.of(DispatchVariables.MATCH_OUTCOME, DispatchVariables.SELECTED,
                DispatchVariables.EXPERT_ID, expertId));
        Incident incident = eventually("the offer's incident", () -> runtimeService.createIncidentQuery()
                .processInstanceId(dispatch.getId()).singleResult());
        assertThat(incident.getActivityId()).isEqualTo(ExpertDispatchProcess.TASK_SEND_OFFER);

        step("the admin sees the incident on the instance");
        cockpit.openInstance(dispatch.getId());
        assertThat(cockpit.instanceBusinessKey()).isEqualTo(dispatch.getBusinessKey());
        cockpit.openIncidentsTab().waitForIncident("Could not send 'Mission offer " + dispatch.getBusinessKey());
        List<String> incidents = cockpit.incidents();
        assertThat(incidents).singleElement().asString()
                .contains("Send offer to expert").contains("Failed Job");
        cockpit.zoomDiagram(dispatch.getId(), "Definitions_ExpertDispatchProcess", 100, 60, 1900, 760)
                .waitForIncident("Could not send 'Mission offer " + dispatch.getBusinessKey());
        screenshot("cockpit-incident-mail-outage", 1000);

        step("the server is back; the admin retries the incident");
        mailSink.start();
        String expertEmail = jdbc.sql("select email from person where id = ?").param(Long.valueOf(expertId))
                .query(String.class).single();
        assertThat(subjectsOfMailsTo(expertEmail)).isEmpty();
        assertThat(cockpit.retryIncident()).contains("incremented successfully");
        cockpit.waitUntilNoIncidents();
        screenshot("cockpit-incident-retried", 1000);

        step("the mail went out once and the dispatch goes on");
        assertThat(waitForMailsTo(expertEmail, 1)).singleElement().asString()
                .startsWith("Mission offer " + dispatch.getBusinessKey());
        openTask(dispatch.getId(), ExpertDispatchProcess.TASK_RECORD_EXPERT_ANSWER);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(dispatch.getId()).count()).isZero();
    }

    private ProcessInstance requestExpert(String requesterReference) {
        Map<String, Object> variables = new HashMap<>(Map.ofEntries(
                Map.entry(DispatchVariables.REQUESTING_BODY, "WHO"),
                Map.entry(DispatchVariables.REQUESTER_REFERENCE, requesterReference),
                Map.entry(DispatchVariables.REQUESTER_EMAIL, "goarn@who.example"),
                Map.entry(DispatchVariables.COUNTRY_CODE, "LA"),
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
        return instanceWith(ExpertDispatchProcess.PROCESS_KEY, DispatchVariables.REQUESTER_REFERENCE, requesterReference);
    }

    private ProcessInstance openCourse(String title) {
        LocalDate start = today().plusDays(60);
        Map<String, Object> variables = new HashMap<>(Map.ofEntries(
                Map.entry(TrainingVariables.TITLE, title),
                Map.entry(TrainingVariables.PLACE, "Tokyo"),
                Map.entry(TrainingVariables.START_DATE, start.toString()),
                Map.entry(TrainingVariables.END_DATE, start.plusDays(20).toString()),
                Map.entry(TrainingVariables.CAPACITY, 4),
                Map.entry(TrainingVariables.QUOTA_PER_COUNTRY, 2),
                Map.entry(TrainingVariables.MIN_EXPERIENCE_YEARS, 3),
                Map.entry(TrainingVariables.MAX_AGE, 45),
                Map.entry(TrainingVariables.LANGUAGE, "english"),
                Map.entry(TrainingVariables.ALSO_INVITED, List.of("TH")),
                Map.entry(TrainingVariables.NOMINATION_DEADLINE, today().plusDays(30).toString())));
        runtimeService.startProcessInstanceByKey(TraineeInvitationProcess.PROCESS_KEY, variables);
        return instanceWith(TraineeInvitationProcess.PROCESS_KEY, TrainingVariables.TITLE, title);
    }
}
