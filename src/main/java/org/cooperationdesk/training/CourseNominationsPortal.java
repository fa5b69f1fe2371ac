package org.cooperationdesk.training;

import static org.cooperationdesk.training.TrainingVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.cooperationdesk.desk.DeskFormats;
import org.cooperationdesk.form.FormValues;
import org.cooperationdesk.language.Language;
import org.cooperationdesk.partner.PartnerRepository;
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
 * A government's nominations to a course through its personal link (purpose COURSE_NOMINATIONS, subject = the country):
 * the course's facts and deadline, the country's nominees so far, and the coordinator's "Record nomination" form with
 * only the nominee's fields (the country, the action and the official application are set by the link and the letter
 * attached), one nominee at a time, while the office takes nominations and the country's quota is not reached. Each
 * nominee sent becomes a coordinator's review in the course's process (message NominationSentOnline).
 */
@Component
class CourseNominationsPortal implements PortalTarget {

    static final String SLOT_OFFICIAL_LETTER = "officialLetter";
    static final String SLOT_PASSPORTS = "passports";

    private final CourseRecords records;
    private final CourseLifecycle courses;
    private final PartnerSubmissions submissions;
    private final PartnerRepository partners;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final OfficeEngineCalls engine;
    private final MessageSource messages;
    private final DeskFormats formats;
    private final Clock clock;

    CourseNominationsPortal(CourseRecords records, CourseLifecycle courses, PartnerSubmissions submissions,
                            PartnerRepository partners, RuntimeService runtimeService, TaskService taskService,
                            OfficeEngineCalls engine, MessageSource messages, DeskFormats formats, Clock clock) {
        this.records = records;
        this.courses = courses;
        this.submissions = submissions;
        this.partners = partners;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.engine = engine;
        this.messages = messages;
        this.formats = formats;
        this.clock = clock;
    }

    @Override
    public java.util.Set<LinkPurpose> purposes() {
        return java.util.Set.of(LinkPurpose.COURSE_NOMINATIONS);
    }

    @Override
    public PortalPage page(PartnerLink link) {
        Optional<Course> found = records.courseByReference(link.reference());
        String country = link.subject();
        if (found.isEmpty()) {
            return PortalPage.closed(link.reference(), "portal.training.notTaking").build();
        }
        Course course = found.get();
        String title = message("portal.training.title", partners.countryName(country, language()), named(course));
        List<PartnerSubmission> sent = submissions.forScope(link.scope());
        Optional<PartnerSubmission> latest = sent.stream().findFirst();
        List<Nomination> onRecord = records.nominations(course.id()).stream()
                .filter(nomination -> country.equals(nomination.countryCode())).toList();
        long considered = onRecord.stream().filter(nomination -> nomination.status() != NominationStatus.REFUSED).count();

        PortalPage.Builder page;
        if (!takesNominations(course)) {
            page = PortalPage.closed(title, "portal.training.notTaking");
        } else if (latest.isPresent() && latest.get().status() == SubmissionStatus.RECEIVED) {
            page = PortalPage.closed(title, "portal.closed.underReview");
        } else if (considered >= course.quotaPerCountry()) {
            page = PortalPage.closed(title, "portal.training.quotaReached");
        } else {
            page = PortalPage.asking(title, TraineeInvitationProcess.FORM_RECORD_NOMINATION)
                    .fixed(NOMINATION_ACTION, "record")
                    .fixed(COUNTRY_CODE, country)
                    // The official application is the letter the page requires with each nominee.
                    .fixed(OFFICIAL_APPLICATION, true)
                    .context(COURSE_ID, course.id())
                    .context(COURSE_REFERENCE, course.reference())
                    .slot(AttachmentSlot.required(SLOT_OFFICIAL_LETTER, AttachmentKind.OFFICIAL_LETTER))
                    .slot(AttachmentSlot.optional(SLOT_PASSPORTS, AttachmentKind.PASSPORT_COPY, true));
            if (latest.isPresent() && latest.get().status() == SubmissionStatus.RETURNED) {
                PartnerSubmission returned = latest.get();
                Map<String, Object> values = new HashMap<>(returned.values());
                List.of(NOMINATION_ACTION, COUNTRY_CODE, OFFICIAL_APPLICATION).forEach(values::remove);
                page.notice("portal.notice.returned", formats.longDate(LocalDate.ofInstant(returned.decidedAt(), clock.getZone())),
                        returned.returnReason()).prefill(values);
            } else {
                page.notice("portal.training.oneNominee");
            }
        }
        return page.fact(message("portal.training.course"), named(course))
                .fact(message("portal.training.dates"),
                        message("portal.training.dateRange", formats.longDate(course.startDate()), formats.longDate(course.endDate())))
                .fact(message("portal.training.place"), course.place())
                .fact(message("portal.training.quota"), formats.number(course.quotaPerCountry()))
                .fact(message("portal.training.eligibility"), message("portal.training.eligibilityRule",
                        course.minExperienceYears(), course.maxAge(), formats.languageName(course.language())))
                .fact(message("portal.training.nominees"), onRecord.isEmpty() ? message("portal.training.noNominee")
                        : onRecord.stream().map(nomination -> nomination.fullName() + " ("
                                + message("nomination.status." + nomination.status()) + ")").collect(Collectors.joining(", ")))
                .deadline(course.nominationDeadline())
                .sent(sent, "portal.training.nominee", submission -> FormValues.text(submission.values().get(FULL_NAME)))
                .build();
    }

