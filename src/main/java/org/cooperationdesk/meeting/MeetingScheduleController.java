package org.cooperationdesk.meeting;

import static org.cooperationdesk.meeting.MeetingVariables.CANCELLATION_REASON;
import static org.cooperationdesk.meeting.MeetingVariables.NEW_END_DATE;
import static org.cooperationdesk.meeting.MeetingVariables.NEW_START_DATE;
import static org.cooperationdesk.meeting.MeetingVariables.POSTPONEMENT_REASON;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.cooperationdesk.form.FormSubmission;
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
        Map<String, Object> values = new HashMap<>();
        values.put("startDate", body.startDate());
        values.put("endDate", body.endDate());
        values.put("reason", body.reason());
        FormSubmission postponement = FormSubmission.ofRequest("postponement", values,
                Map.of("startDate", "New start", "endDate", "New end", "reason", "Reason"));
        for (String key : List.of("startDate", "endDate", "reason")) {
            postponement.require(key);
        }
        for (String key : List.of("startDate", "endDate")) {
            if (!postponement.isBlank(key) && postponement.date(key) == null) {
                postponement.reject(key, "date.format");
            }
        }
        postponement.requireNotPast("startDate", LocalDate.now(clock));
        postponement.requireNotBefore("endDate", "startDate");
        postponement.throwIfInvalid();
        LocalDate start = postponement.date("startDate");
        LocalDate end = postponement.date("endDate");
        references.requireRunning(reference);
        references.asOffice(() -> runtimeService.createMessageCorrelation(MeetingOrganisationProcess.MESSAGE_MEETING_POSTPONED)
                .processInstanceBusinessKey(reference)
                .setVariableLocal(NEW_START_DATE, start.toString())
                .setVariableLocal(NEW_END_DATE, end.toString())
                .setVariableLocal(POSTPONEMENT_REASON, body.reason().trim())
                .correlate());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/cancellation")
    ResponseEntity<Void> cancel(@PathVariable String reference, @RequestBody(required = false) Reason body) {
        currentUser.requireAnyGroup(Groups.COORDINATORS, Groups.MANAGERS);
        references.find(reference);
        String reason = FormSubmission.requiredReason(body == null ? null : body.reason());
        references.requireRunning(reference);
        references.asOffice(() -> runtimeService.createMessageCorrelation(MeetingOrganisationProcess.MESSAGE_MEETING_CANCELLED)
                .processInstanceBusinessKey(reference)
                .setVariable(CANCELLATION_REASON, reason)
                .correlate());
        return ResponseEntity.accepted().build();
    }
}
