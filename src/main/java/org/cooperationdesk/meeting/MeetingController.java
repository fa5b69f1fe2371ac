package org.cooperationdesk.meeting;

import static org.cooperationdesk.meeting.MeetingVariables.*;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cooperationdesk.decision.DecisionLog;
import org.cooperationdesk.form.FieldError;
import org.cooperationdesk.form.FormCatalog;
import org.cooperationdesk.form.StartFormSubmission;
import org.cooperationdesk.form.FormValues;
import org.cooperationdesk.form.InvalidSubmissionException;
import org.cooperationdesk.notification.NotificationLog;
import org.cooperationdesk.system.CurrentUser;
import org.cooperationdesk.system.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Meetings through the office's API: plan one, take a government's delegation, request a change after the
 * freeze, postpone, cancel, and the meeting's dates as an iCalendar file. Same rules as the Tasklist forms.
 */
@RestController
@RequestMapping("/api/meetings")
class MeetingController {

    record Created(String reference, String processInstanceId) {
    }

    record MeetingView(Meeting meeting, Map<String, String> invitations, List<Delegate> delegates,
                       List<DecisionLog.Decision> decisions, List<NotificationLog.Entry> notifications) {
    }

    record Reason(String reason) {
    }

    record Postponement(String startDate, String endDate, String reason) {
    }

    record ChangeRequest(String countryCode, Long replacesDelegateId, String fullName, String email,
                         String passportNumber, String passportExpiry, String reason) {
    }

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final FormService formService;
    private final StartFormSubmission startForms;
    private final FormCatalog forms;
    private final MeetingRecords records;
    private final MeetingService meetings;
    private final MeetingCalendar calendar;
    private final DecisionLog decisions;
    private final NotificationLog notifications;
    private final CurrentUser currentUser;
    private final Clock clock;

    MeetingController(RuntimeService runtimeService, TaskService taskService, FormService formService,
                      StartFormSubmission startForms, FormCatalog forms, MeetingRecords records, MeetingService meetings,
                      MeetingCalendar calendar, DecisionLog decisions, NotificationLog notifications,
                      CurrentUser currentUser, Clock clock) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.formService = formService;
        this.startForms = startForms;
        this.forms = forms;
        this.records = records;
        this.meetings = meetings;
        this.calendar = calendar;
        this.decisions = decisions;
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<Created> plan(@RequestBody Map<String, Object> body) {
        currentUser.requireAnyGroup(Groups.COORDINATORS);
        ProcessInstance instance = startForms.start(MeetingOrganisationProcess.PROCESS_KEY,
                MeetingOrganisationProcess.FORM_MEETING_PLAN, body, PLANNED_BY, currentUser.id());
        return ResponseEntity.created(URI.create("/api/meetings/" + instance.getBusinessKey()))
                .body(new Created(instance.getBusinessKey(), instance.getId()));
    }

    @GetMapping("/{reference}")
    MeetingView show(@PathVariable String reference) {
        currentUser.requireAnyGroup(Groups.COORDINATORS, Groups.MANAGERS, Groups.ADMINS);
        Meeting meeting = find(reference);
        return new MeetingView(meeting, records.invitationStatuses(meeting.id()), records.delegates(meeting.id()),
                decisions.about(MeetingService.SUBJECT_TYPE, reference), notifications.forBusinessKey(reference));
    }

