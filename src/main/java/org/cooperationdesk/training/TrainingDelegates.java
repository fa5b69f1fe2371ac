package org.cooperationdesk.training;

import static org.cooperationdesk.form.ProcessValues.text;
import static org.cooperationdesk.form.ProcessValues.integer;
import static org.cooperationdesk.form.ProcessValues.date;
import static org.cooperationdesk.form.ProcessValues.json;
import static org.cooperationdesk.training.TrainingVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cooperationdesk.form.FormValues;
import org.cooperationdesk.form.ProcessValues;
import org.cooperationdesk.system.EngineContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The trainee invitation process's delegates and listeners, one bean each, named as the model names
 * them. Each maps variables to a {@link TrainingService} call and results back.
 */
@Configuration
class TrainingDelegates {

    private final TrainingService training;

    TrainingDelegates(TrainingService training) {
        this.training = training;
    }

    @Bean
    JavaDelegate registerCourseDelegate() {
        return execution -> {
            Course course = training.open(new Course(0, null, text(execution, TITLE), text(execution, PLACE),
                            date(execution, START_DATE), date(execution, END_DATE), integer(execution, CAPACITY),
                            integer(execution, QUOTA_PER_COUNTRY), integer(execution, MIN_EXPERIENCE_YEARS),
                            integer(execution, MAX_AGE), text(execution, LANGUAGE), date(execution, NOMINATION_DEADLINE), null),
                    FormValues.list(execution.getVariable(INVITED_COUNTRIES)), text(execution, OPENED_BY),
                    execution.getProcessInstanceId());
            execution.setProcessBusinessKey(course.reference());
            execution.setVariable(COURSE_ID, course.id());
            execution.setVariable(COURSE_REFERENCE, course.reference());
            execution.setVariable(INVITED_COUNTRY_LIST, new ArrayList<>(training.invitedCountries(course.id())));
            execution.setVariable(NOMINATION_DEADLINE_AT, training.nominationDeadlineAt(course));
            execution.setVariable(NOMINATION_REMINDER_AT, training.nominationReminderAt(course));
        };
    }

    @Bean
    JavaDelegate storeNominationDelegate() {
        return execution -> training.recordNomination(courseId(execution), CourseForms.nominationDraft(execution::getVariable),
                EngineContext.currentUser(execution));
    }

    @Bean
    JavaDelegate findCountriesWithoutNominationDelegate() {
        return execution -> execution.setVariable(COUNTRIES_WITHOUT_NOMINATION,
                new ArrayList<>(training.countriesWithoutNomination(courseId(execution))));
    }

    @Bean
    JavaDelegate screenNominationsDelegate() {
        return execution -> {
            List<Long> proposal = training.screen(courseId(execution));
            execution.setVariable(ELIGIBLE_NOMINEES, json(training.eligibleOptions(courseId(execution))));
            execution.setVariable(SELECTED_NOMINEES, json(proposal.stream().map(String::valueOf).toList()));
        };
    }

    @Bean
    JavaDelegate prepareSelectionDelegate() {
        return execution -> execution.setVariable(SELECTION_SUMMARY,
                training.selectionSummary(courseId(execution), FormValues.ids(execution.getVariable(SELECTED_NOMINEES))));
    }

    @Bean
    TaskListener recordCourseDecisionListener() {
        return task -> training.recordSelectionDecision(courseId(task.getExecution()),
                FormValues.text(task.getVariable(SELECTION_DECISION)), FormValues.text(task.getVariable(SELECTION_COMMENT)),
                Optional.ofNullable(EngineContext.currentUser(task.getExecution())).orElse(task.getAssignee()));
    }

    @Bean
    JavaDelegate recordSelectionDelegate() {
        return execution -> {
            long courseId = courseId(execution);
            training.recordSelection(courseId, FormValues.ids(execution.getVariable(SELECTED_NOMINEES)));
            execution.setVariable(NOTICE_NOMINATION_IDS, new ArrayList<>(training.ids(courseId,
                    NominationStatus.ACCEPTED, NominationStatus.WAITING, NominationStatus.REGRETTED)));
            execution.setVariable(ACCEPTED_NOMINATION_IDS, new ArrayList<>(training.ids(courseId, NominationStatus.ACCEPTED)));
        };
    }

