package org.cooperationdesk.training;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.cooperationdesk.decision.DecisionLog;
import org.cooperationdesk.partner.PartnerRepository;
import org.cooperationdesk.people.PersonRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The office's rules for training courses; the trainee invitation process's delegates call it. */
@Service
@Transactional
public class TrainingService {

    public static final String SUBJECT_TYPE = "COURSE";
    static final int NOMINATION_REMINDER_DAYS_BEFORE = 7;
    static final int FINAL_REPORT_DAYS_AFTER_COURSE = 150;
    static final int FINAL_REPORT_REMINDER_DAYS_BEFORE = 30;

    /** A nomination that arrived after the deadline: recorded as refused, with the reason. */
    public static class LateNominationException extends RuntimeException {
        public LateNominationException(String message) {
            super(message);
        }
    }

    private final CourseRecords records;
    private final PersonRegistry people;
    private final PartnerRepository partners;
    private final DecisionLog decisions;
    private final DecisionService decisionService;
    private final Clock clock;

    public TrainingService(CourseRecords records, PersonRegistry people, PartnerRepository partners,
                           DecisionLog decisions, DecisionService decisionService, Clock clock) {
        this.records = records;
        this.people = people;
        this.partners = partners;
        this.decisions = decisions;
        this.decisionService = decisionService;
        this.clock = clock;
    }

    public Course open(Course draft, Collection<String> invitedCountries, String openedBy, String processInstanceId) {
        Course course = records.insertCourse(draft, openedBy, processInstanceId, now());
        invitedCountries.stream().distinct().sorted().forEach(country -> records.invite(course.id(), country));
        return course;
    }

    public Course course(long courseId) {
        return records.course(courseId);
    }

    public Nomination nomination(long nominationId) {
        return records.nomination(nominationId);
    }

    public List<String> invitedCountries(long courseId) {
        return records.invitedCountries(courseId);
    }

    /** The end of the deadline day, as a timer date. */
    public String nominationDeadlineAt(Course course) {
        return course.nominationDeadline().atTime(LocalTime.of(23, 59, 59)).toString();
    }

    /** A week before the deadline, or now when the deadline is closer than that. */
    public String nominationReminderAt(Course course) {
        LocalDateTime reminder = course.nominationDeadline().minusDays(NOMINATION_REMINDER_DAYS_BEFORE).atTime(9, 0);
        return (reminder.isBefore(now()) ? now().plusMinutes(1) : reminder).withNano(0).toString();
    }

    /**
     * Records a nomination. One received after the deadline is kept as refused, with the reason, and
     * the caller is told ({@link LateNominationException}).
     */
    @Transactional(noRollbackFor = LateNominationException.class)
    public long recordNomination(long courseId, CourseRecords.NominationDraft draft, String recordedBy) {
        Course course = records.course(courseId);
        long personId = people.findOrAdd(draft.fullName(), draft.email(),
                partners.country(draft.countryCode()).map(PartnerRepository.Country::name).orElse(draft.countryCode()));
        if (LocalDate.now(clock).isAfter(course.nominationDeadline())) {
            String reason = "received after the nomination deadline of " + course.nominationDeadline();
            records.insertNomination(courseId, personId, draft, NominationStatus.REFUSED, reason, recordedBy, now());
            throw new LateNominationException("The nomination of " + draft.fullName() + " was " + reason);
        }
        long id = records.insertNomination(courseId, personId, draft, NominationStatus.RECEIVED, null, recordedBy, now());
        records.markInvitation(courseId, draft.countryCode(), "NOMINATED");
        return id;
    }

    public List<String> countriesWithoutNomination(long courseId) {
        Set<String> nominated = records.nominations(courseId).stream().map(Nomination::countryCode).collect(Collectors.toSet());
        return records.invitedCountries(courseId).stream().filter(country -> !nominated.contains(country)).toList();
    }

