package org.cooperationdesk.contribution;

import static org.cooperationdesk.contribution.ContributionVariables.*;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.cooperationdesk.form.FormValues;
import org.cooperationdesk.language.Language;
import org.cooperationdesk.language.LanguageFormats;
import org.cooperationdesk.partner.PartnerRepository;
import org.cooperationdesk.portal.AttachmentKind;
import org.cooperationdesk.portal.AttachmentSlot;
import org.cooperationdesk.portal.LinkPurpose;
import org.cooperationdesk.portal.LinkScope;
import org.cooperationdesk.portal.PartnerLink;
import org.cooperationdesk.portal.PartnerSubmission;
import org.cooperationdesk.portal.PartnerSubmissions;
import org.cooperationdesk.portal.PortalAnswer;
import org.cooperationdesk.portal.PortalPage;
import org.cooperationdesk.portal.PortalRefusal;
import org.cooperationdesk.portal.PortalTarget;
import org.cooperationdesk.portal.PortalVariables;
import org.cooperationdesk.portal.StoredAttachment;
import org.cooperationdesk.portal.SubmissionStatus;
import org.cooperationdesk.system.OfficeEngineCalls;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * An organisation's page for the reports on one contribution (link purpose CONTRIBUTION_REPORTS, subject the
 * organisation's code): while the programme officer's "Record progress report" or "Record final report" waits, the page
 * takes that report as the record form's summary with the report as a PDF; the programme officer reviews it instead of
 * typing it. One link serves every report of the contribution, one after the other.
 */
@Component
class ContributionReportsPortal implements PortalTarget {

    static final String SLOT_REPORT = "report";
    private static final Set<String> REPORT_TASKS = Set.of(ContributionProcess.TASK_RECORD_PROGRESS_REPORT,
            ContributionProcess.TASK_RECORD_FINAL_REPORT);

    /** The report the process waits for now: which one, by when, and the instance that waits. */
    record AwaitedReport(String processInstanceId, boolean finalReport, int number, LocalDate dueDate) {

        /** "progress report 2", "final report": as the process's reportKind says it, and as an answer keeps it. */
        String kind() {
            return finalReport ? "final report" : "progress report " + number;
        }

        String formId() {
            return finalReport ? ContributionProcess.FORM_FINAL_REPORT : ContributionProcess.FORM_PROGRESS_REPORT;
        }
    }

    private final ContributionRecords records;
    private final ContributionService contributions;
    private final PartnerRepository partners;
    private final PartnerSubmissions submissions;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final OfficeEngineCalls engine;
    private final MessageSource messages;
    private final Clock clock;

