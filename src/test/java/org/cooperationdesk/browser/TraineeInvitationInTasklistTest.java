package org.cooperationdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cooperationdesk.training.TraineeInvitationProcess.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cooperationdesk.language.Language;
import org.cooperationdesk.language.LanguageFormats;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The trainee invitation as its users do it in Tasklist: a coordinator opens a course on its start form
 * (the invited governments added one by one), records the nominations as they arrive, closes the nominations and
 * selects within the quota from the eligible nominees; a manager approves the selection list, and each
 * nominee is told the result by mail. When nobody is nominated by the deadline, a manager decides in Tasklist
 * whether to extend the nomination period or cancel the course.
 */
class TraineeInvitationInTasklistTest extends BrowserTestBase {

    private static final String CAMBODIA = "international-cooperation@kh.gov.example";
    private static final String LAO = "international-cooperation@la.gov.example";
    private static final String DECIDE_WITHOUT_NOMINEES = "Decide on course without eligible nominees";

    @Autowired
    private HistoryService historyService;

    @Test
    void coordinatorOpensACourseRecordsNominationsAndSelectsAManagerApprovesTheList() {
        String title = "Leaders in Labour Administration " + unique();
        LocalDate courseStart = today().plusDays(60);
        step("log in as coordinator");
        TasklistPage tasklist = tasklist().login("coordinator");

        step("the course announcement (start form)");
        ProcessInstance instance = openCourse(tasklist, title, courseStart, true, "Cambodia", "Lao PDR", "Viet Nam");
        String reference = instance.getBusinessKey();

        step("each invited government gets the announcement");
        waitForAnnouncements(reference, title, CAMBODIA, LAO, "international-cooperation@vn.gov.example");

        step("two nominations from Cambodia, one of them without enough experience");
        tasklist.selectFilter("Coordination");
        recordNomination(tasklist, instance, "Sok Dara", 10, 35, true);
        recordNomination(tasklist, instance, "Chan Vuthy", 2, 27, false);

        step("nominations closed");
        Task close = openTask(instance.getId(), TASK_RECORD_NOMINATION);
        tasklist.openTaskFromList(close.getId(), "Record nomination").claim();
        tasklist.taskForm().waitUntilRendered("Action").radio("Action", "Close nominations now");
        tasklist.complete();
        waitUntilCompleted(close);

        step("selection within the quota from the eligible nominees");
        Task rank = openTask(instance.getId(), TASK_RANK_NOMINEES);
        tasklist.openTaskFromList(rank.getId(), "Select nominees within quota").claim();
        CamundaFormPage rankForm = tasklist.taskForm().waitUntilRendered("Nominees to accept");
        assertThat(rankForm.value("Course")).isEqualTo(reference);
        assertThat(rankForm.choices("Nominees to accept")).as("only the eligible nominee is offered")
                .containsExactly("1. Sok Dara (Cambodia, 10 years)");
        rankForm.checklist("Nominees to accept", "1. Sok Dara (Cambodia, 10 years)");
        tasklist.complete();
        waitUntilCompleted(rank);

        step("the manager reads the selection list and approves it");
        Task approval = openTask(instance.getId(), TASK_APPROVE_SELECTION);
        tasklist.login("manager").selectFilter("Approvals").openTaskFromList(approval.getId(), "Approve selection list").claim();
        CamundaFormPage approvalForm = tasklist.taskForm().waitUntilRendered("Decision");
        assertThat(approvalForm.value("Course")).isEqualTo(reference);
        assertThat(approvalForm.value("Course title")).isEqualTo(title);
        assertThat(approvalForm.value("Selection list")).contains("Sok Dara");
        approvalForm.radio("Decision", "Approve the list");
        screenshot("trainee-invitation-manager-approves-selection");
        tasklist.complete();
        waitUntilCompleted(approval);

        step("each nominee is told the result, and the accepted trainee's arrival is prepared");
        waitForMailsTo("sok.dara@mol.kh.example", 1);
        eventually("regret notice", () -> !subjectsOfMailsTo("chan.vuthy@mol.kh.example").isEmpty());
        assertThat(bodyOfMailTo("sok.dara@mol.kh.example", title)).contains("you have been accepted");
        assertThat(bodyOfMailTo("chan.vuthy@mol.kh.example", title)).contains("Reason: Not enough years of experience");
        eventually("arrival to prepare", () -> openTasks(instance.getId(), TASK_PREPARE_ARRIVAL).size() == 1);
    }

