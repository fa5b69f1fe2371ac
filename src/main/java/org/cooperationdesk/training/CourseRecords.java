package org.cooperationdesk.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cooperationdesk.partner.YenValue;
import org.cooperationdesk.system.ReadOncePerTransaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The course, course_invitation and nomination tables. */
@Repository
public class CourseRecords {

    private static final String COURSE_COLUMNS = """
            id, reference, title, place, start_date, end_date, capacity, quota_per_country, min_experience_years,
            max_age, language, nomination_deadline, status, contribution_id""";
    private static final String NOMINATION_COLUMNS = """
            id, course_id, country_code, full_name, email, date_of_birth, passport_number, passport_expiry,
            years_of_experience, language, health_declaration, status, reason, rank_no, certificate_number,
            final_report_received_on""";

    /** The nomination fields as submitted on the record-nomination form or through the API. */
    public record NominationDraft(String countryCode, boolean officialApplication, String organisation, String position,
                                  String fullName, String email, LocalDate dateOfBirth, String passportNumber,
                                  LocalDate passportExpiry, Integer yearsOfExperience, String language,
                                  boolean healthDeclaration) {
    }

    private final JdbcClient jdbc;
    private final ReadOncePerTransaction<Long, Course> coursesRead = new ReadOncePerTransaction<>();

