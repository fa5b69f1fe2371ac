package org.cooperationdesk.training;

import static org.cooperationdesk.training.TraineeInvitationProcess.*;
import static org.cooperationdesk.training.TrainingVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.cooperationdesk.form.FormRules;
import org.cooperationdesk.form.FormSubmission;
import org.cooperationdesk.partner.AmountRules;
import org.cooperationdesk.partner.InvitedCountries;
import org.springframework.stereotype.Component;

/** The trainee invitation forms' rules beyond what the .form files declare. */
@Component
class TrainingFormRules implements FormRules {

    /** The nominee part and the organisation part that make a nomination complete. */
    static final List<String> NOMINATION_PARTS = List.of(COUNTRY_CODE, ORGANISATION, POSITION, FULL_NAME, EMAIL,
            DATE_OF_BIRTH, PASSPORT_NUMBER, PASSPORT_EXPIRY, YEARS_OF_EXPERIENCE, NOMINEE_LANGUAGE);

    private final CourseLifecycle courses;
    private final NomineeSelection selection;
    private final TraineePlaces places;
    private final Clock clock;

    private final InvitedCountries invitedCountries;
    private final AmountRules amounts;

    TrainingFormRules(CourseLifecycle courses, NomineeSelection selection, TraineePlaces places, Clock clock,
                      InvitedCountries invitedCountries, AmountRules amounts) {
        this.invitedCountries = invitedCountries;
        this.amounts = amounts;
        this.courses = courses;
        this.selection = selection;
        this.places = places;
        this.clock = clock;
    }

    @Override
    public Set<String> formIds() {
        return Set.of(FORM_COURSE_ANNOUNCEMENT, FORM_RECORD_NOMINATION, FORM_RANK_NOMINEES, FORM_APPROVE_SELECTION,
                FORM_RECORD_ATTENDANCE, FORM_DECIDE_ON_COURSE_WITHOUT_NOMINEES, FORM_PREPARE_ARRIVAL);
    }

    @Override
    public void check(FormSubmission form) {
        LocalDate today = LocalDate.now(clock);
        switch (form.formId()) {
            case FORM_COURSE_ANNOUNCEMENT -> {
                form.requireNotPast(START_DATE, today);
                form.requireNotPast(NOMINATION_DEADLINE, today);
                form.requireNotBefore(END_DATE, START_DATE);
                form.requireBefore(NOMINATION_DEADLINE, START_DATE);
                Long capacity = form.longValue(CAPACITY);
                Long quota = form.longValue(QUOTA_PER_COUNTRY);
                if (capacity != null && quota != null && quota > capacity) {
                    form.reject(QUOTA_PER_COUNTRY, "training.quotaAboveCapacity", capacity);
                }
                invitedCountries.check(form);
            }
            case FORM_PREPARE_ARRIVAL -> amounts.requireYenRate(form, ALLOWANCE_AMOUNT, ALLOWANCE_CURRENCY);
            case FORM_RECORD_NOMINATION -> {
                if ("record".equals(form.text(NOMINATION_ACTION))) {
                    checkNomination(form, today);
                }
            }
            case FORM_RANK_NOMINEES -> {
                List<Long> selected = form.ids(SELECTED_NOMINEES);
                Long courseId = form.longValue(COURSE_ID);
                if (courseId != null && !selected.isEmpty()) {
                    selection.selectionProblems(courseId, selected).forEach(problem -> form.rejectWith(SELECTED_NOMINEES, problem));
                }
            }
            case FORM_APPROVE_SELECTION ->
                    form.requireReasonWhen(SELECTION_DECISION, "rejected", SELECTION_COMMENT, "when.sendingListBack");
            case FORM_RECORD_ATTENDANCE -> {
                Long courseId = form.longValue(COURSE_ID);
                if (courseId != null) {
                    List<Long> arrived = places.ids(courseId, NominationStatus.ARRIVED);
                    if (!arrived.containsAll(form.ids(COMPLETED_TRAINEES))) {
                        form.reject(COMPLETED_TRAINEES, "training.onlyArrived");
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
        NOMINATION_PARTS.forEach(key -> form.requireWhen(true, key, "when.completeNomination"));
        if (!Boolean.TRUE.equals(form.raw(OFFICIAL_APPLICATION))) {
            form.reject(OFFICIAL_APPLICATION, "training.officialApplication");
        }
        form.requirePast(DATE_OF_BIRTH, today);
        Long courseId = form.longValue(COURSE_ID);
        if (courseId == null) {
            return;
        }
        Course course = courses.course(courseId);
        String country = form.text(COUNTRY_CODE);
        if (country != null && !form.hasErrorOn(COUNTRY_CODE) && !courses.invitedCountries(courseId).contains(country)) {
            form.reject(COUNTRY_CODE, "training.countryNotInvited", courses.countryName(country));
        }
        form.requirePassportValidBeyond(PASSPORT_EXPIRY, course.endDate().plusMonths(6), "what.sixMonthsAfterCourse");
    }

    /** Extending needs a new deadline after today and before the course starts; cancelling needs the reason. */
    void checkCourseDecision(FormSubmission form, LocalDate today) {
        form.requireReasonWhen(COURSE_DECISION, EXTEND, NEW_NOMINATION_DEADLINE, "when.extendingNomination");
        form.requireReasonWhen(COURSE_DECISION, CANCEL, CANCELLATION_REASON, "when.cancellingCourse");
        if (!EXTEND.equals(form.text(COURSE_DECISION))) {
            return;
        }
        LocalDate deadline = form.date(NEW_NOMINATION_DEADLINE);
        if (deadline != null && !deadline.isAfter(today)) {
            form.reject(NEW_NOMINATION_DEADLINE, "date.afterToday", today);
        }
        Long courseId = form.longValue(COURSE_ID);
        if (courseId != null) {
            form.requireBefore(NEW_NOMINATION_DEADLINE, courses.course(courseId).startDate(), "what.courseStart");
        }
    }
}
