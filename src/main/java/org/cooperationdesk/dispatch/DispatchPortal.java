package org.cooperationdesk.dispatch;

import static org.cooperationdesk.dispatch.DispatchVariables.*;
import static org.cooperationdesk.dispatch.ExpertDispatchProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cooperationdesk.form.FormValues;
import org.cooperationdesk.language.Language;
import org.cooperationdesk.language.LanguageFormats;
import org.cooperationdesk.partner.PartnerRepository;
import org.cooperationdesk.people.Expert;
import org.cooperationdesk.people.ExpertRoster;
import org.cooperationdesk.portal.AttachmentKind;
import org.cooperationdesk.portal.AttachmentSlot;
import org.cooperationdesk.portal.LinkPurpose;
import org.cooperationdesk.portal.PartnerLink;
import org.cooperationdesk.portal.PartnerSubmission;
import org.cooperationdesk.portal.PartnerSubmissions;
import org.cooperationdesk.portal.PortalAnswer;
import org.cooperationdesk.portal.PortalPage;
import org.cooperationdesk.portal.PortalRefusal;
import org.cooperationdesk.portal.PortalTarget;
import org.cooperationdesk.portal.PortalVariables;
import org.cooperationdesk.portal.SubmissionStatus;
import org.cooperationdesk.system.OfficeEngineCalls;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The expert's pages, opened by their personal links ({@link DispatchLinks}).
 * <ul>
 * <li>An offer: the mission's facts and, while "Record expert's answer" waits for this very offer, the coordinator's
 * form (record-expert-answer: accepted or declined, a note). A yes or a no is the expert's own decision, which the
 * coordinator only ever copied: it completes the task at once, through the same form validation as Tasklist, and the
 * process goes on exactly as after the coordinator's form (release approval, or back to the roster). The answer is
 * kept (accepted at once) so that the request's page lists it.</li>
 * <li>The mission's reports: while "Record weekly situation report" waits, its form (the summary, what next for the
 * mission, the days of an extension) with a report file (PDF, optional). What next decides whether the mission goes
 * on, asks the managers for an extension or ends, so a coordinator reviews the report (review-submission) before it is
 * filed exactly as the form would file it. While "Receive report and debrief expert" waits, the expert's part of its
 * form (the return date and the end-of-mission report, with the report as a PDF): it fills those fields of the
 * waiting task, and the coordinator, who debriefs the expert, checks them there and adds the debrief notes.</li>
 * </ul>
 */
@Component
class DispatchPortal implements PortalTarget {

    /** Who decided on an answer the office takes as sent (the expert's yes or no, the end-of-mission report). */
    static final String TAKEN_AS_SENT = "system";

    private final DispatchRecords records;
    private final ExpertRoster roster;
    private final PartnerRepository partners;
    private final PartnerSubmissions submissions;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final FormService formService;
    private final OfficeEngineCalls engine;
    private final MessageSource messages;
    private final Clock clock;

