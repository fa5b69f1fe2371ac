package org.cooperationdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.cooperationdesk.dispatch.DispatchVariables.*;
import static org.cooperationdesk.dispatch.ExpertDispatchProcess.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.json.SpinJsonNode;
import org.cooperationdesk.ContributionRows;
import org.cooperationdesk.ProcessTestSupport;
import org.cooperationdesk.letter.LetterMail;
import org.cooperationdesk.notification.MailContent;
import org.cooperationdesk.form.FieldError;
import org.cooperationdesk.form.InvalidSubmissionException;
import org.cooperationdesk.people.Availability;
import org.cooperationdesk.language.Language;
import org.cooperationdesk.language.LanguageFormats;
import org.cooperationdesk.language.StaffLanguages;
import org.cooperationdesk.people.ExpertRoster;
import org.cooperationdesk.portal.LinkPurpose;
import org.cooperationdesk.portal.LinkScope;
import org.cooperationdesk.portal.PartnerLink;
import org.cooperationdesk.portal.PartnerLinks;
import org.cooperationdesk.portal.PartnerSubmissions;
import org.cooperationdesk.portal.PortalAnswer;
import org.cooperationdesk.portal.PortalVariables;
import org.cooperationdesk.system.Groups;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The expert dispatch process, read like its diagram: the happy path, then each detour. */
class ExpertDispatchProcessTest extends ProcessTestSupport {

    static final String REQUESTER = "goarn@who.example";

    @Autowired
    ExpertRoster roster;
    @Autowired
    StaffLanguages staffLanguages;
    @Autowired
    PartnerLinks links;
    @Autowired
    PartnerSubmissions submissions;
    @Autowired
    DispatchPortal portal;

    // ---------------------------------------------------------------- happy path

    @Test
    void shouldDispatchAnExpertFromRequestToClosedMissionWithPersonDaysAndMails() throws Exception {
        ProcessInstance instance = startRequest(Map.of());
        String reference = instance.getBusinessKey();
        assertThat(reference).matches("DR-\\d{4}-\\d{4}");
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_MATCH_EXPERT);
        assertThat(requestStatus(reference)).isEqualTo("MATCHING");

