package org.cooperationdesk.training;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.cooperationdesk.decision.DecisionLog;
import org.cooperationdesk.notification.Recipient;
import org.cooperationdesk.partner.PartnerRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A course from its opening to its end: closed after evaluation, cancelled, or closed as not held. */
@Service
@Transactional
public class CourseLifecycle {

    /** The subject type of the course's entries in the decision log. */
    public static final String SUBJECT_TYPE = "COURSE";

    /** Nominees still in the running when a course is cancelled: their nomination is cancelled too. */
    private static final Set<NominationStatus> IN_THE_RUNNING = Set.of(NominationStatus.RECEIVED, NominationStatus.ELIGIBLE,
            NominationStatus.ACCEPTED, NominationStatus.WAITING, NominationStatus.ARRIVED);
    /** Nominees not yet told the outcome of their nomination: they learn of the cancellation too. */
    private static final Set<NominationStatus> NOT_YET_TOLD = Set.of(NominationStatus.INELIGIBLE, NominationStatus.REFUSED);

    private final CourseRecords records;
    private final PartnerRepository partners;
    private final DecisionLog decisions;
    private final Clock clock;

    public CourseLifecycle(CourseRecords records, PartnerRepository partners, DecisionLog decisions, Clock clock) {
        this.records = records;
        this.partners = partners;
        this.decisions = decisions;
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

    /** The person of the office's records a nomination names, if it was linked to one (people/). */
    public Optional<Long> personOfNomination(long nominationId) {
        return records.personOfNomination(nominationId);
    }

    public List<String> invitedCountries(long courseId) {
        return records.invitedCountries(courseId);
    }

    public String countryName(String code) {
        return partners.countryName(code);
    }

    public String channelAddress(String countryCode) {
        return partners.channelAddress(countryCode);
    }

    public void close(long courseId, int evaluationScore, String evaluationSummary) {
        records.recordEvaluation(courseId, evaluationScore, evaluationSummary);
        records.updateCourseStatus(courseId, CourseStatus.CLOSED, now());
    }

    /** Nobody arrived: the course is closed as not held, the decision logged with its reason. */
    public void closeAsNotHeld(long courseId, String reason, String decidedBy) {
        records.recordNotHeld(courseId, reason, now());
        decisions.record(SUBJECT_TYPE, records.course(courseId).reference(), "course without trainees", "not held",
                reason, decidedBy);
    }

    /**
     * Cancels the course: open nominations are closed, and everyone concerned is listed for a notice:
     * each invited government and each nominee not yet told otherwise.
     */
    public List<Recipient> cancel(long courseId, String reason, String decidedBy) {
        records.recordCancellation(courseId, reason, now());
        decisions.record(SUBJECT_TYPE, records.course(courseId).reference(), "cancellation", "cancelled", reason, decidedBy);
        List<Recipient> recipients = new ArrayList<>();
        records.invitedCountries(courseId).forEach(country -> recipients.add(Recipient.country(country)));
        for (Nomination nomination : records.nominations(courseId)) {
            if (IN_THE_RUNNING.contains(nomination.status())) {
                records.updateNomination(nomination.id(), NominationStatus.CANCELLED, "course cancelled: " + reason);
            }
            if (IN_THE_RUNNING.contains(nomination.status()) || NOT_YET_TOLD.contains(nomination.status())) {
                recipients.add(Recipient.nomination(nomination.id()));
            }
        }
        return recipients;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
