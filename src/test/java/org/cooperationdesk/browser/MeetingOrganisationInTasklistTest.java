package org.cooperationdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cooperationdesk.meeting.MeetingOrganisationProcess.*;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cooperationdesk.meeting.MeetingVariables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The meeting organisation as its users do it in Tasklist: a coordinator plans a workshop on the start form
 * and each invited government gets its invitation; the coordinator records Cambodia's delegation and Lao
 * PDR's refusal, registers the Cambodian delegation (funded, visa letters), drafts the agenda while the field
 * visit is arranged; a manager approves the agenda; after the meeting the coordinator records who attended
 * and drafts the chair's summary, the manager approves it and the delegates who attended receive it. When every
 * government declines, a manager decides in Tasklist to postpone or cancel the meeting.
 */
class MeetingOrganisationInTasklistTest extends BrowserTestBase {

    private static final String CAMBODIA = "international-cooperation@kh.gov.example";
    private static final String LAO = "international-cooperation@la.gov.example";

    @Autowired
    private HistoryService historyService;

    @Test
    void coordinatorOrganisesAWorkshopManagerApprovesAgendaAndChairsSummary() {
        String title = "ASEAN/Japan HIV/AIDS Workshop " + unique();
        LocalDate starts = today().plusDays(60);
        step("log in as coordinator");
        TasklistPage tasklist = tasklist().login("coordinator");

        step("the meeting plan (start form)");
        fillPlan(tasklist, title, starts)
                .checkbox("A field visit is planned", true)
                .text("Field visit site (when planned)", "National Center for HIV/AIDS, Phnom Penh");
        screenshot("meeting-organisation-start-form");
        ProcessInstance instance = startPlannedMeeting(tasklist, title);
        String reference = instance.getBusinessKey();

        step("each invited government gets the invitation");
        waitForInvitations(title, reference);

        step("Cambodia names its delegation");
        tasklist.selectFilter("Coordination");
        Task cambodia = countryTask(instance, TASK_RECORD_DELEGATION, "KH");
        tasklist.openTaskFromList(cambodia.getId(), "Record delegation").claim();
        CamundaFormPage delegation = tasklist.taskForm().waitUntilRendered("Answer");
        assertThat(delegation.value("Meeting")).isEqualTo(reference);
        assertThat(delegation.value("Country")).isEqualTo("Cambodia");
        LocalDate passportExpiry = today().plusYears(4);
        delegation.radio("Answer", "Delegation named")
                .text("Head of delegation", "Sok Chenda")
                .text("Head's e-mail", "sok.chenda@moh.kh.example")
                .text("Head's passport number", "KH100200")
                .date("Head's passport expires", passportExpiry)
                .text("Second delegate", "Heng Vanna")
                .text("Second delegate's e-mail", "heng.vanna@moh.kh.example")
                .text("Second delegate's passport number", "KH100201")
                .date("Second delegate's passport expires", passportExpiry);
        screenshot("meeting-organisation-record-delegation");
        tasklist.complete();
        waitUntilCompleted(cambodia);

        step("Lao PDR declines, with its reason");
        recordDecline(tasklist, instance, "LA", "National assembly session in the same week");
        assertThat(invitationStatus(reference, "LA")).isEqualTo("DECLINED");

        step("the Cambodian delegation is registered: funded, with visa support letters");
        Task registration = openTask(instance.getId(), TASK_REGISTER_DELEGATION);
        tasklist.openTaskFromList(registration.getId(), "Register delegation: funding, hotel, travel").claim();
        tasklist.taskForm().waitUntilRendered("Funding")
                .radio("Funding", "Funded by the ministry (hotel and travel booked by us)")
                .text("Hotel booking (funded delegations)", "Hotel Cambodiana, 2 rooms")
                .text("Flights (funded delegations)", "None: the delegation travels within Phnom Penh")
                .checkbox("Visa support letters are needed", true);
        tasklist.complete();
        waitUntilCompleted(registration);
        eventually("visa support letter", () -> subjectsOfMailsTo(CAMBODIA).stream()
                .anyMatch(subject -> subject.startsWith("Visa support letter: " + title)));
        assertThat(bodyOfMailTo(CAMBODIA, "Visa support letter: " + title)).contains("Sok Chenda, passport KH100200");
        eventually("list frozen", () -> Boolean.TRUE.equals(jdbc.sql("select list_frozen from meeting where reference = ?")
                .param(reference).query(Boolean.class).single()));

        step("the agenda is drafted while the field visit is arranged");
        Task agenda = openTask(instance.getId(), TASK_DRAFT_AGENDA);
        tasklist.openTaskFromList(agenda.getId(), "Draft agenda").claim();
        tasklist.taskForm().waitUntilRendered("Agenda").textarea("Agenda",
                "Day 1: country reports\nDay 2: community-based testing\nDay 3: field visit");
        tasklist.complete();
        waitUntilCompleted(agenda);

        Task permission = openTask(instance.getId(), TASK_OBTAIN_SITE_PERMISSION);
        tasklist.openTaskFromList(permission.getId(), "Obtain site permission").claim();
        CamundaFormPage permissionForm = tasklist.taskForm().waitUntilRendered("Permission reference");
        assertThat(permissionForm.value("Site")).isEqualTo("National Center for HIV/AIDS, Phnom Penh");
        permissionForm.text("Permission reference", "MOH-KH-2026-55").date("Visit date", starts.plusDays(2));
        tasklist.complete();
        waitUntilCompleted(permission);

        Task transport = openTask(instance.getId(), TASK_ARRANGE_TRANSPORT);
        tasklist.openTaskFromList(transport.getId(), "Arrange transport").claim();
        tasklist.taskForm().waitUntilRendered("Transport (operator, vehicles, departure point)")
                .text("Transport (operator, vehicles, departure point)", "Two minibuses from the hotel, 08:00");
        tasklist.complete();
        waitUntilCompleted(transport);

        step("the manager reads the agenda and approves it");
        Task agendaApproval = openTask(instance.getId(), TASK_APPROVE_AGENDA);
        tasklist.login("manager").selectFilter("Approvals").openTaskFromList(agendaApproval.getId(), "Approve agenda").claim();
        CamundaFormPage agendaForm = tasklist.taskForm().waitUntilRendered("Decision");
        assertThat(agendaForm.value("Meeting")).isEqualTo(reference);
        assertThat(agendaForm.value("Meeting title")).isEqualTo(title);
        assertThat(agendaForm.date("Starts")).isEqualTo(starts);
        assertThat(agendaForm.value("Agenda")).contains("Day 2: community-based testing");
        agendaForm.radio("Decision", "Approve the agenda");
        screenshot("meeting-organisation-manager-approves-agenda");
        tasklist.complete();
        waitUntilCompleted(agendaApproval);

        step("after the meeting: attendance and the chair's summary");
        Task attendance = openTask(instance.getId(), TASK_RECORD_ATTENDANCE);
        tasklist.login("coordinator").selectFilter("Coordination")
                .openTaskFromList(attendance.getId(), "Record attendance").claim();
        CamundaFormPage attendanceForm = tasklist.taskForm().waitUntilRendered("Delegates who attended");
        assertThat(attendanceForm.choices("Delegates who attended")).as("the registered delegates, never the declined country's")
                .containsExactly("Sok Chenda (Cambodia, head of delegation)", "Heng Vanna (Cambodia)");
        attendanceForm.checklist("Delegates who attended", "Sok Chenda (Cambodia, head of delegation)");
        tasklist.complete();
        waitUntilCompleted(attendance);

        Task minutes = openTask(instance.getId(), TASK_DRAFT_MINUTES);
        tasklist.openTaskFromList(minutes.getId(), "Draft chair's summary").claim();
        tasklist.taskForm().waitUntilRendered("Chair's summary")
                .textarea("Chair's summary", "Delegates shared progress on community-based prevention.")
                .textarea("Recommendations", "Strengthen community-based testing.");
        tasklist.complete();
        waitUntilCompleted(minutes);

        step("the manager approves the chair's summary and the delegates who attended receive it");
        Task summaryApproval = openTask(instance.getId(), TASK_APPROVE_MINUTES);
        tasklist.login("manager").selectFilter("Approvals")
                .openTaskFromList(summaryApproval.getId(), "Approve chair's summary").claim();
        CamundaFormPage summaryForm = tasklist.taskForm().waitUntilRendered("Decision");
        assertThat(summaryForm.value("Recommendations")).isEqualTo("Strengthen community-based testing.");
        summaryForm.radio("Decision", "Approve and send");
        tasklist.complete();
        waitUntilCompleted(summaryApproval);

        eventually("chair's summary to the head of delegation", () -> subjectsOfMailsTo("sok.chenda@moh.kh.example")
                .contains("Chair's summary: " + title + " (" + reference + ")"));
        assertThat(bodyOfMailTo("sok.chenda@moh.kh.example", "Chair's summary")).contains("Strengthen community-based testing.");
        eventually("meeting closed", () -> "CLOSED".equals(jdbc.sql("select status from meeting where reference = ?")
                .param(reference).query(String.class).single()));
        assertThat(subjectsOfMailsTo("heng.vanna@moh.kh.example")).noneMatch(subject -> subject.startsWith("Chair's summary"));
        assertThat(jdbc.sql("select kind || ':' || outcome || ':' || decided_by from decision where subject_ref = ? order by id")
                .param(reference).query(String.class).list())
                .containsExactly("agenda:approved:manager", "chair's summary:approved:manager");
    }

