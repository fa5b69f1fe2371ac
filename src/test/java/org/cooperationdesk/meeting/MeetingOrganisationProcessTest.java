package org.cooperationdesk.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.cooperationdesk.meeting.MeetingOrganisationProcess.*;
import static org.cooperationdesk.meeting.MeetingVariables.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.cooperationdesk.language.LanguageFormats;
import org.cooperationdesk.language.Language;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.cooperationdesk.ProcessTestSupport;
import org.cooperationdesk.SmallPdf;
import org.cooperationdesk.portal.LinkPurpose;
import org.cooperationdesk.portal.LinkScope;
import org.cooperationdesk.portal.PartnerLink;
import org.cooperationdesk.portal.PartnerLinks;
import org.cooperationdesk.portal.PartnerSubmission;
import org.cooperationdesk.portal.PartnerSubmissions;
import org.cooperationdesk.portal.PortalAnswer;
import org.cooperationdesk.portal.PortalVariables;
import org.cooperationdesk.portal.SubmissionStatus;
import org.cooperationdesk.portal.Upload;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.cooperationdesk.letter.LetterMail;
import org.cooperationdesk.notification.MailContent;
import org.cooperationdesk.form.InvalidSubmissionException;
import org.cooperationdesk.system.Groups;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A workshop for Cambodia, Lao PDR and Viet Nam with up to 3 delegates each and a field visit. */
class MeetingOrganisationProcessTest extends ProcessTestSupport {

    static final String DELEGATION_ANSWER_NOMINATED = "nominated";

    @Autowired
    MeetingService meetings;
    @Autowired
    MeetingDelegationTarget delegationTarget;
    @Autowired
    PartnerLinks links;
    @Autowired
    PartnerSubmissions submissions;
    @Autowired
    PlatformTransactionManager transactionManager;

    // ---------------------------------------------------------------- happy path

