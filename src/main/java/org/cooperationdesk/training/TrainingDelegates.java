package org.cooperationdesk.training;

import static org.cooperationdesk.form.ProcessValues.text;
import static org.cooperationdesk.form.ProcessValues.integer;
import static org.cooperationdesk.form.ProcessValues.date;
import static org.cooperationdesk.form.ProcessValues.json;
import static org.cooperationdesk.training.TrainingVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cooperationdesk.contribution.Programmes;
import org.cooperationdesk.form.FormValues;
import org.cooperationdesk.form.ProcessValues;
import org.cooperationdesk.notification.Recipient;
import org.cooperationdesk.partner.InvitedCountries;
import org.cooperationdesk.portal.PartnerSubmission;
import org.cooperationdesk.portal.PartnerSubmissions;
import org.cooperationdesk.portal.PortalVariables;
import org.cooperationdesk.system.EngineContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The trainee invitation process's delegates and listeners, one bean each, named as the model names
 * them. Each maps variables to a call of the training services and results back.
 */
@Configuration
class TrainingDelegates {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingDelegates.class);

    private final CourseLifecycle courses;
    private final NominationIntake intake;
    private final NomineeSelection selection;
    private final TraineePlaces places;
    private final CourseCompletion completion;

    private final InvitedCountries invitedCountries;
    private final Programmes programmes;
    private final PartnerSubmissions submissions;

    TrainingDelegates(CourseLifecycle courses, NominationIntake intake, NomineeSelection selection, TraineePlaces places,
                      CourseCompletion completion, InvitedCountries invitedCountries, Programmes programmes,
                      PartnerSubmissions submissions) {
        this.submissions = submissions;
        this.invitedCountries = invitedCountries;
        this.programmes = programmes;
        this.courses = courses;
        this.intake = intake;
        this.selection = selection;
        this.places = places;
        this.completion = completion;
    }

    @Bean
    JavaDelegate registerCourseDelegate() {
        return execution -> {
            Course course = courses.open(new Course(0, null, text(execution, TITLE), text(execution, PLACE),
                            date(execution, START_DATE), date(execution, END_DATE), integer(execution, CAPACITY),
                            integer(execution, QUOTA_PER_COUNTRY), integer(execution, MIN_EXPERIENCE_YEARS),
                            integer(execution, MAX_AGE), text(execution, LANGUAGE), date(execution, NOMINATION_DEADLINE), null,
                            programmes.idOf(text(execution, PROGRAMME)).orElse(null)),
                    invitedCountries.resolve(execution::getVariable), text(execution, OPENED_BY),
                    execution.getProcessInstanceId());
            execution.setProcessBusinessKey(course.reference());
            execution.setVariable(COURSE_ID, course.id());
            execution.setVariable(COURSE_REFERENCE, course.reference());
            execution.setVariable(INVITED_COUNTRY_LIST, new ArrayList<>(courses.invitedCountries(course.id())));
            setNominationTimers(execution, course);
        };
    }

    @Bean
    JavaDelegate storeNominationDelegate() {
        return execution -> intake.recordNomination(courseId(execution), CourseForms.nominationDraft(execution::getVariable),
                EngineContext.currentUser(execution));
    }

    /**
     * A nomination sent online, accepted by a coordinator: filed as a recorded one is (the same intake and rules), late
     * judged by when it reached the office, not by when it was reviewed.
     */
    @Bean
    JavaDelegate fileNominationSentOnlineDelegate() {
        return execution -> {
            PartnerSubmission sent = submissions.get(ProcessValues.id(execution, PortalVariables.SUBMISSION_ID));
            try {
                intake.recordNomination(courseId(execution), CourseForms.nominationDraft(execution::getVariable),
                        EngineContext.currentUser(execution), sent.receivedAt());
            } catch (NominationIntake.LateNominationException late) {
                // Kept as refused with its reason, as every late nomination is; the review itself is done.
                LOG.info("{}", late.getMessage());
            }
        };
    }

    @Bean
    JavaDelegate findCountriesWithoutNominationDelegate() {
        return execution -> execution.setVariable(COUNTRIES_WITHOUT_NOMINATION,
                new ArrayList<>(intake.countriesWithoutNomination(courseId(execution))));
    }

    @Bean
    JavaDelegate screenNominationsDelegate() {
        return execution -> {
            long courseId = courseId(execution);
            List<Long> proposal = selection.screen(courseId);
            List<Map<String, String>> eligible = selection.eligibleOptions(courseId);
            execution.setVariable(ELIGIBLE_NOMINEES, json(eligible));
            execution.setVariable(ELIGIBLE_NOMINEES_COUNT, eligible.size());
            execution.setVariable(SELECTED_NOMINEES, json(proposal.stream().map(String::valueOf).toList()));
            execution.setVariable(NOMINATIONS_REPORT, eligible.isEmpty() ? intake.nominationsReport(courseId) : null);
        };
    }

    /** The office's new deadline: the timers of the next nomination period are computed from it. */
    @Bean
    JavaDelegate extendNominationPeriodDelegate() {
        return execution -> {
            Course course = intake.extendNominationPeriod(courseId(execution), date(execution, NEW_NOMINATION_DEADLINE),
                    EngineContext.currentUser(execution));
            execution.setVariable(NOMINATION_DEADLINE, course.nominationDeadline().toString());
            setNominationTimers(execution, course);
            // The next round's forms start empty, not with this round's answers.
            execution.removeVariable(NOMINATION_ACTION);
            execution.removeVariable(COURSE_DECISION);
            execution.removeVariable(NEW_NOMINATION_DEADLINE);
        };
    }

    @Bean
    JavaDelegate prepareSelectionDelegate() {
        return execution -> execution.setVariable(SELECTION_SUMMARY,
                selection.selectionSummary(courseId(execution), FormValues.ids(execution.getVariable(SELECTED_NOMINEES))));
    }

    @Bean
    TaskListener recordCourseDecisionListener() {
        return task -> selection.recordSelectionDecision(courseId(task.getExecution()),
                FormValues.text(task.getVariable(SELECTION_DECISION)), FormValues.text(task.getVariable(SELECTION_COMMENT)),
                Optional.ofNullable(EngineContext.currentUser(task.getExecution())).orElse(task.getAssignee()));
    }

    @Bean
    JavaDelegate recordSelectionDelegate() {
        return execution -> {
            long courseId = courseId(execution);
            selection.recordSelection(courseId, FormValues.ids(execution.getVariable(SELECTED_NOMINEES)));
            execution.setVariable(NOTICE_NOMINATION_IDS, new ArrayList<>(places.ids(courseId,
                    NominationStatus.ACCEPTED, NominationStatus.WAITING, NominationStatus.REGRETTED)));
            execution.setVariable(ACCEPTED_NOMINATION_IDS, new ArrayList<>(places.ids(courseId, NominationStatus.ACCEPTED)));
        };
    }

    /** The trainee's name and country on the arrival forms of each place. */
    @Bean
    TraineeDisplay traineeDisplay() {
        return new TraineeDisplay(courses);
    }

    @Bean
    TaskListener recordArrivalPreparationListener() {
        return task -> places.recordArrivalPreparation(nominationId(task.getExecution()),
                FormValues.text(task.getVariable(VISA_LETTER_REFERENCE)), FormValues.text(task.getVariable(FLIGHT_BOOKING)),
                FormValues.number(task.getVariable(ALLOWANCE_AMOUNT)), FormValues.text(task.getVariable(ALLOWANCE_CURRENCY)),
                FormValues.text(task.getVariable(ACCOMMODATION)));
    }

    @Bean
    TaskListener recordArrivalListener() {
        return task -> places.recordArrival(nominationId(task.getExecution()),
                "arrived".equals(FormValues.text(task.getVariable(ARRIVAL_STATUS))),
                FormValues.text(task.getVariable(ARRIVAL_NOTE)));
    }

    @Bean
    JavaDelegate findReplacementDelegate() {
        return execution -> {
            long vacated = FormValues.number(execution.getVariable(PLACE_NOMINATION_ID)).longValue();
            Optional<Long> replacement = places.findReplacement(courseId(execution), vacated);
            replacement.ifPresent(id -> execution.setVariable(PLACE_NOMINATION_ID, id));
            // Local to this place: other places decide their own replacements in parallel.
            execution.setVariableLocal(REPLACEMENT_FOUND, replacement.isPresent());
        };
    }

    @Bean
    JavaDelegate listArrivedTraineesDelegate() {
        return execution -> {
            long courseId = courseId(execution);
            List<Long> arrived = places.ids(courseId, NominationStatus.ARRIVED);
            execution.setVariable(ARRIVED_TRAINEES, json(places.options(arrived)));
            execution.setVariable(ARRIVED_TRAINEES_COUNT, arrived.size());
            execution.setVariable(PLACES_REPORT, arrived.isEmpty() ? places.placesReport(courseId) : null);
        };
    }

    @Bean
    JavaDelegate recordCourseNotHeldDelegate() {
        return execution -> courses.closeAsNotHeld(courseId(execution), text(execution, NOT_HELD_REASON),
                EngineContext.currentUser(execution));
    }

    @Bean
    JavaDelegate issueCertificatesDelegate() {
        return execution -> {
            long courseId = courseId(execution);
            List<Long> certified = completion.issueCertificates(courseId,
                    FormValues.ids(execution.getVariable(COMPLETED_TRAINEES)),
                    FormValues.ids(execution.getVariable(ACTION_PLANS_RECEIVED)));
            Course course = courses.course(courseId);
            execution.setVariable(CERTIFIED_NOMINATION_IDS, new ArrayList<>(certified));
            execution.setVariable(CERTIFIED_TRAINEES, json(places.options(certified)));
            execution.setVariable(CERTIFIED_TRAINEES_COUNT, certified.size());
            execution.setVariable(FINAL_REPORT_DUE_DATE, completion.finalReportDue(course).toString());
            execution.setVariable(FINAL_REPORT_REMINDER_AT, completion.finalReportReminderAt(course));
            execution.setVariable(FINAL_REPORT_DUE_AT, completion.finalReportDueAt(course));
        };
    }

    @Bean
    TaskListener recordFinalReportsListener() {
        return task -> completion.recordFinalReports(FormValues.ids(task.getVariable(REPORTS_RECEIVED)));
    }

    @Bean
    JavaDelegate findMissingReportsDelegate() {
        return execution -> execution.setVariable(MISSING_REPORT_NOMINATION_IDS,
                new ArrayList<>(completion.missingFinalReports(courseId(execution))));
    }

    @Bean
    JavaDelegate recordMissingReportsDelegate() {
        return execution -> completion.recordMissingReports(courseId(execution));
    }

    @Bean
    JavaDelegate closeCourseDelegate() {
        return execution -> courses.close(courseId(execution), integer(execution, EVALUATION_SCORE),
                text(execution, EVALUATION_SUMMARY));
    }

    /** Both ways to cancel: the CourseCancelled message and the office's decision on a course without nominees. */
    @Bean
    JavaDelegate recordCancellationDelegate() {
        return execution -> {
            String reason = text(execution, CANCELLATION_REASON);
            List<Recipient> recipients = courses.cancel(courseId(execution),
                    reason == null || reason.isBlank() ? "no reason given" : reason, EngineContext.currentUser(execution));
            execution.setVariable(CANCELLATION_RECIPIENTS, Recipient.keys(recipients));
        };
    }

    /** When the nomination period's reminder and deadline timers fire, from the course's deadline. */
    private void setNominationTimers(DelegateExecution execution, Course course) {
        execution.setVariable(NOMINATION_DEADLINE_AT, intake.nominationDeadlineAt(course));
        execution.setVariable(NOMINATION_REMINDER_AT, intake.nominationReminderAt(course));
    }

    static long courseId(VariableScope scope) {
        return ProcessValues.id(scope, COURSE_ID);
    }

    private static long nominationId(VariableScope scope) {
        return ProcessValues.id(scope, NOMINATION_ID);
    }
}