    public CourseRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Course insertCourse(Course draft, String openedBy, String processInstanceId, LocalDateTime now) {
        coursesRead.forget();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into course (reference, title, place, start_date, end_date, capacity, quota_per_country,
                            min_experience_years, max_age, language, nomination_deadline, status, opened_by,
                            process_instance_id, contribution_id, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params("pending-" + UUID.randomUUID().toString().substring(0, 20), draft.title(), draft.place(),
                        draft.startDate(), draft.endDate(), draft.capacity(), draft.quotaPerCountry(),
                        draft.minExperienceYears(), draft.maxAge(), draft.language(), draft.nominationDeadline(),
                        CourseStatus.OPEN.name(), openedBy, processInstanceId, draft.contributionId(), now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("update course set reference = ? where id = ?").params("TC-%d-%04d".formatted(now.getYear(), id), id).update();
        return course(id);
    }

    /** The course, read once per transaction ({@link ReadOncePerTransaction}; every write here forgets it). */
    public Course course(long id) {
        return coursesRead.get(id, this::readCourse);
    }

    private Course readCourse(long id) {
        return jdbc.sql("select " + COURSE_COLUMNS + " from course where id = ?").param(id).query(Course.class).single();
    }

    public Optional<Course> courseByReference(String reference) {
        return jdbc.sql("select " + COURSE_COLUMNS + " from course where reference = ?")
                .param(reference).query(Course.class).optional();
    }

    public void updateCourseStatus(long courseId, CourseStatus status, LocalDateTime closedAt) {
        coursesRead.forget();
        jdbc.sql("update course set status = ?, closed_at = coalesce(?, closed_at) where id = ?")
                .params(status.name(), closedAt, courseId).update();
    }

    /** A new nomination deadline: the course takes nominations again. */
    public void extendNominationPeriod(long courseId, LocalDate newDeadline) {
        coursesRead.forget();
        jdbc.sql("update course set nomination_deadline = ?, status = ? where id = ?")
                .params(newDeadline, CourseStatus.OPEN.name(), courseId).update();
    }

    /** Closed without being held (nobody arrived), with the reason. */
    public void recordNotHeld(long courseId, String reason, LocalDateTime at) {
        coursesRead.forget();
        jdbc.sql("update course set status = ?, not_held_reason = ?, closed_at = ? where id = ?")
                .params(CourseStatus.NOT_HELD.name(), reason, at, courseId).update();
    }

    public void recordEvaluation(long courseId, int score, String summary) {
        coursesRead.forget();
        jdbc.sql("update course set evaluation_score = ?, evaluation_summary = ? where id = ?")
                .params(score, summary, courseId).update();
    }

    public void recordCancellation(long courseId, String reason, LocalDateTime at) {
        coursesRead.forget();
        jdbc.sql("update course set status = ?, cancellation_reason = ?, closed_at = ? where id = ?")
                .params(CourseStatus.CANCELLED.name(), reason, at, courseId).update();
    }

    public void invite(long courseId, String countryCode) {
        jdbc.sql("insert into course_invitation (course_id, country_code, status) values (?, ?, ?)")
                .params(courseId, countryCode, InvitationStatus.INVITED.name()).update();
    }

    /** The countries invited to the course a process instance runs (none for an instance of another process). */
    public List<String> invitedCountriesOfProcessInstance(String processInstanceId) {
        return jdbc.sql("""
                        select i.country_code from course_invitation i join course c on c.id = i.course_id
                         where c.process_instance_id = ? order by i.country_code""")
                .param(processInstanceId).query(String.class).list();
    }

    public List<String> invitedCountries(long courseId) {
        return jdbc.sql("select country_code from course_invitation where course_id = ? order by country_code")
                .param(courseId).query(String.class).list();
    }

    public void markInvitation(long courseId, String countryCode, InvitationStatus status) {
        jdbc.sql("update course_invitation set status = ? where course_id = ? and country_code = ?")
                .params(status.name(), courseId, countryCode).update();
    }

    public long insertNomination(long courseId, Long personId, NominationDraft draft, NominationStatus status,
                                 String reason, String recordedBy, LocalDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into nomination (course_id, country_code, person_id, official_application, organisation,
                            position, full_name, email, date_of_birth, passport_number, passport_expiry,
                            years_of_experience, language, health_declaration, status, reason, recorded_by, received_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(courseId, draft.countryCode(), personId, draft.officialApplication(), draft.organisation(),
                        draft.position(), draft.fullName(), draft.email(), draft.dateOfBirth(), draft.passportNumber(),
                        draft.passportExpiry(), draft.yearsOfExperience(), draft.language(), draft.healthDeclaration(),
                        status.name(), reason, recordedBy, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Nomination nomination(long id) {
        return jdbc.sql("select " + NOMINATION_COLUMNS + " from nomination where id = ?")
                .param(id).query(Nomination.class).single();
    }

    /** The person of the office's records a nomination names, if it was linked to one. */
    public Optional<Long> personOfNomination(long nominationId) {
        return jdbc.sql("select person_id from nomination where id = ? and person_id is not null")
                .param(nominationId).query(Long.class).optional();
    }

    public List<Nomination> nominations(long courseId) {
        return jdbc.sql("select " + NOMINATION_COLUMNS + " from nomination where course_id = ? order by id")
                .param(courseId).query(Nomination.class).list();
    }

    public List<Nomination> nominations(long courseId, NominationStatus status) {
        return jdbc.sql("select " + NOMINATION_COLUMNS + " from nomination where course_id = ? and status = ? order by rank_no, id")
                .params(courseId, status.name()).query(Nomination.class).list();
    }

    public void updateNomination(long id, NominationStatus status, String reason) {
        jdbc.sql("update nomination set status = ?, reason = coalesce(?, reason) where id = ?")
                .params(status.name(), reason, id).update();
    }

    public void rank(long id, int rank) {
        jdbc.sql("update nomination set rank_no = ? where id = ?").params(rank, id).update();
    }

    public void recordArrivalPreparation(long id, String visaLetter, String flight, YenValue allowance, String lodging) {
        jdbc.sql("""
                        update nomination set visa_letter_reference = ?, flight_booking = ?, allowance_amount = ?, allowance_currency = ?, allowance_yen = ?, allowance_rate_id = ?,
                            accommodation = ? where id = ?""")
                .params(visaLetter, flight, allowance == null ? null : allowance.money().amount(),
                        allowance == null ? null : allowance.money().currency(), allowance == null ? null : allowance.yen(),
                        allowance == null ? null : allowance.rateId(), lodging, id)
                .update();
    }

    public void recordArrival(long id, NominationStatus status, String note) {
        jdbc.sql("update nomination set status = ?, arrival_note = ? where id = ?")
                .params(status.name(), note, id).update();
    }

    public void recordCompletion(long id, NominationStatus status, boolean actionPlan, String certificateNumber) {
        jdbc.sql("update nomination set status = ?, action_plan_received = ?, certificate_number = ? where id = ?")
                .params(status.name(), actionPlan, certificateNumber, id).update();
    }

    public void recordFinalReport(long id, LocalDate receivedOn) {
        jdbc.sql("update nomination set final_report_received_on = ? where id = ? and final_report_received_on is null")
                .params(receivedOn, id).update();
    }
}