    /** The meeting's dates for calendar programs; its SEQUENCE rises with each postponement. */
    @GetMapping(value = "/{reference}/calendar.ics", produces = "text/calendar")
    ResponseEntity<String> calendar(@PathVariable String reference) {
        currentUser.requireAnyGroup(Groups.COORDINATORS, Groups.MANAGERS, Groups.ADMINS);
        Meeting meeting = find(reference);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + reference + ".ics\"")
                .body(calendar.ics(meeting, meetings.countryName(meeting.hostCountry()), clock.instant()));
    }

    /**
     * A government's answer (delegation or decline) arriving from its systems: it completes the same
     * Tasklist task a coordinator would, with the same checks.
     */
    @PostMapping("/{reference}/delegations/{countryCode}")
    ResponseEntity<Void> delegation(@PathVariable String reference, @PathVariable String countryCode,
                                    @RequestBody Map<String, Object> body) {
        currentUser.requireAnyGroup(Groups.COORDINATORS);
        Meeting meeting = find(reference);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(MeetingOrganisationProcess.TASK_RECORD_DELEGATION).list().stream()
                .filter(candidate -> countryCode.equals(taskService.getVariable(candidate.getId(), COUNTRY_CODE)))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, meeting.listFrozen()
                        ? "The delegate list is frozen: request a change at /api/meetings/" + reference + "/changes"
                        : "No delegation of " + countryCode + " is awaited for " + reference));
        formService.submitTaskForm(task.getId(), forms.submittedValues(MeetingOrganisationProcess.FORM_RECORD_DELEGATION, body));
        return ResponseEntity.accepted().build();
    }

    /** After the freeze a delegation changes only with a manager's approval. */
    @PostMapping("/{reference}/changes")
    @Transactional
    ResponseEntity<Map<String, Long>> change(@PathVariable String reference, @RequestBody ChangeRequest body) {
        currentUser.requireAnyGroup(Groups.COORDINATORS);
        Meeting meeting = find(reference);
        if (!meeting.listFrozen()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The list is not frozen yet: record the delegation itself");
        }
        MeetingService.Member member = body.fullName() == null || body.fullName().isBlank() ? null
                : new MeetingService.Member(body.fullName().trim(), body.email(), body.passportNumber(),
                FormValues.date(body.passportExpiry()));
        checkChange(meeting, body, member);
        long changeId = meetings.requestChange(meeting.id(), body.countryCode(), body.replacesDelegateId(), member,
                body.reason().trim(), currentUser.id());
        runtimeService.createMessageCorrelation(MeetingOrganisationProcess.MESSAGE_DELEGATION_CHANGE_REQUESTED)
                .processInstanceBusinessKey(reference)
                .setVariableLocal(CHANGE_ID, changeId)
                .setVariableLocal(CHANGE_SUMMARY, meetings.describeChange(changeId))
                .correlate();
        return ResponseEntity.accepted().body(Map.of("changeId", changeId));
    }

    @PostMapping("/{reference}/postponement")
    ResponseEntity<Void> postpone(@PathVariable String reference, @RequestBody Postponement body) {
        currentUser.requireAnyGroup(Groups.COORDINATORS, Groups.MANAGERS);
        find(reference);
        LocalDate start = FormValues.date(body.startDate());
        LocalDate end = FormValues.date(body.endDate());
        List<FieldError> errors = new java.util.ArrayList<>();
        if (start == null || start.isBefore(LocalDate.now(clock))) {
            errors.add(new FieldError("startDate", "New start", "is required and must not be in the past"));
        }
        if (end == null || (start != null && end.isBefore(start))) {
            errors.add(new FieldError("endDate", "New end", "is required and must not be before the start"));
        }
        if (body.reason() == null || body.reason().isBlank()) {
            errors.add(new FieldError("reason", "Reason", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        requireRunning(reference);
        runtimeService.createMessageCorrelation(MeetingOrganisationProcess.MESSAGE_MEETING_POSTPONED)
                .processInstanceBusinessKey(reference)
                .setVariableLocal(NEW_START_DATE, start.toString())
                .setVariableLocal(NEW_END_DATE, end.toString())
                .setVariableLocal(POSTPONEMENT_REASON, body.reason().trim())
                .correlate();
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{reference}/cancellation")
    ResponseEntity<Void> cancel(@PathVariable String reference, @RequestBody(required = false) Reason body) {
        currentUser.requireAnyGroup(Groups.COORDINATORS, Groups.MANAGERS);
        find(reference);
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw new InvalidSubmissionException(List.of(new FieldError("reason", "Reason", "is required")));
        }
        requireRunning(reference);
        runtimeService.createMessageCorrelation(MeetingOrganisationProcess.MESSAGE_MEETING_CANCELLED)
                .processInstanceBusinessKey(reference)
                .setVariable(CANCELLATION_REASON, body.reason().trim())
                .correlate();
        return ResponseEntity.accepted().build();
    }

    private void checkChange(Meeting meeting, ChangeRequest body, MeetingService.Member member) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (body.countryCode() == null || !records.invitationStatuses(meeting.id()).containsKey(body.countryCode())) {
            errors.add(new FieldError("countryCode", "Country", "must be an invited country"));
        }
        if (body.reason() == null || body.reason().isBlank()) {
            errors.add(new FieldError("reason", "Reason", "is required"));
        }
        if (member == null && body.replacesDelegateId() == null) {
            errors.add(new FieldError("fullName", "New delegate", "is required unless a delegate is removed"));
        }
        if (member != null && (member.email() == null || !member.email().contains("@") || member.passportNumber() == null
                || member.passportExpiry() == null || !member.passportExpiry().isAfter(meeting.endDate()))) {
            errors.add(new FieldError("passportExpiry", "New delegate",
                    "needs an e-mail address, a passport number and a passport valid beyond the meeting"));
        }
        if (body.replacesDelegateId() != null) {
            Delegate replaced = records.delegates(meeting.id()).stream()
                    .filter(d -> d.id() == body.replacesDelegateId()).findFirst().orElse(null);
            if (replaced == null || !replaced.countryCode().equals(body.countryCode())) {
                errors.add(new FieldError("replacesDelegateId", "Delegate replaced", "is not in that country's delegation"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
    }

    private void requireRunning(String reference) {
        if (runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(MeetingOrganisationProcess.PROCESS_KEY).count() == 0) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, reference + " is already closed");
        }
    }

    private Meeting find(String reference) {
        return records.meetingByReference(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No meeting " + reference));
    }
}
