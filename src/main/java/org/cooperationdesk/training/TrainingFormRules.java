package org.cooperationdesk.training;

import static org.cooperationdesk.training.TraineeInvitationProcess.*;
import static org.cooperationdesk.training.TrainingVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cooperationdesk.form.FormRules;
import org.cooperationdesk.form.FormSubmission;
import org.cooperationdesk.form.FormSubmissionValidator;
import org.springframework.stereotype.Component;

/** The trainee invitation forms' rules beyond what the .form files declare. */
@Component
class TrainingFormRules implements FormRules {

    /** The nominee part and the organisation part that make a nomination complete. */
    static final Map<String, String> NOMINATION_PARTS = Map.ofEntries(
            Map.entry(COUNTRY_CODE, "Nominating government"),
            Map.entry(ORGANISATION, "Organisation"),
            Map.entry(POSITION, "Position"),
            Map.entry(FULL_NAME, "Nominee's full name"),
            Map.entry(EMAIL, "Nominee's e-mail"),
            Map.entry(DATE_OF_BIRTH, "Date of birth"),
            Map.entry(PASSPORT_NUMBER, "Passport number"),
            Map.entry(PASSPORT_EXPIRY, "Passport expires"),
            Map.entry(YEARS_OF_EXPERIENCE, "Years of experience"),
            Map.entry(NOMINEE_LANGUAGE, "Working language"));

    private final CourseLifecycle courses;
    private final NomineeSelection selection;
    private final TraineePlaces places;
    private final Clock clock;

    TrainingFormRules(CourseLifecycle courses, NomineeSelection selection, TraineePlaces places, Clock clock) {
        this.courses = courses;
        this.selection = selection;
        this.places = places;
        this.clock = clock;
    }

    @Override
    public Set<String> formIds() {
        return Set.of(FORM_COURSE_ANNOUNCEMENT, FORM_RECORD_NOMINATION, FORM_RANK_NOMINEES, FORM_APPROVE_SELECTION,
                FORM_RECORD_ATTENDANCE, FORM_DECIDE_ON_COURSE_WITHOUT_NOMINEES);
    }

    @Override
    public void check(FormSubmission form) {
        LocalDate today = LocalDate.now(clock);
        switch (form.formId()) {
            case FORM_COURSE_ANNOUNCEMENT -> {
                FormSubmissionValidator.requireNotPast(form, START_DATE, "Course starts", today);
                FormSubmissionValidator.requireNotPast(form, NOMINATION_DEADLINE, "Nomination deadline", today);
                LocalDate start = form.date(START_DATE);
                LocalDate end = form.date(END_DATE);
                LocalDate deadline = form.date(NOMINATION_DEADLINE);
                if (start != null && end != null && end.isBefore(start)) {
                    form.reject(END_DATE, "Course ends", "must not be before the course starts");
                }
                if (start != null && deadline != null && !deadline.isBefore(start)) {
                    form.reject(NOMINATION_DEADLINE, "Nomination deadline", "must be before the course starts");
                }
                Long capacity = form.longValue(CAPACITY);
                Long quota = form.longValue(QUOTA_PER_COUNTRY);
                if (capacity != null && quota != null && quota > capacity) {
                    form.reject(QUOTA_PER_COUNTRY, "Quota per country", "must not exceed the capacity (" + capacity + ")");
                }
            }
            case FORM_RECORD_NOMINATION -> {
                if ("record".equals(form.text(NOMINATION_ACTION))) {
                    checkNomination(form, today);
                }
            }
            case FORM_RANK_NOMINEES -> {
                List<Long> selected = form.ids(SELECTED_NOMINEES);
                Long courseId = form.longValue(COURSE_ID);
                if (courseId != null && !selected.isEmpty()) {
                    selection.selectionProblems(courseId, selected)
                            .forEach(problem -> form.reject(SELECTED_NOMINEES, "Nominees to accept", problem));
                }
            }
            case FORM_APPROVE_SELECTION -> {
                if ("rejected".equals(form.text(SELECTION_DECISION)) && form.isBlank(SELECTION_COMMENT)) {
                    form.reject(SELECTION_COMMENT, "Comment", "is required when sending the list back");
                }
            }
            case FORM_RECORD_ATTENDANCE -> {
                Long courseId = form.longValue(COURSE_ID);
                if (courseId != null) {
                    List<Long> arrived = places.ids(courseId, NominationStatus.ARRIVED);
                    if (!arrived.containsAll(form.ids(COMPLETED_TRAINEES))) {
                        form.reject(COMPLETED_TRAINEES, "Trainees who completed", "may only list trainees who arrived");
                    }
                }
            }
            case FORM_DECIDE_ON_COURSE_WITHOUT_NOMINEES -> checkCourseDecision(form, today);
            default -> {
            }
        }
    }

    /** A nomination is complete with its official application, organisation part and nominee part. */
    void checkNomination(FormSubmission form, LocalDate today) {
        NOMINATION_PARTS.forEach((key, label) -> {
            if (form.isBlank(key)) {
                form.reject(key, label, "is required for a complete nomination");
            }
        });
        if (!Boolean.TRUE.equals(form.raw(OFFICIAL_APPLICATION))) {
            form.reject(OFFICIAL_APPLICATION, "Official application letter received",
                    "a nomination is only considered with the government's official application");
        }
        Long courseId = form.longValue(COURSE_ID);
        if (courseId == null) {
            return;
        }
        Course course = courses.course(courseId);
        String country = form.text(COUNTRY_CODE);
        if (country != null && !form.hasErrorOn(COUNTRY_CODE) && !courses.invitedCountries(courseId).contains(country)) {
            form.reject(COUNTRY_CODE, "Nominating government", courses.countryName(country) + " was not invited to this course");
        }
        LocalDate passportExpiry = form.date(PASSPORT_EXPIRY);
        if (passportExpiry != null && !passportExpiry.isAfter(course.endDate().plusMonths(6))) {
            form.reject(PASSPORT_EXPIRY, "Passport expires",
                    "must be valid for six months after the course ends (after " + course.endDate().plusMonths(6) + ")");
        }
        LocalDate birth = form.date(DATE_OF_BIRTH);
        if (birth != null && !birth.isBefore(today)) {
            form.reject(DATE_OF_BIRTH, "Date of birth", "must be in the past");
        }
    }

    /** Extending needs a new deadline after today and before the course starts; cancelling needs the reason. */
    void checkCourseDecision(FormSubmission form, LocalDate today) {
        String decision = form.text(COURSE_DECISION);
        if (EXTEND.equals(decision)) {
            LocalDate deadline = form.date(NEW_NOMINATION_DEADLINE);
            if (deadline == null) {
                form.reject(NEW_NOMINATION_DEADLINE, "New nomination deadline", "is required when extending the nomination period");
                return;
            }
            if (!deadline.isAfter(today)) {
                form.reject(NEW_NOMINATION_DEADLINE, "New nomination deadline", "must be after today (" + today + ")");
            }
            Long courseId = form.longValue(COURSE_ID);
            if (courseId != null) {
                LocalDate start = courses.course(courseId).startDate();
                if (!deadline.isBefore(start)) {
                    form.reject(NEW_NOMINATION_DEADLINE, "New nomination deadline",
                            "must be before the course starts (" + start + ")");
                }
            }
        } else if (CANCEL.equals(decision) && form.isBlank(CANCELLATION_REASON)) {
            form.reject(CANCELLATION_REASON, "Reason for cancelling", "is required when cancelling the course");
        }
    }
}
