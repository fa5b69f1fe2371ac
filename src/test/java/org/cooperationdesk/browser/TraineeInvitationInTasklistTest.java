package org.cooperationdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cooperationdesk.training.TraineeInvitationProcess.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The trainee invitation as its users do it in Tasklist: a coordinator opens a course on its start form
 * (a checklist of invited governments), records the nominations as they arrive, closes the nominations and
 * selects within the quota from the eligible nominees; a manager approves the selection list, and each
 * nominee is told the result by mail.
 */
class TraineeInvitationInTasklistTest extends BrowserTestBase {

    @Test
    void coordinatorOpensACourseRecordsNominationsAndSelectsAManagerApprovesTheList() {
        String title = "Leaders in Labour Administration " + unique();
        LocalDate courseStart = today().plusDays(60);
        step("log in as coordinator");
        TasklistPage tasklist = tasklist().login("coordinator");

        step("the course announcement (start form)");
        CamundaFormPage course = tasklist.startProcess("Trainee invitation").waitUntilRendered("Course title");
        course.text("Course title", title)
                .text("Place", "Tokyo")
                .date("Course starts", courseStart)
                .date("Course ends", courseStart.plusDays(20))
                .number("Capacity (trainees)", 4)
                .number("Quota per country", 2)
                .number("Minimum years of experience", 3)
                .number("Age limit", 45)
                .select("Course language", "English")
                .checklist("Invited countries", "Cambodia", "Lao PDR", "Viet Nam")
                .date("Nomination deadline", today().plusDays(30));
        screenshot("trainee-invitation-start-form");
        tasklist.submitStartForm();
        tasklist.waitForNotification("The process has been started");
        ProcessInstance instance = instanceWith(PROCESS_KEY, "title", title);
        String reference = instance.getBusinessKey();
        assertThat(reference).matches("TC-\\d{4}-\\d{4}");

        step("each invited government gets the announcement");
        // other journeys write to the same governments: look for this course's announcement
        for (String government : new String[] {"kh", "la", "vn"}) {
            eventually("announcement to " + government, () -> subjectsOfMailsTo("international-cooperation@" + government
                    + ".gov.example").contains("Course announcement " + reference + ": " + title));
        }

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