        long expertId = offerFirstCandidate(instance);
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_SEND_OFFER);
        assertThat(dispatchStatus(instance)).isEqualTo("OFFERED");
        assertThat(expertAvailability(expertId)).isEqualTo("RESERVED");
        runAsyncSteps(instance.getId());
        String expertEmail = expertEmail(expertId);
        assertThat(mailsTo(expertEmail)).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).startsWith("Mission offer " + reference));

        complete(task(TASK_RECORD_EXPERT_ANSWER, instance), withVariables(EXPERT_ANSWER, "accepted"));
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_APPROVE_RELEASE)
                .variables().containsEntry(SENIOR_APPROVAL_REQUIRED, false);
        BpmnAwareTests.assertThat(task(TASK_APPROVE_RELEASE, instance)).hasCandidateGroup(Groups.MANAGERS);
        assertThat(dispatchStatus(instance)).isEqualTo("IN_PROCESS");

        completeAs("manager", List.of(Groups.MANAGERS), TASK_APPROVE_RELEASE, instance, withVariables(RELEASE_DECISION, APPROVED));
        BpmnAwareTests.assertThat(instance).hasPassed(TASK_DECIDE_APPROVAL_LEVEL)
                .isWaitingAt(TASK_CHECK_MEDICAL_CLEARANCE, TASK_ARRANGE_INSURANCE, TASK_BRIEF_SECURITY, TASK_BOOK_TRAVEL);
        assertThat(decisionsBy("manager", reference)).containsExactly("release:approved");

        completePreDeploymentChecks(instance);
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_NOTIFY_DEPLOYMENT);
        assertThat(dispatchStatus(instance)).isEqualTo("DEPLOYED");
        assertThat(expertAvailability(expertId)).isEqualTo("DEPLOYED");
        runAsyncSteps(instance.getId());
        assertThat(mailsTo(REQUESTER)).extracting(MimeMessage::getSubject)
                .containsExactly("Deployment confirmed: " + expertName(expertId) + " to Cambodia (" + reference + ")");
        assertThat(LetterMail.letterText(jdbc, mailsTo(REQUESTER).get(0),
                reference + "-deployment-letter-" + dispatchId(instance) + ".pdf"))
                .contains("Dear " + expertName(expertId) + ",", "confirms your deployment to Cambodia", reference);
        assertThat(jdbc.sql("select person_id from letter where reference = ?").param(reference).query(Long.class).single())
                .as("the expert's page lists the letter too").isEqualTo(expertId);
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_SITUATION_REPORT);

        complete(task(TASK_RECORD_SITUATION_REPORT, instance),
                withVariables(SITREP_SUMMARY, "Week 1: 14 suspected cases, 3 confirmed.", MISSION_OUTLOOK, "continue"));
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_SITUATION_REPORT);
        complete(task(TASK_RECORD_SITUATION_REPORT, instance),
                withVariables(SITREP_SUMMARY, "Week 2: outbreak contained.", MISSION_OUTLOOK, "completed"));
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_DEBRIEF_EXPERT);

        clock.advance(Duration.ofDays(40));
        LocalDate departure = startDate(instance);
        complete(task(TASK_DEBRIEF_EXPERT, instance), withVariables(
                RETURN_DATE, departure.plusDays(20).toString(),
                MISSION_REPORT_SUMMARY, "Field investigation completed; laboratory capacity assessed.",
                DEBRIEF_NOTES, "Recommend a follow-up mission on surveillance."));
        runAsyncSteps(instance.getId());

        BpmnAwareTests.assertThat(instance).hasPassed(TASK_CLOSE_DISPATCH, TASK_NOTIFY_MISSION_CLOSED)
                .isEnded().hasPassed(END_EVENT_DISPATCH_COMPLETED);
        assertThat(requestStatus(reference)).isEqualTo("COMPLETED");
        assertThat(dispatchRow(instance)).containsEntry("STATUS", "COMPLETED").containsEntry("PERSON_DAYS", 21);
        assertThat(expertAvailability(expertId)).isEqualTo("AVAILABLE");
        assertThat(jdbc.sql("select count(*) from situation_report where dispatch_id = ?")
                .param(dispatchId(instance)).query(Integer.class).single()).isEqualTo(2);
        assertThat(mailsTo(expertEmail)).extracting(MimeMessage::getSubject).containsExactly(
                mailsTo(expertEmail).get(0).getSubject(),
                "Deployment confirmed: " + expertName(expertId) + " to Cambodia (" + reference + ")",
                "Mission closed: " + expertName(expertId) + ", " + reference);
        assertThat(deliveredTemplates(reference))
                .containsExactly("expert-offer", "deployment-confirmed", "deployment-confirmed-requester", "mission-closed");
    }

    @Test
    void shouldWriteToAnExpertWhoReadsJapaneseInJapaneseAndToTheRequesterInEnglish() throws Exception {
        ProcessInstance instance = startRequest(Map.of());
        String reference = instance.getBusinessKey();
        long expertId = candidateIds(instance).get(0);
        roster.setCorrespondenceLanguage(expertId, Language.JA);
        assertThat(roster.find(expertId).orElseThrow().correspondenceLanguage()).isEqualTo(Language.JA);
        complete(task(TASK_MATCH_EXPERT, instance), withVariables(MATCH_OUTCOME, SELECTED, EXPERT_ID, String.valueOf(expertId)));
        runAsyncSteps(instance.getId());
        String expertEmail = expertEmail(expertId);
        String name = expertName(expertId);
        assertThat(mailsTo(expertEmail)).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("派遣の打診 " + reference + "：Avian influenza outbreak response（カンボジア）");
            assertThat(MailContent.text(mail)).startsWith(name + " 様").contains("派遣を打診いたします",
                    "開始日：    " + LanguageFormats.date(startDate(instance), Language.JA), "72時間以内");
        });

        complete(task(TASK_RECORD_EXPERT_ANSWER, instance), withVariables(EXPERT_ANSWER, "accepted"));
        completeAs("manager", List.of(Groups.MANAGERS), TASK_APPROVE_RELEASE, instance, withVariables(RELEASE_DECISION, APPROVED));
        completePreDeploymentChecks(instance);
        runAsyncSteps(instance.getId());

        // One mail per language: the expert's Japanese one with the Japanese letter, kept on the expert's page ...
        MimeMessage toExpert = mailsTo(expertEmail).get(1);
        assertThat(toExpert.getSubject()).isEqualTo("派遣決定のお知らせ：" + name + "（カンボジア）（" + reference + "）");
        assertThat(MailContent.text(toExpert)).startsWith(name + " 様").contains("派遣前の手続", "添付書類: "
                + reference + "-deployment-letter-" + dispatchId(instance) + "-ja.pdf");
        assertThat(toExpert.getAllRecipients()).extracting(Object::toString).containsExactly(expertEmail);
        String japaneseLetter = LetterMail.letterText(jdbc, toExpert,
                reference + "-deployment-letter-" + dispatchId(instance) + "-ja.pdf").replace(" ", "");
        assertThat(japaneseLetter).contains("厚生労働省", "大臣官房国際課", "様", "カンボジアへの専門家派遣について（通知）",
                "記", "以上", reference).doesNotContain("Dear");
        // ... the requesting body's English one with the English letter, listed on the request only.
        assertThat(mailsTo(REQUESTER)).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("Deployment confirmed: " + name + " to Cambodia (" + reference + ")");
            assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(REQUESTER);
            assertThat(LetterMail.letterText(jdbc, mail, reference + "-deployment-letter-" + dispatchId(instance) + ".pdf"))
                    .contains("Dear " + name + ",", "confirms your deployment to Cambodia");
        });
        assertThat(jdbc.sql("select language || ':' || coalesce(cast(person_id as varchar(20)), '-') from letter where reference = ? order by id")
                .param(reference).query(String.class).list()).containsExactlyInAnyOrder("ja:" + expertId, "en:-");
    }

    // ---------------------------------------------------------------- matching and offer

    @Nested
    class Offer {

        @Test
        void shouldReturnToTheRosterWhenTheExpertDeclines() {
            ProcessInstance instance = startRequest(Map.of());
            long expertId = offerFirstCandidate(instance);
            runAsyncSteps(instance.getId());

            complete(task(TASK_RECORD_EXPERT_ANSWER, instance),
                    withVariables(EXPERT_ANSWER, "declined", ANSWER_NOTE, "On leave next month"));

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_RECORD_OFFER_DECLINED).isWaitingAt(TASK_MATCH_EXPERT);
            assertThat(dispatchRow(instance)).containsEntry("STATUS", "UNAVAILABLE")
                    .containsEntry("OUTCOME", "declined by the expert: On leave next month");
            assertThat(expertAvailability(expertId)).isEqualTo("AVAILABLE");
            assertThat(candidateIds(instance)).doesNotContain(expertId);
        }

        @Test
        void shouldRefuseToOfferAgainAnExpertWhoDeclinedThisRequest() {
            ProcessInstance instance = startRequest(Map.of());
            long expertId = offerFirstCandidate(instance);
            runAsyncSteps(instance.getId());
            complete(task(TASK_RECORD_EXPERT_ANSWER, instance), withVariables(EXPERT_ANSWER, "declined"));

            assertThatThrownBy(() -> complete(task(TASK_MATCH_EXPERT, instance),
                    withVariables(MATCH_OUTCOME, SELECTED, EXPERT_ID, String.valueOf(expertId))))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("Expert: ").hasMessageContaining("already offered");
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_MATCH_EXPERT);
        }

        @Test
        void shouldLetTheOfferLapseAfter72HoursWithoutAnswer() {
            ProcessInstance instance = startRequest(Map.of());
            long expertId = offerFirstCandidate(instance);
            runAsyncSteps(instance.getId());
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_EXPERT_ANSWER);

            execute(timerDue(instance.getId(), BOUNDARY_ANSWER_OVERDUE,
                    task(TASK_RECORD_EXPERT_ANSWER, instance).getCreateTime(), Duration.ofHours(72)));

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_RECORD_OFFER_LAPSED).isWaitingAt(TASK_MATCH_EXPERT);
            assertThat(dispatchRow(instance)).containsEntry("OUTCOME", "no answer within 72 hours");
            assertThat(expertAvailability(expertId)).isEqualTo("AVAILABLE");
        }

        @Test
        void shouldMailTheExpertALinkThatWorksUntilTheOfferLapsesAndNoLonger() throws Exception {
            ProcessInstance instance = startRequest(Map.of());
            long expertId = offerFirstCandidate(instance);
            runAsyncSteps(instance.getId());

            org.camunda.bpm.engine.task.Task answer = task(TASK_RECORD_EXPERT_ANSWER, instance);
            java.util.Date lapses = (java.util.Date) runtimeService.getVariable(instance.getId(), OFFER_ANSWER_DUE);
            assertThat(lapses).isCloseTo(plus(answer.getCreateTime(), OfferDeadline.ANSWER_TIME), 2000);
            assertThat(answer.getDueDate()).isEqualTo(lapses);
            assertThat(timer(instance.getId(), BOUNDARY_ANSWER_OVERDUE).getDuedate()).isEqualTo(lapses);
            PartnerLink link = links.live(DispatchLinks.offerScope(instance.getBusinessKey(), expertId, dispatchId(instance)))
                    .orElseThrow();
            assertThat(link.expiresAt()).as("the link ends with the offer").isEqualTo(lapses.toInstant());
            assertThat(link.addressee()).isEqualTo(expertEmail(expertId));
            assertThat(MailContent.text(mailsTo(expertEmail(expertId)).get(0))).contains(links.urlOf(link), "72 hours");
        }

        @Test
        void shouldTakeTheExpertsAnswerFromTheLinkAsTheCoordinatorsFormAndKeepIt() {
            ProcessInstance instance = startRequest(Map.of());
            long expertId = offerFirstCandidate(instance);
            runAsyncSteps(instance.getId());
            PartnerLink link = links.live(DispatchLinks.offerScope(instance.getBusinessKey(), expertId, dispatchId(instance)))
                    .orElseThrow();

            portal.receive(link, new PortalAnswer(FORM_RECORD_EXPERT_ANSWER, Map.of(EXPERT_ANSWER, "declined",
                    ANSWER_NOTE, "On leave next month"), List.of(), "203.0.113.7"));

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_RECORD_EXPERT_ANSWER, TASK_RECORD_OFFER_DECLINED)
                    .isWaitingAt(TASK_MATCH_EXPERT);
            assertThat(dispatchRow(instance)).containsEntry("OUTCOME", "declined by the expert: On leave next month");
            assertThat(submissions.forScope(link.scope())).singleElement().satisfies(sent -> {
                assertThat(sent.status()).isEqualTo(org.cooperationdesk.portal.SubmissionStatus.ACCEPTED);
                assertThat(sent.receivedFrom()).isEqualTo("203.0.113.7");
            });
            assertThat(portal.page(link).asks()).isFalse();
            assertThat(portal.page(link).closedKey()).isEqualTo("portal.dispatch.closed.offerDeclined");
        }

        @Test
        void shouldCloseTheRequestAndTellTheRequesterWhenNoExpertIsAvailable() {
            ProcessInstance instance = startRequest(Map.of());

            complete(task(TASK_MATCH_EXPERT, instance), withVariables(MATCH_OUTCOME, NONE_AVAILABLE,
                    MATCH_NOTE, "No laboratory expert cleared for this period"));
            runAsyncSteps(instance.getId());

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_CLOSE_UNFILLED_REQUEST, TASK_NOTIFY_REQUEST_UNFILLED)
                    .isEnded().hasPassed(END_EVENT_REQUEST_UNFILLED);
            assertThat(requestStatus(instance.getBusinessKey())).isEqualTo("UNFILLED");
            assertThat(mailsTo(REQUESTER)).singleElement().satisfies(mail ->
                    assertThat(mail.getSubject()).isEqualTo("GOARN-2026-114: no expert available (" + instance.getBusinessKey() + ")"));
        }

        @Test
        void shouldAskTheCoordinatorInsteadOfOfferingAnEmptyListAndCloseTheRequestWithTheNote() {
            List<Long> available = makeEveryExpertUnavailable();
            try {
                ProcessInstance instance = startRequest(Map.of());
                runAsyncSteps(instance.getId());

                BpmnAwareTests.assertThat(instance).hasPassed(TASK_FIND_CANDIDATES, GATEWAY_ANY_CANDIDATE)
                        .hasNotPassed(TASK_MATCH_EXPERT).isWaitingAt(TASK_DECIDE_ON_REQUEST_WITHOUT_CANDIDATES);
                BpmnAwareTests.assertThat(task(TASK_DECIDE_ON_REQUEST_WITHOUT_CANDIDATES, instance))
                        .hasCandidateGroup("coordinators");
                assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                        .variableName(EXPERT_CANDIDATES_COUNT).singleResult().getValue()).isEqualTo(0);
                assertThatThrownBy(() -> complete(task(TASK_DECIDE_ON_REQUEST_WITHOUT_CANDIDATES, instance),
                        withVariables(NO_CANDIDATE_DECISION, CLOSE)))
                        .isInstanceOf(InvalidSubmissionException.class)
                        .hasMessageContaining("Note to the requester: is required when closing the request");

                complete(task(TASK_DECIDE_ON_REQUEST_WITHOUT_CANDIDATES, instance), withVariables(NO_CANDIDATE_DECISION, CLOSE,
                        MATCH_NOTE, "Nobody with virology and clearance is free before March."));
                runAsyncSteps(instance.getId());

                BpmnAwareTests.assertThat(instance).hasPassed(GATEWAY_SEARCH_AGAIN, TASK_CLOSE_UNFILLED_REQUEST,
                        TASK_NOTIFY_REQUEST_UNFILLED).isEnded().hasPassed(END_EVENT_REQUEST_UNFILLED);
                assertThat(requestStatus(instance.getBusinessKey())).isEqualTo("UNFILLED");
                assertThat(mailsTo(REQUESTER)).singleElement().satisfies(mail -> {
                    assertThat(mail.getSubject())
                            .isEqualTo("GOARN-2026-114: no expert available (" + instance.getBusinessKey() + ")");
                    assertThat(MailContent.text(mail)).contains("Nobody with virology and clearance is free before March.");
                });
            } finally {
                makeAvailableAgain(available);
            }
        }

        @Test
        void shouldSearchTheRosterAgainWhenTheCoordinatorSaysSoAndOfferWhoBecameAvailable() {
            List<Long> available = makeEveryExpertUnavailable();
            ProcessInstance instance;
            try {
                instance = startRequest(Map.of());
                runAsyncSteps(instance.getId());
                BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_DECIDE_ON_REQUEST_WITHOUT_CANDIDATES);
            } finally {
                makeAvailableAgain(available);
            }

            complete(task(TASK_DECIDE_ON_REQUEST_WITHOUT_CANDIDATES, instance), withVariables(NO_CANDIDATE_DECISION, SEARCH_AGAIN));

            BpmnAwareTests.assertThat(instance).hasPassed(GATEWAY_SEARCH_AGAIN).isWaitingAt(TASK_MATCH_EXPERT)
                    .hasNotPassed(TASK_CLOSE_UNFILLED_REQUEST);
            assertThat(candidateIds(instance)).isNotEmpty();
            assertThat(requestStatus(instance.getBusinessKey())).isNotEqualTo("UNFILLED");
            assertThat(mailsTo(REQUESTER)).isEmpty();
        }

        private List<Long> makeEveryExpertUnavailable() {
            List<Long> available = jdbc.sql("select person_id from expert where availability = 'AVAILABLE'")
                    .query(Long.class).list();
            jdbc.sql("update expert set availability = 'UNAVAILABLE' where availability = 'AVAILABLE'").update();
            return available;
        }

        private void makeAvailableAgain(List<Long> experts) {
            experts.forEach(id -> jdbc.sql("update expert set availability = 'AVAILABLE' where person_id = ?")
                    .param(id).update());
        }

        @Test
        void shouldOnlyOfferExpertsAvailableAndClearedForTheWholeMission() {
            ProcessInstance instance = startRequest(Map.of());

            List<Long> candidates = candidateIds(instance);

            assertThat(candidates).isNotEmpty();
            Long unavailable = expertIdByName("Dr. Yuki Hayashi");
            Long clearanceTooShort = expertIdByName("Dr. Ahmad Rahman");
            assertThat(candidates).doesNotContain(unavailable, clearanceTooShort);
            assertThatThrownBy(() -> complete(task(TASK_MATCH_EXPERT, instance),
                    withVariables(MATCH_OUTCOME, SELECTED, EXPERT_ID, String.valueOf(clearanceTooShort))))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("clearance expires before the mission ends");
            assertThatThrownBy(() -> complete(task(TASK_MATCH_EXPERT, instance),
                    withVariables(MATCH_OUTCOME, SELECTED, EXPERT_ID, "99999")))
                    .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("is not on the roster");
            assertThat(jdbc.sql("select count(*) from dispatch where request_id = ?").param(requestId(instance))
                    .query(Integer.class).single()).isZero();
        }

        @Test
        void shouldRankExpertsWithTheNeededSkillsFirst() {
            ProcessInstance instance = startRequest(Map.of(SKILLS_NEEDED, "labour inspection"));

            assertThat(candidateIds(instance).get(0)).isEqualTo(expertIdByName("Mr. Daisuke Kato"));
        }

        @Test
        void shouldOfferOnlyTheBestMatchesWhenManyExpertsAreEligible() {
            LocalDate cleared = today().plusYears(2);
            List<Long> standby = new ArrayList<>();
            for (int i = 1; i <= RosterCandidates.SHOWN + 5; i++) {
                standby.add(roster.add("Zz Standby Expert " + i, "standby." + i + "@experts.example", "Japanese",
                        "Standby pool", Availability.AVAILABLE, cleared, cleared, List.of(), List.of()));
            }
            try {
                ProcessInstance instance = startRequest(Map.of(SKILLS_NEEDED, "labour inspection"));

                assertThat(candidateIds(instance)).hasSize(RosterCandidates.SHOWN)
                        .startsWith(expertIdByName("Mr. Daisuke Kato"));
            } finally {
                standby.forEach(id -> jdbc.sql("update expert set availability = 'UNAVAILABLE' where person_id = ?")
                        .param(id).update());
            }
        }
    }

    // ---------------------------------------------------------------- release approval

    @Nested
    class ReleaseApproval {

        @Test
        void shouldCloseTheRequestAndTellTheRequesterWhenReleaseIsRejected() throws Exception {
            ProcessInstance instance = startRequest(Map.of());
            long expertId = bringToApproval(instance);

            completeAs("manager", List.of(Groups.MANAGERS), TASK_APPROVE_RELEASE, instance, withVariables(RELEASE_DECISION, REJECTED,
                    RELEASE_COMMENT, "The expert is needed for the domestic response."));
            runAsyncSteps(instance.getId());

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_RECORD_REJECTION, TASK_NOTIFY_REQUESTER_REJECTED)
                    .isEnded().hasPassed(END_EVENT_REQUEST_REJECTED);
            assertThat(requestStatus(instance.getBusinessKey())).isEqualTo("REJECTED");
            assertThat(expertAvailability(expertId)).isEqualTo("AVAILABLE");
            assertThat(decisionsBy("manager", instance.getBusinessKey())).containsExactly("release:rejected");
            MimeMessage mail = mailsTo(REQUESTER).get(mailsTo(REQUESTER).size() - 1);
            assertThat(mail.getSubject()).contains("release not approved");
            assertThat(MailContent.text(mail)).contains("The expert is needed for the domestic response.");
        }

        @Test
        void shouldRequireAReasonToReject() {
            ProcessInstance instance = startRequest(Map.of());
            bringToApproval(instance);

            assertThatThrownBy(() -> complete(task(TASK_APPROVE_RELEASE, instance),
                    withVariables(RELEASE_DECISION, REJECTED)))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("Reason").hasMessageContaining("required when rejecting");
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_APPROVE_RELEASE);
            assertThat(requestStatus(instance.getBusinessKey())).isEqualTo("APPROVAL");
        }

        @Test
        void shouldAskForASeniorApprovalForLongMissions() {
            ProcessInstance instance = startRequest(Map.of(DURATION_DAYS, 45));
            bringToApproval(instance);
            BpmnAwareTests.assertThat(instance).variables().containsEntry(SENIOR_APPROVAL_REQUIRED, true);

            completeAs("manager", List.of(Groups.MANAGERS), TASK_APPROVE_RELEASE, instance, withVariables(RELEASE_DECISION, APPROVED));

            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_APPROVE_RELEASE_SENIOR);
            BpmnAwareTests.assertThat(task(TASK_APPROVE_RELEASE_SENIOR, instance)).hasCandidateGroup(Groups.DIRECTORS);
            completeAs("director", List.of(Groups.MANAGERS, Groups.DIRECTORS), TASK_APPROVE_RELEASE_SENIOR, instance, withVariables(SENIOR_RELEASE_DECISION, APPROVED));
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_CHECK_MEDICAL_CLEARANCE, TASK_ARRANGE_INSURANCE,
                    TASK_BRIEF_SECURITY, TASK_BOOK_TRAVEL);
            assertThat(decisionsBy("director", instance.getBusinessKey())).containsExactly("senior release:approved");
        }

        @Test
        void shouldAskForASeniorApprovalForCostlyMissions() {
            ProcessInstance instance = startRequest(Map.of(ESTIMATED_COST, 3_500_000));
            bringToApproval(instance);
            completeAs("manager", List.of(Groups.MANAGERS), TASK_APPROVE_RELEASE, instance, withVariables(RELEASE_DECISION, APPROVED));
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_APPROVE_RELEASE_SENIOR);
        }

        @Test
        void shouldNotLetTheFirstApproverGiveTheSeniorApprovalToo() {
            ProcessInstance instance = startRequest(Map.of(DURATION_DAYS, 45));
            bringToApproval(instance);
            completeAs("director", List.of(Groups.MANAGERS, Groups.DIRECTORS), TASK_APPROVE_RELEASE, instance, withVariables(RELEASE_DECISION, APPROVED));

            assertThatThrownBy(() -> completeAs("director", List.of(Groups.MANAGERS, Groups.DIRECTORS),
                    TASK_APPROVE_RELEASE_SENIOR, instance, withVariables(SENIOR_RELEASE_DECISION, APPROVED)))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("someone other than the first approver");
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_APPROVE_RELEASE_SENIOR);
        }

        @Test
        void shouldRejectTheRequestWhenTheSeniorApproverRefuses() throws Exception {
            ProcessInstance instance = startRequest(Map.of(DURATION_DAYS, 60));
            bringToApproval(instance);
            completeAs("manager", List.of(Groups.MANAGERS), TASK_APPROVE_RELEASE, instance, withVariables(RELEASE_DECISION, APPROVED));
            completeAs("director", List.of(Groups.MANAGERS, Groups.DIRECTORS), TASK_APPROVE_RELEASE_SENIOR, instance, withVariables(SENIOR_RELEASE_DECISION, REJECTED,
                    SENIOR_RELEASE_COMMENT, "Two months is too long for our staffing."));
            runAsyncSteps(instance.getId());

            BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_REQUEST_REJECTED);
            assertThat(MailContent.text(mailsTo(REQUESTER).get(mailsTo(REQUESTER).size() - 1)))
                    .contains("Two months is too long for our staffing.");
        }

        @Test
        void shouldRemindManagersAfterADayAndEscalateToDirectorsAfterThree() {
            ProcessInstance instance = startRequest(Map.of());
            bringToApproval(instance);

            java.util.Date approvalCreated = task(TASK_APPROVE_RELEASE, instance).getCreateTime();
            execute(timerDue(instance.getId(), BOUNDARY_APPROVAL_REMINDER_DUE, approvalCreated, Duration.ofDays(1)));
            runAsyncSteps(instance.getId());
            // The managers never chose a language: the office's default, Japanese.
            assertThat(mailsTo("manager@mhlw.example")).singleElement().satisfies(mail -> {
                assertThat(mail.getSubject()).startsWith("【リマインダー】").contains("の派遣承認をお願いします（"
                        + instance.getBusinessKey() + "）");
                assertThat(MailContent.text(mail)).contains("承認待ちの状態が1日続いています", "カンボジア",
                        LanguageFormats.date(startDate(instance), Language.JA) + "から");
            });
            assertThat(mailsTo("manager2@mhlw.example")).hasSize(1);
            assertThat(mailsTo("director@mhlw.example")).hasSize(1);
            BpmnAwareTests.assertThat(instance).hasPassed(END_EVENT_APPROVAL_REMINDED).isWaitingAt(TASK_APPROVE_RELEASE);

            execute(timerDue(instance.getId(), BOUNDARY_APPROVAL_OVERDUE, approvalCreated, Duration.ofDays(3)));
            runAsyncSteps(instance.getId());
            assertThat(mailsTo("director@mhlw.example")).extracting(MimeMessage::getSubject)
                    .contains("【督促】" + instance.getBusinessKey() + " の派遣承認が遅延しています");
            assertThat(mailsTo("manager@mhlw.example")).hasSize(1);
            BpmnAwareTests.assertThat(instance).hasPassed(END_EVENT_APPROVAL_ESCALATED).isWaitingAt(TASK_APPROVE_RELEASE);
        }

        @Test
        void shouldRemindEachManagerInTheLanguageTheyChoseOneMailPerLanguage() throws Exception {
            staffLanguages.choose("manager", Language.EN);
            ProcessInstance instance = startRequest(Map.of());
            bringToApproval(instance);

            java.util.Date approvalCreated = task(TASK_APPROVE_RELEASE, instance).getCreateTime();
            execute(timerDue(instance.getId(), BOUNDARY_APPROVAL_REMINDER_DUE, approvalCreated, Duration.ofDays(1)));
            runAsyncSteps(instance.getId());

            MimeMessage english = mailsTo("manager@mhlw.example").get(0);
            assertThat(mailsTo("manager@mhlw.example")).hasSize(1);
            assertThat(english.getSubject()).startsWith("Reminder: release of").endsWith("(" + instance.getBusinessKey() + ")");
            assertThat(MailContent.text(english)).contains("has been waiting for approval for a day", "Cambodia",
                    "from " + LanguageFormats.date(startDate(instance), Language.EN) + ", estimated cost");
            assertThat(recipientsOf(english)).containsExactly("manager@mhlw.example");
            // The others read the office's default: one Japanese mail to both of them.
            MimeMessage japanese = mailsTo("manager2@mhlw.example").get(0);
            assertThat(mailsTo("manager2@mhlw.example")).hasSize(1);
            assertThat(japanese.getSubject()).startsWith("【リマインダー】");
            assertThat(recipientsOf(japanese)).containsExactly("director@mhlw.example", "manager2@mhlw.example");
            assertThat(jdbc.sql("select idempotency_key from notification where template = 'approval-reminder' and business_key = ? order by id")
                    .param(instance.getBusinessKey()).query(String.class).list())
                    .as("one key per language under the step's key").hasSize(2).allMatch(key -> key.startsWith("job:"))
                    .anyMatch(key -> key.endsWith("#en")).anyMatch(key -> key.endsWith("#ja"));
        }

        private List<String> recipientsOf(MimeMessage mail) {
            try {
                return java.util.Arrays.stream(mail.getAllRecipients()).map(Object::toString).sorted().toList();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ---------------------------------------------------------------- pre-deployment

    @Nested
    class PreDeployment {

        @Test
        void shouldGoBackToTheRosterWhenTheExpertIsNotMedicallyCleared() {
            ProcessInstance instance = startRequest(Map.of());
            long expertId = bringToPreDeployment(instance);
            complete(task(TASK_ARRANGE_INSURANCE, instance),
                    withVariables(INSURER, "Tokio Marine", INSURANCE_POLICY_NUMBER, "TM-2026-8812"));

            complete(task(TASK_CHECK_MEDICAL_CLEARANCE, instance), withVariables(MEDICAL_CLEARANCE, "not_cleared",
                    CLEARANCE_VALID_UNTIL, today().toString(), MEDICAL_NOTE, "Yellow fever vaccination missing"));

            BpmnAwareTests.assertThat(instance).hasPassed(END_EVENT_CLEARANCE_FAILED, TASK_RELEASE_EXPERT)
                    .isWaitingAt(TASK_MATCH_EXPERT);
            assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).list())
                    .extracting(t -> t.getTaskDefinitionKey()).containsExactly(TASK_MATCH_EXPERT);
            assertThat(dispatchRow(instance)).containsEntry("STATUS", "UNAVAILABLE")
                    .containsEntry("OUTCOME", "medical clearance failed: Yellow fever vaccination missing");
            assertThat(expertAvailability(expertId)).isEqualTo("AVAILABLE");
        }

        @Test
        void shouldRefuseAClearanceThatEndsBeforeTheMission() {
            ProcessInstance instance = startRequest(Map.of());
            bringToPreDeployment(instance);

            assertThatThrownBy(() -> complete(task(TASK_CHECK_MEDICAL_CLEARANCE, instance),
                    withVariables(MEDICAL_CLEARANCE, "cleared", CLEARANCE_VALID_UNTIL, startDate(instance).toString())))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("Clearance and vaccinations valid until: must cover the whole mission");
        }

        @Test
        void shouldRefuseAReturnBeforeTheDeparture() {
            ProcessInstance instance = startRequest(Map.of());
            bringToPreDeployment(instance);

            assertThatThrownBy(() -> complete(task(TASK_BOOK_TRAVEL, instance), withVariables(
                    DEPARTURE_DATE, startDate(instance).toString(), PLANNED_RETURN_DATE, startDate(instance).minusDays(1).toString(),
                    TRAVEL_BOOKING, "JL 5135 NRT-PNH")))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("Planned return date: must not be before Departure date (");
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_BOOK_TRAVEL);
        }

        /** The join after the checks is asynchronous: people completing checks together never collide there. */
        @Test
        void shouldTakeChecksCompletedAtTheSameMomentByDifferentCoordinators() throws Exception {
            for (int round = 1; round <= 3; round++) {
                ProcessInstance instance = startRequest(Map.of());
                bringToPreDeployment(instance);
                LocalDate start = startDate(instance);
                String medical = task(TASK_CHECK_MEDICAL_CLEARANCE, instance).getId();
                String insurance = task(TASK_ARRANGE_INSURANCE, instance).getId();
                String briefing = task(TASK_BRIEF_SECURITY, instance).getId();
                String travel = task(TASK_BOOK_TRAVEL, instance).getId();

                List<Throwable> failures = atTheSameMoment(
                        () -> taskService.complete(medical, Map.of(MEDICAL_CLEARANCE, "cleared",
                                CLEARANCE_VALID_UNTIL, start.plusYears(1).toString())),
                        () -> taskService.complete(insurance, Map.of(INSURER, "Tokio Marine",
                                INSURANCE_POLICY_NUMBER, "TM-2026-8812")),
                        () -> taskService.complete(briefing, Map.of(BRIEFING_DATE, today().toString(),
                                SECURITY_CLEARANCE_REFERENCE, "UNDSS-44817")),
                        () -> taskService.complete(travel, Map.of(DEPARTURE_DATE, start.toString(),
                                PLANNED_RETURN_DATE, start.plusDays(20).toString(), TRAVEL_BOOKING, "JL 5135 NRT-PNH")));

                assertThat(failures).as("round %d", round).isEmpty();
                runAsyncSteps(instance.getId());
                BpmnAwareTests.assertThat(instance).hasPassed(TASK_RECORD_DEPLOYMENT).isWaitingAt(TASK_RECORD_SITUATION_REPORT);
            }
        }

        @Test
        void shouldNotDepartUntilEveryCheckIsDone() {
            ProcessInstance instance = startRequest(Map.of());
            bringToPreDeployment(instance);
            complete(task(TASK_CHECK_MEDICAL_CLEARANCE, instance), withVariables(MEDICAL_CLEARANCE, "cleared",
                    CLEARANCE_VALID_UNTIL, startDate(instance).plusYears(1).toString()));
            complete(task(TASK_ARRANGE_INSURANCE, instance),
                    withVariables(INSURER, "Tokio Marine", INSURANCE_POLICY_NUMBER, "TM-2026-8812"));
            complete(task(TASK_BRIEF_SECURITY, instance),
                    withVariables(BRIEFING_DATE, today().toString(), SECURITY_CLEARANCE_REFERENCE, "UNDSS-44817"));

            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_BOOK_TRAVEL).hasNotPassed(TASK_RECORD_DEPLOYMENT);
            assertThat(dispatchStatus(instance)).isEqualTo("IN_PROCESS");
        }
    }

    // ---------------------------------------------------------------- mission

    @Nested
    class Mission {

        @Test
        void shouldRemindTheExpertAndAskTheCoordinatorToChaseAMissedSituationReport() {
            ProcessInstance instance = startRequest(Map.of());
            long expertId = bringToMission(instance);
            mailServer.reset();

            execute(timerDue(instance.getId(), BOUNDARY_SITUATION_REPORT_MISSED,
                    task(TASK_RECORD_SITUATION_REPORT, instance).getCreateTime(), Duration.ofDays(8)));
            runAsyncSteps(instance.getId());

            assertThat(mailsTo(expertEmail(expertId))).singleElement().satisfies(mail ->
                    assertThat(mail.getSubject()).isEqualTo("Weekly situation report overdue (" + instance.getBusinessKey() + ")"));
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_SITUATION_REPORT, TASK_CHASE_SITUATION_REPORT);
            complete(task(TASK_CHASE_SITUATION_REPORT, instance),
                    withVariables(CHASE_NOTE, "Called the team leader; report promised for tomorrow."));
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_SITUATION_REPORT);
        }

        @Test
        void shouldExtendTheMissionWhenAManagerApprovesAnExtension() {
            ProcessInstance instance = startRequest(Map.of());
            bringToMission(instance);
            LocalDate plannedReturn = LocalDate.parse((String) runtimeService.getVariable(instance.getId(), PLANNED_RETURN_DATE));

            complete(task(TASK_RECORD_SITUATION_REPORT, instance), withVariables(SITREP_SUMMARY,
                    "Second cluster found.", MISSION_OUTLOOK, "extension", EXTENSION_DAYS, 10));
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_APPROVE_EXTENSION);
            completeAs("manager2", List.of(Groups.MANAGERS), TASK_APPROVE_EXTENSION, instance, withVariables(EXTENSION_DECISION, APPROVED));

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_EXTEND_MISSION).isWaitingAt(TASK_RECORD_SITUATION_REPORT);
            assertThat(dispatchRow(instance).get("PLANNED_RETURN_DATE").toString()).isEqualTo(plannedReturn.plusDays(10).toString());
            assertThat(jdbc.sql("select duration_days from dispatch_request where reference = ?")
                    .param(instance.getBusinessKey()).query(Integer.class).single()).isEqualTo(31);
            assertThat(decisionsBy("manager2", instance.getBusinessKey())).containsExactly("extension of 10 days:approved");
        }

        @Test
        void shouldKeepThePlannedReturnWhenAnExtensionIsRejected() {
            ProcessInstance instance = startRequest(Map.of());
            bringToMission(instance);
            Object plannedReturn = dispatchRow(instance).get("PLANNED_RETURN_DATE");

            complete(task(TASK_RECORD_SITUATION_REPORT, instance), withVariables(SITREP_SUMMARY,
                    "Second cluster found.", MISSION_OUTLOOK, "extension", EXTENSION_DAYS, 10));
            completeAs("manager", List.of(Groups.MANAGERS), TASK_APPROVE_EXTENSION, instance, withVariables(EXTENSION_DECISION, REJECTED,
                    EXTENSION_COMMENT, "Hand over to the WHO country office."));

            BpmnAwareTests.assertThat(instance).hasNotPassed(TASK_EXTEND_MISSION).isWaitingAt(TASK_RECORD_SITUATION_REPORT);
            assertThat(dispatchRow(instance).get("PLANNED_RETURN_DATE")).isEqualTo(plannedReturn);
        }

        @Test
        void shouldFileASituationReportSentOnlineOnceACoordinatorAcceptsItAsTheFormWould() {
            ProcessInstance instance = startRequest(Map.of());
            long expertId = bringToMission(instance);
            PartnerLink link = reportsLink(instance, expertId);

            portal.receive(link, new PortalAnswer(FORM_RECORD_SITUATION_REPORT, Map.of(SITREP_SUMMARY,
                    "Week 1: 14 suspected cases.", MISSION_OUTLOOK, "extension", EXTENSION_DAYS, 10L), List.of(), "203.0.113.7"));
            BpmnAwareTests.assertThat(instance).hasPassed(BOUNDARY_SITUATION_REPORT_SENT_ONLINE)
                    .isWaitingAt(TASK_REVIEW_SITUATION_REPORT);
            assertThat(timer(instance.getId(), BOUNDARY_SITUATION_REPORT_MISSED)).as("no reminder for a report sent").isNull();
            assertThat((String) runtimeService.getVariable(instance.getId(), PortalVariables.SUBMISSION_SUMMARY))
                    .contains("Week 1: 14 suspected cases.");

            complete(task(TASK_REVIEW_SITUATION_REPORT, instance), withVariables(PortalVariables.REVIEW_DECISION,
                    PortalVariables.ACCEPTED));

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_TAKE_SITUATION_REPORT, TASK_STORE_SITUATION_REPORT)
                    .isWaitingAt(TASK_APPROVE_EXTENSION);
            assertThat(jdbc.sql("select summary || ':' || outlook from situation_report where dispatch_id = ?")
                    .param(dispatchId(instance)).query(String.class).list()).containsExactly("Week 1: 14 suspected cases.:extension");
            assertThat(submissions.latest(link.scope()).orElseThrow().status())
                    .isEqualTo(org.cooperationdesk.portal.SubmissionStatus.ACCEPTED);
        }

        @Test
        void shouldAskTheExpertToCorrectAReturnedSituationReportThroughTheSameLink() throws Exception {
            ProcessInstance instance = startRequest(Map.of());
            long expertId = bringToMission(instance);
            PartnerLink link = reportsLink(instance, expertId);
            portal.receive(link, new PortalAnswer(FORM_RECORD_SITUATION_REPORT, Map.of(SITREP_SUMMARY, "Fine.",
                    MISSION_OUTLOOK, "continue"), List.of(), "203.0.113.7"));
            mailServer.reset();

            complete(task(TASK_REVIEW_SITUATION_REPORT, instance), withVariables(PortalVariables.REVIEW_DECISION,
                    PortalVariables.RETURNED, PortalVariables.RETURN_REASON, "Please give the case numbers."));
            runAsyncSteps(instance.getId());

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_RETURN_SITUATION_REPORT, TASK_SEND_SITUATION_REPORT_RETURNED)
                    .hasNotPassed(TASK_STORE_SITUATION_REPORT).isWaitingAt(TASK_RECORD_SITUATION_REPORT);
            assertThat(mailsTo(expertEmail(expertId))).singleElement().satisfies(mail -> assertThat(MailContent.text(mail))
                    .contains("Please give the case numbers.", links.urlOf(link)));
            assertThat(portal.page(link).notices()).singleElement().satisfies(notice ->
                    assertThat(notice.key()).isEqualTo("portal.notice.returned"));
            assertThat(jdbc.sql("select count(*) from situation_report where dispatch_id = ?")
                    .param(dispatchId(instance)).query(Integer.class).single()).isZero();
        }

        @Test
        void shouldKeepTheReportsLinkWorkingThirtyDaysPastAnExtendedMission() {
            ProcessInstance instance = startRequest(Map.of());
            long expertId = bringToMission(instance);
            PartnerLink link = reportsLink(instance, expertId);
            LocalDate plannedReturn = LocalDate.parse((String) runtimeService.getVariable(instance.getId(), PLANNED_RETURN_DATE));
            assertThat(links.lastDay(link)).isEqualTo(plannedReturn.plusDays(30));

            complete(task(TASK_RECORD_SITUATION_REPORT, instance), withVariables(SITREP_SUMMARY,
                    "Second cluster found.", MISSION_OUTLOOK, "extension", EXTENSION_DAYS, 10));
            completeAs("manager2", List.of(Groups.MANAGERS), TASK_APPROVE_EXTENSION, instance, withVariables(EXTENSION_DECISION, APPROVED));

            assertThat(links.lastDay(reportsLink(instance, expertId))).isEqualTo(plannedReturn.plusDays(40));
        }

        private PartnerLink reportsLink(ProcessInstance instance, long expertId) {
            return links.live(new LinkScope(LinkPurpose.MISSION_REPORTS, instance.getBusinessKey(), String.valueOf(expertId)))
                    .orElseThrow();
        }

        @Test
        void shouldRequireTheNumberOfDaysWhenAnExtensionIsRequested() {
            ProcessInstance instance = startRequest(Map.of());
            bringToMission(instance);

            assertThatThrownBy(() -> complete(task(TASK_RECORD_SITUATION_REPORT, instance),
                    withVariables(SITREP_SUMMARY, "Second cluster found.", MISSION_OUTLOOK, "extension")))
                    .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("Extension");
            assertThat(jdbc.sql("select count(*) from situation_report where dispatch_id = ?")
                    .param(dispatchId(instance)).query(Integer.class).single()).isZero();
        }
    }

    // ---------------------------------------------------------------- stand-down

    @Nested
    class StandDown {

        @Test
        void shouldCancelBookingsAndTellEveryoneWhenStoodDownDuringTheMission() throws Exception {
            ProcessInstance instance = startRequest(Map.of());
            long expertId = bringToMission(instance);
            mailServer.reset();

            runtimeService.createMessageCorrelation(MESSAGE_STAND_DOWN).processInstanceBusinessKey(instance.getBusinessKey())
                    .setVariable(STAND_DOWN_REASON, "Outbreak declared over by WHO").correlate();
            runAsyncSteps(instance.getId());

            BpmnAwareTests.assertThat(instance).hasPassed(TASK_CANCEL_BOOKINGS, TASK_NOTIFY_STAND_DOWN)
                    .isEnded().hasPassed(END_EVENT_STOOD_DOWN);
            assertThat(requestStatus(instance.getBusinessKey())).isEqualTo("STOOD_DOWN");
            assertThat(dispatchStatus(instance)).isEqualTo("STOOD_DOWN");
            assertThat(expertAvailability(expertId)).isEqualTo("AVAILABLE");
            MimeMessage mail = mailServer.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()).extracting(Object::toString)
                    .containsExactlyInAnyOrder(expertEmail(expertId), REQUESTER);
            assertThat(MailContent.text(mail)).contains("Outbreak declared over by WHO");
            assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        }

        @Test
        void shouldCloseTheRequestWhenStoodDownBeforeAnExpertIsFound() {
            ProcessInstance instance = startRequest(Map.of());

            runtimeService.createMessageCorrelation(MESSAGE_STAND_DOWN).processInstanceBusinessKey(instance.getBusinessKey())
                    .setVariable(STAND_DOWN_REASON, "Request withdrawn").correlate();
            runAsyncSteps(instance.getId());

            BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_STOOD_DOWN);
            assertThat(requestStatus(instance.getBusinessKey())).isEqualTo("STOOD_DOWN");
            assertThat(mailsTo(REQUESTER)).hasSize(1);
        }
    }

    // ---------------------------------------------------------------- bad requests

    @Nested
    class World {

        @Test
        void shouldDispatchToEgyptForAWhoRequestInUsDollarsWeighedInYenByTheSeniorApprovalRule() throws Exception {
            // USD 25,000 is below 3,000,000 as a number; its yen value at the office's rate is not.
            ProcessInstance instance = startRequest(Map.of(COUNTRY_CODE, "EG", ESTIMATED_COST, 25_000,
                    ESTIMATED_COST_CURRENCY, "USD"));
            String reference = instance.getBusinessKey();
            Map<String, Object> request = upper(jdbc.sql("""
                            select r.country_code, r.estimated_cost, r.estimated_cost_currency, r.estimated_cost_yen,
                                   x.yen_per_unit, x.rate_date
                              from dispatch_request r join exchange_rate x on x.id = r.estimated_cost_rate_id
                             where r.reference = ?""")
                    .param(reference).query().singleRow());
            BigDecimal rate = (BigDecimal) request.get("YEN_PER_UNIT");
            BigDecimal yen = new BigDecimal(25_000).multiply(rate).setScale(0, RoundingMode.HALF_UP);
            assertThat(request).containsEntry("COUNTRY_CODE", "EG").containsEntry("ESTIMATED_COST_CURRENCY", "USD");
            assertThat((BigDecimal) request.get("ESTIMATED_COST")).isEqualByComparingTo("25000");
            assertThat((BigDecimal) request.get("ESTIMATED_COST_YEN")).isEqualByComparingTo(yen);
            assertThat(yen).isGreaterThan(new BigDecimal(3_000_000));

            long expertId = bringToApproval(instance);
            BpmnAwareTests.assertThat(instance).variables()
                    .containsEntry(ESTIMATED_COST_TEXT, "USD 25,000")
                    .containsEntry(ESTIMATED_COST_YEN, yen.doubleValue())
                    .containsEntry(SENIOR_APPROVAL_REQUIRED, true);
            assertThat((String) runtimeService.getVariable(instance.getId(), ESTIMATED_COST_YEN_TEXT))
                    .startsWith("JPY " + String.format(Locale.ENGLISH, "%,d", yen.longValue()) + " at "
                            + rate.stripTrailingZeros().toPlainString() + " yen per USD (" + request.get("RATE_DATE"));
            completeAs("manager", List.of(Groups.MANAGERS), TASK_APPROVE_RELEASE, instance, withVariables(RELEASE_DECISION, APPROVED));
            BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_APPROVE_RELEASE_SENIOR);
            completeAs("director", List.of(Groups.MANAGERS, Groups.DIRECTORS), TASK_APPROVE_RELEASE_SENIOR, instance,
                    withVariables(SENIOR_RELEASE_DECISION, APPROVED));

            completePreDeploymentChecks(instance);
            runAsyncSteps(instance.getId());
            assertThat(mailsTo(REQUESTER)).extracting(MimeMessage::getSubject)
                    .containsExactly("Deployment confirmed: " + expertName(expertId) + " to Egypt (" + reference + ")");
            complete(task(TASK_RECORD_SITUATION_REPORT, instance), withVariables(
                    SITREP_SUMMARY, "Week 1: H5N1 cluster contained in two governorates.", MISSION_OUTLOOK, "completed"));
            clock.advance(Duration.ofDays(40));
            complete(task(TASK_DEBRIEF_EXPERT, instance), withVariables(
                    RETURN_DATE, startDate(instance).plusDays(20).toString(),
                    MISSION_REPORT_SUMMARY, "Surveillance and laboratory support delivered.",
                    DEBRIEF_NOTES, "None."));
            runAsyncSteps(instance.getId());
            BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_DISPATCH_COMPLETED);
            assertThat(requestStatus(reference)).isEqualTo("COMPLETED");
        }

        @Test
        void shouldRefuseAnUnknownCountryOrCurrencyAnAmountWithoutCurrencyAndACurrencyWithoutARate() {
            int before = jdbc.sql("select count(*) from dispatch_request").query(Integer.class).single();

            assertThatThrownBy(() -> startRequest(Map.of(COUNTRY_CODE, "XX", ESTIMATED_COST_CURRENCY, "XYZ")))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("Country: 'XX' is not a country the office knows")
                    .hasMessageContaining("Currency: 'XYZ' is not a currency code of ISO 4217");
            Map<String, Object> withoutCurrency = new HashMap<>();
            withoutCurrency.put(ESTIMATED_COST_CURRENCY, null);
            assertThatThrownBy(() -> startRequest(withoutCurrency))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("Currency: is required");
            // Nigeria's naira is a currency of ISO 4217, but the office has recorded no yen rate for it.
            assertThatThrownBy(() -> startRequest(Map.of(ESTIMATED_COST_CURRENCY, "NGN")))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("Currency: has no yen rate recorded by " + org.cooperationdesk.language.LanguageFormats.date(today(), org.cooperationdesk.language.Language.EN))
                    .hasMessageContaining("records the office's rate for NGN first");

            assertThat(jdbc.sql("select count(*) from dispatch_request").query(Integer.class).single()).isEqualTo(before);
            assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
        }

        private static Map<String, Object> upper(Map<String, Object> row) {
            Map<String, Object> upper = new HashMap<>();
            row.forEach((column, value) -> upper.put(column.toUpperCase(Locale.ROOT), value));
            return upper;
        }
    }

    @Nested
    class BadRequest {

        @Test
        void shouldRefuseARequestStartingInThePastAndKeepNoRecord() {
            int before = jdbc.sql("select count(*) from dispatch_request").query(Integer.class).single();

            assertThatThrownBy(() -> startRequest(Map.of(START_DATE, today().minusDays(1).toString(),
                    REQUESTER_EMAIL, "not-an-address", DURATION_DAYS, 0)))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("Start date: must not be in the past")
                    .hasMessageContaining("Requester's e-mail: must be an e-mail address")
                    .hasMessageContaining("Duration (days): must be at least 1");

            assertThat(jdbc.sql("select count(*) from dispatch_request").query(Integer.class).single()).isEqualTo(before);
            assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
        }
    }

    @Nested
    class Programme {

        @Autowired
        DispatchRequestController requests;
        @Autowired
        ObjectMapper json;

        @Test
        void shouldRecordTheContributionThatPaysForTheDeploymentAndShowItsReference() {
            ContributionRows.Row goarn = ContributionRows.insert(jdbc, "WHO", "ACTIVE", "GOARN outbreak response support");

            ProcessInstance instance = startRequest(Map.of(PROGRAMME, goarn.reference()));

            assertThat(jdbc.sql("select contribution_id from dispatch_request where reference = ?")
                    .param(instance.getBusinessKey()).query(Long.class).single()).isEqualTo(goarn.id());
            identityService.setAuthentication("coordinator", List.of(Groups.COORDINATORS));
            JsonNode answer = json.valueToTree(requests.show(instance.getBusinessKey()));
            assertThat(answer.path("programme").asText()).isEqualTo(goarn.reference());
            assertThat(answer.path("request").path("contributionId").asLong()).isEqualTo(goarn.id());
        }

        @Test
        void shouldRefuseAContributionThatIsNotRunningOrUnknownNamingTheProgrammeField() {
            ContributionRows.Row refused = ContributionRows.insert(jdbc, "WHO", "REFUSED", "Refused proposal");
            int before = jdbc.sql("select count(*) from dispatch_request").query(Integer.class).single();

            for (String programme : List.of(refused.reference(), "CT-1999-0001")) {
                assertThatThrownBy(() -> startRequest(Map.of(PROGRAMME, programme)))
                        .isInstanceOfSatisfying(InvalidSubmissionException.class, refusal ->
                                assertThat(refusal.errors()).extracting(FieldError::field).containsExactly(PROGRAMME))
                        .hasMessageContaining("Programme: '" + programme + "' is not a running contribution or programme");
            }
            assertThat(jdbc.sql("select count(*) from dispatch_request").query(Integer.class).single()).isEqualTo(before);
        }
    }

    // ---------------------------------------------------------------- Tasklist's cards

    /** What a task card shows besides the task's name: the request's reference, its country and the task's deadline. */
    @Nested
    class Cards {

        @Test
        void shouldShowTheReferenceAndTheCountryByNameOnEveryTask() {
            ProcessInstance instance = startRequest(Map.of());
            org.camunda.bpm.engine.task.Task match = task(TASK_MATCH_EXPERT, instance);
            assertThat(taskService.getVariablesLocal(match.getId()))
                    .containsEntry("reference", instance.getBusinessKey()).containsEntry("countryName", "Cambodia");
            assertThat(match.getDueDate()).as("matching has no deadline of its own").isNull();

            bringToApproval(instance);
            org.camunda.bpm.engine.task.Task approval = task(TASK_APPROVE_RELEASE, instance);
            assertThat(taskService.getVariablesLocal(approval.getId()))
                    .containsEntry("reference", instance.getBusinessKey()).containsEntry("countryName", "Cambodia");
            assertThat(runtimeService.getVariablesLocal(instance.getId())).as("the card's values stay on the task")
                    .doesNotContainKey("reference");
        }

        @Test
        void shouldGiveTheAnswerTheOffersLapseAndTheApprovalItsEscalationAsDueDates() {
            ProcessInstance instance = startRequest(Map.of(DURATION_DAYS, 45));
            offerFirstCandidate(instance);
            runAsyncSteps(instance.getId());
            org.camunda.bpm.engine.task.Task answer = task(TASK_RECORD_EXPERT_ANSWER, instance);
            assertThat(answer.getDueDate()).isCloseTo(plus(answer.getCreateTime(), Duration.ofHours(72)), 2000);

            complete(answer, withVariables(EXPERT_ANSWER, "accepted"));
            org.camunda.bpm.engine.task.Task approval = task(TASK_APPROVE_RELEASE, instance);
            assertThat(approval.getDueDate()).isCloseTo(plus(approval.getCreateTime(), Duration.ofDays(3)), 2000);

            completeAs("manager", List.of(Groups.MANAGERS), TASK_APPROVE_RELEASE, instance,
                    withVariables(RELEASE_DECISION, APPROVED));
            assertThat(task(TASK_APPROVE_RELEASE_SENIOR, instance).getDueDate()).as("before the mission starts")
                    .isEqualTo(java.util.Date.from(startDate(instance).atStartOfDay(java.time.ZoneId.systemDefault()).toInstant()));
        }

        private java.util.Date plus(java.util.Date from, Duration duration) {
            return java.util.Date.from(from.toInstant().plus(duration));
        }
    }

    // ---------------------------------------------------------------- steps shared by the tests

    static java.util.Date plus(java.util.Date from, Duration duration) {
        return java.util.Date.from(from.toInstant().plus(duration));
    }

    ProcessInstance startRequest(Map<String, Object> overrides) {
        Map<String, Object> variables = new HashMap<>(Map.ofEntries(
                Map.entry(REQUESTING_BODY, "WHO"),
                Map.entry(REQUESTER_REFERENCE, "GOARN-2026-114"),
                Map.entry(REQUESTER_EMAIL, REQUESTER),
                Map.entry(COUNTRY_CODE, "KH"),
                Map.entry(PURPOSE, "Avian influenza outbreak response"),
                Map.entry(TERMS_OF_REFERENCE, "Support the national rapid response team with field investigation."),
                Map.entry(SKILLS_NEEDED, "epidemiology, laboratory"),
                Map.entry(LANGUAGES_NEEDED, "english"),
                Map.entry(START_DATE, today().plusDays(10).toString()),
                Map.entry(DURATION_DAYS, 21),
                Map.entry(ESTIMATED_COST, 1_500_000),
                Map.entry(ESTIMATED_COST_CURRENCY, "JPY"),
                Map.entry(FUNDED_BY, "REQUESTER")));
        variables.putAll(overrides);
        return runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables);
    }

    long offerFirstCandidate(ProcessInstance instance) {
        long expertId = candidateIds(instance).get(0);
        complete(task(TASK_MATCH_EXPERT, instance),
                withVariables(MATCH_OUTCOME, SELECTED, EXPERT_ID, String.valueOf(expertId)));
        return expertId;
    }

    long bringToApproval(ProcessInstance instance) {
        long expertId = offerFirstCandidate(instance);
        runAsyncSteps(instance.getId());
        complete(task(TASK_RECORD_EXPERT_ANSWER, instance), withVariables(EXPERT_ANSWER, "accepted"));
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_APPROVE_RELEASE);
        return expertId;
    }

    long bringToPreDeployment(ProcessInstance instance) {
        long expertId = bringToApproval(instance);
        completeAs("manager", List.of(Groups.MANAGERS), TASK_APPROVE_RELEASE, instance, withVariables(RELEASE_DECISION, APPROVED));
        return expertId;
    }

    long bringToMission(ProcessInstance instance) {
        long expertId = bringToPreDeployment(instance);
        completePreDeploymentChecks(instance);
        runAsyncSteps(instance.getId());
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_SITUATION_REPORT);
        return expertId;
    }

    void completePreDeploymentChecks(ProcessInstance instance) {
        LocalDate start = startDate(instance);
        complete(task(TASK_CHECK_MEDICAL_CLEARANCE, instance), withVariables(MEDICAL_CLEARANCE, "cleared",
                CLEARANCE_VALID_UNTIL, start.plusYears(1).toString()));
        complete(task(TASK_ARRANGE_INSURANCE, instance),
                withVariables(INSURER, "Tokio Marine", INSURANCE_POLICY_NUMBER, "TM-2026-8812"));
        complete(task(TASK_BRIEF_SECURITY, instance),
                withVariables(BRIEFING_DATE, today().toString(), SECURITY_CLEARANCE_REFERENCE, "UNDSS-44817"));
        complete(task(TASK_BOOK_TRAVEL, instance), withVariables(DEPARTURE_DATE, start.toString(),
                PLANNED_RETURN_DATE, start.plusDays(20).toString(), TRAVEL_BOOKING, "JL 5135 NRT-PNH, booking QX7RT2"));
        runJobsAt(instance.getId(), GATEWAY_CHECKS_JOIN);
    }

    List<Long> candidateIds(ProcessInstance instance) {
        SpinJsonNode candidates = (SpinJsonNode) runtimeService.getVariable(instance.getId(), EXPERT_CANDIDATES);
        return candidates.elements().stream().map(node -> Long.valueOf(node.prop("value").stringValue())).toList();
    }

    LocalDate startDate(ProcessInstance instance) {
        return LocalDate.parse((String) runtimeService.getVariable(instance.getId(), START_DATE));
    }

    long requestId(ProcessInstance instance) {
        return jdbc.sql("select id from dispatch_request where reference = ?").param(instance.getBusinessKey())
                .query(Long.class).single();
    }

    long dispatchId(ProcessInstance instance) {
        return jdbc.sql("select max(id) from dispatch where request_id = ?").param(requestId(instance))
                .query(Long.class).single();
    }

    Map<String, Object> dispatchRow(ProcessInstance instance) {
        return jdbc.sql("select * from dispatch where id = ?").param(dispatchId(instance)).query().singleRow();
    }

    String dispatchStatus(ProcessInstance instance) {
        return (String) dispatchRow(instance).get("STATUS");
    }

    String requestStatus(String reference) {
        return jdbc.sql("select status from dispatch_request where reference = ?").param(reference)
                .query(String.class).single();
    }

    String expertAvailability(long expertId) {
        return jdbc.sql("select availability from expert where person_id = ?").param(expertId).query(String.class).single();
    }

    String expertEmail(long expertId) {
        return jdbc.sql("select email from person where id = ?").param(expertId).query(String.class).single();
    }

    String expertName(long expertId) {
        return jdbc.sql("select full_name from person where id = ?").param(expertId).query(String.class).single();
    }

    Long expertIdByName(String name) {
        return jdbc.sql("select id from person where full_name = ?").param(name).query(Long.class).single();
    }

    List<String> decisionsBy(String user, String reference) {
        return jdbc.sql("select kind || ':' || outcome from decision where decided_by = ? and subject_ref = ? order by id")
                .params(user, reference).query(String.class).list();
    }

    List<String> deliveredTemplates(String reference) {
        return jdbc.sql("select template from notification where business_key = ? and status = 'DELIVERED' order by id")
                .param(reference).query(String.class).list();
    }
}
