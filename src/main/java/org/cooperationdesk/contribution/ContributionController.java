package org.cooperationdesk.contribution;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Contributions over HTTP: a proposal registered from another system (validated by the start form's rules), the
 * record with everything that happened to it and its IATI fields, and a manager's suspension, resumption or
 * termination, which can come at any time.
 */
@RestController
@RequestMapping("/api/contributions")
class ContributionController {

    record Created(String reference, String processInstanceId, String status) {
    }

    /** A suspension's or termination's reason; a resumption takes a note (or a reason), both optional there. */
    record Reason(String reason, String note) {
    }

    record Summary(String reference, String organisationCode, String title, String amountText, String status,
                   java.time.LocalDate startDate, java.time.LocalDate endDate) {
    }

    record ContributionView(Contribution contribution, String paidText, String remainingText, List<Tranche> tranches,
                            List<ContributionReport> reports, List<ContributionTransaction> transactions,
                            List<Programmes.Funded> funded, IatiActivities.IatiActivity iati, List<DecisionLog.Decision> decisions,
                            List<NotificationLog.Entry> notifications) {
    }

    private final RuntimeService runtimeService;
    private final StartFormSubmission startForms;
    private final ContributionRecords records;
    private final ContributionService contributions;
    private final Programmes programmes;
    private final IatiActivities iati;
    private final DecisionLog decisions;
    private final NotificationLog notifications;
    private final CurrentUser currentUser;
    private final OfficeEngineCalls engine;

    ContributionController(RuntimeService runtimeService, StartFormSubmission startForms, ContributionRecords records,
                           ContributionService contributions, Programmes programmes, IatiActivities iati,
                           DecisionLog decisions, NotificationLog notifications, CurrentUser currentUser,
                           OfficeEngineCalls engine) {
        this.runtimeService = runtimeService;
        this.startForms = startForms;
        this.records = records;
        this.contributions = contributions;
        this.programmes = programmes;
        this.iati = iati;
        this.decisions = decisions;
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.engine = engine;
    }

    @PostMapping
    ResponseEntity<Created> submit(@RequestBody Map<String, Object> body) {
        currentUser.requireAnyGroup(Groups.COORDINATORS);
        ProcessInstance instance = startForms.start(ContributionProcess.PROCESS_KEY, ContributionProcess.FORM_PROPOSAL,
                body, ContributionVariables.REGISTERED_BY, currentUser.id());
        Contribution contribution = records.byReference(instance.getBusinessKey()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/contributions/" + contribution.reference()))
                .body(new Created(contribution.reference(), instance.getId(), contribution.status().name()));
    }

    @GetMapping
    List<Summary> list(@RequestParam(required = false) String status) {
        currentUser.requireAnyGroup(Groups.COORDINATORS, Groups.MANAGERS, Groups.ADMINS);
        ContributionStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = ContributionStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status must be one of "
                        + java.util.Arrays.toString(ContributionStatus.values()));
            }
        }
        return records.list(wanted).stream().map(c -> new Summary(c.reference(), c.organisationCode(), c.title(),
                c.amountText(), c.status().name(), c.startDate(), c.endDate())).toList();
    }

    @GetMapping("/{reference}")
    ContributionView show(@PathVariable String reference) {
        currentUser.requireAnyGroup(Groups.COORDINATORS, Groups.MANAGERS, Groups.ADMINS);
        Contribution contribution = find(reference);
        return new ContributionView(contribution, contributions.paidMoney(contribution).text(),
                contributions.remainingMoney(contribution).text(), records.tranches(contribution.id()),
                records.reports(contribution.id()), records.transactions(contribution.id()),
                programmes.fundedBy(contribution.id()), iati.of(contribution),
                decisions.about(ContributionService.SUBJECT_TYPE, reference), notifications.forBusinessKey(reference));
    }

    @PostMapping("/{reference}/suspend")
    ResponseEntity<Void> suspend(@PathVariable String reference, @RequestBody(required = false) Reason body) {
        currentUser.requireAnyGroup(Groups.MANAGERS);
        String reason = reason(body);
        Contribution contribution = running(reference);
        if (contribution.status() == ContributionStatus.SUSPENDED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, reference + " is already suspended");
        }
        correlate(reference, ContributionProcess.MESSAGE_SUSPENDED, ContributionVariables.SUSPENSION_REASON, reason);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{reference}/resume")
    ResponseEntity<Void> resume(@PathVariable String reference, @RequestBody(required = false) Reason body) {
        currentUser.requireAnyGroup(Groups.MANAGERS);
        Contribution contribution = running(reference);
        if (contribution.status() != ContributionStatus.SUSPENDED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, reference + " is not suspended");
        }
        String note = body == null ? null : body.note() != null && !body.note().isBlank() ? body.note() : body.reason();
        correlate(reference, ContributionProcess.MESSAGE_RESUMED, ContributionVariables.RESUMPTION_NOTE,
                note == null || note.isBlank() ? "" : reason(new Reason(note, null)));
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{reference}/terminate")
    ResponseEntity<Void> terminate(@PathVariable String reference, @RequestBody(required = false) Reason body) {
        currentUser.requireAnyGroup(Groups.MANAGERS);
        String reason = reason(body);
        running(reference);
        correlate(reference, ContributionProcess.MESSAGE_TERMINATED, ContributionVariables.TERMINATION_REASON, reason);
        return ResponseEntity.accepted().build();
    }

    /** A reason as the records keep it (a decision's reason holds 1000 characters): longer is a 400 naming the field. */
    private static String reason(Reason body) {
        String reason = FormSubmission.requiredReason(body == null ? null : body.reason());
        if (reason.length() > 1000) {
            FormSubmission request = FormSubmission.ofRequest("reason", Map.of("reason", reason), Map.of("reason", "Reason"));
            request.reject("reason", "text.maxLength", 1000);
            request.throwIfInvalid();
        }
        return reason;
    }

    private void correlate(String reference, String message, String variable, String value) {
        String user = currentUser.id();
        engine.asOffice(() -> runtimeService.createMessageCorrelation(message)
                .processInstanceBusinessKey(reference)
                .setVariable(variable, value)
                .setVariable(ContributionVariables.ACTED_BY, user)
                .correlate());
    }

    /** The contribution, when its process still runs: 404 when unknown, 409 when it has ended. */
    private Contribution running(String reference) {
        Contribution contribution = find(reference);
        long running = engine.asOffice(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ContributionProcess.PROCESS_KEY).processInstanceBusinessKey(reference).count());
        if (running == 0 || contribution.status().isEnded()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, reference + " has ended (" + contribution.status() + ")");
        }
        return contribution;
    }

    private Contribution find(String reference) {
        return records.byReference(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No contribution " + reference));
    }
}
