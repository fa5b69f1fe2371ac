package org.cooperationdesk.training;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** After the course: attendance, certificates and the final reports follow-up. */
@Service
@Transactional
public class CourseCompletion {

    static final int FINAL_REPORT_DAYS_AFTER_COURSE = 150;
    static final int FINAL_REPORT_REMINDER_DAYS_BEFORE = 30;

    private final CourseRecords records;
    private final Clock clock;

    public CourseCompletion(CourseRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
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
        records.updateCourseStatus(courseId, CourseStatus.FOLLOW_UP, null);
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
}