    ContributionReportsPortal(ContributionRecords records, ContributionService contributions, PartnerRepository partners,
                              PartnerSubmissions submissions, TaskService taskService, RuntimeService runtimeService,
                              OfficeEngineCalls engine, MessageSource messages, Clock clock) {
        this.records = records;
        this.contributions = contributions;
        this.partners = partners;
        this.submissions = submissions;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.engine = engine;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Set<LinkPurpose> purposes() {
        return Set.of(LinkPurpose.CONTRIBUTION_REPORTS);
    }

    @Override
    public PortalPage page(PartnerLink link) {
        Language language = Language.of(LocaleContextHolder.getLocale());
        Optional<Contribution> found = contribution(link);
        if (found.isEmpty()) {
            return PortalPage.closed(message("portal.contribution.none"), "portal.closed.noLongerAwaited").build();
        }
        Contribution contribution = found.get();
        List<PartnerSubmission> sent = submissions.forScope(link.scope());
        Optional<AwaitedReport> awaited = awaited(contribution);
        String title = message("portal.contribution.title", contribution.title(), contribution.reference());
        if (awaited.isEmpty() || contribution.status().isEnded()) {
            PortalPage.Builder closed = PortalPage.closed(title, closedKey(contribution, sent));
            facts(closed, contribution, language);
            if (!contribution.status().isEnded()) {
                closed.fact(message("portal.contribution.nextReport"),
                        LanguageFormats.date(contributions.nextReportDue(contribution.id()), language));
            }
            return closed.sent(sent).build();
        }
        AwaitedReport report = awaited.get();
        if (!sent.isEmpty() && sent.get(0).status() == SubmissionStatus.RECEIVED) {
            return facts(PortalPage.closed(title, "portal.closed.underReview"), contribution, language).sent(sent).build();
        }
        PortalPage.Builder page = facts(PortalPage.asking(title, report.formId()), contribution, language)
                .fact(message("portal.contribution.reportDue"), reportName(contribution, report))
                .fact(message("portal.contribution.howTo"), message("portal.contribution.howToValue"))
                .deadline(report.dueDate())
                .fields(REPORT_SUMMARY)
                // The day it arrives is the report's received date; the decision stays the programme officer's, and is
                // given here only for the record form's rule that a report is accepted or returned with a reason.
                .fixed(REPORT_RECEIVED_ON, LocalDate.now(clock).toString())
                .fixed(REPORT_KIND, report.kind())
                .context(REPORT_DECISION, ACCEPTED)
                .context(CONTRIBUTION_ID, contribution.id())
                .slot(AttachmentSlot.required(SLOT_REPORT, AttachmentKind.REPORT))
                .sent(sent);
        returnedFor(sent, report).ifPresent(returned -> page
                .prefill(Map.of(REPORT_SUMMARY, Objects.toString(FormValues.text(returned.values().get(REPORT_SUMMARY)), "")))
                .notice("portal.notice.returned", LanguageFormats.date(LocalDate.ofInstant(returned.decidedAt(),
                        clock.getZone()), language), returned.returnReason()));
        return page.build();
    }

    /**
     * Keeps the report for the programme officer's review and tells the process, whose waiting report task gives way
     * to "Review progress report" (or final report). A report after an accepted one is another answer of the same
     * link, taken only when it is right: the process waits for a later report than the accepted one, and its document
     * is none already accepted, so that a replayed submission is refused (409) and changes nothing.
     */
    @Override
    public void receive(PartnerLink link, PortalAnswer answer) {
        Contribution contribution = contribution(link).orElseThrow(() -> new PortalRefusal("portal.closed.noLongerAwaited"));
        AwaitedReport report = awaited(contribution).filter(awaited -> awaited.kind().equals(answer.values().get(REPORT_KIND)))
                .orElseThrow(() -> new PortalRefusal("portal.closed.noLongerAwaited"));
        PartnerSubmission received = isNextReport(link.scope(), report, answer)
                ? submissions.receiveAnother(link, answer) : submissions.receive(link, answer);
        String organisation = contribution.organisationCode();
        String reviewName = (report.finalReport() ? "Review final report of " : "Review progress report of ") + organisation;
        String what = englishReportName(contribution, report) + " of " + organisation + ": " + contribution.title()
                + " (" + contribution.reference() + ")";
        try {
            engine.asOffice(() -> runtimeService.createMessageCorrelation(ContributionProcess.MESSAGE_REPORT_SENT_ONLINE)
                    .processInstanceId(report.processInstanceId())
                    .setVariable(PortalVariables.SUBMISSION_ID, received.id())
                    .setVariable(PortalVariables.SUBMISSION_TITLE, what)
                    .setVariable(PortalVariables.SUBMISSION_SUMMARY, submissions.summary(received))
                    .setVariable(PortalVariables.REVIEW_TASK_NAME, reviewName)
                    .correlate());
        } catch (MismatchingMessageCorrelationException meanwhile) {
            // The report task ended since it was read (another answer, or the programme officer's form): nothing is kept.
            throw new PortalRefusal("portal.refused.notAsked");
        }
    }

    @Override
    public String describe(PartnerLink link, Language language) {
        Optional<Contribution> contribution = contribution(link);
        String title = contribution.map(Contribution::title).orElse("");
        return language == Language.JA ? "「" + title + "」（" + link.reference() + "）の報告書"
                : "the reports on \"" + title + "\" (" + link.reference() + ")";
    }

    /** The report the contribution's process waits for, if its programme officer's report task waits. */
    Optional<AwaitedReport> awaited(Contribution contribution) {
        return engine.asOffice(() -> {
            List<Task> tasks = taskService.createTaskQuery().processDefinitionKey(ContributionProcess.PROCESS_KEY)
                    .processInstanceBusinessKey(contribution.reference())
                    .taskDefinitionKeyIn(REPORT_TASKS.toArray(String[]::new)).list();
            if (tasks.size() != 1) {
                return Optional.empty();
            }
            Task task = tasks.get(0);
            Map<String, Object> variables = runtimeService.getVariables(task.getProcessInstanceId(),
                    List.of(REPORT_NUMBER, REPORT_DUE_DATE));
            boolean finalReport = ContributionProcess.TASK_RECORD_FINAL_REPORT.equals(task.getTaskDefinitionKey());
            java.math.BigDecimal number = FormValues.number(variables.get(REPORT_NUMBER));
            return Optional.of(new AwaitedReport(task.getProcessInstanceId(), finalReport,
                    finalReport || number == null ? 1 : number.intValue(), FormValues.date(variables.get(REPORT_DUE_DATE))));
        });
    }

    /** The link's contribution, when the link's organisation is the contribution's. */
    private Optional<Contribution> contribution(PartnerLink link) {
        return records.byReference(link.reference()).filter(found -> found.organisationCode().equals(link.subject()));
    }

    /**
     * After an accepted report, whether this answer is the next report rather than the accepted one again: the process
     * waits for another report than the last accepted answer was, and the answer's document is none already accepted.
     */
    private boolean isNextReport(LinkScope scope, AwaitedReport report, PortalAnswer answer) {
        List<PartnerSubmission> sent = submissions.forScope(scope);
        if (sent.isEmpty() || sent.get(0).status() != SubmissionStatus.ACCEPTED
                || report.kind().equals(sent.get(0).values().get(REPORT_KIND))) {
            return false;
        }
        Set<String> accepted = sent.stream().filter(submission -> submission.status() == SubmissionStatus.ACCEPTED)
                .flatMap(submission -> submissions.attachments(submission.id()).stream())
                .map(StoredAttachment::sha256).collect(Collectors.toSet());
        return answer.uploads().stream().noneMatch(upload -> accepted.contains(sha256(upload.content())));
    }

    private static Optional<PartnerSubmission> returnedFor(List<PartnerSubmission> sent, AwaitedReport report) {
        return sent.stream().findFirst().filter(latest -> latest.status() == SubmissionStatus.RETURNED)
                .filter(latest -> report.kind().equals(latest.values().get(REPORT_KIND)));
    }

    private String closedKey(Contribution contribution, List<PartnerSubmission> sent) {
        if (contribution.status().isEnded()) {
            return "portal.closed.noLongerAwaited";
        }
        if (!sent.isEmpty() && sent.get(0).status() == SubmissionStatus.RECEIVED) {
            return "portal.closed.underReview";
        }
        return "portal.contribution.closed.noReportDue";
    }

    private PortalPage.Builder facts(PortalPage.Builder page, Contribution contribution, Language language) {
        return page.fact(message("portal.contribution.contribution"), contribution.title())
                .fact(message("portal.contribution.reference"), message("portal.contribution.referenceValue",
                        contribution.reference(), contribution.organisationReference()))
                .fact(message("portal.contribution.organisation"),
                        partners.organisationName(contribution.organisationCode(), language))
                .fact(message("portal.contribution.period"), message("portal.contribution.periodValue",
                        LanguageFormats.date(contribution.startDate(), language),
                        LanguageFormats.date(contribution.endDate(), language)));
    }

    /** "Progress report 2 of 3", "Final report", in the page's language. */
    private String reportName(Contribution contribution, AwaitedReport report) {
        return report.finalReport() ? message("portal.contribution.finalReport")
                : message("portal.contribution.progressReport", report.number(), plannedProgressReports(contribution));
    }

    private static String englishReportName(Contribution contribution, AwaitedReport report) {
        return report.finalReport() ? "Final report"
                : "Progress report " + report.number() + " of " + plannedProgressReports(contribution);
    }

    private static int plannedProgressReports(Contribution contribution) {
        return ContributionSchedule.progressReports(contribution.startDate(), contribution.endDate(),
                contribution.reportingIntervalMonths());
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
