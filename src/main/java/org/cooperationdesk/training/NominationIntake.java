package org.cooperationdesk.training;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.cooperationdesk.decision.DecisionLog;
import org.cooperationdesk.people.PersonRegistry;
import org.cooperationdesk.portal.LinkPurpose;
import org.cooperationdesk.portal.PartnerSubmissions;
import org.cooperationdesk.portal.SubmissionStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The nomination period: nominations received until the deadline, reminders, and extensions of the period. */
@Service
@Transactional
public class NominationIntake {

    static final int NOMINATION_REMINDER_DAYS_BEFORE = 7;

    /** A nomination that arrived after the deadline: recorded as refused, with the reason. */
    public static class LateNominationException extends RuntimeException {
        public LateNominationException(String message) {
            super(message);
        }
    }

    private final CourseRecords records;
    private final CourseLifecycle courses;
    private final PersonRegistry people;
    private final DecisionLog decisions;
    private final Clock clock;
    private final PartnerSubmissions submissions;

    public NominationIntake(CourseRecords records, CourseLifecycle courses, PersonRegistry people,
                            DecisionLog decisions, Clock clock, PartnerSubmissions submissions) {
        this.submissions = submissions;
        this.records = records;
        this.courses = courses;
        this.people = people;
        this.decisions = decisions;
        this.clock = clock;
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
        return recordNomination(courseId, draft, recordedBy, clock.instant());
    }

    /**
     * Records a nomination that reached the office at {@code receivedAt} (one sent online is filed when a coordinator
     * has reviewed it, possibly after the deadline): late is judged by when it arrived, as for any other.
     */
    @Transactional(noRollbackFor = LateNominationException.class)
    public long recordNomination(long courseId, CourseRecords.NominationDraft draft, String recordedBy, Instant receivedAt) {
        Course course = records.course(courseId);
        long personId = people.findOrAdd(draft.fullName(), draft.email(), courses.countryName(draft.countryCode()));
        LocalDateTime received = LocalDateTime.ofInstant(receivedAt, clock.getZone());
        if (received.toLocalDate().isAfter(course.nominationDeadline())) {
            String reason = "received after the nomination deadline of " + course.nominationDeadline();
            records.insertNomination(courseId, personId, draft, NominationStatus.REFUSED, reason, recordedBy, received);
            throw new LateNominationException("The nomination of " + draft.fullName() + " was " + reason);
        }
        long id = records.insertNomination(courseId, personId, draft, NominationStatus.RECEIVED, null, recordedBy, received);
        records.markInvitation(courseId, draft.countryCode(), InvitationStatus.NOMINATED);
        return id;
    }

    public List<String> countriesWithoutNomination(long courseId) {
        Set<String> nominated = records.nominations(courseId).stream().map(Nomination::countryCode)
                .collect(Collectors.toCollection(HashSet::new));
        // A nomination sent online that waits for review has reached the office too: no reminder for it.
        submissions.forReference(records.course(courseId).reference()).stream()
                .filter(sent -> sent.scope().purpose() == LinkPurpose.COURSE_NOMINATIONS && sent.status() == SubmissionStatus.RECEIVED)
                .forEach(sent -> nominated.add(sent.scope().subject()));
        return records.invitedCountries(courseId).stream().filter(country -> !nominated.contains(country)).toList();
    }

    /** What the nomination period brought, for the office deciding on a course without eligible nominees. */
    public String nominationsReport(long courseId) {
        Course course = records.course(courseId);
        List<Nomination> received = records.nominations(courseId);
        StringBuilder report = new StringBuilder();
        if (received.isEmpty()) {
            report.append("No nomination was received (nomination deadline ").append(course.nominationDeadline()).append(").\n");
        } else {
            report.append(received.size()).append(received.size() == 1 ? " nomination" : " nominations")
                    .append(" received, none eligible:\n");
            received.forEach(n -> report.append("- %s (%s): %s\n".formatted(n.fullName(), courses.countryName(n.countryCode()),
                    n.reason() == null ? n.status().name().toLowerCase() : n.reason())));
        }
        List<String> silent = countriesWithoutNomination(courseId);
        if (!silent.isEmpty()) {
            report.append("No nomination from: ")
                    .append(silent.stream().map(courses::countryName).collect(Collectors.joining(", "))).append(".\n");
        }
        return report.toString();
    }

    /** A new deadline: the course takes nominations again, and the decision is logged. */
    public Course extendNominationPeriod(long courseId, LocalDate newDeadline, String decidedBy) {
        records.extendNominationPeriod(courseId, newDeadline);
        Course course = records.course(courseId);
        decisions.record(CourseLifecycle.SUBJECT_TYPE, course.reference(), "nomination period", "extended",
                "new deadline " + newDeadline, decidedBy);
        return course;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