    @Test
    void shouldOrganiseAWorkshopFromInvitationsToTheChairsSummary() throws Exception {
        ProcessInstance instance = planMeeting(true);
        assertThat(instance.getBusinessKey()).matches("MT-\\d{4}-\\d{4}");
        runAsyncSteps(instance.getId());
        assertThat(mailsTo("international-cooperation@kh.gov.example")).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).startsWith("Invitation: ASEAN/Japan HIV/AIDS Workshop"));
        assertThat(LetterMail.letterText(jdbc, mailsTo("international-cooperation@kh.gov.example").get(0),
                instance.getBusinessKey() + "-note-verbale-KH.pdf"))
                .contains("NOTE VERBALE", "presents its compliments to the Government of Cambodia and has the honour to "
                        + "invite the Government of Cambodia to send a delegation to the ASEAN/Japan HIV/AIDS Workshop");
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
        assertThat(MailContent.text(visaLetter)).contains("Sok Chenda, passport KH100200", "The letter is attached");
        assertThat(LetterMail.letterText(jdbc, visaLetter, instance.getBusinessKey() + "-visa-support-letter-KH.pdf"))
                .contains("Sok Chenda Head of delegation KH100200", "Heng Vanna Delegate KH100201",
                        "Mao Sreypov Delegate KH100202");
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
                assertThat(MailContent.text(mail)).contains("Strengthen community-based testing."));
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
                    .hasMessageContaining("Second delegate's e-mail: is required for each delegate named");
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
            Job reminder = timerOf(instance, BOUNDARY_DELEGATION_REMINDER_DUE, "LA");
            // a week before the deadline (30 days ahead), at nine in the morning
            assertThat(reminder.getDuedate()).isEqualTo(at(today().plusDays(23), LocalTime.of(9, 0)));

            execute(reminder);
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
            Job deadline = timerOf(instance, BOUNDARY_DELEGATION_DEADLINE, "LA");
            assertThat(deadline.getDuedate()).isEqualTo(at(today().plusDays(30), LocalTime.of(23, 59, 59)));

            execute(deadline);
            runAsyncSteps(instance.getId());

            assertThat(mailsTo("manager@mhlw.example")).singleElement()
                    .satisfies(mail -> {
                        // The managers read the office's default language, Japanese.
                        assertThat(mail.getSubject()).startsWith("ラオス").contains("から回答がありません");
                        assertThat(MailContent.text(mail)).contains("在外公館を通じて照会してください");
                    });
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
            Job deadline = timerOf(instance, BOUNDARY_DELEGATION_DEADLINE, "LA");
            assertThat(deadline.getDuedate()).isEqualTo(at(today().plusDays(30), LocalTime.of(23, 59, 59)));
            execute(deadline);
            runAsyncSteps(instance.getId());
            Task followUp = taskService.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(TASK_FOLLOW_UP_THROUGH_EMBASSY).singleResult();

            taskService.complete(followUp.getId(), Map.of(FOLLOW_UP_OUTCOME, "delegation_named",
                    FOLLOW_UP_NOTE, "Names promised by the embassy within the week."));

            assertThat(delegationTasks(instance)).hasSize(3);
            // a week's grace from the follow-up, not the original deadline 30 days ahead
            Job newDeadline = timerOf(instance, BOUNDARY_DELEGATION_DEADLINE, "LA");
            assertThat(newDeadline.getDuedate()).isEqualTo(at(today().plusDays(7), LocalTime.of(23, 59, 59)));
            Job newReminder = timerOf(instance, BOUNDARY_DELEGATION_REMINDER_DUE, "LA");
            assertThat(newReminder.getDuedate()).isEqualTo(at(today().plusDays(7), LocalTime.of(23, 59, 59)));
        }
    }

    // ---------------------------------------------------------------- delegations sent online

    /** The focal point answers through the invitation's personal link; a coordinator reviews what arrives. */
    @Nested
    class DelegationsSentOnline {

        static final String CAMBODIA = "international-cooperation@kh.gov.example";

        @Test
        void shouldCarryOnAsTheCoordinatorsFormWouldWhenAnOnlineDelegationIsAccepted() {
            ProcessInstance instance = planMeeting(false);
            runAsyncSteps(instance.getId());
            PartnerLink link = linkOf(instance, "KH");

            sendOnline(link, cambodianDelegation());

            Task review = countryTask(instance, TASK_REVIEW_DELEGATION, "KH");
            assertThat(review.getName()).isEqualTo("Review delegation of Cambodia");
            BpmnAwareTests.assertThat(review).hasCandidateGroup(Groups.COORDINATORS);
            assertThat((String) taskService.getVariable(review.getId(), PortalVariables.SUBMISSION_TITLE))
                    .isEqualTo("Delegation of Cambodia to " + instance.getBusinessKey());
            assertThat((String) taskService.getVariable(review.getId(), PortalVariables.SUBMISSION_SUMMARY))
                    .contains("Head of delegation: Sok Chenda", "Third delegate: Mao Sreypov", "[officialLetter] note-verbale.pdf");
            assertThat(delegationTasks(instance)).as("Lao PDR and Viet Nam still awaited, Cambodia under review").hasSize(2);

            completeAs("coordinator", List.of(Groups.COORDINATORS), review, Map.of(PortalVariables.REVIEW_DECISION,
                    PortalVariables.ACCEPTED));

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_REVIEW_DELEGATION, TASK_TAKE_DELEGATION_AS_SENT,
                    TASK_STORE_DELEGATION);
            assertThat(countryTask(instance, TASK_REGISTER_DELEGATION, "KH")).isNotNull();
            assertThat(meetings.delegates(meetingId(instance))).extracting(Delegate::fullName, Delegate::countryCode,
                    Delegate::passportNumber).containsExactly(tuple("Sok Chenda", "KH", "KH100200"),
                    tuple("Heng Vanna", "KH", "KH100201"), tuple("Mao Sreypov", "KH", "KH100202"));
            assertThat(invitationStatuses(instance)).containsEntry("KH", "NOMINATED").containsEntry("LA", "INVITED");
            assertThat(submissions.latest(link.scope()).orElseThrow())
                    .extracting(PartnerSubmission::status, PartnerSubmission::decidedBy)
                    .containsExactly(SubmissionStatus.ACCEPTED, "coordinator");
            // the answer stays in Cambodia's scope: neither the instance nor another country sees it
            assertThat(runtimeService.getVariable(instance.getId(), "headName")).isNull();
            assertThat(runtimeService.getVariable(instance.getId(), PortalVariables.SUBMISSION_ID)).isNull();
            assertThat(taskService.getVariable(countryTask(instance, TASK_RECORD_DELEGATION, "LA").getId(),
                    PortalVariables.SUBMISSION_ID)).isNull();
        }

        @Test
        void shouldEndTheCountrysBranchWhenAnOnlineDeclineIsAccepted() {
            ProcessInstance instance = planMeeting(false);
            runAsyncSteps(instance.getId());

            sendOnline(linkOf(instance, "VN"), Map.of(DELEGATION_ANSWER, "declined",
                    DECLINE_REASON, "National assembly session in the same week"));
            completeAs("coordinator", List.of(Groups.COORDINATORS), countryTask(instance, TASK_REVIEW_DELEGATION, "VN"),
                    Map.of(PortalVariables.REVIEW_DECISION, PortalVariables.ACCEPTED));
            runJobsAt(instance.getId(), END_EVENT_COUNTRY_DECLINED);

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_TAKE_DELEGATION_AS_SENT, END_EVENT_COUNTRY_DECLINED);
            assertThat(invitationStatuses(instance)).containsEntry("VN", "DECLINED");
            assertThat(jdbc.sql("select reason from meeting_invitation where meeting_id = ? and country_code = 'VN'")
                    .param(meetingId(instance)).query(String.class).single())
                    .isEqualTo("National assembly session in the same week");
            assertThat(delegationTasks(instance)).hasSize(2);
        }

        @Test
        void shouldTellTheGovernmentWhatToCorrectAndWaitAgainWhenADelegationIsReturned() throws Exception {
            ProcessInstance instance = planMeeting(false);
            runAsyncSteps(instance.getId());
            PartnerLink link = linkOf(instance, "KH");
            String invitationLink = links.urlOf(link);
            assertThat(MailContent.text(mailsTo(CAMBODIA).get(0))).contains(invitationLink);
            sendOnline(link, cambodianDelegation());
            mailServer.reset();
            String reason = "The head of delegation's passport number is KH100299 according to the note verbale.";

            completeAs("coordinator", List.of(Groups.COORDINATORS), countryTask(instance, TASK_REVIEW_DELEGATION, "KH"),
                    Map.of(PortalVariables.REVIEW_DECISION, PortalVariables.RETURNED, PortalVariables.RETURN_REASON, reason));

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_RECORD_DELEGATION_RETURNED);
            assertThat(managementService.createJobQuery().processInstanceId(instance.getId())
                    .activityId(TASK_SEND_DELEGATION_RETURNED).singleResult()).as("the mail step, asynchronous").isNotNull();
            runAsyncSteps(instance.getId());
            assertThat(mailsTo(CAMBODIA)).singleElement().satisfies(mail -> {
                assertThat(mail.getSubject()).isEqualTo("Please correct your answer: the delegation of Cambodia to "
                        + "ASEAN/Japan HIV/AIDS Workshop (" + instance.getBusinessKey() + ")");
                assertThat(MailContent.text(mail)).contains(reason, invitationLink, "Dear colleagues of Cambodia");
            });
            assertThat(countryTask(instance, TASK_RECORD_DELEGATION, "KH")).as("waiting for Cambodia again").isNotNull();
            assertThat(timerOf(instance, BOUNDARY_DELEGATION_DEADLINE, "KH").getDuedate())
                    .isEqualTo(at(today().plusDays(30), LocalTime.of(23, 59, 59)));
            assertThat(submissions.latest(link.scope()).orElseThrow())
                    .extracting(PartnerSubmission::status, PartnerSubmission::returnReason, PartnerSubmission::decidedBy)
                    .containsExactly(SubmissionStatus.RETURNED, reason, "coordinator");
            assertThat(meetings.delegates(meetingId(instance))).isEmpty();
            assertThat(invitationStatuses(instance)).containsEntry("KH", "INVITED");
        }

        @Test
        void shouldRefuseToReturnADelegationWithoutSayingWhatToCorrect() {
            ProcessInstance instance = planMeeting(false);
            runAsyncSteps(instance.getId());
            PartnerLink link = linkOf(instance, "KH");
            sendOnline(link, cambodianDelegation());
            Task review = countryTask(instance, TASK_REVIEW_DELEGATION, "KH");

            assertThatThrownBy(() -> completeAs("coordinator", List.of(Groups.COORDINATORS), review,
                    Map.of(PortalVariables.REVIEW_DECISION, PortalVariables.RETURNED)))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("What to correct: is required when returning the answer");

            assertThat(countryTask(instance, TASK_REVIEW_DELEGATION, "KH")).as("the review stays open").isNotNull();
            assertThat(submissions.latest(link.scope()).orElseThrow().status()).isEqualTo(SubmissionStatus.RECEIVED);
        }

        PartnerLink linkOf(ProcessInstance instance, String country) {
            return links.live(LinkScope.of(LinkPurpose.MEETING_DELEGATION, instance.getBusinessKey(), country))
                    .orElseThrow(() -> new AssertionError("No live link for " + country));
        }

        /** What the portal does once the page's rules and files passed: within one transaction, as its controller. */
        void sendOnline(PartnerLink link, Map<String, Object> values) {
            List<Upload> files = DELEGATION_ANSWER_NOMINATED.equals(values.get(DELEGATION_ANSWER))
                    ? List.of(new Upload("officialLetter", "note-verbale.pdf", SmallPdf.withText("Note verbale")))
                    : List.of();
            new TransactionTemplate(transactionManager).executeWithoutResult(tx -> delegationTarget.receive(link,
                    new PortalAnswer(MeetingOrganisationProcess.FORM_RECORD_DELEGATION, values, files, "192.0.2.10")));
        }

        void completeAs(String user, List<String> groups, Task task, Map<String, Object> variables) {
            identityService.setAuthentication(user, groups);
            try {
                taskService.complete(task.getId(), variables);
            } finally {
                identityService.clearAuthentication();
            }
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
            assertThat(meetings.delegate(replaced.id()).status()).isEqualTo(DelegateStatus.REMOVED);
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
                    .satisfies(mail -> assertThat(mail.getSubject()).contains("now "
                            + LanguageFormats.date(today().plusDays(90), Language.EN)));
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
            assertThat(meetings.meeting(meetingId(instance)).status()).isEqualTo(MeetingStatus.CANCELLED);
            assertThat(mailsTo("international-cooperation@kh.gov.example")).singleElement()
                    .satisfies(mail -> assertThat(MailContent.text(mail)).contains("Venue unavailable"));
            assertThat(mailsTo("sok.chenda@moh.kh.example")).hasSize(1);
            assertThat(jdbc.sql("select count(*) from delegate where meeting_id = ? and status = 'CANCELLED'")
                    .param(meetingId(instance)).query(Integer.class).single()).isEqualTo(4);
        }
    }

    // ---------------------------------------------------------------- a meeting nobody will attend

    @Nested
    class WithoutDelegates {

        @Test
        void shouldInviteEveryGovernmentAgainWhenAllDeclineAndTheManagerPostpones() throws Exception {
            ProcessInstance instance = allDecline();
            Task decision = task(TASK_DECIDE_ON_MEETING_WITHOUT_DELEGATES, instance);
            BpmnAwareTests.assertThat(decision).hasCandidateGroup(Groups.MANAGERS);
            assertThat((String) taskService.getVariable(decision.getId(), COUNTRY_ANSWERS))
                    .contains("Cambodia: declined (Budget cuts)")
                    .contains("Viet Nam: declined (National assembly session in the same week)");
            mailServer.reset();
            String newStart = today().plusDays(120).toString();

            completeAsManager(TASK_DECIDE_ON_MEETING_WITHOUT_DELEGATES, instance, postponement(today().plusDays(120),
                    today().plusDays(123), today().plusDays(90)));
            runAsyncSteps(instance.getId());

            Meeting meeting = meetings.meeting(meetingId(instance));
            assertThat(meeting.startDate()).hasToString(newStart);
            assertThat(meeting.endDate()).isEqualTo(today().plusDays(123));
            assertThat(meeting.nominationDeadline()).isEqualTo(today().plusDays(90));
            assertThat(meeting.calendarSequence()).isEqualTo(1);
            assertThat(meeting.status()).isEqualTo(MeetingStatus.PLANNED);
            assertThat(invitationStatuses(instance)).containsOnly(Map.entry("KH", "INVITED"), Map.entry("LA", "INVITED"),
                    Map.entry("VN", "INVITED"));
            for (String focalPoint : List.of("international-cooperation@kh.gov.example",
                    "international-cooperation@la.gov.example", "international-cooperation@vn.gov.example")) {
                assertThat(mailsTo(focalPoint)).as(focalPoint).singleElement().satisfies(mail -> {
                    assertThat(mail.getSubject()).startsWith("Invitation: ASEAN/Japan HIV/AIDS Workshop")
                            .contains(LanguageFormats.date(today().plusDays(120), Language.EN));
                    assertThat(MailContent.text(mail)).contains(LanguageFormats.date(today().plusDays(90), Language.EN));
                });
            }
            assertThat(delegationTasks(instance)).hasSize(3);
            assertThat(timerOf(instance, BOUNDARY_DELEGATION_DEADLINE, "LA").getDuedate())
                    .isEqualTo(at(today().plusDays(90), LocalTime.of(23, 59, 59)));
            assertThat(jdbc.sql("select kind || ':' || outcome || ':' || coalesce(decided_by, 'null') from decision "
                    + "where subject_ref = ? and outcome = 'postponed'").param(instance.getBusinessKey()).query(String.class).list())
                    .as("the manager's decision, logged once").containsExactly("meeting without delegates:postponed:manager");

            // the new round's answers carry the meeting on as usual
            completeDelegation(instance, "KH", cambodianDelegation());
            completeDelegation(instance, "LA", Map.of(DELEGATION_ANSWER, "declined", DECLINE_REASON, "Still no budget"));
            completeDelegation(instance, "VN", Map.of(DELEGATION_ANSWER, "declined", DECLINE_REASON, "Elections"));
            completeRegistration(instance, "KH", Map.of(FUNDING, "self_funded", VISA_LETTERS_REQUIRED, false));
            runAsyncSteps(instance.getId());
            BpmnAwareTests.assertThat(instance).hasPassed(TASK_FREEZE_LIST).isWaitingAt(TASK_DRAFT_AGENDA);
            assertThat(meetings.meeting(meetingId(instance)).status()).isEqualTo(MeetingStatus.FROZEN);
        }

        @Test
        void shouldCancelAndTellEveryGovernmentWhenAllDeclineAndTheManagerCancels() throws Exception {
            ProcessInstance instance = allDecline();
            mailServer.reset();

            completeAsManager(TASK_DECIDE_ON_MEETING_WITHOUT_DELEGATES, instance, Map.of(MEETING_DECISION, DECISION_CANCELLED,
                    CANCELLATION_REASON, "No government can attend this year"));
            runAsyncSteps(instance.getId());

            BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_MEETING_CANCELLED_WITHOUT_DELEGATES)
                    .hasNotPassed(TASK_FREEZE_LIST, TASK_DRAFT_AGENDA, TASK_RECORD_ATTENDANCE, END_EVENT_MEETING_CANCELLED);
            assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
            assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
            assertThat(jdbc.sql("select status, cancellation_reason from meeting where id = ?").param(meetingId(instance))
                    .query().singleRow())
                    .containsEntry("STATUS", "CANCELLED").containsEntry("CANCELLATION_REASON", "No government can attend this year");
            assertThat(jdbc.sql("select kind || ':' || outcome || ':' || decided_by from decision where subject_ref = ? "
                    + "and outcome = 'cancelled'").param(instance.getBusinessKey()).query(String.class).list())
                    .as("the manager's decision, logged once").containsExactly("meeting without delegates:cancelled:manager");
            for (String focalPoint : List.of("international-cooperation@kh.gov.example",
                    "international-cooperation@la.gov.example", "international-cooperation@vn.gov.example")) {
                assertThat(mailsTo(focalPoint)).as(focalPoint).singleElement().satisfies(mail -> {
                    assertThat(mail.getSubject()).startsWith("Cancelled: ASEAN/Japan HIV/AIDS Workshop");
                    assertThat(MailContent.text(mail)).contains("No government can attend this year");
                });
            }
        }

        @Test
        void shouldAskTheManagerWhenNoAnswerAndEmbassyFollowUpsBringNoNames() {
            ProcessInstance instance = planMeeting(false);
            runAsyncSteps(instance.getId());
            completeDelegation(instance, "KH", Map.of(DELEGATION_ANSWER, "declined", DECLINE_REASON, "Budget cuts"));
            // Lao PDR never answers, not even to the embassy
            execute(timerOf(instance, BOUNDARY_DELEGATION_DEADLINE, "LA"));
            runAsyncSteps(instance.getId());
            completeFollowUp(instance, "LA", "no_answer", "Embassy called twice, no instructions from the capital.");
            // Viet Nam promises names through its embassy, then never sends them
            execute(timerOf(instance, BOUNDARY_DELEGATION_DEADLINE, "VN"));
            runAsyncSteps(instance.getId());
            completeFollowUp(instance, "VN", "delegation_named", "Names promised within the week.");
            execute(timerOf(instance, BOUNDARY_DELEGATION_DEADLINE, "VN"));
            runAsyncSteps(instance.getId());
            completeFollowUp(instance, "VN", "no_answer", "The promised names never came.");
            runAsyncSteps(instance.getId());

            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_DECIDE_ON_MEETING_WITHOUT_DELEGATES)
                    .hasPassed(GATEWAY_ANY_DELEGATE_REGISTERED).hasNotPassed(TASK_FREEZE_LIST);
            assertThat(meetings.delegates(meetingId(instance))).isEmpty();
            assertThat((String) runtimeService.getVariable(instance.getId(), COUNTRY_ANSWERS))
                    .contains("Lao PDR: no delegation after the embassy's follow-up (Embassy called twice")
                    .contains("Viet Nam: no delegation after the embassy's follow-up (The promised names never came.)");
        }

        @Test
        void shouldLetTheManagerCancelWhenNobodyAttends() throws Exception {
            ProcessInstance instance = toFreeze();
            completeProgramme(instance);
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_ATTENDANCE);

            // nobody came: an empty list is a legitimate answer, the server takes it
            complete(task(TASK_RECORD_ATTENDANCE, instance), withVariables(ATTENDED_DELEGATES, List.of()));

            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_DECIDE_ON_MEETING_WITHOUT_DELEGATES)
                    .hasPassed(GATEWAY_ANY_DELEGATE_ATTENDED).hasNotPassed(TASK_DRAFT_MINUTES);
            assertThat((String) runtimeService.getVariable(instance.getId(), COUNTRY_ANSWERS))
                    .contains("Sok Chenda absent");
            assertThat(meetings.meeting(meetingId(instance)).status()).isEqualTo(MeetingStatus.FROZEN);
            mailServer.reset();

            completeAsManager(TASK_DECIDE_ON_MEETING_WITHOUT_DELEGATES, instance, Map.of(MEETING_DECISION, DECISION_CANCELLED,
                    CANCELLATION_REASON, "Flights grounded by the typhoon"));
            runAsyncSteps(instance.getId());

            BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_MEETING_CANCELLED_WITHOUT_DELEGATES)
                    .hasNotPassed(TASK_DRAFT_MINUTES);
            assertThat(meetings.meeting(meetingId(instance)).status()).isEqualTo(MeetingStatus.CANCELLED);
            assertThat(mailsTo("sok.chenda@moh.kh.example")).singleElement()
                    .satisfies(mail -> assertThat(MailContent.text(mail)).contains("Flights grounded by the typhoon"));
            assertThat(mailsTo("international-cooperation@vn.gov.example")).hasSize(1);
            assertThat(mailsTo("asean-plus-three-labour-ministers@asean.example")).isEmpty();
        }

        @Test
        void shouldSkipTheAttendanceListWhenChangesRemovedTheLastDelegate() {
            ProcessInstance instance = planMeeting(false);
            runAsyncSteps(instance.getId());
            completeDelegation(instance, "KH", Map.of(DELEGATION_ANSWER, "declined", DECLINE_REASON, "Budget cuts"));
            completeDelegation(instance, "LA", Map.of(DELEGATION_ANSWER, "nominated", "headName", "Somphone Keo",
                    "headEmail", "somphone@moh.la.example", "headPassportNumber", "LA778812",
                    "headPassportExpiry", today().plusYears(3).toString()));
            completeDelegation(instance, "VN", Map.of(DELEGATION_ANSWER, "declined", DECLINE_REASON, "Elections"));
            completeRegistration(instance, "LA", Map.of(FUNDING, "self_funded", VISA_LETTERS_REQUIRED, false));
            runAsyncSteps(instance.getId());
            Delegate somphone = meetings.delegates(meetingId(instance)).get(0);
            long changeId = meetings.requestChange(meetingId(instance), "LA", somphone.id(), null, "Reassigned", "coordinator");
            runtimeService.createMessageCorrelation(MESSAGE_DELEGATION_CHANGE_REQUESTED)
                    .processInstanceBusinessKey(instance.getBusinessKey()).setVariableLocal(CHANGE_ID, changeId)
                    .setVariableLocal(CHANGE_SUMMARY, meetings.describeChange(changeId)).correlate();
            completeAsManager(TASK_APPROVE_DELEGATION_CHANGE, instance, Map.of(CHANGE_DECISION, "approved"));

            complete(task(TASK_DRAFT_AGENDA, instance), withVariables(AGENDA, "Day 1: opening"));
            completeAsManager(TASK_APPROVE_AGENDA, instance, Map.of(AGENDA_DECISION, "approved"));
            runJobsAt(instance.getId(), GATEWAY_PROGRAMME_JOIN);

            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_DECIDE_ON_MEETING_WITHOUT_DELEGATES)
                    .hasPassed(GATEWAY_ANY_DELEGATE_LEFT).hasNotPassed(TASK_RECORD_ATTENDANCE);
        }

        @Test
        void shouldPostponeAfterNobodyAttendedAndInviteEveryGovernmentAgain() {
            ProcessInstance instance = toFreeze();
            assertThat(registeredInvitations(instance)).as("the first round's registrations").isPositive();
            completeProgramme(instance);
            complete(task(TASK_RECORD_ATTENDANCE, instance), withVariables(ATTENDED_DELEGATES, List.of()));
            mailServer.reset();

            completeAsManager(TASK_DECIDE_ON_MEETING_WITHOUT_DELEGATES, instance, postponement(today().plusDays(150),
                    today().plusDays(152), today().plusDays(120)));
            runAsyncSteps(instance.getId());

            Meeting meeting = meetings.meeting(meetingId(instance));
            assertThat(meeting.startDate()).isEqualTo(today().plusDays(150));
            assertThat(meeting.listFrozen()).isFalse();
            assertThat(mailsTo("international-cooperation@vn.gov.example")).singleElement()
                    .satisfies(mail -> assertThat(mail.getSubject()).startsWith("Invitation:"));
            assertThat(delegationTasks(instance)).hasSize(3);
            assertThat(registeredInvitations(instance)).as("the new round starts without the old registrations").isZero();
            BpmnAwareTests.assertThat(instance).isNotWaitingAt(TASK_DRAFT_MINUTES);
        }

        private int registeredInvitations(ProcessInstance instance) {
            return jdbc.sql("select count(*) from meeting_invitation where meeting_id = ? and (funding is not null "
                    + "or hotel_booking is not null or travel_booking is not null or visa_letters is not null)")
                    .param(meetingId(instance)).query(Integer.class).single();
        }

        @Nested
        class Refused {

            @Test
            void shouldRefuseAPostponementWithDatesOutOfOrder() {
                ProcessInstance instance = allDecline();
                Map<String, Object> outOfOrder = postponement(today().plusDays(120), today().plusDays(110),
                        today().plusDays(125));

                assertThatThrownBy(() -> completeAsManager(TASK_DECIDE_ON_MEETING_WITHOUT_DELEGATES, instance, outOfOrder))
                        .isInstanceOf(InvalidSubmissionException.class)
                        .hasMessageContaining("New end: must not be before New start (" + org.cooperationdesk.language.LanguageFormats.date(today().plusDays(120), org.cooperationdesk.language.Language.EN) + ")")
                        .hasMessageContaining("New answer deadline: must be before New start (" + org.cooperationdesk.language.LanguageFormats.date(today().plusDays(120), org.cooperationdesk.language.Language.EN) + ")");
                BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_DECIDE_ON_MEETING_WITHOUT_DELEGATES);
                assertThat(meetings.meeting(meetingId(instance)).calendarSequence()).isZero();
            }

            @Test
            void shouldRefuseAPostponementWithoutDatesOrReasonAndDatesInThePast() {
                ProcessInstance instance = allDecline();

                assertThatThrownBy(() -> completeAsManager(TASK_DECIDE_ON_MEETING_WITHOUT_DELEGATES, instance,
                        Map.of(MEETING_DECISION, DECISION_POSTPONED, NEW_START_DATE, today().minusDays(1).toString())))
                        .isInstanceOf(InvalidSubmissionException.class)
                        .hasMessageContaining("New start: must not be in the past")
                        .hasMessageContaining("New end: is required")
                        .hasMessageContaining("New answer deadline: is required")
                        .hasMessageContaining("Reason for postponing: is required");
            }

            @Test
            void shouldRefuseACancellationWithoutAReason() {
                ProcessInstance instance = allDecline();

                assertThatThrownBy(() -> completeAsManager(TASK_DECIDE_ON_MEETING_WITHOUT_DELEGATES, instance,
                        Map.of(MEETING_DECISION, DECISION_CANCELLED)))
                        .isInstanceOf(InvalidSubmissionException.class)
                        .hasMessageContaining("Reason for cancelling: is required");
                BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_DECIDE_ON_MEETING_WITHOUT_DELEGATES);
            }
        }

        ProcessInstance allDecline() {
            ProcessInstance instance = planMeeting(false);
            runAsyncSteps(instance.getId());
            completeDelegation(instance, "KH", Map.of(DELEGATION_ANSWER, "declined", DECLINE_REASON, "Budget cuts"));
            completeDelegation(instance, "LA", Map.of(DELEGATION_ANSWER, "declined", DECLINE_REASON, "Staff shortage"));
            completeDelegation(instance, "VN", Map.of(DELEGATION_ANSWER, "declined",
                    DECLINE_REASON, "National assembly session in the same week"));
            runAsyncSteps(instance.getId());
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_DECIDE_ON_MEETING_WITHOUT_DELEGATES)
                    .hasPassed(GATEWAY_ANY_DELEGATE_REGISTERED).hasNotPassed(TASK_FREEZE_LIST);
            return instance;
        }

        Map<String, Object> postponement(LocalDate start, LocalDate end, LocalDate deadline) {
            return Map.of(MEETING_DECISION, DECISION_POSTPONED, NEW_START_DATE, start.toString(),
                    NEW_END_DATE, end.toString(), NEW_NOMINATION_DEADLINE, deadline.toString(),
                    POSTPONEMENT_REASON, "No government could come in the planned week");
        }

        void completeProgramme(ProcessInstance instance) {
            complete(task(TASK_DRAFT_AGENDA, instance), withVariables(AGENDA, "Day 1: country reports"));
            completeAsManager(TASK_APPROVE_AGENDA, instance, Map.of(AGENDA_DECISION, "approved"));
            complete(task(TASK_OBTAIN_SITE_PERMISSION, instance), withVariables(SITE_PERMISSION_REFERENCE, "MOH-KH-2026-55",
                    VISIT_DATE, today().plusDays(62).toString()));
            complete(task(TASK_ARRANGE_TRANSPORT, instance), withVariables(TRANSPORT_ARRANGEMENT, "Two minibuses"));
            runJobsAt(instance.getId(), GATEWAY_PROGRAMME_JOIN);
        }

        void completeFollowUp(ProcessInstance instance, String country, String outcome, String note) {
            Task followUp = countryTask(instance, TASK_FOLLOW_UP_THROUGH_EMBASSY, country);
            taskService.complete(followUp.getId(), Map.of(FOLLOW_UP_OUTCOME, outcome, FOLLOW_UP_NOTE, note));
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
                    .hasMessageContaining("Hotel booking (funded delegations): is required for a funded delegation");
        }
    }

    @Nested
    class World {

        /** The high level officials meeting with the ASEAN+3 governments, its budget in US dollars. */
        @Test
        void shouldInviteTheThirteenGovernmentsOfAseanPlus3AndHoldTheMeetingToItsSummary() throws Exception {
            Map<String, Object> variables = new HashMap<>(planVariables(false, 2));
            variables.remove(ALSO_INVITED);
            variables.putAll(Map.of(TITLE, "ASEAN+3 High Level Officials Meeting on Social Welfare and Development",
                    KIND, "high_level_officials_meeting", HOST_COUNTRY, "JP", VENUE, "Tokyo, Mita Kaigisho",
                    INVITED_GROUP, "ASEAN_PLUS_3", BUDGET, 80_000, BUDGET_CURRENCY, "USD"));
            ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables);
            runAsyncSteps(instance.getId());

            List<String> aseanPlus3 = List.of("BN", "CN", "ID", "JP", "KH", "KR", "LA", "MM", "MY", "PH", "SG", "TH", "VN");
            assertThat(invitationStatuses(instance)).containsOnlyKeys(aseanPlus3);
            assertThat(delegationTasks(instance)).hasSize(13);
            // Each government's invitation goes to the channel its record holds, China's and Korea's included.
            for (String country : List.of("CN", "KR", "KH")) {
                String channel = jdbc.sql("select channel_email from partner_country where code = ?").param(country)
                        .query(String.class).single();
                assertThat(mailsTo(channel)).as(country).singleElement().satisfies(mail ->
                        assertThat(mail.getSubject()).startsWith("Invitation: ASEAN+3 High Level Officials Meeting"));
            }
            Map<String, Object> budget = jdbc.sql("select budget, budget_currency, budget_yen from meeting where id = ?")
                    .param(meetingId(instance)).query().singleRow();
            assertThat(budget).containsEntry("BUDGET_CURRENCY", "USD");
            assertThat((java.math.BigDecimal) budget.get("BUDGET_YEN")).isGreaterThan(new java.math.BigDecimal(80_000));

            String expiry = today().plusYears(4).toString();
            completeDelegation(instance, "CN", Map.of(DELEGATION_ANSWER, "nominated", "headName", "Li Wei",
                    "headEmail", "li.wei@mca.cn.example", "headPassportNumber", "E12345678", "headPassportExpiry", expiry));
            completeDelegation(instance, "KR", Map.of(DELEGATION_ANSWER, "nominated", "headName", "Kim Min-jun",
                    "headEmail", "kim.minjun@mohw.kr.example", "headPassportNumber", "M98765432", "headPassportExpiry", expiry));
            for (String country : aseanPlus3) {
                if (!country.equals("CN") && !country.equals("KR")) {
                    completeDelegation(instance, country, Map.of(DELEGATION_ANSWER, "declined",
                            DECLINE_REASON, "Represented through the ASEAN Secretariat"));
                }
            }
            completeRegistration(instance, "CN", Map.of(FUNDING, "self_funded", VISA_LETTERS_REQUIRED, false));
            completeRegistration(instance, "KR", Map.of(FUNDING, "self_funded", VISA_LETTERS_REQUIRED, false));
            runAsyncSteps(instance.getId());
            BpmnAwareTests.assertThat(instance).hasPassed(TASK_FREEZE_LIST).isWaitingAt(TASK_DRAFT_AGENDA);

            complete(task(TASK_DRAFT_AGENDA, instance), withVariables(AGENDA, "Day 1: country reports"));
            completeAsManager(TASK_APPROVE_AGENDA, instance, Map.of(AGENDA_DECISION, "approved"));
            runJobsAt(instance.getId(), GATEWAY_PROGRAMME_JOIN);
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_ATTENDANCE);
            List<String> attended = meetings.delegates(meetingId(instance)).stream().map(d -> String.valueOf(d.id())).toList();
            assertThat(attended).hasSize(2);
            complete(task(TASK_RECORD_ATTENDANCE, instance), withVariables(ATTENDED_DELEGATES, attended));
            complete(task(TASK_DRAFT_MINUTES, instance), withVariables(CHAIR_SUMMARY, "Officials reviewed the plus-three cooperation.",
                    RECOMMENDATIONS, "Report to the ASEAN+3 ministerial meeting."));
            completeAsManager(TASK_APPROVE_MINUTES, instance, Map.of(MINUTES_DECISION, "approved"));
            runAsyncSteps(instance.getId());

            BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_MEETING_CLOSED);
            assertThat(mailsTo("li.wei@mca.cn.example")).extracting(MimeMessage::getSubject).isNotEmpty();
        }

        /** A channel an admin removed after the invitation: that one mail waits in Cockpit, nothing is lost. */
        @Test
        void shouldWaitInAnIncidentWhenAnInvitedCountrysChannelIsGoneAndSendOnceItIsRecordedAgain() {
            ProcessInstance instance = planMeeting(false);
            Map<String, Object> channel = jdbc.sql("select channel_kind, channel_name, channel_email from partner_country where code = 'VN'")
                    .query().singleRow();
            jdbc.sql("update partner_country set channel_kind = null, channel_name = null, channel_email = null where code = 'VN'").update();
            try {
                List<Job> jobs;
                while (!(jobs = managementService.createJobQuery().processInstanceId(instance.getId()).messages()
                        .withRetriesLeft().list()).isEmpty()) {
                    for (Job job : jobs) {
                        try {
                            managementService.executeJob(job.getId());
                        } catch (RuntimeException refused) {
                            assertThat(refused).hasMessageContaining("No channel is recorded for Viet Nam (VN)");
                        }
                    }
                }
                org.camunda.bpm.engine.runtime.Incident incident = runtimeService.createIncidentQuery()
                        .processInstanceId(instance.getId()).singleResult();
                assertThat(incident.getIncidentMessage()).contains("No channel is recorded for Viet Nam (VN)");
                assertThat(mailsTo("international-cooperation@kh.gov.example")).hasSize(1);
            } finally {
                jdbc.sql("update partner_country set channel_kind = ?, channel_name = ?, channel_email = ? where code = 'VN'")
                        .params(channel.get("CHANNEL_KIND"), channel.get("CHANNEL_NAME"), channel.get("CHANNEL_EMAIL")).update();
            }

            Job failed = managementService.createJobQuery().processInstanceId(instance.getId()).noRetriesLeft().singleResult();
            managementService.setJobRetries(failed.getId(), 1);
            managementService.executeJob(failed.getId());

            assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
            assertThat(mailsTo((String) channel.get("CHANNEL_EMAIL"))).singleElement().satisfies(mail ->
                    assertThat(mail.getSubject()).startsWith("Invitation: ASEAN/Japan HIV/AIDS Workshop"));
            assertThat(delegationTasks(instance)).hasSize(3);
        }

        @Test
        void shouldInviteTheGroupLessTheCountriesLeftOutPlusTheOnesAdded() {
            Map<String, Object> variables = new HashMap<>(planVariables(false, 2));
            variables.putAll(Map.of(INVITED_GROUP, "ASEAN", NOT_INVITED, List.of("MM", "BN"), ALSO_INVITED, List.of("CN")));

            ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables);

            assertThat(invitationStatuses(instance)).containsOnlyKeys("CN", "ID", "KH", "LA", "MY", "PH", "SG", "TH", "VN");
        }

        @Test
        void shouldRefuseAPlanThatInvitesNobodyLeavesOutACountryOutsideTheGroupOrHasAnUnknownGroup() {
            int before = jdbc.sql("select count(*) from meeting").query(Integer.class).single();
            Map<String, Object> nobody = new HashMap<>(planVariables(false, 2));
            nobody.remove(ALSO_INVITED);
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, nobody))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("Also invite: invite at least one country");

            Map<String, Object> outside = new HashMap<>(planVariables(false, 2));
            outside.putAll(Map.of(INVITED_GROUP, "ASEAN", NOT_INVITED, List.of("CN")));
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, outside))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("Leave out: China is not in ASEAN");

            Map<String, Object> unknown = new HashMap<>(planVariables(false, 2));
            unknown.putAll(Map.of(INVITED_GROUP, "G77", BUDGET_CURRENCY, "ZZZ"));
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, unknown))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("'G77' is not a group of countries the office knows")
                    .hasMessageContaining("'ZZZ' is not a currency code of ISO 4217");
            assertThat(jdbc.sql("select count(*) from meeting").query(Integer.class).single()).isEqualTo(before);
        }

        @Test
        void shouldRefuseToInviteACountryTheOfficeHasNoChannelFor() {
            Map<String, Object> channel = jdbc.sql("select channel_kind, channel_name, channel_email from partner_country where code = 'TR'")
                    .query().singleRow();
            jdbc.sql("update partner_country set channel_kind = null, channel_name = null, channel_email = null where code = 'TR'").update();
            try {
                Map<String, Object> withTurkiye = new HashMap<>(planVariables(false, 2));
                withTurkiye.put(ALSO_INVITED, List.of("KH", "TR"));
                assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, withTurkiye))
                        .isInstanceOf(InvalidSubmissionException.class)
                        .hasMessageContaining("Also invite: the office has no channel to write to Türkiye");
            } finally {
                jdbc.sql("update partner_country set channel_kind = ?, channel_name = ?, channel_email = ? where code = 'TR'")
                        .params(channel.get("CHANNEL_KIND"), channel.get("CHANNEL_NAME"), channel.get("CHANNEL_EMAIL")).update();
            }
        }
    }

    // ---------------------------------------------------------------- Tasklist's cards

    /**
     * Each country's tasks show the meeting's reference and the country by name, though the name lives in the
     * country's sub process and Tasklist looks only at the task, its execution and the process instance.
     */
    @Nested
    class Cards {

        @Test
        void shouldShowTheMeetingsReferenceAndEachDelegationsCountryWithItsDeadline() {
            ProcessInstance instance = planMeeting(false);
            runAsyncSteps(instance.getId());

            Task cambodia = countryTask(instance, TASK_RECORD_DELEGATION, "KH");
            assertThat(taskService.getVariablesLocal(cambodia.getId()))
                    .containsEntry("reference", instance.getBusinessKey()).containsEntry(COUNTRY_NAME, "Cambodia");
            assertThat(taskService.getVariablesLocal(countryTask(instance, TASK_RECORD_DELEGATION, "VN").getId()))
                    .containsEntry(COUNTRY_NAME, "Viet Nam");
            assertThat(cambodia.getDueDate()).as("the nomination deadline")
                    .isEqualTo(at(today().plusDays(30), LocalTime.of(23, 59, 59)));

            completeDelegation(instance, "KH", cambodianDelegation());
            Task registration = countryTask(instance, TASK_REGISTER_DELEGATION, "KH");
            assertThat(taskService.getVariablesLocal(registration.getId()))
                    .containsEntry("reference", instance.getBusinessKey()).containsEntry(COUNTRY_NAME, "Cambodia");
            assertThat(registration.getDueDate()).as("the meeting's first day").isEqualTo(at(today().plusDays(60), LocalTime.MIDNIGHT));
        }
    }

    // ---------------------------------------------------------------- steps shared by the tests

    ProcessInstance planMeeting(boolean fieldVisit) {
        return planMeeting(fieldVisit, 3);
    }

    ProcessInstance planMeeting(boolean fieldVisit, int quota) {
        return runtimeService.startProcessInstanceByKey(PROCESS_KEY, planVariables(fieldVisit, quota));
    }

    Map<String, Object> planVariables(boolean fieldVisit, int quota) {
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
                Map.entry(BUDGET_CURRENCY, "JPY"),
                Map.entry(ALSO_INVITED, List.of("KH", "LA", "VN")),
                Map.entry(DELEGATE_QUOTA, quota),
                Map.entry(NOMINATION_DEADLINE, today().plusDays(30).toString()),
                Map.entry(FIELD_VISIT, fieldVisit)));
        if (fieldVisit) {
            variables.put(FIELD_VISIT_SITE, "National Center for HIV/AIDS, Phnom Penh");
        }
        return variables;
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

    /** The instant the engine gives a timer date written as a local date and time. */
    static Date at(LocalDate day, LocalTime time) {
        return Date.from(day.atTime(time).atZone(ZoneId.systemDefault()).toInstant());
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
