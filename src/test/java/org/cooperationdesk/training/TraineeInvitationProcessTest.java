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
import java.time.LocalDateTime;
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
import org.cooperationdesk.letter.LetterMail;
import org.cooperationdesk.notification.MailContent;
import org.cooperationdesk.form.InvalidSubmissionException;
import org.cooperationdesk.portal.LinkPurpose;
import org.cooperationdesk.portal.LinkScope;
import org.cooperationdesk.portal.PartnerLink;
import org.cooperationdesk.portal.PartnerLinks;
import org.cooperationdesk.portal.PartnerSubmission;
import org.cooperationdesk.portal.PartnerSubmissions;
import org.cooperationdesk.portal.PortalAnswer;
import org.cooperationdesk.portal.PortalPage;
import org.cooperationdesk.portal.PortalVariables;
import org.cooperationdesk.portal.SubmissionStatus;
import org.cooperationdesk.portal.Upload;
import org.cooperationdesk.system.Groups;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A course for Cambodia, Lao PDR and Viet Nam with 4 places and a quota of 2: six nominations, two of
 * them ineligible, one over Cambodia's quota and so on the waiting list.
 */
class TraineeInvitationProcessTest extends ProcessTestSupport {

    @Autowired
    NominationIntake intake;
    @Autowired
    TraineePlaces places;
    @Autowired
    PartnerLinks links;

    // ---------------------------------------------------------------- happy path

    @Test
    void shouldRunACourseFromAnnouncementToClosedFollowUp() throws Exception {
        ProcessInstance instance = openCourse();
        assertThat(instance.getBusinessKey()).matches("TC-\\d{4}-\\d{4}");
        runAsyncSteps(instance.getId());
        assertThat(mailsTo("international-cooperation@kh.gov.example")).extracting(MimeMessage::getSubject)
                .containsExactly("Course announcement " + instance.getBusinessKey() + ": Leaders in Labour Administration");
        assertThat(mailServer.getReceivedMessages()).hasSize(3);
        assertThat(LetterMail.letterText(jdbc, mailsTo("international-cooperation@kh.gov.example").get(0),
                instance.getBusinessKey() + "-course-announcement-KH.pdf"))
                .contains("has the honour to invite the Government of Cambodia to nominate candidates",
                        "Leaders in Labour Administration (" + instance.getBusinessKey() + ")");

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
                assertThat(MailContent.text(mail)).contains("you have been accepted"));
        assertThat(mailsTo("chan.vuthy@mol.kh.example")).singleElement().satisfies(mail ->
                assertThat(MailContent.text(mail)).contains("Reason: Not enough years of experience"));
        assertThat(mailsTo("lim.bopha@mol.kh.example")).singleElement().satisfies(mail ->
                assertThat(MailContent.text(mail)).contains("waiting list (rank 5)"));
        assertThat(LetterMail.letterText(jdbc, mailsTo("sok.dara@mol.kh.example").get(0),
                instance.getBusinessKey() + "-acceptance-letter-" + idOf(instance, "Sok Dara") + ".pdf"))
                .contains("Dear Sok Dara,", "you have been accepted for the training course");
        assertThat(LetterMail.letterText(jdbc, mailsTo("chan.vuthy@mol.kh.example").get(0),
                instance.getBusinessKey() + "-regret-letter-" + idOf(instance, "Chan Vuthy") + ".pdf"))
                .contains("Dear Chan Vuthy,", "Reason: Not enough years of experience.");
        assertThat(MailContent.attachments(mailsTo("lim.bopha@mol.kh.example").get(0))).as("no letter on the waiting list")
                .isEmpty();
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
        String certificateNumber = jdbc.sql("select certificate_number from nomination where id = ?")
                .param(idOf(instance, "Sok Dara")).query(String.class).single();
        assertThat(LetterMail.letterText(jdbc, mailsTo("sok.dara@mol.kh.example").get(0),
                certificateNumber.replace('/', '-') + "-certificate.pdf"))
                .contains("CERTIFICATE OF COMPLETION", "Sok Dara", "Certificate No. " + certificateNumber)
                // and in Japanese on the same page
                .satisfies(text -> assertThat(text.replace(" ", "")).contains("修了証書", "（カンボジア）",
                        "を修了したことを証する。", "証書番号" + certificateNumber, "厚生労働省"));
        assertThat(jdbc.sql("select language from letter where document_number = ?").param(certificateNumber)
                .query(String.class).single()).as("the kept certificate's language").isEqualTo("en+ja");
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

            Job reminder = timer(instance.getId(), BOUNDARY_NOMINATION_REMINDER_DUE);
            assertDueAt(reminder, course(instance).nominationDeadline().minusDays(7).atTime(9, 0));
            execute(reminder);
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