    /**
     * Screens every nomination received with the eligibility table, ranks the eligible ones (more
     * experience first, then earlier receipt) and proposes a selection within quota and capacity.
     */
    public List<Long> screen(long courseId) {
        Course course = records.course(courseId);
        for (Nomination nomination : records.nominations(courseId, NominationStatus.RECEIVED)) {
            DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(TraineeInvitationProcess.DECISION_ELIGIBILITY)
                    .variables(Variables.createVariables()
                            .putValue("healthDeclared", nomination.healthDeclaration())
                            .putValue("languageMatches", course.language().equalsIgnoreCase(nomination.language()))
                            // Missing data never makes a nominee eligible (the forms require it; this is a second guard).
                            .putValue("yearsOfExperience", nomination.yearsOfExperience() == null ? 0 : nomination.yearsOfExperience())
                            .putValue("minExperienceYears", course.minExperienceYears())
                            .putValue("age", nomination.dateOfBirth() == null ? Integer.MAX_VALUE
                                    : ageOn(nomination.dateOfBirth(), course.startDate()))
                            .putValue("maxAge", course.maxAge()))
                    .evaluate().getSingleResult();
            boolean eligible = Boolean.TRUE.equals(result.getEntry("eligible"));
            records.updateNomination(nomination.id(), eligible ? NominationStatus.ELIGIBLE : NominationStatus.INELIGIBLE,
                    result.getEntry("reason"));
        }
        List<Nomination> ranked = records.nominations(courseId, NominationStatus.ELIGIBLE).stream()
                .sorted(Comparator.comparing((Nomination n) -> n.yearsOfExperience() == null ? 0 : n.yearsOfExperience())
                        .reversed().thenComparing(Nomination::id))
                .toList();
        for (int i = 0; i < ranked.size(); i++) {
            records.rank(ranked.get(i).id(), i + 1);
        }
        return propose(course, ranked);
    }

    private static List<Long> propose(Course course, List<Nomination> ranked) {
        Map<String, Integer> perCountry = new HashMap<>();
        List<Long> selected = new ArrayList<>();
        for (Nomination nomination : ranked) {
            if (selected.size() < course.capacity()
                    && perCountry.merge(nomination.countryCode(), 1, Integer::sum) <= course.quotaPerCountry()) {
                selected.add(nomination.id());
            }
        }
        return selected;
    }

    /** The eligible nominees, best ranked first, as options for the selection form. */
    public List<Map<String, String>> eligibleOptions(long courseId) {
        return records.nominations(courseId, NominationStatus.ELIGIBLE).stream()
                .map(n -> option(n, "%d. %s (%s, %d years)".formatted(n.rankNo(), n.fullName(), countryName(n.countryCode()),
                        n.yearsOfExperience())))
                .toList();
    }

    /** What is wrong with this selection, or nothing. */
    public List<String> selectionProblems(long courseId, List<Long> selectedIds) {
        Course course = records.course(courseId);
        Map<Long, Nomination> eligible = records.nominations(courseId, NominationStatus.ELIGIBLE).stream()
                .collect(Collectors.toMap(Nomination::id, n -> n));
        List<String> problems = new ArrayList<>();
        if (selectedIds.stream().anyMatch(id -> !eligible.containsKey(id))) {
            problems.add("only eligible nominees can be accepted");
            return problems;
        }
        if (selectedIds.size() > course.capacity()) {
            problems.add(selectedIds.size() + " selected but the course has " + course.capacity() + " places");
        }
        selectedIds.stream().map(eligible::get)
                .collect(Collectors.groupingBy(Nomination::countryCode, Collectors.counting()))
                .forEach((country, count) -> {
                    if (count > course.quotaPerCountry()) {
                        problems.add(countryName(country) + " has " + count + " selected, above its quota of "
                                + course.quotaPerCountry());
                    }
                });
        return problems;
    }