    @Test
    void everyGovernmentDeclinesAndAManagerCancelsTheMeetingWithAReason() {
        String title = "Regional Forum on Labour Migration " + unique();
        String reason = "Both invited governments declined; the forum is merged into next year's workshop.";
        step("log in as coordinator");
        TasklistPage tasklist = tasklist().login("coordinator");

        step("a meeting inviting two governments (start form)");
        fillPlan(tasklist, title, today().plusDays(60));
        ProcessInstance instance = startPlannedMeeting(tasklist, title);
        String reference = instance.getBusinessKey();
        waitForInvitations(title, reference);

        step("the coordinator records both governments' declines with their reasons");
        tasklist.selectFilter("Coordination");
        recordDecline(tasklist, instance, "KH", "Ministerial elections in the same month");
        recordDecline(tasklist, instance, "LA", "National assembly session in the same week");

        step("the manager finds the decision under Approvals and reads the governments' answers");
        Task decision = openTask(instance.getId(), TASK_DECIDE_ON_MEETING_WITHOUT_DELEGATES);
        tasklist.login("manager").selectFilter("Approvals")
                .openTaskFromList(decision.getId(), "Decide on meeting without delegates").claim();
        CamundaFormPage form = tasklist.taskForm().waitUntilRendered("Decision");
        assertThat(form.value("Meeting")).isEqualTo(reference);
        assertThat(form.value("Meeting title")).isEqualTo(title);
        assertThat(form.value("Governments' answers"))
                .contains("Cambodia: declined (Ministerial elections in the same month)")
                .contains("Lao PDR: declined (National assembly session in the same week)");

        step("the manager cancels the meeting with its reason, and every government is told");
        form.radio("Decision", "Cancel the meeting").textarea("Reason for cancelling", reason);
        screenshot("meeting-organisation-decide-without-delegates");
        tasklist.complete();
        waitUntilCompleted(decision);
        String cancelled = "Cancelled: " + title + " (" + reference + ")";
        for (String government : new String[] {CAMBODIA, LAO}) {
            eventually("cancellation to " + government, () -> subjectsOfMailsTo(government).contains(cancelled));
            assertThat(bodyOfMailTo(government, cancelled)).contains(reason);
        }
        assertThat(jdbc.sql("select status || ':' || cancellation_reason from meeting where reference = ?").param(reference)
                .query(String.class).single()).isEqualTo("CANCELLED:" + reason);
        assertThat(jdbc.sql("select kind || ':' || outcome || ':' || decided_by from decision where subject_ref = ?")
                .param(reference).query(String.class).list()).contains("meeting without delegates:cancelled:manager");
        assertThat(eventually("the meeting's instance ended", () -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).finished().singleResult()).getEndActivityId())
                .isEqualTo(END_EVENT_MEETING_CANCELLED_WITHOUT_DELEGATES);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_DRAFT_AGENDA).count()).as("no agenda was ever asked for").isZero();
    }

    /** Fills the meeting plan for Cambodia and Lao PDR; the caller adds a field visit when it wants one. */
    private CamundaFormPage fillPlan(TasklistPage tasklist, String title, LocalDate starts) {
        CamundaFormPage plan = tasklist.startProcess("Meeting organisation").waitUntilRendered("Meeting title");
        plan.text("Meeting title", title)
                .text("Theme", "Community-based prevention and care")
                .select("Kind", "Workshop")
                .date("Starts", starts)
                .date("Ends", starts.plusDays(4))
                .text("Venue", "Phnom Penh, Hotel Cambodiana")
                .select("Host country", "Cambodia")
                .taglist("Co-organisers", "ASEAN Secretariat", "World Health Organization (GOARN)")
                .number("Budget", 12_000_000);
        assertThat(plan.selected("Currency")).as("the form's default currency").isEqualTo("JPY: Yen");
        assertThat(plan.selected("Invite a group of countries")).as("the form's default group").isEqualTo("ASEAN (10 countries)");
        return plan.clear("Invite a group of countries") // only the two countries added are invited
                .taglist("Also invite", "Cambodia", "Lao PDR")
                .number("Delegates per country (including the head)", 2)
                .date("Nomination deadline", today().plusDays(30));
    }

    private ProcessInstance startPlannedMeeting(TasklistPage tasklist, String title) {
        tasklist.submitStartForm();
        tasklist.waitForNotification("The process has been started");
        ProcessInstance instance = instanceWith(PROCESS_KEY, MeetingVariables.TITLE, title);
        assertThat(instance.getBusinessKey()).matches("MT-\\d{4}-\\d{4}");
        return instance;
    }

    /** Other journeys write to the same governments: looks for this meeting's invitations. */
    private void waitForInvitations(String title, String reference) {
        for (String government : new String[] {CAMBODIA, LAO}) {
            eventually("invitation to " + government, () -> subjectsOfMailsTo(government).stream()
                    .anyMatch(subject -> subject.startsWith("Invitation: " + title) && subject.endsWith("(" + reference + ")")));
        }
        assertThat(jdbc.sql("select i.country_code from meeting_invitation i join meeting m on m.id = i.meeting_id "
                + "where m.reference = ? order by i.country_code").param(reference).query(String.class).list())
                .as("exactly the countries added, none of the group cleared").containsExactly("KH", "LA");
    }

    private void recordDecline(TasklistPage tasklist, ProcessInstance instance, String country, String reason) {
        Task task = countryTask(instance, TASK_RECORD_DELEGATION, country);
        tasklist.openTaskFromList(task.getId(), "Record delegation").claim();
        tasklist.taskForm().waitUntilRendered("Answer").radio("Answer", "The government declines")
                .text("Reason for declining", reason);
        tasklist.complete();
        waitUntilCompleted(task);
    }

    private Task countryTask(ProcessInstance instance, String taskKey, String country) {
        return eventually(taskKey + " for " + country, () -> {
            List<Task> tasks = openTasks(instance.getId(), taskKey);
            return tasks.stream().filter(task -> country.equals(taskService.getVariable(task.getId(), MeetingVariables.COUNTRY_CODE)))
                    .findFirst().orElse(null);
        });
    }

    private String invitationStatus(String reference, String country) {
        return jdbc.sql("select i.status from meeting_invitation i join meeting m on m.id = i.meeting_id "
                + "where m.reference = ? and i.country_code = ?").param(reference).param(country).query(String.class).single();
    }
}
