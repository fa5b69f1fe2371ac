package org.cooperationdesk.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.cooperationdesk.training.TraineeInvitationProcess.*;
import static org.cooperationdesk.training.TrainingVariables.*;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.cooperationdesk.ProcessTestSupport;
import org.cooperationdesk.form.InvalidSubmissionException;
import org.cooperationdesk.system.Groups;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A course for Cambodia, Lao PDR and Viet Nam with 4 places and a quota of 2: six nominations, two of
 * them ineligible, one over Cambodia's quota and so on the waiting list.
 */
class TraineeInvitationProcessTest extends ProcessTestSupport {

    @Autowired
    NominationIntake intake;
    @Autowired
    TraineePlaces places;

    // ---------------------------------------------------------------- happy path

    @Test
    void shouldRunACourseFromAnnouncementToClosedFollowUp() throws Exception {
        ProcessInstance instance = openCourse();
        assertThat(instance.getBusinessKey()).matches("TC-\\d{4}-\\d{4}");
        runAsyncSteps(instance.getId());
        assertThat(mailsTo("international-cooperation@kh.gov.example")).extracting(MimeMessage::getSubject)
                .containsExactly("Course announcement " + instance.getBusinessKey() + ": Leaders in Labour Administration");
        assertThat(mailServer.getReceivedMessages()).hasSize(3);

        nominateSix(instance);
        complete(task(TASK_RECORD_NOMINATION, instance), withVariables(NOMINATION_ACTION, "close"));
        BpmnAwareTests.assertThat(instance).hasPassed(TASK_SCREEN_NOMINATIONS).isWaitingAt(TASK_RANK_NOMINEES);
        assertThat(statusOf(instance, "Sok Dara")).isEqualTo("ELIGIBLE");
        assertThat(reasonOf(instance, "Chan Vuthy")).isEqualTo("Not enough years of experience");
        assertThat(reasonOf(instance, "Tran Van Minh")).isEqualTo("Above the age limit");
        assertThat(proposal(instance)).containsExactlyInAnyOrder(
                idOf(instance, "Sok Dara"), idOf(instance, "Keo Sophea"), idOf(instance, "Phonsavanh Vong"),
                idOf(instance, "Nguyen Thi Hoa"));

        complete(task(TASK_RANK_NOMINEES, instance), withVariables(SELECTED_NOMINEES, proposalAsText(instance)));
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_APPROVE_SELECTION);
        assertThat((String) runtimeService.getVariable(instance.getId(), SELECTION_SUMMARY))
                .contains("Accepted (4 of 4 places)").contains("Waiting list:\n5. Lim Bopha");
        completeAs("manager", TASK_APPROVE_SELECTION, instance, Map.of(SELECTION_DECISION, "approved"));
        mailServer.reset();
        runAsyncSteps(instance.getId());

        assertThat(statusOf(instance, "Sok Dara")).isEqualTo("ACCEPTED");
        assertThat(statusOf(instance, "Lim Bopha")).isEqualTo("WAITING");
        assertThat(statusOf(instance, "Chan Vuthy")).isEqualTo("REGRETTED");
        assertThat(mailsTo("sok.dara@mol.kh.example")).singleElement().satisfies(mail ->
                assertThat(mail.getContent().toString()).contains("you have been accepted"));
        assertThat(mailsTo("chan.vuthy@mol.kh.example")).singleElement().satisfies(mail ->
                assertThat(mail.getContent().toString()).contains("Reason: Not enough years of experience"));
        assertThat(mailsTo("lim.bopha@mol.kh.example")).singleElement().satisfies(mail ->
                assertThat(mail.getContent().toString()).contains("waiting list (rank 5)"));
        assertThat(mailsTo("international-cooperation@kh.gov.example")).hasSize(4);
        assertThat(placeTasks(instance, TASK_PREPARE_ARRIVAL)).hasSize(4);

