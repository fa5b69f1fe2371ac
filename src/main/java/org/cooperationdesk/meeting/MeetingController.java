package org.cooperationdesk.meeting;

import static org.cooperationdesk.meeting.MeetingVariables.PLANNED_BY;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cooperationdesk.contribution.Programmes;
import org.cooperationdesk.decision.DecisionLog;
import org.cooperationdesk.form.StartFormSubmission;
import org.cooperationdesk.notification.NotificationLog;
import org.cooperationdesk.system.CurrentUser;
import org.cooperationdesk.system.Groups;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The meeting itself through the office's API: plan one, read it, and its dates as an iCalendar file.
 * Delegations are in {@link MeetingDelegationController}, new dates and cancellation in
 * {@link MeetingScheduleController}. Same rules as the Tasklist forms.
 */
@RestController
@RequestMapping("/api/meetings")
class MeetingController {

    record Created(String reference, String processInstanceId) {
    }

    /** programme: the reference of the contribution that funds the meeting, or null. */
    record MeetingView(Meeting meeting, String programme, Map<String, InvitationStatus> invitations,
                       List<Delegate> delegates, List<DecisionLog.Decision> decisions,
                       List<NotificationLog.Entry> notifications) {
    }

    private final StartFormSubmission startForms;
    private final MeetingReferences references;
    private final MeetingRecords records;
    private final MeetingService meetings;
    private final MeetingCalendar calendar;
    private final DecisionLog decisions;
    private final NotificationLog notifications;
    private final Programmes programmes;
    private final CurrentUser currentUser;
    private final Clock clock;

    MeetingController(StartFormSubmission startForms, MeetingReferences references, MeetingRecords records,
                      MeetingService meetings, MeetingCalendar calendar, DecisionLog decisions,
                      NotificationLog notifications, Programmes programmes, CurrentUser currentUser, Clock clock) {
        this.startForms = startForms;
        this.references = references;
        this.records = records;
        this.meetings = meetings;
        this.calendar = calendar;
        this.decisions = decisions;
        this.notifications = notifications;
        this.programmes = programmes;
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
        Meeting meeting = references.find(reference);
        return new MeetingView(meeting, programmes.referenceOf(meeting.contributionId()).orElse(null),
                records.invitationStatuses(meeting.id()), records.delegates(meeting.id()),
                decisions.about(MeetingService.SUBJECT_TYPE, reference), notifications.forBusinessKey(reference));
    }

    /** The meeting's dates for calendar programs; its SEQUENCE rises with each postponement. */
    @GetMapping(value = "/{reference}/calendar.ics", produces = "text/calendar")
    ResponseEntity<String> calendar(@PathVariable String reference) {
        currentUser.requireAnyGroup(Groups.COORDINATORS, Groups.MANAGERS, Groups.ADMINS);
        Meeting meeting = references.find(reference);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + reference + ".ics\"")
                .body(calendar.ics(meeting, meetings.countryName(meeting.hostCountry()), clock.instant()));
    }
}
