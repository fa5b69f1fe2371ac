package org.cooperationdesk.training;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cooperationdesk.contribution.Programmes;
import org.cooperationdesk.decision.DecisionLog;
import org.cooperationdesk.form.FormCatalog;
import org.cooperationdesk.form.FormSubmission;
import org.cooperationdesk.form.FormSubmissionValidator;
import org.cooperationdesk.form.StartFormSubmission;
import org.cooperationdesk.notification.NotificationLog;
import org.cooperationdesk.system.CurrentUser;
import org.cooperationdesk.system.Groups;
import org.cooperationdesk.system.OfficeEngineCalls;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Training courses through the office's API: open a course, take nominations from governments'
 * systems, withdraw an accepted trainee, cancel a course. Same rules as the Tasklist forms.
 */
@RestController
@RequestMapping("/api/courses")
class CourseController {

    record Created(String reference, String processInstanceId) {
    }

    record NominationRecorded(long id, String status) {
    }

    record Reason(String reason) {
    }

    /** programme: the reference of the contribution that funds the course, or null. */
    record CourseView(Course course, String programme, List<Nomination> nominations,
                      List<DecisionLog.Decision> decisions, List<NotificationLog.Entry> notifications) {
    }

    private final RuntimeService runtimeService;
    private final FormSubmissionValidator validator;
    private final FormCatalog forms;
    private final StartFormSubmission startForms;
    private final CourseRecords records;
    private final NominationIntake intake;
    private final TraineePlaces places;
    private final DecisionLog decisions;
    private final NotificationLog notifications;
    private final Programmes programmes;
    private final CurrentUser currentUser;
    private final OfficeEngineCalls engine;

    CourseController(RuntimeService runtimeService, FormSubmissionValidator validator, FormCatalog forms,
                     StartFormSubmission startForms,
                     CourseRecords records, NominationIntake intake, TraineePlaces places, DecisionLog decisions,
                     NotificationLog notifications, Programmes programmes, CurrentUser currentUser, OfficeEngineCalls engine) {
        this.engine = engine;
        this.runtimeService = runtimeService;
        this.validator = validator;
        this.forms = forms;
        this.startForms = startForms;
        this.records = records;
        this.intake = intake;
        this.places = places;
        this.decisions = decisions;
        this.notifications = notifications;
        this.programmes = programmes;
        this.currentUser = currentUser;
    }

    @PostMapping
    ResponseEntity<Created> open(@RequestBody Map<String, Object> body) {
        currentUser.requireAnyGroup(Groups.COORDINATORS);
        ProcessInstance instance = startForms.start(TraineeInvitationProcess.PROCESS_KEY,
                TraineeInvitationProcess.FORM_COURSE_ANNOUNCEMENT, body, TrainingVariables.OPENED_BY, currentUser.id());
        return ResponseEntity.created(URI.create("/api/courses/" + instance.getBusinessKey()))
                .body(new Created(instance.getBusinessKey(), instance.getId()));
    }

    @GetMapping("/{reference}")
    CourseView show(@PathVariable String reference) {
        currentUser.requireAnyGroup(Groups.COORDINATORS, Groups.MANAGERS, Groups.ADMINS);
        Course course = find(reference);
        return new CourseView(course, programmes.referenceOf(course.contributionId()).orElse(null),
                records.nominations(course.id()),
                decisions.about(CourseLifecycle.SUBJECT_TYPE, reference), notifications.forBusinessKey(reference));
    }

    /** A government's nomination: refused with 400 when incomplete, kept as refused with 409 when late. */
    @PostMapping("/{reference}/nominations")
    @Transactional(noRollbackFor = NominationIntake.LateNominationException.class)
    ResponseEntity<NominationRecorded> nominate(@PathVariable String reference, @RequestBody Map<String, Object> body) {
        currentUser.requireAnyGroup(Groups.COORDINATORS);
        Course course = find(reference);
        if (course.status() != CourseStatus.OPEN) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, reference + " no longer takes nominations (" + course.status() + ")");
        }
        Map<String, Object> values = forms.submittedValues(TraineeInvitationProcess.FORM_RECORD_NOMINATION, body);
        values.put(TrainingVariables.NOMINATION_ACTION, "record");
        values.put(TrainingVariables.COURSE_ID, course.id());
        validator.validate(TraineeInvitationProcess.FORM_RECORD_NOMINATION, values, currentUser.id());
        long id = intake.recordNomination(course.id(), CourseForms.nominationDraft(values::get), currentUser.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(new NominationRecorded(id, NominationStatus.RECEIVED.name()));
    }

    @PostMapping("/{reference}/nominations/{nominationId}/withdrawal")
    @Transactional
    ResponseEntity<Void> withdraw(@PathVariable String reference, @PathVariable long nominationId,
                                  @RequestBody(required = false) Reason body) {
        currentUser.requireAnyGroup(Groups.COORDINATORS);
        Course course = find(reference);
        Nomination nomination = records.nomination(nominationId);
        if (nomination.courseId() != course.id()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No nomination " + nominationId + " on " + reference);
        }
        try {
            places.withdraw(nominationId, reasonOf(body));
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        engine.asOffice(() -> runtimeService.createMessageCorrelation(TraineeInvitationProcess.MESSAGE_TRAINEE_WITHDRAWN)
                .processInstanceBusinessKey(reference)
                .localVariableEquals(TrainingVariables.NOMINATION_ID, nominationId)
                .correlate());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{reference}/cancellation")
    ResponseEntity<Void> cancel(@PathVariable String reference, @RequestBody(required = false) Reason body) {
        currentUser.requireAnyGroup(Groups.COORDINATORS, Groups.MANAGERS);
        find(reference);
        if (engine.asOffice(() -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(TraineeInvitationProcess.PROCESS_KEY).count()) == 0) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, reference + " is already closed");
        }
        engine.asOffice(() -> runtimeService.createMessageCorrelation(TraineeInvitationProcess.MESSAGE_COURSE_CANCELLED)
                .processInstanceBusinessKey(reference)
                .setVariable(TrainingVariables.CANCELLATION_REASON, reasonOf(body))
                .correlate());
        return ResponseEntity.accepted().build();
    }

    /** A nomination after the deadline is kept as refused (the transaction commits) and answered 409, a problem detail. */
    @ExceptionHandler(NominationIntake.LateNominationException.class)
    ProblemDetail late(NominationIntake.LateNominationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("errors", List.of());
        return problem;
    }

    private static String reasonOf(Reason body) {
        return FormSubmission.requiredReason(body == null ? null : body.reason());
    }

    private Course find(String reference) {
        return records.courseByReference(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No course " + reference));
    }
}