        for (Task task : placeTasks(instance, TASK_PREPARE_ARRIVAL)) {
            taskService.complete(task.getId(), arrivalPreparation());
        }
        for (Task task : placeTasks(instance, TASK_CONFIRM_ARRIVAL)) {
            taskService.complete(task.getId(), Map.of(ARRIVAL_STATUS, "arrived"));
        }
        runJobsAt(instance.getId(), END_EVENT_PLACE_TAKEN);
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_ATTENDANCE);
        assertThat(jdbc.sql("select count(*) from nomination where course_id = ? and status = 'ARRIVED'"
                + " and visa_letter_reference = 'VSL-2026-118'").param(courseId(instance)).query(Integer.class).single()).isEqualTo(4);

        List<String> arrived = places.ids(courseId(instance), NominationStatus.ARRIVED).stream().map(String::valueOf).toList();
        complete(task(TASK_RECORD_ATTENDANCE, instance),
                withVariables(COMPLETED_TRAINEES, arrived, ACTION_PLANS_RECEIVED, arrived));
        mailServer.reset();
        runAsyncSteps(instance.getId());
        assertThat(jdbc.sql("select certificate_number from nomination where course_id = ? and status = 'COMPLETED' order by certificate_number")
                .param(courseId(instance)).query(String.class).list())
                .containsExactly(instance.getBusinessKey() + "/01", instance.getBusinessKey() + "/02",
                        instance.getBusinessKey() + "/03", instance.getBusinessKey() + "/04");
        assertThat(mailsTo("sok.dara@mol.kh.example")).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).startsWith("Certificate of completion " + instance.getBusinessKey()));
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_FINAL_REPORTS);

        complete(task(TASK_RECORD_FINAL_REPORTS, instance),
                withVariables(REPORTS_RECEIVED, arrived, ALL_REPORTS_RECEIVED, true));
        complete(task(TASK_EVALUATE_COURSE, instance),
                withVariables(EVALUATION_SCORE, 4, EVALUATION_SUMMARY, "Action plans of good quality."));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_COURSE_CLOSED);
        assertThat(courseStatus(instance)).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select count(*) from nomination where course_id = ? and final_report_received_on is not null")
                .param(courseId(instance)).query(Integer.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select decided_by || ':' || outcome from decision where subject_ref = ?")
                .param(instance.getBusinessKey()).query(String.class).list()).containsExactly("manager:approved");
    }

    // ---------------------------------------------------------------- nominations

    @Nested
    class Nominations {

        @Test
        void shouldRefuseAnIncompleteNominationNamingWhatIsMissing() {
            ProcessInstance instance = openCourse();
            runAsyncSteps(instance.getId());
            Map<String, Object> incomplete = nomination("KH", "Sok Dara", 10, 35);
            incomplete.remove(PASSPORT_NUMBER);
            incomplete.put(OFFICIAL_APPLICATION, false);

            assertThatThrownBy(() -> complete(task(TASK_RECORD_NOMINATION, instance), incomplete))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("Passport number: is required for a complete nomination")
                    .hasMessageContaining("official application");
            assertThat(nominationCount(instance)).isZero();
        }

        @Test
        void shouldRefuseANominationFromAGovernmentThatWasNotInvited() {
            ProcessInstance instance = openCourse();
            runAsyncSteps(instance.getId());

            assertThatThrownBy(() -> complete(task(TASK_RECORD_NOMINATION, instance), nomination("TH", "Somsak Chai", 8, 40)))
                    .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("Thailand was not invited");
        }

        @Test
        void shouldKeepALateNominationAsRefusedWithItsReason() {
            ProcessInstance instance = openCourse();
            clock.advance(Duration.ofDays(31));

            assertThatThrownBy(() -> intake.recordNomination(courseId(instance),
                    CourseForms.nominationDraft(nomination("KH", "Late Comer", 9, 33)::get), "coordinator"))
                    .isInstanceOf(NominationIntake.LateNominationException.class)
                    .hasMessageContaining("after the nomination deadline");
            assertThat(statusOf(instance, "Late Comer")).isEqualTo("REFUSED");
        }

        @Test
        void shouldRemindGovernmentsWithoutNominationBeforeTheDeadline() {
            ProcessInstance instance = openCourse();
            runAsyncSteps(instance.getId());
            complete(task(TASK_RECORD_NOMINATION, instance), nomination("KH", "Sok Dara", 10, 35));
            mailServer.reset();

            execute(timer(instance.getId(), BOUNDARY_NOMINATION_REMINDER_DUE));
            runAsyncSteps(instance.getId());

            assertThat(mailsTo("international-cooperation@la.gov.example")).hasSize(1);
            assertThat(mailsTo("international-cooperation@vn.gov.example")).hasSize(1);
            assertThat(mailsTo("international-cooperation@kh.gov.example")).isEmpty();
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_NOMINATION);
        }

        @Test
        void shouldCloseNominationsAtTheDeadline() {
            ProcessInstance instance = openCourse();
            runAsyncSteps(instance.getId());
            nominateSix(instance);

            execute(timer(instance.getId(), BOUNDARY_NOMINATION_DEADLINE));

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_SCREEN_NOMINATIONS).isWaitingAt(TASK_RANK_NOMINEES);
            assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(TASK_RECORD_NOMINATION).count()).isZero();
        }
    }

    // ---------------------------------------------------------------- selection

    @Nested
    class Selection {

        @Test
        void shouldRefuseASelectionAboveACountrysQuota() {
            ProcessInstance instance = toRanking();
            List<String> threeFromCambodia = List.of(idOf(instance, "Sok Dara"), idOf(instance, "Keo Sophea"),
                    idOf(instance, "Lim Bopha")).stream().map(String::valueOf).toList();

            assertThatThrownBy(() -> complete(task(TASK_RANK_NOMINEES, instance),
                    withVariables(SELECTED_NOMINEES, threeFromCambodia)))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("Cambodia has 3 selected, above its quota of 2");
        }

        @Test
        void shouldRefuseToAcceptAnIneligibleNominee() {
            ProcessInstance instance = toRanking();

            assertThatThrownBy(() -> complete(task(TASK_RANK_NOMINEES, instance),
                    withVariables(SELECTED_NOMINEES, List.of(String.valueOf(idOf(instance, "Chan Vuthy"))))))
                    .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("only eligible nominees");
        }

        @Test
        void shouldSendTheListBackToTheCoordinatorWhenTheManagerRejectsIt() {
            ProcessInstance instance = toRanking();
            complete(task(TASK_RANK_NOMINEES, instance), withVariables(SELECTED_NOMINEES, proposalAsText(instance)));

            assertThatThrownBy(() -> completeAs("manager", TASK_APPROVE_SELECTION, instance,
                    Map.of(SELECTION_DECISION, "rejected")))
                    .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("Comment");
            completeAs("manager", TASK_APPROVE_SELECTION, instance,
                    Map.of(SELECTION_DECISION, "rejected", SELECTION_COMMENT, "Give Viet Nam's second place to Lao PDR."));

            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RANK_NOMINEES);
            assertThat(runtimeService.getVariable(instance.getId(), SELECTION_COMMENT))
                    .isEqualTo("Give Viet Nam's second place to Lao PDR.");
            // The coordinator starts again from the previous list, not from an empty one.
            assertThat(proposal(instance)).hasSize(4);
            assertThat(statusOf(instance, "Sok Dara")).isEqualTo("ELIGIBLE");
            assertThat(mailServer.getReceivedMessages()).hasSize(3);
        }
    }

    // ---------------------------------------------------------------- places

    @Nested
    class Places {

        @Test
        void shouldReplaceAWithdrawnTraineeFromTheWaitingList() {
            ProcessInstance instance = toPlaces();
            long keo = idOf(instance, "Keo Sophea");
            mailServer.reset();

            places.withdraw(keo, "Promoted, cannot leave the ministry");
            runtimeService.createMessageCorrelation(MESSAGE_TRAINEE_WITHDRAWN).processInstanceBusinessKey(instance.getBusinessKey())
                    .localVariableEquals(NOMINATION_ID, keo).correlate();
            runAsyncSteps(instance.getId());

            assertThat(statusOf(instance, "Keo Sophea")).isEqualTo("WITHDRAWN");
            assertThat(statusOf(instance, "Lim Bopha")).isEqualTo("ACCEPTED");
            assertThat(mailsTo("lim.bopha@mol.kh.example")).singleElement()
                    .satisfies(mail -> assertThat(mail.getSubject()).contains("a place is now available"));
            assertThat(placeTasks(instance, TASK_PREPARE_ARRIVAL)).hasSize(4)
                    .extracting(task -> taskService.getVariable(task.getId(), TRAINEE_NAME))
                    .contains("Lim Bopha").doesNotContain("Keo Sophea");
        }

        @Test
        void shouldLeaveThePlaceVacantWhenANoShowCannotBeReplaced() {
            ProcessInstance instance = toPlaces();
            long limBopha = idOf(instance, "Lim Bopha");
            jdbc.sql("update nomination set status = 'REGRETTED' where id = ?").param(limBopha).update();
            Task dara = placeTask(instance, TASK_PREPARE_ARRIVAL, "Sok Dara");
            taskService.complete(dara.getId(), arrivalPreparation());

            taskService.complete(placeTask(instance, TASK_CONFIRM_ARRIVAL, "Sok Dara").getId(),
                    Map.of(ARRIVAL_STATUS, "no_show", ARRIVAL_NOTE, "Missed the connecting flight in Bangkok"));

            assertThat(statusOf(instance, "Sok Dara")).isEqualTo("NO_SHOW");
            runJobsAt(instance.getId(), END_EVENT_PLACE_VACANT);
            BpmnAwareTests.assertThat(instance).hasPassed(TASK_FIND_REPLACEMENT, END_EVENT_PLACE_VACANT);
            assertThat(placeTasks(instance, TASK_PREPARE_ARRIVAL)).hasSize(3);
        }

        @Test
        void shouldNotReplaceOnceTheCourseHasStarted() {
            ProcessInstance instance = toPlaces();
            clock.advance(Duration.ofDays(61));
            long keo = idOf(instance, "Keo Sophea");

            places.withdraw(keo, "Illness");
            runtimeService.createMessageCorrelation(MESSAGE_TRAINEE_WITHDRAWN).processInstanceBusinessKey(instance.getBusinessKey())
                    .localVariableEquals(NOMINATION_ID, keo).correlate();

            assertThat(statusOf(instance, "Lim Bopha")).isEqualTo("WAITING");
            runJobsAt(instance.getId(), END_EVENT_PLACE_VACANT);
            BpmnAwareTests.assertThat(instance).hasPassed(END_EVENT_PLACE_VACANT);
        }
    }

    // ---------------------------------------------------------------- follow-up

    @Nested
    class FollowUp {

        @Test
        void shouldRemindTraineesAndRecordMissingFinalReportsAtTheDueDate() {
            ProcessInstance instance = toFollowUp();
            long dara = idOf(instance, "Sok Dara");
            complete(task(TASK_RECORD_FINAL_REPORTS, instance),
                    withVariables(REPORTS_RECEIVED, List.of(String.valueOf(dara)), ALL_REPORTS_RECEIVED, false));
            mailServer.reset();

            execute(timer(instance.getId(), BOUNDARY_FINAL_REPORT_REMINDER_DUE));
            runAsyncSteps(instance.getId());
            assertThat(mailsTo("keo.sophea@mol.kh.example")).singleElement()
                    .satisfies(mail -> assertThat(mail.getSubject()).startsWith("Reminder: final report"));
            assertThat(mailsTo("sok.dara@mol.kh.example")).isEmpty();

            execute(timer(instance.getId(), BOUNDARY_FINAL_REPORTS_DUE));

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_RECORD_MISSING_REPORTS).isWaitingAt(TASK_EVALUATE_COURSE);
            assertThat(reasonOf(instance, "Keo Sophea")).startsWith("final report not received by");
            assertThat(reasonOf(instance, "Sok Dara")).isNotEqualTo("final report not received");
        }
    }

    // ---------------------------------------------------------------- cancellation

    @Nested
    class Cancellation {

        @Test
        void shouldTellEveryoneAndLeaveNothingOpenWhenACourseIsCancelled() {
            ProcessInstance instance = toPlaces();
            mailServer.reset();

            runtimeService.createMessageCorrelation(MESSAGE_COURSE_CANCELLED).processInstanceBusinessKey(instance.getBusinessKey())
                    .setVariable(CANCELLATION_REASON, "Venue closed after the earthquake").correlate();
            runAsyncSteps(instance.getId());

            BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_COURSE_CANCELLED);
            assertThat(courseStatus(instance)).isEqualTo("CANCELLED");
            assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
            assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
            for (String government : List.of("kh", "la", "vn")) {
                assertThat(mailsTo("international-cooperation@" + government + ".gov.example")).singleElement()
                        .satisfies(mail -> assertThat(mail.getContent().toString()).contains("Venue closed after the earthquake"));
            }
            assertThat(mailsTo("sok.dara@mol.kh.example")).hasSize(1);
            assertThat(mailsTo("lim.bopha@mol.kh.example")).hasSize(1);
            assertThat(mailsTo("chan.vuthy@mol.kh.example")).isEmpty();
            assertThat(statusOf(instance, "Lim Bopha")).isEqualTo("CANCELLED");
        }
    }

    // ---------------------------------------------------------------- steps shared by the tests

    ProcessInstance openCourse() {
        Map<String, Object> variables = new HashMap<>(Map.ofEntries(
                Map.entry(TITLE, "Leaders in Labour Administration"),
                Map.entry(PLACE, "Tokyo"),
                Map.entry(START_DATE, today().plusDays(60).toString()),
                Map.entry(END_DATE, today().plusDays(80).toString()),
                Map.entry(CAPACITY, 4),
                Map.entry(QUOTA_PER_COUNTRY, 2),
                Map.entry(MIN_EXPERIENCE_YEARS, 3),
                Map.entry(MAX_AGE, 45),
                Map.entry(LANGUAGE, "english"),
                Map.entry(INVITED_COUNTRIES, List.of("KH", "LA", "VN")),
                Map.entry(NOMINATION_DEADLINE, today().plusDays(30).toString())));
        return runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables);
    }

    void nominateSix(ProcessInstance instance) {
        complete(task(TASK_RECORD_NOMINATION, instance), nomination("KH", "Sok Dara", 10, 35));
        complete(task(TASK_RECORD_NOMINATION, instance), nomination("KH", "Keo Sophea", 5, 31));
        complete(task(TASK_RECORD_NOMINATION, instance), nomination("KH", "Lim Bopha", 4, 29));
        complete(task(TASK_RECORD_NOMINATION, instance), nomination("KH", "Chan Vuthy", 2, 27));
        complete(task(TASK_RECORD_NOMINATION, instance), nomination("LA", "Phonsavanh Vong", 8, 40));
        complete(task(TASK_RECORD_NOMINATION, instance), nomination("VN", "Nguyen Thi Hoa", 6, 38));
        complete(task(TASK_RECORD_NOMINATION, instance), nomination("VN", "Tran Van Minh", 20, 50));
    }

    ProcessInstance toRanking() {
        ProcessInstance instance = openCourse();
        runAsyncSteps(instance.getId());
        nominateSix(instance);
        complete(task(TASK_RECORD_NOMINATION, instance), withVariables(NOMINATION_ACTION, "close"));
        return instance;
    }

    ProcessInstance toPlaces() {
        ProcessInstance instance = toRanking();
        complete(task(TASK_RANK_NOMINEES, instance), withVariables(SELECTED_NOMINEES, proposalAsText(instance)));
        completeAs("manager", TASK_APPROVE_SELECTION, instance, Map.of(SELECTION_DECISION, "approved"));
        runAsyncSteps(instance.getId());
        assertThat(placeTasks(instance, TASK_PREPARE_ARRIVAL)).hasSize(4);
        return instance;
    }

    ProcessInstance toFollowUp() {
        ProcessInstance instance = toPlaces();
        for (Task task : placeTasks(instance, TASK_PREPARE_ARRIVAL)) {
            taskService.complete(task.getId(), arrivalPreparation());
        }
        for (Task task : placeTasks(instance, TASK_CONFIRM_ARRIVAL)) {
            taskService.complete(task.getId(), Map.of(ARRIVAL_STATUS, "arrived"));
        }
        runJobsAt(instance.getId(), END_EVENT_PLACE_TAKEN);
        List<String> arrived = places.ids(courseId(instance), NominationStatus.ARRIVED).stream().map(String::valueOf).toList();
        complete(task(TASK_RECORD_ATTENDANCE, instance), withVariables(COMPLETED_TRAINEES, arrived, ACTION_PLANS_RECEIVED, arrived));
        runAsyncSteps(instance.getId());
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_FINAL_REPORTS);
        return instance;
    }

    Map<String, Object> nomination(String country, String name, int years, int age) {
        Map<String, Object> values = new HashMap<>(Map.ofEntries(
                Map.entry(NOMINATION_ACTION, "record"),
                Map.entry(COUNTRY_CODE, country),
                Map.entry(OFFICIAL_APPLICATION, true),
                Map.entry(ORGANISATION, "Ministry of Labour"),
                Map.entry(POSITION, "Deputy Director, Labour Inspection"),
                Map.entry(FULL_NAME, name),
                Map.entry(EMAIL, name.toLowerCase().replace(' ', '.').replace(".thi", "").replace(".van", "")
                        + "@mol." + country.toLowerCase() + ".example"),
                Map.entry(DATE_OF_BIRTH, today().plusDays(60).minusYears(age).minusDays(10).toString()),
                Map.entry(PASSPORT_NUMBER, "N" + Math.abs(name.hashCode())),
                Map.entry(PASSPORT_EXPIRY, today().plusYears(5).toString()),
                Map.entry(YEARS_OF_EXPERIENCE, years),
                Map.entry(NOMINEE_LANGUAGE, "english"),
                Map.entry(HEALTH_DECLARATION, true)));
        return values;
    }

    static Map<String, Object> arrivalPreparation() {
        return Map.of(VISA_LETTER_REFERENCE, "VSL-2026-118", FLIGHT_BOOKING, "NH 818 PNH-NRT",
                ALLOWANCE_AMOUNT, 180_000, ACCOMMODATION, "JICA Tokyo Center");
    }

    void completeAs(String user, String taskKey, ProcessInstance instance, Map<String, Object> variables) {
        identityService.setAuthentication(user, List.of(Groups.MANAGERS));
        try {
            taskService.complete(task(taskKey, instance).getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    List<Task> placeTasks(ProcessInstance instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
    }

    Task placeTask(ProcessInstance instance, String taskKey, String traineeName) {
        return placeTasks(instance, taskKey).stream()
                .filter(task -> traineeName.equals(taskService.getVariable(task.getId(), TRAINEE_NAME)))
                .findFirst().orElseThrow();
    }

    List<Long> proposal(ProcessInstance instance) {
        return org.cooperationdesk.form.FormValues.ids(runtimeService.getVariable(instance.getId(), SELECTED_NOMINEES));
    }

    List<String> proposalAsText(ProcessInstance instance) {
        return proposal(instance).stream().map(String::valueOf).toList();
    }

    long courseId(ProcessInstance instance) {
        return jdbc.sql("select id from course where reference = ?").param(instance.getBusinessKey()).query(Long.class).single();
    }

    long idOf(ProcessInstance instance, String name) {
        return jdbc.sql("select id from nomination where course_id = ? and full_name = ?")
                .params(courseId(instance), name).query(Long.class).single();
    }

    String statusOf(ProcessInstance instance, String name) {
        return jdbc.sql("select status from nomination where course_id = ? and full_name = ?")
                .params(courseId(instance), name).query(String.class).single();
    }

    String reasonOf(ProcessInstance instance, String name) {
        return jdbc.sql("select reason from nomination where course_id = ? and full_name = ?")
                .params(courseId(instance), name).query(String.class).single();
    }

    int nominationCount(ProcessInstance instance) {
        return jdbc.sql("select count(*) from nomination where course_id = ?").param(courseId(instance)).query(Integer.class).single();
    }

    String courseStatus(ProcessInstance instance) {
        return jdbc.sql("select status from course where reference = ?").param(instance.getBusinessKey()).query(String.class).single();
    }
}