    public String selectionSummary(long courseId, List<Long> selectedIds) {
        Course course = records.course(courseId);
        StringBuilder summary = new StringBuilder("Accepted (" + selectedIds.size() + " of " + course.capacity() + " places):\n");
        List<Nomination> eligible = records.nominations(courseId, NominationStatus.ELIGIBLE);
        eligible.stream().filter(n -> selectedIds.contains(n.id())).forEach(n -> summary.append(line(n)));
        summary.append("\nWaiting list:\n");
        eligible.stream().filter(n -> !selectedIds.contains(n.id())).forEach(n -> summary.append(line(n)));
        summary.append("\nNot eligible:\n");
        records.nominations(courseId, NominationStatus.INELIGIBLE)
                .forEach(n -> summary.append("- %s (%s): %s\n".formatted(n.fullName(), countryName(n.countryCode()), n.reason())));
        return summary.toString();
    }

    public void recordSelectionDecision(long courseId, String outcome, String comment, String decidedBy) {
        decisions.record(SUBJECT_TYPE, records.course(courseId).reference(), "selection list", outcome, comment, decidedBy);
    }

    /** Accepts the selection; eligible others wait in rank order, ineligible ones get a regret. */
    public void recordSelection(long courseId, List<Long> selectedIds) {
        for (Nomination nomination : records.nominations(courseId, NominationStatus.ELIGIBLE)) {
            records.updateNomination(nomination.id(),
                    selectedIds.contains(nomination.id()) ? NominationStatus.ACCEPTED : NominationStatus.WAITING, null);
        }
        records.nominations(courseId, NominationStatus.INELIGIBLE)
                .forEach(n -> records.updateNomination(n.id(), NominationStatus.REGRETTED, null));
        records.updateCourseStatus(courseId, "SELECTED", null);
    }

    public List<Long> ids(long courseId, NominationStatus... statuses) {
        Set<NominationStatus> wanted = Set.of(statuses);
        return records.nominations(courseId).stream().filter(n -> wanted.contains(n.status())).map(Nomination::id).toList();
    }

    public void withdraw(long nominationId, String reason) {
        Nomination nomination = records.nomination(nominationId);
        if (nomination.status() != NominationStatus.ACCEPTED) {
            throw new IllegalStateException(nomination.fullName() + " is " + nomination.status().name().toLowerCase()
                    + ", not an accepted trainee");
        }
        records.updateNomination(nominationId, NominationStatus.WITHDRAWN, reason);
    }

    /**
     * Fills a vacated place from the waiting list while the course has not started: the best ranked
     * nominee of the same country first, then the best ranked of any country.
     */
    public Optional<Long> findReplacement(long courseId, long vacatedNominationId) {
        Course course = records.course(courseId);
        if (!LocalDate.now(clock).isBefore(course.startDate())) {
            return Optional.empty();
        }
        String country = records.nomination(vacatedNominationId).countryCode();
        List<Nomination> waiting = records.nominations(courseId, NominationStatus.WAITING);
        Optional<Nomination> replacement = waiting.stream().filter(n -> n.countryCode().equals(country)).findFirst()
                .or(() -> waiting.stream().findFirst());
        replacement.ifPresent(n -> records.updateNomination(n.id(), NominationStatus.ACCEPTED,
                "replaces " + records.nomination(vacatedNominationId).fullName()));
        return replacement.map(Nomination::id);
    }

    public void recordArrivalPreparation(long nominationId, String visaLetter, String flight, BigDecimal allowance,
                                         String lodging) {
        records.recordArrivalPreparation(nominationId, visaLetter, flight, allowance, lodging);
    }

    public void recordArrival(long nominationId, boolean arrived, String note) {
        records.recordArrival(nominationId, arrived ? NominationStatus.ARRIVED : NominationStatus.NO_SHOW, note);
    }

    public List<Map<String, String>> options(List<Long> nominationIds) {
        return nominationIds.stream().map(records::nomination)
                .map(n -> option(n, "%s (%s)".formatted(n.fullName(), countryName(n.countryCode())))).toList();
    }