    @Test
    void nobodyIsNominatedByTheDeadlineAndAManagerCancelsTheCourseWithAReason() {
        String title = "Mine Action Management " + unique();
        String reason = "No eligible nominee by the deadline; the course returns next year.";
        TasklistPage tasklist = tasklist();
        ProcessInstance instance = courseNobodyWasNominatedFor(tasklist, title);
        String reference = instance.getBusinessKey();

        step("the manager finds the decision under Approvals and reads what the nomination period brought");
        Task decision = openTask(instance.getId(), TASK_DECIDE_ON_COURSE_WITHOUT_NOMINEES);
        CamundaFormPage form = openDecisionAsManager(tasklist, decision, reference, title);

        step("cancelling without a reason: the server refuses and names the field");
        form.radio("Decision", "Cancel the course");
        tasklist.complete();
        assertThat(tasklist.waitForNotification("Please correct the form."))
                .contains("Please correct the form. Reason for cancelling: is required when cancelling the course");
        assertThat(isOpen(decision)).as("the task stays open").isTrue();
        assertThat(courseRecord(reference).get("status")).isNotEqualTo("CANCELLED");

        step("with its reason the course is cancelled and both governments are told");
        form.textarea("Reason for cancelling", reason);
        tasklist.dismissNotifications();
        screenshot("trainee-invitation-decide-without-nominees");
        tasklist.complete();
        waitUntilCompleted(decision);
        String cancelled = "Cancelled: " + title + " (" + reference + ")";
        for (String government : new String[] {CAMBODIA, LAO}) {
            eventually("cancellation to " + government, () -> subjectsOfMailsTo(government).contains(cancelled));
            assertThat(bodyOfMailTo(government, cancelled)).contains("Reason: " + reason);
        }
        assertThat(courseRecord(reference)).containsEntry("status", "CANCELLED").containsEntry("cancellation_reason", reason);
        assertThat(jdbc.sql("select kind || ':' || outcome || ':' || decided_by from decision where subject_ref = ?")
                .param(reference).query(String.class).list()).contains("cancellation:cancelled:manager");
        assertThat(eventually("the course's instance ended", () -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).finished().singleResult()).getEndActivityId())
                .isEqualTo(END_EVENT_COURSE_CANCELLED_WITHOUT_NOMINEES);
    }

    @Test
    void nobodyIsNominatedByTheDeadlineAndAManagerExtendsTheNominationPeriod() {
        String title = "Occupational Safety Inspection " + unique();
        LocalDate newDeadline = today().plusDays(45);
        TasklistPage tasklist = tasklist();
        ProcessInstance instance = courseNobodyWasNominatedFor(tasklist, title);
        String reference = instance.getBusinessKey();

        step("the manager finds the decision under Approvals and extends the nomination period");
        Task decision = openTask(instance.getId(), TASK_DECIDE_ON_COURSE_WITHOUT_NOMINEES);
        CamundaFormPage form = openDecisionAsManager(tasklist, decision, reference, title);
        form.radio("Decision", "Extend the nomination period").date("New nomination deadline", newDeadline);
        tasklist.complete();
        waitUntilCompleted(decision);

        step("both governments are told the new deadline and nominations are open again");
        String writtenDeadline = LanguageFormats.date(newDeadline, Language.EN); // as a partner's English mail writes it
        String reopened = "Nominations reopened for " + title + " until " + writtenDeadline;
        for (String government : new String[] {CAMBODIA, LAO}) {
            eventually("new deadline to " + government, () -> subjectsOfMailsTo(government).contains(reopened));
            assertThat(bodyOfMailTo(government, reopened)).contains("We now accept nominations until " + writtenDeadline);
        }
        assertThat(courseRecord(reference).get("nomination_deadline").toString()).isEqualTo(newDeadline.toString());
        openTask(instance.getId(), TASK_RECORD_NOMINATION);
    }

    /** A coordinator opens a course for Cambodia and Lao PDR, and its nomination deadline passes without a nomination. */
    private ProcessInstance courseNobodyWasNominatedFor(TasklistPage tasklist, String title) {
        step("log in as coordinator");
        tasklist.login("coordinator");

        step("a course inviting two governments (start form)");
        ProcessInstance instance = openCourse(tasklist, title, today().plusDays(60), false, "Cambodia", "Lao PDR");
        waitForAnnouncements(instance.getBusinessKey(), title, CAMBODIA, LAO);

        step("nobody nominates: the nomination deadline passes");
        passNominationDeadline(instance);
        return instance;
    }

    /** The manager opens the decision from Approvals and reads the course and what its nomination period brought. */
    private CamundaFormPage openDecisionAsManager(TasklistPage tasklist, Task decision, String reference, String title) {
        tasklist.login("manager").selectFilter("Approvals").openTaskFromList(decision.getId(), DECIDE_WITHOUT_NOMINEES).claim();
        CamundaFormPage form = tasklist.taskForm().waitUntilRendered("Decision");
        assertThat(form.value("Course")).isEqualTo(reference);
        assertThat(form.value("Course title")).isEqualTo(title);
        assertThat(form.value("Nominations received and why they are not eligible"))
                .contains("No nomination was received").contains("No nomination from: ").contains("Cambodia").contains("Lao PDR");
        return form;
    }

    /** The deadline timer fires now rather than in 30 days (time passing is no user's action). */
    private void passNominationDeadline(ProcessInstance instance) {
        Job deadline = eventually("the nomination deadline timer", () -> managementService.createJobQuery()
                .processInstanceId(instance.getId()).activityId(BOUNDARY_NOMINATION_DEADLINE).timers().singleResult());
        managementService.executeJob(deadline.getId());
    }

    private java.util.Map<String, Object> courseRecord(String reference) {
        return jdbc.sql("select status, cancellation_reason, nomination_deadline from course where reference = ?")
                .param(reference).query().singleRow();
    }

    /** Fills the course announcement, starts the process and returns its instance (referenced TC-yyyy-nnnn). */
    private ProcessInstance openCourse(TasklistPage tasklist, String title, LocalDate courseStart, boolean screenshot,
                                       String... countries) {
        CamundaFormPage course = tasklist.startProcess("Trainee invitation").waitUntilRendered("Course title");
        course.text("Course title", title)
                .text("Place", "Tokyo")
                .date("Course starts", courseStart)
                .date("Course ends", courseStart.plusDays(20))
                .number("Capacity (trainees)", 4)
                .number("Quota per country", 2)
                .number("Minimum years of experience", 3)
                .number("Age limit", 45)
                .select("Course language", "English");
        assertThat(course.selected("Invite a group of countries")).as("no group proposed").isEmpty();
        course.taglist("Also invite", countries)
                .date("Nomination deadline", today().plusDays(30));
        if (screenshot) {
            screenshot("trainee-invitation-start-form");
        }
        tasklist.submitStartForm();
        tasklist.waitForNotification("The process has been started");
        ProcessInstance instance = instanceWith(PROCESS_KEY, "title", title);
        assertThat(instance.getBusinessKey()).matches("TC-\\d{4}-\\d{4}");
        return instance;
    }

    /** Other journeys write to the same governments: looks for this course's announcement. */
    private void waitForAnnouncements(String reference, String title, String... governments) {
        for (String government : governments) {
            eventually("announcement to " + government, () -> subjectsOfMailsTo(government)
                    .contains("Course announcement " + reference + ": " + title));
        }
        assertThat(jdbc.sql("select count(*) from course_invitation i join course c on c.id = i.course_id where c.reference = ?")
                .param(reference).query(Integer.class).single()).as("only the countries added are invited").isEqualTo(governments.length);
    }

    private void recordNomination(TasklistPage tasklist, ProcessInstance instance, String name, int years, int age,
                                  boolean screenshot) {
        Task task = openTask(instance.getId(), TASK_RECORD_NOMINATION);
        tasklist.openTaskFromList(task.getId(), "Record nomination").claim();
        CamundaFormPage nomination = tasklist.taskForm().waitUntilRendered("Action");
        nomination.radio("Action", "Record this nomination")
                .select("Nominating government", "Cambodia")
                .checkbox("Official application letter received", true)
                .text("Organisation", "Ministry of Labour")
                .text("Position", "Deputy Director, Labour Inspection")
                .text("Nominee's full name", name)
                .text("Nominee's e-mail", name.toLowerCase().replace(' ', '.') + "@mol.kh.example")
                .date("Date of birth", today().plusDays(60).minusYears(age).minusDays(10))
                .text("Passport number", "N" + Math.abs(name.hashCode()))
                .date("Passport expires", today().plusYears(5))
                .number("Years of experience", years)
                .select("Working language", "English")
                .checkbox("Health declaration signed", true);
        if (screenshot) {
            screenshot("trainee-invitation-record-nomination");
        }
        tasklist.complete();
        waitUntilCompleted(task);
    }
}