    /** The trainee's name and country on the arrival forms of each place. */
    @Bean
    TraineeDisplay traineeDisplay() {
        return new TraineeDisplay(training);
    }

    @Bean
    TaskListener recordArrivalPreparationListener() {
        return task -> training.recordArrivalPreparation(nominationId(task.getExecution()),
                FormValues.text(task.getVariable(VISA_LETTER_REFERENCE)), FormValues.text(task.getVariable(FLIGHT_BOOKING)),
                FormValues.number(task.getVariable(ALLOWANCE_AMOUNT)), FormValues.text(task.getVariable(ACCOMMODATION)));
    }

    @Bean
    TaskListener recordArrivalListener() {
        return task -> training.recordArrival(nominationId(task.getExecution()),
                "arrived".equals(FormValues.text(task.getVariable(ARRIVAL_STATUS))),
                FormValues.text(task.getVariable(ARRIVAL_NOTE)));
    }

    @Bean
    JavaDelegate findReplacementDelegate() {
        return execution -> {
            long vacated = FormValues.number(execution.getVariable(PLACE_NOMINATION_ID)).longValue();
            Optional<Long> replacement = training.findReplacement(courseId(execution), vacated);
            replacement.ifPresent(id -> execution.setVariable(PLACE_NOMINATION_ID, id));
            // Local to this place: other places decide their own replacements in parallel.
            execution.setVariableLocal(REPLACEMENT_FOUND, replacement.isPresent());
        };
    }

    @Bean
    TaskListener listArrivedTraineesListener() {
        return task -> task.getExecution().setVariable(ARRIVED_TRAINEES,
                json(training.options(training.ids(courseId(task.getExecution()), NominationStatus.ARRIVED))));
    }

    @Bean
    JavaDelegate issueCertificatesDelegate() {
        return execution -> {
            long courseId = courseId(execution);
            List<Long> certified = training.issueCertificates(courseId,
                    FormValues.ids(execution.getVariable(COMPLETED_TRAINEES)),
                    FormValues.ids(execution.getVariable(ACTION_PLANS_RECEIVED)));
            Course course = training.course(courseId);
            execution.setVariable(CERTIFIED_NOMINATION_IDS, new ArrayList<>(certified));
            execution.setVariable(CERTIFIED_TRAINEES, json(training.options(certified)));
            execution.setVariable(FINAL_REPORT_DUE_DATE, training.finalReportDue(course).toString());
            execution.setVariable(FINAL_REPORT_REMINDER_AT, training.finalReportReminderAt(course));
            execution.setVariable(FINAL_REPORT_DUE_AT, training.finalReportDueAt(course));
        };
    }

    @Bean
    TaskListener recordFinalReportsListener() {
        return task -> training.recordFinalReports(FormValues.ids(task.getVariable(REPORTS_RECEIVED)));
    }

    @Bean
    JavaDelegate findMissingReportsDelegate() {
        return execution -> execution.setVariable(MISSING_REPORT_NOMINATION_IDS,
                new ArrayList<>(training.missingFinalReports(courseId(execution))));
    }

    @Bean
    JavaDelegate recordMissingReportsDelegate() {
        return execution -> training.recordMissingReports(courseId(execution));
    }

    @Bean
    JavaDelegate closeCourseDelegate() {
        return execution -> training.close(courseId(execution), integer(execution, EVALUATION_SCORE),
                text(execution, EVALUATION_SUMMARY));
    }

    @Bean
    JavaDelegate recordCancellationDelegate() {
        return execution -> {
            String reason = text(execution, CANCELLATION_REASON);
            execution.setVariable(CANCELLATION_RECIPIENTS, new ArrayList<>(training.cancel(courseId(execution),
                    reason == null || reason.isBlank() ? "no reason given" : reason)));
        };
    }

    static long courseId(VariableScope scope) {
        return ProcessValues.id(scope, COURSE_ID);
    }

    private static long nominationId(VariableScope scope) {
        return ProcessValues.id(scope, NOMINATION_ID);
    }
}
