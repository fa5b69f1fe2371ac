package org.cooperationdesk.dispatch;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cooperationdesk.contribution.Programmes;
import org.cooperationdesk.decision.DecisionLog;
import org.cooperationdesk.form.FormSubmission;
import org.cooperationdesk.form.StartFormSubmission;
import org.cooperationdesk.notification.NotificationLog;
import org.cooperationdesk.system.CurrentUser;
import org.cooperationdesk.system.Groups;
import org.cooperationdesk.system.OfficeEngineCalls;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Requests for experts arriving from partners' systems (a WHO/GOARN request), validated by the same
 * rules as the Tasklist start form, and the stand-down that can arrive at any time.
 */
@RestController
@RequestMapping("/api/dispatch-requests")
class DispatchRequestController {

    record Created(String reference, String processInstanceId, String status) {
    }

    record StandDown(String reason) {
    }

    /** programme: the reference of the contribution that funds the request, or null. */
    record RequestView(DispatchRequest request, String programme, List<Dispatch> dispatches,
                       List<DecisionLog.Decision> decisions, List<NotificationLog.Entry> notifications) {
    }

    private final RuntimeService runtimeService;
    private final StartFormSubmission startForms;
    private final DispatchRecords records;
    private final DecisionLog decisions;
    private final NotificationLog notifications;
    private final Programmes programmes;
    private final CurrentUser currentUser;
    private final OfficeEngineCalls engine;

    DispatchRequestController(RuntimeService runtimeService, StartFormSubmission startForms,
                              DispatchRecords records, DecisionLog decisions, NotificationLog notifications,
                              Programmes programmes, CurrentUser currentUser, OfficeEngineCalls engine) {
        this.runtimeService = runtimeService;
        this.startForms = startForms;
        this.records = records;
        this.decisions = decisions;
        this.notifications = notifications;
        this.programmes = programmes;
        this.currentUser = currentUser;
        this.engine = engine;
    }

    @PostMapping
    ResponseEntity<Created> submit(@RequestBody Map<String, Object> body) {
        currentUser.requireAnyGroup(Groups.COORDINATORS);
        ProcessInstance instance = startForms.start(ExpertDispatchProcess.PROCESS_KEY, ExpertDispatchProcess.FORM_DISPATCH_REQUEST,
                body, DispatchVariables.REQUESTED_BY, currentUser.id());
        DispatchRequest request = records.requestByReference(instance.getBusinessKey()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/dispatch-requests/" + request.reference()))
                .body(new Created(request.reference(), instance.getId(), request.status().name()));
    }

    @GetMapping("/{reference}")
    RequestView show(@PathVariable String reference) {
        currentUser.requireAnyGroup(Groups.COORDINATORS, Groups.MANAGERS, Groups.ADMINS);
        DispatchRequest request = find(reference);
        return new RequestView(request, programmes.referenceOf(request.contributionId()).orElse(null),
                records.dispatchesOf(request.id()),
                decisions.about(DispatchService.SUBJECT_TYPE, reference), notifications.forBusinessKey(reference));
    }

    @PostMapping("/{reference}/stand-down")
    ResponseEntity<Void> standDown(@PathVariable String reference, @RequestBody(required = false) StandDown body) {
        currentUser.requireAnyGroup(Groups.COORDINATORS, Groups.MANAGERS);
        find(reference);
        String reason = FormSubmission.requiredReason(body == null ? null : body.reason());
        long running = engine.asOffice(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ExpertDispatchProcess.PROCESS_KEY).processInstanceBusinessKey(reference).count());
        if (running == 0) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, reference + " is already closed");
        }
        engine.asOffice(() -> runtimeService.createMessageCorrelation(ExpertDispatchProcess.MESSAGE_STAND_DOWN)
                .processInstanceBusinessKey(reference)
                .setVariable(DispatchVariables.STAND_DOWN_REASON, reason)
                .correlate());
        return ResponseEntity.accepted().build();
    }

    private DispatchRequest find(String reference) {
        return records.requestByReference(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No request " + reference));
    }
}