            Job deadline = timer(instance.getId(), BOUNDARY_NOMINATION_DEADLINE);
            assertDueAt(deadline, course(instance).nominationDeadline().atTime(LocalTime.of(23, 59, 59)));
            execute(deadline);

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_SCREEN_NOMINATIONS).isWaitingAt(TASK_RANK_NOMINEES);
            assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(TASK_RECORD_NOMINATION).count()).isZero();
        }
    }

    // ---------------------------------------------------------------- nominations sent online

    /**
     * A focal point nominates through the government's personal link (portal/): each nominee becomes a coordinator's
     * review; an accepted one is filed as a recorded one is, a returned one goes back to the focal point with the reason.
     */
    @Nested
    class NominationsSentOnline {

        @Autowired
        PartnerSubmissions submissions;
        @Autowired
        CourseNominationsPortal portal;
        @Autowired
        PlatformTransactionManager transactionManager;

        @Test
        void shouldFileANomineeSentOnlineAsARecordedNominationOnceACoordinatorAcceptsIt() {
            ProcessInstance instance = openCourse();
            runAsyncSteps(instance.getId());
            PartnerSubmission sent = nominateOnline(instance, "KH", "Sok Dara", 10, 35);

            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_NOMINATION, TASK_REVIEW_NOMINATION);
            Task review = task(TASK_REVIEW_NOMINATION, instance);
            BpmnAwareTests.assertThat(review).hasCandidateGroup(Groups.COORDINATORS).hasName("Review nomination of Sok Dara (Cambodia)");
            assertThat(taskService.getVariable(review.getId(), PortalVariables.SUBMISSION_TITLE))
                    .isEqualTo("Nomination of Sok Dara (Cambodia) to " + instance.getBusinessKey());
            assertThat((String) taskService.getVariable(review.getId(), PortalVariables.SUBMISSION_SUMMARY))
                    .contains("Sok Dara", "Ministry of Labour", "letter.pdf");
            assertThat(taskService.getVariablesLocal(review.getId())).as("the review's card in Tasklist")
                    .containsEntry("reference", instance.getBusinessKey()).containsEntry(COUNTRY_NAME, "Cambodia");
            assertThat(nominationCount(instance)).as("nothing filed before the review").isZero();

            completeAs("coordinator", List.of(Groups.COORDINATORS), TASK_REVIEW_NOMINATION, instance,
                    Map.of(PortalVariables.REVIEW_DECISION, PortalVariables.ACCEPTED));

            assertThat(statusOf(instance, "Sok Dara")).isEqualTo("RECEIVED");
            assertThat(jdbc.sql("select country_code || ':' || recorded_by || ':' || official_application from nomination where id = ?")
                    .param(idOf(instance, "Sok Dara")).query(String.class).single()).isEqualToIgnoringCase("KH:coordinator:true");
            assertThat(submissions.get(sent.id()).status()).isEqualTo(SubmissionStatus.ACCEPTED);
            assertThat(submissions.get(sent.id()).decidedBy()).isEqualTo("coordinator");
            BpmnAwareTests.assertThat(instance).hasPassed(TASK_TAKE_NOMINATION_AS_SENT, TASK_FILE_NOMINATION_SENT_ONLINE,
                    END_EVENT_NOMINATION_FILED).isWaitingAt(TASK_RECORD_NOMINATION);
            assertThat(runtimeService.getVariable(instance.getId(), FULL_NAME))
                    .as("the review's answer stays in the review: the coordinator's next form starts as before").isNull();
            assertThat(runtimeService.getVariable(instance.getId(), PortalVariables.REVIEW_DECISION)).isNull();
            assertThat(portal.page(linkOf(instance, "KH")).asks()).as("the next nominee can be sent").isTrue();
        }

        @Test
        void shouldReturnANomineeWithTheReasonMailTheGovernmentAndTakeTheCorrection() throws Exception {
            ProcessInstance instance = openCourse();
            runAsyncSteps(instance.getId());
            PartnerSubmission sent = nominateOnline(instance, "KH", "Keo Sophea", 5, 31);
            assertThat(portal.page(linkOf(instance, "KH")).closedKey()).isEqualTo("portal.closed.underReview");
            mailServer.reset();

            assertThatThrownBy(() -> completeAs("coordinator", List.of(Groups.COORDINATORS), TASK_REVIEW_NOMINATION, instance,
                    Map.of(PortalVariables.REVIEW_DECISION, PortalVariables.RETURNED)))
                    .isInstanceOf(InvalidSubmissionException.class);
            completeAs("coordinator", List.of(Groups.COORDINATORS), TASK_REVIEW_NOMINATION, instance,
                    Map.of(PortalVariables.REVIEW_DECISION, PortalVariables.RETURNED,
                            PortalVariables.RETURN_REASON, "The date of birth does not match the passport copy."));
            runAsyncSteps(instance.getId());

            PartnerSubmission returned = submissions.get(sent.id());
            assertThat(returned.status()).isEqualTo(SubmissionStatus.RETURNED);
            assertThat(returned.returnReason()).isEqualTo("The date of birth does not match the passport copy.");
            assertThat(nominationCount(instance)).isZero();
            BpmnAwareTests.assertThat(instance).hasPassed(TASK_SEND_NOMINATION_RETURNED, END_EVENT_NOMINATION_RETURNED)
                    .isWaitingAt(TASK_RECORD_NOMINATION);
            PartnerLink link = linkOf(instance, "KH");
            assertThat(mailsTo("international-cooperation@kh.gov.example")).singleElement().satisfies(mail -> {
                assertThat(mail.getSubject()).isEqualTo("Please correct your answer: the nominations of Cambodia to "
                        + "Leaders in Labour Administration (" + instance.getBusinessKey() + ")");
                assertThat(MailContent.text(mail)).contains("The date of birth does not match the passport copy.",
                        links.urlOf(link));
            });

            PortalPage page = portal.page(link);
            assertThat(page.asks()).isTrue();
            assertThat(page.notices()).extracting(PortalPage.Notice::key).containsExactly("portal.notice.returned");
            assertThat(page.prefill()).containsEntry(FULL_NAME, "Keo Sophea").doesNotContainKey(COUNTRY_CODE);
            nominateOnline(instance, "KH", "Keo Sophea", 6, 31);
            assertThat(task(TASK_REVIEW_NOMINATION, instance).getName()).isEqualTo("Review nomination of Keo Sophea (Cambodia)");
        }

        /**
         * The deadline ends the intake, not the reviews: a nominee sent in time is still reviewed, filed as received in
         * time, and screened with the others; the screening waits for the last review.
         */
        @Test
        void shouldScreenOnlyOnceTheReviewsOpenAtTheDeadlineAreDone() {
            ProcessInstance instance = openCourse();
            runAsyncSteps(instance.getId());
            complete(task(TASK_RECORD_NOMINATION, instance), nomination("LA", "Phonsavanh Vong", 8, 40));
            nominateOnline(instance, "KH", "Sok Dara", 10, 35);
            clock.advance(Duration.ofDays(31));

            execute(timer(instance.getId(), BOUNDARY_NOMINATION_DEADLINE));

            BpmnAwareTests.assertThat(instance).hasPassed(END_EVENT_NOMINATIONS_CLOSED_AT_DEADLINE)
                    .isWaitingAt(TASK_REVIEW_NOMINATION).hasNotPassed(TASK_SCREEN_NOMINATIONS);
            assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(TASK_RECORD_NOMINATION).count()).isZero();
            assertThat(portal.page(linkOf(instance, "LA")).closedKey()).as("no more nominations")
                    .isEqualTo("portal.training.notTaking");

            completeAs("coordinator", List.of(Groups.COORDINATORS), TASK_REVIEW_NOMINATION, instance,
                    Map.of(PortalVariables.REVIEW_DECISION, PortalVariables.ACCEPTED));

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_FILE_NOMINATION_SENT_ONLINE, TASK_SCREEN_NOMINATIONS)
                    .isWaitingAt(TASK_RANK_NOMINEES);
            assertThat(statusOf(instance, "Sok Dara")).as("filed as received before the deadline, then screened")
                    .isEqualTo("ELIGIBLE");
            assertThat(jdbc.sql("select received_at from nomination where id = ?").param(idOf(instance, "Sok Dara"))
                    .query(LocalDateTime.class).single().toLocalDate()).isEqualTo(course(instance).nominationDeadline().minusDays(30));
            assertThat(proposal(instance)).containsExactlyInAnyOrder(idOf(instance, "Sok Dara"), idOf(instance, "Phonsavanh Vong"));
        }

        @Test
        void shouldKeepTwoNomineesUnderReviewAtOnceApart() {
            ProcessInstance instance = openCourse();
            runAsyncSteps(instance.getId());
            nominateOnline(instance, "KH", "Sok Dara", 10, 35);
            nominateOnline(instance, "LA", "Phonsavanh Vong", 8, 40);
            List<Task> reviews = placeTasks(instance, TASK_REVIEW_NOMINATION);
            assertThat(reviews).extracting(Task::getName).containsExactlyInAnyOrder(
                    "Review nomination of Sok Dara (Cambodia)", "Review nomination of Phonsavanh Vong (Lao PDR)");

            identityService.setAuthentication("coordinator", List.of(Groups.COORDINATORS));
            try {
                for (Task review : reviews) {
                    taskService.complete(review.getId(), Map.of(PortalVariables.REVIEW_DECISION, PortalVariables.ACCEPTED));
                }
            } finally {
                identityService.clearAuthentication();
            }

            assertThat(jdbc.sql("select full_name || ':' || country_code from nomination where course_id = ? order by full_name")
                    .param(courseId(instance)).query(String.class).list())
                    .containsExactly("Phonsavanh Vong:LA", "Sok Dara:KH");
        }

        @Test
        void shouldNotRemindAGovernmentWhoseNomineeIsUnderReview() {
            ProcessInstance instance = openCourse();
            runAsyncSteps(instance.getId());
            nominateOnline(instance, "KH", "Sok Dara", 10, 35);
            mailServer.reset();

            execute(timer(instance.getId(), BOUNDARY_NOMINATION_REMINDER_DUE));
            runAsyncSteps(instance.getId());

            assertThat(mailsTo("international-cooperation@kh.gov.example")).isEmpty();
            assertThat(mailsTo("international-cooperation@la.gov.example")).singleElement()
                    .satisfies(mail -> assertThat(MailContent.text(mail)).contains(links.urlOf(linkOf(instance, "LA"))));
        }

        /** What the portal does with a checked answer of the page: keep it and start its review. */
        PartnerSubmission nominateOnline(ProcessInstance instance, String country, String name, int years, int age) {
            PartnerLink link = linkOf(instance, country);
            Map<String, Object> values = nomination(country, name, years, age);
            new TransactionTemplate(transactionManager).executeWithoutResult(tx -> portal.receive(link,
                    new PortalAnswer(FORM_RECORD_NOMINATION, values, List.of(new Upload("officialLetter", "letter.pdf",
                            "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))), "127.0.0.1")));
            return submissions.latest(link.scope()).orElseThrow();
        }

        /** The government's link, as the course announcement mailed it (expired or not). */
        PartnerLink linkOf(ProcessInstance instance, String country) {
            return links.forScope(LinkScope.of(LinkPurpose.COURSE_NOMINATIONS, instance.getBusinessKey(), country)).get(0);
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
            assertThat(LetterMail.letterText(jdbc, mailsTo("lim.bopha@mol.kh.example").get(0),
                    instance.getBusinessKey() + "-acceptance-letter-" + idOf(instance, "Lim Bopha") + ".pdf"))
                    .contains("Dear Lim Bopha,", "is pleased to offer it to you from the waiting list",
                            "you have been accepted for the training course");
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

            LocalDate due = course(instance).endDate().plusDays(150);
            Job reminder = timer(instance.getId(), BOUNDARY_FINAL_REPORT_REMINDER_DUE);
            assertDueAt(reminder, due.minusDays(30).atTime(9, 0));
            execute(reminder);
            runAsyncSteps(instance.getId());
            assertThat(mailsTo("keo.sophea@mol.kh.example")).singleElement()
                    .satisfies(mail -> assertThat(mail.getSubject()).startsWith("Reminder: final report"));
            assertThat(mailsTo("sok.dara@mol.kh.example")).isEmpty();

            Job reportsDue = timer(instance.getId(), BOUNDARY_FINAL_REPORTS_DUE);
            assertDueAt(reportsDue, due.atTime(LocalTime.of(23, 59, 59)));
            execute(reportsDue);

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_RECORD_MISSING_REPORTS).isWaitingAt(TASK_EVALUATE_COURSE);
            assertThat(reasonOf(instance, "Keo Sophea")).startsWith("final report not received by");
            assertThat(reasonOf(instance, "Sok Dara")).isNotEqualTo("final report not received");
        }
    }


    // ---------------------------------------------------------------- nobody eligible

    @Nested
    class WithoutEligibleNominees {

        @Test
        void shouldExtendTheNominationPeriodWhenNobodyNominatedThenTakeANominationAndSelectAsUsual() {
            ProcessInstance instance = openCourse();
            runAsyncSteps(instance.getId());
            clock.advance(Duration.ofDays(31));
            execute(timer(instance.getId(), BOUNDARY_NOMINATION_DEADLINE));

            BpmnAwareTests.assertThat(instance).hasPassed(GATEWAY_ANY_ELIGIBLE_NOMINEE)
                    .isWaitingAt(TASK_DECIDE_ON_COURSE_WITHOUT_NOMINEES).hasNotPassed(TASK_RANK_NOMINEES);
            BpmnAwareTests.assertThat(task(TASK_DECIDE_ON_COURSE_WITHOUT_NOMINEES, instance)).hasCandidateGroup(Groups.MANAGERS);
            assertThat((String) runtimeService.getVariable(instance.getId(), NOMINATIONS_REPORT))
                    .contains("No nomination was received").contains("Cambodia, Lao PDR, Viet Nam");
            assertThat(courseStatus(instance)).isEqualTo(CourseStatus.NOMINATIONS_CLOSED.name());
            mailServer.reset();

            LocalDate newDeadline = today().plusDays(14);
            completeAs("manager", TASK_DECIDE_ON_COURSE_WITHOUT_NOMINEES, instance,
                    Map.of(COURSE_DECISION, EXTEND, NEW_NOMINATION_DEADLINE, newDeadline.toString()));
            runAsyncSteps(instance.getId());

            for (String government : List.of("kh", "la", "vn")) {
                // The announcement's link expired with the first deadline: a new one, working until the new deadline.
                PartnerLink link = links.live(LinkScope.of(LinkPurpose.COURSE_NOMINATIONS, instance.getBusinessKey(),
                        government.toUpperCase())).orElseThrow();
                assertThat(links.lastDay(link)).isEqualTo(newDeadline);
                assertThat(mailsTo("international-cooperation@" + government + ".gov.example")).singleElement()
                        .satisfies(mail -> {
                            assertThat(mail.getSubject()).contains("until " + LanguageFormats.date(newDeadline, Language.EN));
                            assertThat(MailContent.text(mail)).contains(links.urlOf(link));
                        });
            }
            assertThat(courseStatus(instance)).isEqualTo(CourseStatus.OPEN.name());
            assertThat(course(instance).nominationDeadline()).isEqualTo(newDeadline);
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_NOMINATION);
            assertDueAt(timer(instance.getId(), BOUNDARY_NOMINATION_REMINDER_DUE), newDeadline.minusDays(7).atTime(9, 0));
            Job deadline = timer(instance.getId(), BOUNDARY_NOMINATION_DEADLINE);
            assertDueAt(deadline, newDeadline.atTime(LocalTime.of(23, 59, 59)));
            assertThat(jdbc.sql("select decided_by || ':' || outcome from decision where subject_ref = ?")
                    .param(instance.getBusinessKey()).query(String.class).list()).containsExactly("manager:extended");

            complete(task(TASK_RECORD_NOMINATION, instance), nomination("LA", "Phonsavanh Vong", 8, 40));
            assertThat(statusOf(instance, "Phonsavanh Vong")).isEqualTo("RECEIVED");
            // The deadline watches the intake task: each nomination recorded sets it again, for the same moment.
            assertDueAt(timer(instance.getId(), BOUNDARY_NOMINATION_DEADLINE), newDeadline.atTime(LocalTime.of(23, 59, 59)));
            execute(timer(instance.getId(), BOUNDARY_NOMINATION_DEADLINE));

            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RANK_NOMINEES);
            assertThat(proposal(instance)).containsExactly(idOf(instance, "Phonsavanh Vong"));
            complete(task(TASK_RANK_NOMINEES, instance), withVariables(SELECTED_NOMINEES, proposalAsText(instance)));
            completeAs("manager", TASK_APPROVE_SELECTION, instance, Map.of(SELECTION_DECISION, "approved"));
            runAsyncSteps(instance.getId());
            assertThat(statusOf(instance, "Phonsavanh Vong")).isEqualTo("ACCEPTED");
            assertThat(placeTasks(instance, TASK_PREPARE_ARRIVAL)).hasSize(1);
        }

        @Test
        void shouldCancelTheCourseWhenNobodyNominatedIsEligibleTellingGovernmentsAndNominees() {
            ProcessInstance instance = openCourse();
            runAsyncSteps(instance.getId());
            complete(task(TASK_RECORD_NOMINATION, instance), nomination("KH", "Chan Vuthy", 2, 27));
            complete(task(TASK_RECORD_NOMINATION, instance), nomination("VN", "Tran Van Minh", 20, 50));
            complete(task(TASK_RECORD_NOMINATION, instance), withVariables(NOMINATION_ACTION, "close"));

            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_DECIDE_ON_COURSE_WITHOUT_NOMINEES);
            assertThat((String) runtimeService.getVariable(instance.getId(), NOMINATIONS_REPORT))
                    .contains("Chan Vuthy (Cambodia): Not enough years of experience")
                    .contains("Tran Van Minh (Viet Nam): Above the age limit")
                    .contains("No nomination from: Lao PDR");
            assertThatThrownBy(() -> completeAs("manager", TASK_DECIDE_ON_COURSE_WITHOUT_NOMINEES, instance,
                    Map.of(COURSE_DECISION, CANCEL)))
                    .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("Reason for cancelling");
            mailServer.reset();

            completeAs("manager", TASK_DECIDE_ON_COURSE_WITHOUT_NOMINEES, instance,
                    Map.of(COURSE_DECISION, CANCEL, CANCELLATION_REASON, "No qualified candidate this year"));
            runAsyncSteps(instance.getId());

            BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_COURSE_CANCELLED_WITHOUT_NOMINEES)
                    .hasNotPassed(END_EVENT_COURSE_CANCELLED);
            assertThat(courseStatus(instance)).isEqualTo(CourseStatus.CANCELLED.name());
            assertThat(jdbc.sql("select cancellation_reason from course where reference = ?").param(instance.getBusinessKey())
                    .query(String.class).single()).isEqualTo("No qualified candidate this year");
            assertThat(decisionsAbout(instance)).as("the manager's decision, logged once")
                    .containsOnlyOnce("cancellation:cancelled:manager").noneMatch(decision -> decision.endsWith(":null"));
            assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
            assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
            for (String government : List.of("kh", "la", "vn")) {
                assertThat(mailsTo("international-cooperation@" + government + ".gov.example")).singleElement()
                        .satisfies(mail -> assertThat(MailContent.text(mail)).contains("No qualified candidate this year"));
            }
            for (String nominee : List.of("chan.vuthy@mol.kh.example", "tran.minh@mol.vn.example")) {
                assertThat(mailsTo(nominee)).singleElement().satisfies(mail -> {
                    assertThat(mail.getSubject()).startsWith("Cancelled:");
                    assertThat(MailContent.text(mail)).contains("No qualified candidate this year");
                });
            }
        }

        @Test
        void shouldRefuseAnExtensionWhoseNewDeadlineIsInThePastOrNotBeforeTheCourse() {
            ProcessInstance instance = openCourse();
            runAsyncSteps(instance.getId());
            complete(task(TASK_RECORD_NOMINATION, instance), withVariables(NOMINATION_ACTION, "close"));

            assertThatThrownBy(() -> completeAs("manager", TASK_DECIDE_ON_COURSE_WITHOUT_NOMINEES, instance,
                    Map.of(COURSE_DECISION, EXTEND, NEW_NOMINATION_DEADLINE, today().minusDays(1).toString())))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("New nomination deadline: must be after today");
            assertThatThrownBy(() -> completeAs("manager", TASK_DECIDE_ON_COURSE_WITHOUT_NOMINEES, instance,
                    Map.of(COURSE_DECISION, EXTEND, NEW_NOMINATION_DEADLINE, today().plusDays(60).toString())))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("New nomination deadline: must be before the course starts");
            assertThatThrownBy(() -> completeAs("manager", TASK_DECIDE_ON_COURSE_WITHOUT_NOMINEES, instance,
                    Map.of(COURSE_DECISION, EXTEND)))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("New nomination deadline: is required when extending");

            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_DECIDE_ON_COURSE_WITHOUT_NOMINEES);
            assertThat(course(instance).nominationDeadline()).isEqualTo(today().plusDays(30));
            assertThat(courseStatus(instance)).isEqualTo(CourseStatus.NOMINATIONS_CLOSED.name());
        }
    }

    // ---------------------------------------------------------------- nobody arrived, nobody completed

    @Nested
    class WithoutTrainees {

        @Test
        void shouldCloseTheCourseAsNotHeldWhenNoTraineeArrives() {
            ProcessInstance instance = toPlaces();
            jdbc.sql("update nomination set status = 'REGRETTED' where course_id = ? and status = 'WAITING'")
                    .param(courseId(instance)).update();
            for (Task task : placeTasks(instance, TASK_PREPARE_ARRIVAL)) {
                taskService.complete(task.getId(), arrivalPreparation());
            }
            for (Task task : placeTasks(instance, TASK_CONFIRM_ARRIVAL)) {
                taskService.complete(task.getId(), Map.of(ARRIVAL_STATUS, "no_show"));
            }
            runJobsAt(instance.getId(), END_EVENT_PLACE_VACANT);

            BpmnAwareTests.assertThat(instance).hasPassed(GATEWAY_ANY_TRAINEE_ARRIVED)
                    .isWaitingAt(TASK_CLOSE_COURSE_WITHOUT_TRAINEES).hasNotPassed(TASK_RECORD_ATTENDANCE);
            BpmnAwareTests.assertThat(task(TASK_CLOSE_COURSE_WITHOUT_TRAINEES, instance))
                    .hasCandidateGroup(Groups.COORDINATORS).hasCandidateGroup(Groups.MANAGERS);
            assertThat((String) runtimeService.getVariable(instance.getId(), PLACES_REPORT))
                    .contains("Sok Dara (Cambodia): did not arrive");
            assertThatThrownBy(() -> complete(task(TASK_CLOSE_COURSE_WITHOUT_TRAINEES, instance), Map.of()))
                    .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("Reason the course is not held");
            mailServer.reset();

            completeAs("coordinator", TASK_CLOSE_COURSE_WITHOUT_TRAINEES, instance,
                    Map.of(NOT_HELD_REASON, "Flights cancelled by the typhoon"));
            runAsyncSteps(instance.getId());

            BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_COURSE_NOT_HELD);
            assertThat(courseStatus(instance)).isEqualTo(CourseStatus.NOT_HELD.name());
            assertThat(jdbc.sql("select not_held_reason from course where reference = ?").param(instance.getBusinessKey())
                    .query(String.class).single()).isEqualTo("Flights cancelled by the typhoon");
            assertThat(decisionsAbout(instance)).containsOnlyOnce("course without trainees:not held:coordinator");
            for (String government : List.of("kh", "la", "vn")) {
                assertThat(mailsTo("international-cooperation@" + government + ".gov.example")).singleElement()
                        .satisfies(mail -> {
                            assertThat(mail.getSubject()).startsWith("Not held:");
                            assertThat(MailContent.text(mail)).contains("Flights cancelled by the typhoon");
                        });
            }
            assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        }

        @Test
        void shouldGoStraightToTheEvaluationWhenNobodyCompletedTheCourse() {
            ProcessInstance instance = toPlaces();
            for (Task task : placeTasks(instance, TASK_PREPARE_ARRIVAL)) {
                taskService.complete(task.getId(), arrivalPreparation());
            }
            for (Task task : placeTasks(instance, TASK_CONFIRM_ARRIVAL)) {
                taskService.complete(task.getId(), Map.of(ARRIVAL_STATUS, "arrived"));
            }
            runJobsAt(instance.getId(), END_EVENT_PLACE_TAKEN);
            mailServer.reset();

            complete(task(TASK_RECORD_ATTENDANCE, instance),
                    withVariables(COMPLETED_TRAINEES, List.of(), ACTION_PLANS_RECEIVED, List.of()));
            runAsyncSteps(instance.getId());

            BpmnAwareTests.assertThat(instance).hasPassed(GATEWAY_ANY_TRAINEE_CERTIFIED)
                    .hasNotPassed(TASK_RECORD_FINAL_REPORTS).isWaitingAt(TASK_EVALUATE_COURSE);
            assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();
            assertThat(statusOf(instance, "Sok Dara")).isEqualTo("NOT_COMPLETED");
            assertThat(mailsTo("sok.dara@mol.kh.example")).isEmpty();

            complete(task(TASK_EVALUATE_COURSE, instance),
                    withVariables(EVALUATION_SCORE, 2, EVALUATION_SUMMARY, "Trainees recalled in the second week."));
            BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_COURSE_CLOSED);
            assertThat(courseStatus(instance)).isEqualTo(CourseStatus.CLOSED.name());
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
                        .satisfies(mail -> assertThat(MailContent.text(mail)).contains("Venue closed after the earthquake"));
            }
            assertThat(mailsTo("sok.dara@mol.kh.example")).hasSize(1);
            assertThat(mailsTo("lim.bopha@mol.kh.example")).hasSize(1);
            assertThat(mailsTo("chan.vuthy@mol.kh.example")).isEmpty();
            assertThat(statusOf(instance, "Lim Bopha")).isEqualTo("CANCELLED");
        }
    }

    @Nested
    class World {

        /** The Training Program of Leaders in Labour Administration invites Asian countries, China included. */
        @Test
        void shouldRunACourseInvitingChinaVietNamAndIndonesiaWithAnAllowanceInUsDollars() throws Exception {
            Map<String, Object> variables = new HashMap<>(courseVariables());
            variables.put(ALSO_INVITED, List.of("CN", "VN", "ID"));
            ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables);
            runAsyncSteps(instance.getId());
            assertThat(jdbc.sql("select country_code from course_invitation where course_id = ? order by country_code")
                    .param(courseId(instance)).query(String.class).list()).containsExactly("CN", "ID", "VN");
            String chinasChannel = jdbc.sql("select channel_email from partner_country where code = 'CN'").query(String.class).single();
            assertThat(mailsTo(chinasChannel)).extracting(MimeMessage::getSubject)
                    .containsExactly("Course announcement " + instance.getBusinessKey() + ": Leaders in Labour Administration");

            assertThatThrownBy(() -> complete(task(TASK_RECORD_NOMINATION, instance), nomination("KH", "Sok Dara", 10, 35)))
                    .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("not invited");
            complete(task(TASK_RECORD_NOMINATION, instance), nomination("CN", "Wang Fang", 9, 41));
            complete(task(TASK_RECORD_NOMINATION, instance), nomination("CN", "Zhang Wei", 6, 36));
            complete(task(TASK_RECORD_NOMINATION, instance), nomination("VN", "Nguyen Thi Hoa", 6, 38));
            complete(task(TASK_RECORD_NOMINATION, instance), nomination("ID", "Siti Rahayu", 7, 39));
            complete(task(TASK_RECORD_NOMINATION, instance), withVariables(NOMINATION_ACTION, "close"));
            complete(task(TASK_RANK_NOMINEES, instance), withVariables(SELECTED_NOMINEES, proposalAsText(instance)));
            completeAs("manager", TASK_APPROVE_SELECTION, instance, Map.of(SELECTION_DECISION, "approved"));
            runAsyncSteps(instance.getId());

            for (Task task : placeTasks(instance, TASK_PREPARE_ARRIVAL)) {
                Map<String, Object> preparation = new HashMap<>(arrivalPreparation());
                preparation.putAll(Map.of(ALLOWANCE_AMOUNT, 1_200, ALLOWANCE_CURRENCY, "USD"));
                taskService.complete(task.getId(), preparation);
            }
            Map<String, Object> allowance = jdbc.sql("""
                    select min(n.allowance_currency) as currency, min(n.allowance_yen) as yen, min(x.yen_per_unit) as rate,
                           count(*) as places
                      from nomination n join exchange_rate x on x.id = n.allowance_rate_id
                     where n.course_id = ? and n.allowance_amount = 1200""").param(courseId(instance)).query().singleRow();
            assertThat(allowance.get("CURRENCY")).isEqualTo("USD");
            assertThat(((Number) allowance.get("PLACES")).intValue()).isEqualTo(4);
            assertThat((java.math.BigDecimal) allowance.get("YEN"))
                    .isEqualByComparingTo(new java.math.BigDecimal(1_200).multiply((java.math.BigDecimal) allowance.get("RATE"))
                            .setScale(0, java.math.RoundingMode.HALF_UP));

            for (Task task : placeTasks(instance, TASK_CONFIRM_ARRIVAL)) {
                taskService.complete(task.getId(), Map.of(ARRIVAL_STATUS, "arrived"));
            }
            runJobsAt(instance.getId(), END_EVENT_PLACE_TAKEN);
            List<String> arrived = places.ids(courseId(instance), NominationStatus.ARRIVED).stream().map(String::valueOf).toList();
            complete(task(TASK_RECORD_ATTENDANCE, instance), withVariables(COMPLETED_TRAINEES, arrived, ACTION_PLANS_RECEIVED, arrived));
            runAsyncSteps(instance.getId());
            complete(task(TASK_RECORD_FINAL_REPORTS, instance), withVariables(REPORTS_RECEIVED, arrived, ALL_REPORTS_RECEIVED, true));
            complete(task(TASK_EVALUATE_COURSE, instance),
                    withVariables(EVALUATION_SCORE, 5, EVALUATION_SUMMARY, "Good exchange between the four administrations."));

            BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_COURSE_CLOSED);
            assertThat(jdbc.sql("select country_code from nomination where course_id = ? and status = 'COMPLETED' order by country_code")
                    .param(courseId(instance)).query(String.class).list()).containsExactly("CN", "CN", "ID", "VN");
        }

        @Test
        void shouldRefuseAnAllowanceInACurrencyWithoutARateAndKeepThePlaceOpen() {
            ProcessInstance instance = toPlaces();
            Task place = placeTasks(instance, TASK_PREPARE_ARRIVAL).get(0);
            Map<String, Object> preparation = new HashMap<>(arrivalPreparation());
            preparation.put(ALLOWANCE_CURRENCY, "KHR");

            assertThatThrownBy(() -> taskService.complete(place.getId(), preparation))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("Currency: has no yen rate recorded");
            assertThat(taskService.createTaskQuery().taskId(place.getId()).count()).isEqualTo(1);
        }
    }

    // ---------------------------------------------------------------- Tasklist's cards

    /** The course's reference on every task; a trainee's country on the tasks of their place; the deadlines as due dates. */
    @Nested
    class Cards {

        @Test
        void shouldShowTheCoursesReferenceAndEachTraineesCountryWithTheDeadlines() {
            ProcessInstance instance = openCourse();
            runAsyncSteps(instance.getId());
            Task nomination = task(TASK_RECORD_NOMINATION, instance);
            assertThat(taskService.getVariablesLocal(nomination.getId()))
                    .containsEntry("reference", instance.getBusinessKey())
                    .as("a nomination may come from any invited country").doesNotContainKey(COUNTRY_NAME);
            assertThat(nomination.getDueDate()).as("the nomination deadline").isEqualTo(local(today().plusDays(30).atTime(23, 59, 59)));
            nominateSix(instance);
            complete(task(TASK_RECORD_NOMINATION, instance), withVariables(NOMINATION_ACTION, "close"));
            complete(task(TASK_RANK_NOMINEES, instance), withVariables(SELECTED_NOMINEES, proposalAsText(instance)));

            LocalDateTime courseStarts = today().plusDays(60).atStartOfDay();
            assertThat(task(TASK_APPROVE_SELECTION, instance).getDueDate()).isEqualTo(local(courseStarts));
            completeAs("manager", TASK_APPROVE_SELECTION, instance, Map.of(SELECTION_DECISION, "approved"));
            runAsyncSteps(instance.getId());

            List<Task> places = placeTasks(instance, TASK_PREPARE_ARRIVAL);
            assertThat(places).hasSize(4).allSatisfy(place -> {
                assertThat(taskService.getVariablesLocal(place.getId()))
                        .containsEntry("reference", instance.getBusinessKey())
                        .containsEntry(COUNTRY_NAME, taskService.getVariable(place.getId(), TRAINEE_COUNTRY));
                assertThat(place.getDueDate()).as("the course's first day").isEqualTo(local(courseStarts));
            });
            assertThat(places).extracting(place -> taskService.getVariableLocal(place.getId(), COUNTRY_NAME))
                    .contains("Cambodia");
        }

        private Date local(LocalDateTime time) {
            return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
        }
    }

    // ---------------------------------------------------------------- steps shared by the tests

    ProcessInstance openCourse() {
        return runtimeService.startProcessInstanceByKey(PROCESS_KEY, courseVariables());
    }

    Map<String, Object> courseVariables() {
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
                Map.entry(ALSO_INVITED, List.of("KH", "LA", "VN")),
                Map.entry(NOMINATION_DEADLINE, today().plusDays(30).toString())));
        return variables;
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
                ALLOWANCE_AMOUNT, 180_000, ALLOWANCE_CURRENCY, "JPY", ACCOMMODATION, "JICA Tokyo Center");
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

    Course course(ProcessInstance instance) {
        return jdbc.sql("select id, reference, title, place, start_date, end_date, capacity, quota_per_country,"
                + " min_experience_years, max_age, language, nomination_deadline, status, contribution_id"
                + " from course where reference = ?")
                .param(instance.getBusinessKey()).query(Course.class).single();
    }

    /** The timer is due at this local time: the one computed from the course's dates, not merely some time. */
    static void assertDueAt(Job timer, LocalDateTime expected) {
        assertThat(timer).as("timer").isNotNull();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(expected.atZone(ZoneId.systemDefault()).toInstant()));
    }

    String courseStatus(ProcessInstance instance) {
        return jdbc.sql("select status from course where reference = ?").param(instance.getBusinessKey()).query(String.class).single();
    }

    /** The decision log of the instance's course, as kind:outcome:decided_by. */
    private List<String> decisionsAbout(ProcessInstance instance) {
        return jdbc.sql("select kind || ':' || outcome || ':' || coalesce(decided_by, 'null') from decision "
                + "where subject_ref = ? order by id").param(instance.getBusinessKey()).query(String.class).list();
    }
}
