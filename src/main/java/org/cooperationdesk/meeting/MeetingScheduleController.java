package org.cooperationdesk.meeting;

import static org.cooperationdesk.meeting.MeetingVariables.CANCELLATION_REASON;
import static org.cooperationdesk.meeting.MeetingVariables.NEW_END_DATE;
import static org.cooperationdesk.meeting.MeetingVariables.NEW_START_DATE;
import static org.cooperationdesk.meeting.MeetingVariables.POSTPONEMENT_REASON;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.cooperationdesk.form.FieldError;
import org.cooperationdesk.form.FormValues;
import org.cooperationdesk.form.InvalidSubmissionException;
import org.cooperationdesk.system.CurrentUser;
import org.cooperationdesk.system.Groups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A meeting's dates through the office's API: postpone it, or cancel it. */
@RestController
@RequestMapping("/api/meetings/{reference}")
class MeetingScheduleController {

    record Reason(String reason) {
    }

    record Postponement(String startDate, String endDate, String reason) {
    }

    private final RuntimeService runtimeService;
    private final MeetingReferences references;
    private final CurrentUser currentUser;
    private final Clock clock;

    MeetingScheduleController(RuntimeService runtimeService, MeetingReferences references, CurrentUser currentUser,
                              Clock clock) {
        this.runtimeService = runtimeService;
        this.references = references;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @PostMapping("/postponement")
    ResponseEntity<Void> postpone(@PathVariable String reference, @RequestBody Postponement body) {
        currentUser.requireAnyGroup(Groups.COORDINATORS, Groups.MANAGERS);
        references.find(reference);
        LocalDate start = FormValues.date(body.startDate());
        LocalDate end = FormValues.date(body.endDate());
        List<FieldError> errors = new ArrayList<>();
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
        references.requireRunning(reference);
        runtimeService.createMessageCorrelation(MeetingOrganisationProcess.MESSAGE_MEETING_POSTPONED)
                .processInstanceBusinessKey(reference)
                .setVariableLocal(NEW_START_DATE, start.toString())
                .setVariableLocal(NEW_END_DATE, end.toString())
                .setVariableLocal(POSTPONEMENT_REASON, body.reason().trim())
                .correlate();
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/cancellation")
    ResponseEntity<Void> cancel(@PathVariable String reference, @RequestBody(required = false) Reason body) {
        currentUser.requireAnyGroup(Groups.COORDINATORS, Groups.MANAGERS);
        references.find(reference);
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw new InvalidSubmissionException(List.of(new FieldError("reason", "Reason", "is required")));
        }
        references.requireRunning(reference);
        runtimeService.createMessageCorrelation(MeetingOrganisationProcess.MESSAGE_MEETING_CANCELLED)
                .processInstanceBusinessKey(reference)
                .setVariable(CANCELLATION_REASON, body.reason().trim())
                .correlate();
        return ResponseEntity.accepted().build();
    }
}