    /**
     * Keeps the nominee for review and starts the review in the course's process, as the office: "Review nomination of
     * Sok Dara (Cambodia)" for the coordinators.
     */
    @Override
    public void receive(PartnerLink link, PortalAnswer answer) {
        Course course = records.courseByReference(link.reference())
                .orElseThrow(() -> new PortalRefusal("portal.training.notTaking"));
        PartnerSubmission kept = submissions.receiveAnother(link, answer);
        String nominee = FormValues.text(answer.values().get(FULL_NAME)).trim();
        String country = courses.countryName(link.subject());
        Map<String, Object> review = Map.of(
                PortalVariables.SUBMISSION_ID, kept.id(),
                PortalVariables.SUBMISSION_TITLE, "Nomination of %s (%s) to %s".formatted(nominee, country, course.reference()),
                PortalVariables.SUBMISSION_SUMMARY, submissions.summary(kept),
                PortalVariables.REVIEW_TASK_NAME, "Review nomination of %s (%s)".formatted(nominee, country));
        try {
            engine.asOffice(() -> runtimeService.createMessageCorrelation(TraineeInvitationProcess.MESSAGE_NOMINATION_SENT_ONLINE)
                    .processInstanceBusinessKey(course.reference())
                    .setVariablesLocal(review)
                    .correlateWithResult());
        } catch (MismatchingMessageCorrelationException closed) {
            // The period ended between the page and the answer: nothing is kept (the caller's transaction rolls back).
            throw new PortalRefusal("portal.training.notTaking");
        }
    }

    @Override
    public String describe(PartnerLink link, Language language) {
        String country = partners.countryName(link.subject(), language);
        String course = records.courseByReference(link.reference()).map(CourseNominationsPortal::named).orElse(link.reference());
        return language == Language.JA ? course + "への" + country + "の推薦" : "the nominations of " + country + " to " + course;
    }

    /** The office takes nominations: the course is open, its deadline not past, and the intake task waits for them. */
    private boolean takesNominations(Course course) {
        if (course.status() != CourseStatus.OPEN || LocalDate.now(clock).isAfter(course.nominationDeadline())) {
            return false;
        }
        return engine.asOffice(() -> taskService.createTaskQuery().processInstanceBusinessKey(course.reference())
                .processDefinitionKey(TraineeInvitationProcess.PROCESS_KEY)
                .taskDefinitionKey(TraineeInvitationProcess.TASK_RECORD_NOMINATION).count()) > 0;
    }

    private static String named(Course course) {
        return course.title() + " (" + course.reference() + ")";
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private static Language language() {
        return Language.of(LocaleContextHolder.getLocale());
    }
}