    DispatchPortal(DispatchRecords records, ExpertRoster roster, PartnerRepository partners, PartnerSubmissions submissions,
                   TaskService taskService, RuntimeService runtimeService, FormService formService, OfficeEngineCalls engine,
                   MessageSource messages, Clock clock) {
        this.records = records;
        this.roster = roster;
        this.partners = partners;
        this.submissions = submissions;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.formService = formService;
        this.engine = engine;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Set<LinkPurpose> purposes() {
        return Set.of(LinkPurpose.EXPERT_OFFER, LinkPurpose.MISSION_REPORTS);
    }

    @Override
    public PortalPage page(PartnerLink link) {
        Language language = Language.of(LocaleContextHolder.getLocale());
        return link.purpose() == LinkPurpose.EXPERT_OFFER ? offerPage(link, language) : reportsPage(link, language);
    }

    @Override
    public void receive(PartnerLink link, PortalAnswer answer) {
        if (link.purpose() == LinkPurpose.EXPERT_OFFER) {
            receiveOfferAnswer(link, answer);
        } else if (FORM_RECORD_SITUATION_REPORT.equals(answer.formId())) {
            receiveSituationReport(link, answer);
        } else {
            receiveFinalReport(link, answer);
        }
    }

    @Override
    public String describe(PartnerLink link, Language language) {
        DispatchRequest request = records.requestByReference(link.reference()).orElseThrow();
        String country = partners.countryName(request.countryCode(), language);
        return link.purpose() == LinkPurpose.EXPERT_OFFER
                ? message(language, "portal.dispatch.describe.offer", request.reference(), request.purpose(), country)
                : message(language, "portal.dispatch.describe.reports", request.reference(), country);
    }

    @Override
    public String addresseeName(PartnerLink link, Language language) {
        Optional<Long> expertId = link.purpose() == LinkPurpose.EXPERT_OFFER
                ? DispatchLinks.offerOf(link).map(DispatchLinks.Offer::expertId) : DispatchLinks.reporterOf(link);
        return expertId.flatMap(roster::find).map(Expert::fullName).orElseGet(() -> PortalTarget.super.addresseeName(link, language));
    }

    // ---------------------------------------------------------------- the offer

    private PortalPage offerPage(PartnerLink link, Language language) {
        Optional<Dispatch> offered = offeredDispatch(link);
        if (offered.isEmpty()) {
            return PortalPage.closed(link.reference(), "portal.closed.noLongerAwaited").build();
        }
        Dispatch dispatch = offered.get();
        DispatchRequest request = records.request(dispatch.requestId());
        String title = message(language, "portal.dispatch.offer.title", request.reference(), request.purpose());
        Optional<Task> waiting = answerTask(request.reference(), dispatch.id());
        PortalPage.Builder page = waiting.isPresent()
                ? PortalPage.asking(title, FORM_RECORD_EXPERT_ANSWER).fields(EXPERT_ANSWER, ANSWER_NOTE)
                : PortalPage.closed(title, offerClosedKey(link, dispatch));
        requestFacts(page, request, language);
        waiting.map(Task::getDueDate).ifPresent(due -> {
            LocalDateTime lapses = LocalDateTime.ofInstant(due.toInstant(), clock.getZone());
            page.fact(message(language, "portal.dispatch.fact.answerBy"), LanguageFormats.dateTime(lapses, language));
            page.deadline(lapses.toLocalDate());
        });
        return page.sent(submissions.forScope(link.scope())).build();
    }

    /** The expert's yes or no completes the waiting task as the coordinator's form would, and is kept as taken. */
    private void receiveOfferAnswer(PartnerLink link, PortalAnswer answer) {
        Dispatch dispatch = offeredDispatch(link).orElseThrow(() -> new PortalRefusal("portal.closed.noLongerAwaited"));
        Task task = answerTask(link.reference(), dispatch.id())
                .orElseThrow(() -> new PortalRefusal(offerClosedKey(link, dispatch)));
        PartnerSubmission received = submissions.receive(link, answer);
        submissions.accept(received.id(), TAKEN_AS_SENT);
        engine.asOffice(() -> formService.submitTaskForm(task.getId(), new HashMap<>(answer.values())));
    }

    /** The offer a link was sent for, when it is one of its request's and its expert's. */
    private Optional<Dispatch> offeredDispatch(PartnerLink link) {
        return DispatchLinks.offerOf(link).flatMap(offer -> records.findDispatch(offer.dispatchId())
                .filter(dispatch -> dispatch.expertId() == offer.expertId())
                .filter(dispatch -> records.request(dispatch.requestId()).reference().equals(link.reference())));
    }

    /** "Record expert's answer" waiting for this offer (the process's current offer), if it does. */
    private Optional<Task> answerTask(String reference, long dispatchId) {
        return engine.asOffice(() -> waitingTasks(reference, TASK_RECORD_EXPERT_ANSWER).stream()
                .filter(task -> isDispatch(runtimeService.getVariable(task.getExecutionId(), DISPATCH_ID), dispatchId))
                .findFirst());
    }

    /** Why an offer's page asks nothing: the expert's answer (sent here or recorded by a coordinator), or no answer. */
    private String offerClosedKey(PartnerLink link, Dispatch dispatch) {
        String answer = submissions.forScope(link.scope()).stream()
                .filter(submission -> submission.status() == SubmissionStatus.ACCEPTED).findFirst()
                .map(submission -> FormValues.text(submission.values().get(EXPERT_ANSWER)))
                .orElseGet(() -> answerRecorded(dispatch));
        if ("accepted".equals(answer)) {
            return "portal.dispatch.closed.offerAccepted";
        }
        return "declined".equals(answer) ? "portal.dispatch.closed.offerDeclined" : "portal.closed.noLongerAwaited";
    }

    private static String answerRecorded(Dispatch dispatch) {
        if (dispatch.outcome() != null && dispatch.outcome().startsWith("declined")) {
            return "declined";
        }
        return switch (dispatch.status()) {
            case IN_PROCESS, DEPLOYED, COMPLETED -> "accepted";
            default -> null;
        };
    }

    // ---------------------------------------------------------------- the mission's reports

    private PortalPage reportsPage(PartnerLink link, Language language) {
        Optional<Dispatch> mission = missionOf(link);
        if (mission.isEmpty()) {
            return PortalPage.closed(link.reference(), "portal.closed.noLongerAwaited").build();
        }
        Dispatch dispatch = mission.get();
        DispatchRequest request = records.request(dispatch.requestId());
        String title = message(language, "portal.dispatch.reports.title", request.reference(),
                partners.countryName(request.countryCode(), language));
        List<PartnerSubmission> sent = submissions.forScope(link.scope());
        Optional<PartnerSubmission> latest = sent.stream().findFirst();
        PortalPage.Builder page = reportsStep(link, dispatch, latest, title);
        requestFacts(page, request, language);
        page.fact(message(language, "portal.dispatch.fact.departure"), date(dispatch.departureDate(), language));
        page.fact(message(language, "portal.dispatch.fact.plannedReturn"), date(dispatch.plannedReturnDate(), language));
        page.fact(message(language, "portal.dispatch.fact.reportsFiled"),
                LanguageFormats.number(records.situationReportCount(dispatch.id()), language));
        return page.sent(sent).build();
    }

    /** What the reports page asks now: the week's situation report, the end-of-mission report, or nothing. */
    private PortalPage.Builder reportsStep(PartnerLink link, Dispatch dispatch, Optional<PartnerSubmission> latest,
                                           String title) {
        if (dispatch.status() != DispatchStatus.DEPLOYED) {
            return PortalPage.closed(title, "portal.dispatch.closed.missionClosed");
        }
        if (latest.isPresent() && latest.get().status() == SubmissionStatus.RECEIVED) {
            return PortalPage.closed(title, "portal.closed.underReview");
        }
        Optional<Task> situationReport = engine.asOffice(() -> waitingTasks(link.reference(), TASK_RECORD_SITUATION_REPORT)
                .stream().findFirst());
        if (situationReport.isPresent()) {
            PortalPage.Builder page = PortalPage.asking(title, FORM_RECORD_SITUATION_REPORT)
                    .fields(SITREP_SUMMARY, MISSION_OUTLOOK, EXTENSION_DAYS)
                    .slot(AttachmentSlot.optional("report", AttachmentKind.REPORT, false));
            Optional.ofNullable(situationReport.get().getDueDate())
                    .ifPresent(due -> page.deadline(LocalDate.ofInstant(due.toInstant(), clock.getZone())));
            latest.filter(returned -> returned.status() == SubmissionStatus.RETURNED
                            && FORM_RECORD_SITUATION_REPORT.equals(returned.formId()))
                    .ifPresent(returned -> page.prefill(returned.values()).notice("portal.notice.returned",
                            date(LocalDate.ofInstant(returned.decidedAt(), clock.getZone()),
                                    Language.of(LocaleContextHolder.getLocale())), returned.returnReason()));
            return page;
        }
        if (engine.asOffice(() -> waitingTasks(link.reference(), TASK_DEBRIEF_EXPERT)).isEmpty()) {
            return PortalPage.closed(title, "portal.refused.notAsked");
        }
        if (finalReport(link).isPresent()) {
            return PortalPage.closed(title, "portal.dispatch.closed.finalReportReceived");
        }
        // The debrief notes are the coordinator's, written at the debrief: the expert fills the rest of its form.
        return PortalPage.asking(title, FORM_DEBRIEF_EXPERT).fields(RETURN_DATE, MISSION_REPORT_SUMMARY)
                .context(DEPARTURE_DATE, String.valueOf(dispatch.departureDate()))
                .slot(AttachmentSlot.required("report", AttachmentKind.REPORT));
    }

    /** A situation report waits for a coordinator's review; the process is told, and the week's task gives way to it. */
    private void receiveSituationReport(PartnerLink link, PortalAnswer answer) {
        if (engine.asOffice(() -> waitingTasks(link.reference(), TASK_RECORD_SITUATION_REPORT)).isEmpty()) {
            throw new PortalRefusal("portal.refused.notAsked");
        }
        PartnerSubmission received = submissions.receiveAnother(link, answer);
        Expert expert = roster.find(DispatchLinks.reporterOf(link).orElseThrow()).orElseThrow();
        engine.asOffice(() -> runtimeService.createMessageCorrelation(MESSAGE_SITUATION_REPORT_SENT_ONLINE)
                .processInstanceBusinessKey(link.reference())
                .setVariable(PortalVariables.SUBMISSION_ID, received.id())
                .setVariable(PortalVariables.SUBMISSION_TITLE, expert.fullName() + ", " + link.reference())
                .setVariable(PortalVariables.SUBMISSION_SUMMARY, submissions.summary(received))
                .correlateWithResult());
    }

    /** The end-of-mission report fills the expert's fields of the waiting debrief, where the coordinator checks it. */
    private void receiveFinalReport(PartnerLink link, PortalAnswer answer) {
        Task debrief = engine.asOffice(() -> waitingTasks(link.reference(), TASK_DEBRIEF_EXPERT)).stream().findFirst()
                .orElseThrow(() -> new PortalRefusal("portal.refused.notAsked"));
        if (finalReport(link).isPresent()) {
            throw new PortalRefusal("portal.dispatch.closed.finalReportReceived");
        }
        PartnerSubmission received = submissions.receiveAnother(link, answer);
        submissions.accept(received.id(), TAKEN_AS_SENT);
        Map<String, Object> values = new HashMap<>();
        values.put(RETURN_DATE, answer.values().get(RETURN_DATE));
        values.put(MISSION_REPORT_SUMMARY, answer.values().get(MISSION_REPORT_SUMMARY));
        engine.asOffice(() -> runtimeService.setVariables(debrief.getProcessInstanceId(), values));
    }

    private Optional<PartnerSubmission> finalReport(PartnerLink link) {
        return submissions.forScope(link.scope()).stream()
                .filter(submission -> FORM_DEBRIEF_EXPERT.equals(submission.formId())
                        && submission.status() == SubmissionStatus.ACCEPTED)
                .findFirst();
    }

    /** The mission a reports link was sent for: the request's dispatch of that expert that was deployed. */
    private Optional<Dispatch> missionOf(PartnerLink link) {
        Optional<Long> expertId = DispatchLinks.reporterOf(link);
        Optional<DispatchRequest> request = records.requestByReference(link.reference());
        if (expertId.isEmpty() || request.isEmpty()) {
            return Optional.empty();
        }
        return records.dispatchesOf(request.get().id()).stream()
                .filter(dispatch -> dispatch.expertId() == expertId.get() && dispatch.departureDate() != null)
                .reduce((first, later) -> later);
    }

    // ---------------------------------------------------------------- shared

    private List<Task> waitingTasks(String reference, String taskKey) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(reference).singleResult();
        if (instance == null) {
            return List.of();
        }
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).active().list();
    }

    private static boolean isDispatch(Object variable, long dispatchId) {
        return variable instanceof Number number && number.longValue() == dispatchId;
    }

    private void requestFacts(PortalPage.Builder page, DispatchRequest request, Language language) {
        page.fact(message(language, "portal.dispatch.fact.requestingBody"),
                partners.organisationName(request.requestingBody(), language));
        page.fact(message(language, "portal.dispatch.fact.country"), partners.countryName(request.countryCode(), language));
        page.fact(message(language, "portal.dispatch.fact.purpose"), request.purpose());
        page.fact(message(language, "portal.dispatch.fact.termsOfReference"), request.termsOfReference());
        page.fact(message(language, "portal.dispatch.fact.startDate"), date(request.startDate(), language));
        page.fact(message(language, "portal.dispatch.fact.duration"),
                message(language, "portal.dispatch.days", LanguageFormats.number(request.durationDays(), language)));
        if (request.languagesNeeded() != null && !request.languagesNeeded().isBlank()) {
            page.fact(message(language, "portal.dispatch.fact.languages"), request.languagesNeeded());
        }
    }

    private static String date(LocalDate date, Language language) {
        return date == null ? "" : LanguageFormats.date(date, language);
    }

    private String message(Language language, String key, Object... arguments) {
        return messages.getMessage(key, arguments, language.locale());
    }
}
