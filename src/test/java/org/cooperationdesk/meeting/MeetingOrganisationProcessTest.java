package org.cooperationdesk.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.cooperationdesk.meeting.MeetingOrganisationProcess.*;
import static org.cooperationdesk.meeting.MeetingVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.cooperationdesk.ProcessTestSupport;
import org.cooperationdesk.form.InvalidSubmissionException;
import org.cooperationdesk.system.Groups;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A workshop for Cambodia, Lao PDR and Viet Nam with up to 3 delegates each and a field visit. */
class MeetingOrganisationProcessTest extends ProcessTestSupport {

    @Autowired
    MeetingService meetings;

    // ---------------------------------------------------------------- happy path

    @Test
    void shouldOrganiseAWorkshopFromInvitationsToTheChairsSummary() throws Exception {
        ProcessInstance instance = planMeeting(true);
        assertThat(instance.getBusinessKey()).matches("MT-\\d{4}-\\d{4}");
        runAsyncSteps(instance.getId());
        assertThat(mailsTo("international-cooperation@kh.gov.example")).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).startsWith("Invitation: ASEAN/Japan HIV/AIDS Workshop"));
        assertThat(delegationTasks(instance)).hasSize(3);

        completeDelegation(instance, "KH", cambodianDelegation());
        completeDelegation(instance, "LA", Map.of(DELEGATION_ANSWER, "nominated", "headName", "Somphone Keo",
                "headEmail", "somphone@moh.la.example", "headPassportNumber", "LA778812",
                "headPassportExpiry", today().plusYears(3).toString()));
        completeDelegation(instance, "VN", Map.of(DELEGATION_ANSWER, "declined",
                DECLINE_REASON, "National assembly session in the same week"));
        assertThat(invitationStatuses(instance)).containsEntry("KH", "NOMINATED").containsEntry("LA", "NOMINATED")
                .containsEntry("VN", "DECLINED");

        mailServer.reset();
        completeRegistration(instance, "KH", Map.of(FUNDING, "funded", HOTEL_BOOKING, "Hotel Cambodiana, 3 rooms",
                TRAVEL_BOOKING, "PG 931 PNH-BKK-NRT", VISA_LETTERS_REQUIRED, true));
        completeRegistration(instance, "LA", Map.of(FUNDING, "self_funded", VISA_LETTERS_REQUIRED, false));
        runAsyncSteps(instance.getId());
        MimeMessage visaLetter = mailsTo("international-cooperation@kh.gov.example").get(0);
        assertThat(visaLetter.getSubject()).startsWith("Visa support letter");
        assertThat(visaLetter.getContent().toString()).contains("Sok Chenda, passport KH100200");
        assertThat(mailsTo("sok.chenda@moh.kh.example")).hasSize(1);
        assertThat(mailsTo("somphone@moh.la.example")).isEmpty();

        BpmnAwareTests.assertThat(instance).hasPassed(TASK_FREEZE_LIST)
                .isWaitingAt(TASK_DRAFT_AGENDA, TASK_OBTAIN_SITE_PERMISSION);
        assertThat(meetings.meeting(meetingId(instance)).listFrozen()).isTrue();

        complete(task(TASK_DRAFT_AGENDA, instance), withVariables(AGENDA, "Day 1: country reports\nDay 3: field visit"));
        completeAsManager(TASK_APPROVE_AGENDA, instance, Map.of(AGENDA_DECISION, "approved"));
        complete(task(TASK_OBTAIN_SITE_PERMISSION, instance), withVariables(SITE_PERMISSION_REFERENCE, "MOH-KH-2026-55",
                VISIT_DATE, today().plusDays(62).toString()));
        complete(task(TASK_ARRANGE_TRANSPORT, instance), withVariables(TRANSPORT_ARRANGEMENT, "Two minibuses from the hotel, 08:00"));
        runJobsAt(instance.getId(), GATEWAY_PROGRAMME_JOIN);
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_ATTENDANCE);

        List<Delegate> delegates = meetings.delegates(meetingId(instance));
        assertThat(delegates).hasSize(4);
        List<String> attended = delegates.stream().filter(d -> !d.fullName().equals("Heng Vanna"))
                .map(d -> String.valueOf(d.id())).toList();
        complete(task(TASK_RECORD_ATTENDANCE, instance), withVariables(ATTENDED_DELEGATES, attended));
        complete(task(TASK_DRAFT_MINUTES, instance), withVariables(CHAIR_SUMMARY, "Delegates shared progress on prevention.",
                RECOMMENDATIONS, "Strengthen community-based testing."));
        mailServer.reset();
        completeAsManager(TASK_APPROVE_MINUTES, instance, Map.of(MINUTES_DECISION, "approved"));
        runAsyncSteps(instance.getId());

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_MEETING_CLOSED);
        assertThat(mailsTo("sok.chenda@moh.kh.example")).singleElement().satisfies(mail ->
                assertThat(mail.getContent().toString()).contains("Strengthen community-based testing."));
        assertThat(mailsTo("heng.vanna@moh.kh.example")).isEmpty();
        assertThat(mailsTo("asean-plus-three-labour-ministers@asean.example")).hasSize(1);
        assertThat(jdbc.sql("select status, agenda, site_permission_ref, transport from meeting where id = ?")
                .param(meetingId(instance)).query().singleRow())
                .containsEntry("STATUS", "CLOSED").containsEntry("SITE_PERMISSION_REF", "MOH-KH-2026-55")
                .containsEntry("TRANSPORT", "Two minibuses from the hotel, 08:00");
        assertThat(jdbc.sql("select status from delegate where full_name = 'Heng Vanna' and meeting_id = ?")
                .param(meetingId(instance)).query(String.class).single())
                .isEqualTo("ABSENT");
        assertThat(jdbc.sql("select kind || ':' || outcome || ':' || decided_by from decision where subject_ref = ? order by id")
                .param(instance.getBusinessKey()).query(String.class).list())
                .containsExactly("agenda:approved:manager", "chair's summary:approved:manager");
    }

    // ---------------------------------------------------------------- delegations

    @Nested
    class Delegations {

        @Test
        void shouldRefuseMoreDelegatesThanTheQuotaAndIncompleteMembers() {
            ProcessInstance instance = planMeeting(false, 2);
            runAsyncSteps(instance.getId());
            Map<String, Object> tooMany = new HashMap<>(cambodianDelegation());
            tooMany.put("delegate2Email", "");

            assertThatThrownBy(() -> completeDelegation(instance, "KH", tooMany))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("the quota is 2 delegate(s) per country")
                    .hasMessageContaining("Second delegate: the e-mail address is required");
            assertThat(meetings.delegates(meetingId(instance))).isEmpty();
        }

        @Test
        void shouldRequireAReasonWhenAGovernmentDeclines() {
            ProcessInstance instance = planMeeting(false);
            runAsyncSteps(instance.getId());

            assertThatThrownBy(() -> completeDelegation(instance, "VN", Map.of(DELEGATION_ANSWER, "declined")))
                    .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("Reason for declining");
        }

        @Test
        void shouldRemindAGovernmentBeforeTheDeadline() {
            ProcessInstance instance = planMeeting(false);
            runAsyncSteps(instance.getId());
            mailServer.reset();

            execute(timerOf(instance, BOUNDARY_DELEGATION_REMINDER_DUE, "LA"));
            runAsyncSteps(instance.getId());

            assertThat(mailsTo("international-cooperation@la.gov.example")).singleElement()
                    .satisfies(mail -> assertThat(mail.getSubject()).startsWith("Reminder: delegation for"));
            assertThat(delegationTasks(instance)).hasSize(3);
        }

        @Test
        void shouldEscalateToAManagerWhenAGovernmentNeverAnswers() {
            ProcessInstance instance = planMeeting(false);
            runAsyncSteps(instance.getId());
            mailServer.reset();

            execute(timerOf(instance, BOUNDARY_DELEGATION_DEADLINE, "LA"));
            runAsyncSteps(instance.getId());

            assertThat(mailsTo("manager@mhlw.example")).singleElement()
                    .satisfies(mail -> assertThat(mail.getSubject()).startsWith("No answer from Lao PDR"));
            Task followUp = taskService.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(TASK_FOLLOW_UP_THROUGH_EMBASSY).singleResult();
            BpmnAwareTests.assertThat(followUp).hasCandidateGroup(Groups.MANAGERS);
            identityService.setAuthentication("manager2", List.of(Groups.MANAGERS));
            taskService.complete(followUp.getId(), Map.of(FOLLOW_UP_OUTCOME, "no_answer",
                    FOLLOW_UP_NOTE, "Embassy called twice, no instructions from the capital."));
            identityService.clearAuthentication();

            runJobsAt(instance.getId(), END_EVENT_NO_DELEGATION);
            BpmnAwareTests.assertThat(instance).hasPassed(END_EVENT_NO_DELEGATION);
            assertThat(invitationStatuses(instance)).containsEntry("LA", "NO_DELEGATION");
            assertThat(delegationTasks(instance)).hasSize(2);
            assertThat(jdbc.sql("select decided_by from decision where kind = 'embassy follow-up LA' and subject_ref = ?")
                    .param(instance.getBusinessKey()).query(String.class).single()).isEqualTo("manager2");
        }

        @Test
        void shouldGiveAGracePeriodWhenTheEmbassyObtainsTheNames() {
            ProcessInstance instance = planMeeting(false);
            runAsyncSteps(instance.getId());
            execute(timerOf(instance, BOUNDARY_DELEGATION_DEADLINE, "LA"));
            runAsyncSteps(instance.getId());
            Task followUp = taskService.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(TASK_FOLLOW_UP_THROUGH_EMBASSY).singleResult();

            taskService.complete(followUp.getId(), Map.of(FOLLOW_UP_OUTCOME, "delegation_named",
                    FOLLOW_UP_NOTE, "Names promised by the embassy within the week."));

            assertThat(delegationTasks(instance)).hasSize(3);
            Job newDeadline = timerOf(instance, BOUNDARY_DELEGATION_DEADLINE, "LA");
            assertThat(newDeadline.getDuedate()).isInTheFuture();
        }
    }

    // ---------------------------------------------------------------- after the freeze

    @Nested
    class AfterTheFreeze {

        /** Each country's branch ends asynchronously: coordinators registering countries together never collide. */
        @Test
        void shouldTakeRegistrationsCompletedAtTheSameMomentByDifferentCoordinators() throws Exception {
            for (int round = 1; round <= 3; round++) {
                ProcessInstance instance = planMeeting(false);
                runAsyncSteps(instance.getId());
                completeDelegation(instance, "KH", cambodianDelegation());
                completeDelegation(instance, "LA", Map.of(DELEGATION_ANSWER, "nominated", "headName", "Somphone Keo",
                        "headEmail", "somphone@moh.la.example", "headPassportNumber", "LA778812",
                        "headPassportExpiry", today().plusYears(3).toString()));
                String cambodia = countryTask(instance, TASK_REGISTER_DELEGATION, "KH").getId();
                String lao = countryTask(instance, TASK_REGISTER_DELEGATION, "LA").getId();
                String vietnam = countryTask(instance, TASK_RECORD_DELEGATION, "VN").getId();

                List<Throwable> failures = atTheSameMoment(
                        () -> taskService.complete(cambodia, Map.of(FUNDING, "self_funded", VISA_LETTERS_REQUIRED, false)),
                        () -> taskService.complete(lao, Map.of(FUNDING, "self_funded", VISA_LETTERS_REQUIRED, false)),
                        () -> taskService.complete(vietnam, Map.of(DELEGATION_ANSWER, "declined",
                                DECLINE_REASON, "Other commitments")));

                assertThat(failures).as("round %d", round).isEmpty();
                runAsyncSteps(instance.getId());
                BpmnAwareTests.assertThat(instance).hasPassed(TASK_FREEZE_LIST).isWaitingAt(TASK_DRAFT_AGENDA);
            }
        }

        @Test
        void shouldApplyADelegationChangeOnlyAfterAManagerApprovesIt() {
            ProcessInstance instance = toFreeze();
            Delegate replaced = meetings.delegates(meetingId(instance)).stream()
                    .filter(d -> d.fullName().equals("Heng Vanna")).findFirst().orElseThrow();

            long changeId = requestChange(instance, replaced.id(), "Chea Sokha");
            assertThat(meetings.delegates(meetingId(instance))).extracting(Delegate::fullName).doesNotContain("Chea Sokha");
            Task approval = taskService.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(TASK_APPROVE_DELEGATION_CHANGE).singleResult();
            assertThat((String) taskService.getVariable(approval.getId(), CHANGE_SUMMARY))
                    .startsWith("Replace Heng Vanna by Chea Sokha in the delegation of Cambodia");
            identityService.setAuthentication("manager", List.of(Groups.MANAGERS));
            taskService.complete(approval.getId(), Map.of(CHANGE_DECISION, "approved"));
            identityService.clearAuthentication();

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_APPLY_DELEGATION_CHANGE)
                    .isWaitingAt(TASK_DRAFT_AGENDA, TASK_OBTAIN_SITE_PERMISSION);
            assertThat(meetings.delegate(replaced.id()).status()).isEqualTo("REMOVED");
            assertThat(meetings.delegates(meetingId(instance))).extracting(Delegate::fullName).contains("Chea Sokha");
            assertThat(jdbc.sql("select status from delegation_change where id = ?").param(changeId).query(String.class).single())
                    .isEqualTo("APPLIED");
        }

        @Test
        void shouldLeaveTheDelegationAsItWasWhenAChangeIsRefused() {
            ProcessInstance instance = toFreeze();
            long changeId = requestChange(instance, null, "Extra Person");
            Task approval = taskService.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(TASK_APPROVE_DELEGATION_CHANGE).singleResult();

            taskService.complete(approval.getId(), Map.of(CHANGE_DECISION, "rejected", "changeComment", "Quota reached"));

            BpmnAwareTests.assertThat(instance).hasPassed(END_EVENT_CHANGE_REFUSED);
            assertThat(meetings.delegates(meetingId(instance))).extracting(Delegate::fullName).doesNotContain("Extra Person");
            assertThat(jdbc.sql("select status from delegation_change where id = ?").param(changeId).query(String.class).single())
                    .isEqualTo("REFUSED");
        }

        @Test
        void shouldSendTheAgendaBackWhenTheManagerRejectsIt() {
            ProcessInstance instance = toFreeze();
            complete(task(TASK_DRAFT_AGENDA, instance), withVariables(AGENDA, "Day 1: opening"));

            completeAsManager(TASK_APPROVE_AGENDA, instance, Map.of(AGENDA_DECISION, "rejected",
                    AGENDA_COMMENT, "Add a session on community testing."));

            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_DRAFT_AGENDA);
            assertThat(runtimeService.getVariable(instance.getId(), AGENDA_COMMENT)).isEqualTo("Add a session on community testing.");
            assertThat(jdbc.sql("select agenda from meeting where id = ?").param(meetingId(instance)).query(String.class)
                    .optional()).isEmpty();
        }

        @Test
        void shouldTellEveryoneTheNewDatesWhenTheMeetingIsPostponedAndCarryOn() throws Exception {
            ProcessInstance instance = toFreeze();
            mailServer.reset();
            String newStart = today().plusDays(90).toString();

            runtimeService.createMessageCorrelation(MESSAGE_MEETING_POSTPONED).processInstanceBusinessKey(instance.getBusinessKey())
                    .setVariableLocal(NEW_START_DATE, newStart)
                    .setVariableLocal(NEW_END_DATE, today().plusDays(94).toString())
                    .setVariableLocal(POSTPONEMENT_REASON, "Typhoon season").correlate();
            runAsyncSteps(instance.getId());

            Meeting meeting = meetings.meeting(meetingId(instance));
            assertThat(meeting.startDate()).hasToString(newStart);
            assertThat(meeting.calendarSequence()).isEqualTo(1);
            assertThat(mailsTo("international-cooperation@la.gov.example")).singleElement()
                    .satisfies(mail -> assertThat(mail.getSubject()).contains("now " + newStart));
            assertThat(mailsTo("international-cooperation@vn.gov.example")).isEmpty();
            assertThat(mailsTo("sok.chenda@moh.kh.example")).hasSize(1);
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_DRAFT_AGENDA, TASK_OBTAIN_SITE_PERMISSION);
            assertThat(runtimeService.getVariable(instance.getId(), START_DATE)).isEqualTo(newStart);
        }

        @Test
        void shouldTellEveryoneAndLeaveNothingOpenWhenTheMeetingIsCancelled() throws Exception {
            ProcessInstance instance = toFreeze();
            mailServer.reset();

            runtimeService.createMessageCorrelation(MESSAGE_MEETING_CANCELLED).processInstanceBusinessKey(instance.getBusinessKey())
                    .setVariable(CANCELLATION_REASON, "Venue unavailable").correlate();
            runAsyncSteps(instance.getId());

            BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_MEETING_CANCELLED);
            assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
            assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
            assertThat(meetings.meeting(meetingId(instance)).status()).isEqualTo("CANCELLED");
            assertThat(mailsTo("international-cooperation@kh.gov.example")).singleElement()
                    .satisfies(mail -> assertThat(mail.getContent().toString()).contains("Venue unavailable"));
            assertThat(mailsTo("sok.chenda@moh.kh.example")).hasSize(1);
            assertThat(jdbc.sql("select count(*) from delegate where meeting_id = ? and status = 'CANCELLED'")
                    .param(meetingId(instance)).query(Integer.class).single()).isEqualTo(4);
        }
    }

    @Nested
    class Registration {

        @Test
        void shouldRequireHotelAndFlightsForAFundedDelegation() {
            ProcessInstance instance = planMeeting(false);
            runAsyncSteps(instance.getId());
            completeDelegation(instance, "KH", cambodianDelegation());

            assertThatThrownBy(() -> completeRegistration(instance, "KH", Map.of(FUNDING, "funded", VISA_LETTERS_REQUIRED, false)))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("Hotel booking: is required for a funded delegation");
        }
    }

    // ---------------------------------------------------------------- steps shared by the tests

    ProcessInstance planMeeting(boolean fieldVisit) {
        return planMeeting(fieldVisit, 3);
    }

    ProcessInstance planMeeting(boolean fieldVisit, int quota) {
        Map<String, Object> variables = new HashMap<>(Map.ofEntries(
                Map.entry(TITLE, "ASEAN/Japan HIV/AIDS Workshop"),
                Map.entry(THEME, "Community-based prevention and care"),
                Map.entry(KIND, "workshop"),
                Map.entry(START_DATE, today().plusDays(60).toString()),
                Map.entry(END_DATE, today().plusDays(64).toString()),
                Map.entry(VENUE, "Phnom Penh, Hotel Cambodiana"),
                Map.entry(HOST_COUNTRY, "KH"),
                Map.entry(CO_ORGANISERS, List.of("ASEAN_SEC", "WHO")),
                Map.entry(BUDGET, 12_000_000),
                Map.entry(INVITED_COUNTRIES, List.of("KH", "LA", "VN")),
                Map.entry(DELEGATE_QUOTA, quota),
                Map.entry(NOMINATION_DEADLINE, today().plusDays(30).toString()),
                Map.entry(FIELD_VISIT, fieldVisit)));
        if (fieldVisit) {
            variables.put(FIELD_VISIT_SITE, "National Center for HIV/AIDS, Phnom Penh");
        }
        return runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables);
    }

    ProcessInstance toFreeze() {
        ProcessInstance instance = planMeeting(true);
        runAsyncSteps(instance.getId());
        completeDelegation(instance, "KH", cambodianDelegation());
        completeDelegation(instance, "LA", Map.of(DELEGATION_ANSWER, "nominated", "headName", "Somphone Keo",
                "headEmail", "somphone@moh.la.example", "headPassportNumber", "LA778812",
                "headPassportExpiry", today().plusYears(3).toString()));
        completeDelegation(instance, "VN", Map.of(DELEGATION_ANSWER, "declined", DECLINE_REASON, "Other commitments"));
        completeRegistration(instance, "KH", Map.of(FUNDING, "self_funded", VISA_LETTERS_REQUIRED, false));
        completeRegistration(instance, "LA", Map.of(FUNDING, "self_funded", VISA_LETTERS_REQUIRED, false));
        runAsyncSteps(instance.getId());
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_DRAFT_AGENDA, TASK_OBTAIN_SITE_PERMISSION);
        return instance;
    }

    Map<String, Object> cambodianDelegation() {
        String expiry = today().plusYears(4).toString();
        return Map.ofEntries(Map.entry(DELEGATION_ANSWER, "nominated"),
                Map.entry("headName", "Sok Chenda"), Map.entry("headEmail", "sok.chenda@moh.kh.example"),
                Map.entry("headPassportNumber", "KH100200"), Map.entry("headPassportExpiry", expiry),
                Map.entry("delegate2Name", "Heng Vanna"), Map.entry("delegate2Email", "heng.vanna@moh.kh.example"),
                Map.entry("delegate2PassportNumber", "KH100201"), Map.entry("delegate2PassportExpiry", expiry),
                Map.entry("delegate3Name", "Mao Sreypov"), Map.entry("delegate3Email", "mao.sreypov@moh.kh.example"),
                Map.entry("delegate3PassportNumber", "KH100202"), Map.entry("delegate3PassportExpiry", expiry));
    }

    long requestChange(ProcessInstance instance, Long replacesId, String newName) {
        long changeId = meetings.requestChange(meetingId(instance), "KH", replacesId,
                new MeetingService.Member(newName, "chea.sokha@moh.kh.example", "KH100300", today().plusYears(5)),
                "Heng Vanna was reassigned", "coordinator");
        runtimeService.createMessageCorrelation(MESSAGE_DELEGATION_CHANGE_REQUESTED)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .setVariableLocal(CHANGE_ID, changeId)
                .setVariableLocal(CHANGE_SUMMARY, meetings.describeChange(changeId)).correlate();
        return changeId;
    }

    List<Task> delegationTasks(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_RECORD_DELEGATION).list();
    }

    Task countryTask(ProcessInstance instance, String taskKey, String country) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list().stream()
                .filter(task -> country.equals(taskService.getVariable(task.getId(), COUNTRY_CODE)))
                .findFirst().orElseThrow(() -> new AssertionError("No " + taskKey + " for " + country));
    }

    void completeDelegation(ProcessInstance instance, String country, Map<String, Object> values) {
        taskService.complete(countryTask(instance, TASK_RECORD_DELEGATION, country).getId(), values);
    }

    void completeRegistration(ProcessInstance instance, String country, Map<String, Object> values) {
        taskService.complete(countryTask(instance, TASK_REGISTER_DELEGATION, country).getId(), values);
    }

    void completeAsManager(String taskKey, ProcessInstance instance, Map<String, Object> values) {
        identityService.setAuthentication("manager", List.of(Groups.MANAGERS));
        try {
            taskService.complete(task(taskKey, instance).getId(), values);
        } finally {
            identityService.clearAuthentication();
        }
    }

    Job timerOf(ProcessInstance instance, String boundaryId, String country) {
        Task countryTask = countryTask(instance, TASK_RECORD_DELEGATION, country);
        return managementService.createJobQuery().processInstanceId(instance.getId()).timers().activityId(boundaryId)
                .list().stream()
                .filter(job -> runtimeService.getVariable(job.getExecutionId(), COUNTRY_CODE).equals(country)
                        || job.getExecutionId().equals(countryTask.getExecutionId()))
                .findFirst().orElseThrow();
    }

    long meetingId(ProcessInstance instance) {
        return jdbc.sql("select id from meeting where reference = ?").param(instance.getBusinessKey()).query(Long.class).single();
    }

    Map<String, String> invitationStatuses(ProcessInstance instance) {
        return jdbc.sql("select country_code, status from meeting_invitation where meeting_id = ?").param(meetingId(instance))
                .query(rs -> {
                    Map<String, String> statuses = new HashMap<>();
                    while (rs.next()) {
                        statuses.put(rs.getString(1), rs.getString(2));
                    }
                    return statuses;
                });
    }
}
