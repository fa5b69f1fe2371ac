package org.cooperationdesk.meeting;

import static org.cooperationdesk.meeting.MeetingVariables.CHANGE_ID;
import static org.cooperationdesk.meeting.MeetingVariables.CHANGE_SUMMARY;
import static org.cooperationdesk.meeting.MeetingVariables.COUNTRY_CODE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.cooperationdesk.form.FormCatalog;
import org.cooperationdesk.form.FormSubmission;
import org.cooperationdesk.form.FormValues;
import org.cooperationdesk.system.CurrentUser;
import org.cooperationdesk.system.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Delegations through the office's API: a government's answer, and a change after the freeze. */
@RestController
@RequestMapping("/api/meetings/{reference}")
class MeetingDelegationController {

    record ChangeRequest(String countryCode, Long replacesDelegateId, String fullName, String email,
                         String passportNumber, String passportExpiry, String reason) {
    }

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final FormService formService;
    private final FormCatalog forms;
    private final MeetingReferences references;
    private final MeetingRecords records;
    private final MeetingService meetings;
    private final CurrentUser currentUser;

    MeetingDelegationController(RuntimeService runtimeService, TaskService taskService, FormService formService,
                                FormCatalog forms, MeetingReferences references, MeetingRecords records,
                                MeetingService meetings, CurrentUser currentUser) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.formService = formService;
        this.forms = forms;
        this.references = references;
        this.records = records;
        this.meetings = meetings;
        this.currentUser = currentUser;
    }

    /**
     * A government's answer (delegation or decline) arriving from its systems: it completes the same
     * Tasklist task a coordinator would, with the same checks.
     */
    @PostMapping("/delegations/{countryCode}")
    ResponseEntity<Void> delegation(@PathVariable String reference, @PathVariable String countryCode,
                                    @RequestBody Map<String, Object> body) {
        currentUser.requireAnyGroup(Groups.COORDINATORS);
        Meeting meeting = references.find(reference);
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
    @PostMapping("/changes")
    @Transactional
    ResponseEntity<Map<String, Long>> change(@PathVariable String reference, @RequestBody ChangeRequest body) {
        currentUser.requireAnyGroup(Groups.COORDINATORS);
        Meeting meeting = references.find(reference);
        if (!meeting.listFrozen()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The list is not frozen yet: record the delegation itself");
        }
        MeetingService.Member member = body.fullName() == null || body.fullName().isBlank() ? null
                : new MeetingService.Member(body.fullName().trim(), body.email(), body.passportNumber(),
                FormValues.date(body.passportExpiry()));
        checkChange(meeting, body, member);
        long changeId = meetings.requestChange(meeting.id(), body.countryCode(), body.replacesDelegateId(), member,
                body.reason().trim(), currentUser.id());
        references.asOffice(() -> runtimeService.createMessageCorrelation(MeetingOrganisationProcess.MESSAGE_DELEGATION_CHANGE_REQUESTED)
                .processInstanceBusinessKey(reference)
                .setVariableLocal(CHANGE_ID, changeId)
                .setVariableLocal(CHANGE_SUMMARY, meetings.describeChange(changeId))
                .correlate());
        return ResponseEntity.accepted().body(Map.of("changeId", changeId));
    }

    private void checkChange(Meeting meeting, ChangeRequest body, MeetingService.Member member) {
        Map<String, Object> values = new HashMap<>();
        values.put("countryCode", body.countryCode());
        values.put("fullName", body.fullName());
        values.put("email", body.email());
        values.put("passportNumber", body.passportNumber());
        values.put("passportExpiry", body.passportExpiry());
        values.put("reason", body.reason());
        FormSubmission change = FormSubmission.ofRequest("delegation change", values, Map.of(
                "countryCode", "Country", "fullName", "New delegate", "email", "New delegate's e-mail",
                "passportNumber", "New delegate's passport number", "passportExpiry", "New delegate's passport expires",
                "reason", "Reason", "replacesDelegateId", "Delegate replaced"));
        if (body.countryCode() == null || !records.invitationStatuses(meeting.id()).containsKey(body.countryCode())) {
            change.reject("countryCode", "meeting.countryNotInvited");
        }
        change.require("reason");
        change.requireWhen(body.replacesDelegateId() == null, "fullName", "when.noDelegateRemoved");
        if (member != null) {
            change.require("email");
            change.requireEmail("email");
            change.require("passportNumber");
            change.require("passportExpiry");
            change.requirePassportValidBeyond("passportExpiry", meeting.endDate(), "what.meetingEnd");
        }
        if (body.replacesDelegateId() != null) {
            Delegate replaced = records.delegates(meeting.id()).stream()
                    .filter(d -> d.id() == body.replacesDelegateId()).findFirst().orElse(null);
            if (replaced == null || !replaced.countryCode().equals(body.countryCode())) {
                change.reject("replacesDelegateId", "meeting.notInDelegation");
            }
        }
        change.throwIfInvalid();
    }
}