    /** Completion recorded; a numbered certificate for each trainee who completed the course. */
    public List<Long> issueCertificates(long courseId, Collection<Long> completedIds, Collection<Long> actionPlanIds) {
        Course course = records.course(courseId);
        List<Long> certified = new ArrayList<>();
        int number = 0;
        for (Nomination trainee : records.nominations(courseId, NominationStatus.ARRIVED)) {
            boolean completed = completedIds.contains(trainee.id());
            String certificate = completed ? "%s/%02d".formatted(course.reference(), ++number) : null;
            records.recordCompletion(trainee.id(), completed ? NominationStatus.COMPLETED : NominationStatus.NOT_COMPLETED,
                    actionPlanIds.contains(trainee.id()), certificate);
            if (completed) {
                certified.add(trainee.id());
            }
        }
        records.updateCourseStatus(courseId, "FOLLOW_UP", null);
        return certified;
    }

    public LocalDate finalReportDue(Course course) {
        return course.endDate().plusDays(FINAL_REPORT_DAYS_AFTER_COURSE);
    }

    public String finalReportReminderAt(Course course) {
        return finalReportDue(course).minusDays(FINAL_REPORT_REMINDER_DAYS_BEFORE).atTime(9, 0).toString();
    }

    public String finalReportDueAt(Course course) {
        return finalReportDue(course).atTime(LocalTime.of(23, 59, 59)).toString();
    }

    public void recordFinalReports(Collection<Long> nominationIds) {
        nominationIds.forEach(id -> records.recordFinalReport(id, LocalDate.now(clock)));
    }

    public List<Long> missingFinalReports(long courseId) {
        return records.nominations(courseId, NominationStatus.COMPLETED).stream()
                .filter(n -> n.finalReportReceivedOn() == null).map(Nomination::id).toList();
    }

    public void recordMissingReports(long courseId) {
        missingFinalReports(courseId).forEach(id -> records.updateNomination(id, NominationStatus.COMPLETED,
                "final report not received by " + finalReportDue(records.course(courseId))));
    }

    public void close(long courseId, int evaluationScore, String evaluationSummary) {
        records.recordEvaluation(courseId, evaluationScore, evaluationSummary);
        records.updateCourseStatus(courseId, "CLOSED", now());
    }

    /**
     * Cancels the course: open nominations are closed, and everyone concerned is listed for a notice:
     * each invited government ("country:KH") and each nominee still in the running ("nomination:12").
     */
    public List<String> cancel(long courseId, String reason) {
        records.recordCancellation(courseId, reason, now());
        decisions.record(SUBJECT_TYPE, records.course(courseId).reference(), "cancellation", "cancelled", reason, null);
        List<String> recipients = new ArrayList<>();
        records.invitedCountries(courseId).forEach(country -> recipients.add("country:" + country));
        Set<NominationStatus> concerned = Set.of(NominationStatus.RECEIVED, NominationStatus.ELIGIBLE,
                NominationStatus.ACCEPTED, NominationStatus.WAITING, NominationStatus.ARRIVED);
        for (Nomination nomination : records.nominations(courseId)) {
            if (concerned.contains(nomination.status())) {
                records.updateNomination(nomination.id(), NominationStatus.CANCELLED, "course cancelled: " + reason);
                recipients.add("nomination:" + nomination.id());
            }
        }
        return recipients;
    }

    public String countryName(String code) {
        return partners.country(code).map(PartnerRepository.Country::name).orElse(code);
    }

    public String focalPoint(String countryCode) {
        return partners.focalPoint(countryCode);
    }

    static int ageOn(LocalDate dateOfBirth, LocalDate day) {
        return Period.between(dateOfBirth, day).getYears();
    }

    private static Map<String, String> option(Nomination nomination, String label) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", label);
        option.put("value", String.valueOf(nomination.id()));
        return option;
    }

    private static String line(Nomination n) {
        return "%d. %s (%s, %d years)\n".formatted(n.rankNo(), n.fullName(), n.countryCode(), n.yearsOfExperience());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
