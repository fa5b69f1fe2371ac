package org.cooperationdesk.meeting;

import static org.cooperationdesk.form.ProcessValues.text;
import static org.cooperationdesk.form.ProcessValues.date;
import static org.cooperationdesk.form.ProcessValues.json;
import static org.cooperationdesk.meeting.MeetingVariables.*;

import java.util.ArrayList;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cooperationdesk.contribution.Programmes;
import org.cooperationdesk.form.FormValues;
import org.cooperationdesk.form.ProcessValues;
import org.cooperationdesk.notification.Recipient;
import org.cooperationdesk.partner.InvitedCountries;
import org.cooperationdesk.system.EngineContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The meeting organisation process's delegates and listeners, one bean each, named as the model names
 * them. Each maps variables to a {@link MeetingService} call and results back.
 */
@Configuration
class MeetingDelegates {

    private final MeetingService meetings;

    private final InvitedCountries invitedCountries;
    private final Programmes programmes;

    MeetingDelegates(MeetingService meetings, InvitedCountries invitedCountries, Programmes programmes) {
        this.meetings = meetings;
        this.invitedCountries = invitedCountries;
        this.programmes = programmes;
    }

    @Bean
    JavaDelegate registerMeetingDelegate() {
        return execution -> {
            Meeting meeting = meetings.open(new Meeting(0, null, text(execution, TITLE), text(execution, THEME),
                            text(execution, KIND), date(execution, START_DATE), date(execution, END_DATE),
                            text(execution, VENUE), text(execution, HOST_COUNTRY),
                            String.join(", ", FormValues.list(execution.getVariable(CO_ORGANISERS))),
                            FormValues.number(execution.getVariable(BUDGET)), text(execution, BUDGET_CURRENCY), null, null,
                            FormValues.number(execution.getVariable(DELEGATE_QUOTA)).intValue(),
                            date(execution, NOMINATION_DEADLINE), Boolean.TRUE.equals(execution.getVariable(FIELD_VISIT)),
                            text(execution, FIELD_VISIT_SITE), null, false, 0,
                            programmes.idOf(text(execution, PROGRAMME)).orElse(null)),
                    invitedCountries.resolve(execution::getVariable), text(execution, PLANNED_BY),
                    execution.getProcessInstanceId());
            execution.setProcessBusinessKey(meeting.reference());
            execution.setVariable(MEETING_ID, meeting.id());
            execution.setVariable(MEETING_REFERENCE, meeting.reference());
            execution.setVariable(FIELD_VISIT, meeting.fieldVisit());
            execution.setVariable(INVITED_COUNTRY_LIST, new ArrayList<>(meetings.invitedCountries(meeting.id())));
            execution.setVariable(NOMINATION_DEADLINE_AT, meetings.nominationDeadlineAt(meeting));
            execution.setVariable(NOMINATION_REMINDER_AT, meetings.nominationReminderAt(meeting));
        };
    }

    /** Country names on the forms of each delegation. */
    @Bean
    MeetingDisplay meetingDisplay() {
        return new MeetingDisplay(meetings);
    }

    @Bean
    JavaDelegate storeDelegationDelegate() {
        return execution -> meetings.recordDelegation(meetingId(execution), text(execution, COUNTRY_CODE),
                MeetingForms.members(execution::getVariable));
    }

    @Bean
    JavaDelegate recordDeclineDelegate() {
        return execution -> meetings.recordDecline(meetingId(execution), text(execution, COUNTRY_CODE),
                text(execution, DECLINE_REASON));
    }

    @Bean
    JavaDelegate recordEmbassyFollowUpDelegate() {
        return execution -> {
            String outcome = text(execution, FOLLOW_UP_OUTCOME);
            meetings.recordFollowUp(meetingId(execution), text(execution, COUNTRY_CODE), outcome,
                    text(execution, FOLLOW_UP_NOTE), EngineContext.currentUser(execution));
            if ("delegation_named".equals(outcome)) {
                // Back to recording the delegation, with a short grace period for this country only.
                execution.setVariableLocal(NOMINATION_DEADLINE_AT, meetings.graceDeadlineAt());
                execution.setVariableLocal(NOMINATION_REMINDER_AT, meetings.graceDeadlineAt());
            }
        };
    }

    @Bean
    JavaDelegate storeRegistrationDelegate() {
        return execution -> meetings.register(meetingId(execution), text(execution, COUNTRY_CODE),
                text(execution, FUNDING), text(execution, HOTEL_BOOKING), text(execution, TRAVEL_BOOKING),
                Boolean.TRUE.equals(execution.getVariable(VISA_LETTERS_REQUIRED)));
    }

    @Bean
    JavaDelegate freezeDelegateListDelegate() {
        return execution -> meetings.freeze(meetingId(execution));
    }

    /** Agenda, chair's summary and post-freeze changes: the manager's decision goes to the records. */
    @Bean
    TaskListener recordMeetingDecisionListener() {
        return task -> {
            DelegateExecution execution = task.getExecution();
            long meetingId = meetingId(execution);
            String user = Optional.ofNullable(EngineContext.currentUser(execution)).orElse(task.getAssignee());
            switch (task.getTaskDefinitionKey()) {
                case MeetingOrganisationProcess.TASK_APPROVE_AGENDA -> {
                    String decision = text(execution, AGENDA_DECISION);
                    meetings.recordDecision(meetingId, "agenda", decision, text(execution, AGENDA_COMMENT), user);
                    if ("approved".equals(decision)) {
                        meetings.approveAgenda(meetingId, text(execution, AGENDA));
                    }
                }
                case MeetingOrganisationProcess.TASK_APPROVE_MINUTES -> {
                    String decision = text(execution, MINUTES_DECISION);
                    meetings.recordDecision(meetingId, "chair's summary", decision, text(execution, MINUTES_COMMENT), user);
                    if ("approved".equals(decision)) {
                        meetings.approveSummary(meetingId, text(execution, CHAIR_SUMMARY), text(execution, RECOMMENDATIONS));
                    }
                }
                case MeetingOrganisationProcess.TASK_APPROVE_DELEGATION_CHANGE -> {
                    String decision = text(execution, CHANGE_DECISION);
                    long changeId = FormValues.number(execution.getVariable(CHANGE_ID)).longValue();
                    meetings.recordDecision(meetingId, "delegation change " + changeId, decision,
                            text(execution, CHANGE_COMMENT), user);
                    if (!"approved".equals(decision)) {
                        meetings.refuseChange(changeId);
                    }
                }
                case MeetingOrganisationProcess.TASK_DECIDE_ON_MEETING_WITHOUT_DELEGATES -> {
                    String decision = text(execution, MEETING_DECISION);
                    meetings.recordDecision(meetingId, "meeting without delegates", decision, text(execution,
                            DECISION_POSTPONED.equals(decision) ? POSTPONEMENT_REASON : CANCELLATION_REASON), user);
                }
                default -> throw new IllegalStateException("No decision is recorded for " + task.getTaskDefinitionKey());
            }
        };
    }

    @Bean
    TaskListener recordFieldVisitListener() {
        return task -> meetings.recordFieldVisit(meetingId(task.getExecution()),
                FormValues.text(task.getVariable(SITE_PERMISSION_REFERENCE)), FormValues.date(task.getVariable(VISIT_DATE)),
                FormValues.text(task.getVariable(TRANSPORT_ARRANGEMENT)));
    }

    /** The delegates still registered, as the attendance list's options, and their count for the gateways. */
    @Bean
    JavaDelegate listRegisteredDelegatesDelegate() {
        return execution -> {
            var options = meetings.delegateOptions(meetingId(execution));
            execution.setVariable(REGISTERED_DELEGATES, json(options));
            execution.setVariable(REGISTERED_DELEGATES_COUNT, options.size());
        };
    }

    @Bean
    JavaDelegate storeAttendanceDelegate() {
        return execution -> execution.setVariable(ATTENDED_DELEGATES_COUNT, meetings.recordAttendance(meetingId(execution),
                FormValues.ids(execution.getVariable(ATTENDED_DELEGATES))));
    }

    @Bean
    JavaDelegate summariseCountryAnswersDelegate() {
        return execution -> execution.setVariable(COUNTRY_ANSWERS, meetings.countryAnswers(meetingId(execution)));
    }

    /** After {@code Task_RecordNewDates}: the new answer deadline, and the timers of the new round follow it. */
    @Bean
    JavaDelegate reopenDelegationRoundDelegate() {
        return execution -> {
            Meeting meeting = meetings.reopenDelegationRound(meetingId(execution), date(execution, NEW_NOMINATION_DEADLINE));
            execution.setVariable(NOMINATION_DEADLINE, meeting.nominationDeadline().toString());
            execution.setVariable(NOMINATION_DEADLINE_AT, meetings.nominationDeadlineAt(meeting));
            execution.setVariable(NOMINATION_REMINDER_AT, meetings.nominationReminderAt(meeting));
        };
    }

    @Bean
    JavaDelegate recordCancellationWithoutDelegatesDelegate() {
        return execution -> execution.setVariable(CANCELLATION_RECIPIENTS, Recipient.keys(
                meetings.cancelWithoutDelegates(meetingId(execution), text(execution, CANCELLATION_REASON))));
    }

    @Bean
    JavaDelegate listSummaryRecipientsDelegate() {
        return execution -> execution.setVariable(SUMMARY_RECIPIENTS,
                Recipient.keys(meetings.summaryRecipients(meetingId(execution))));
    }

    @Bean
    JavaDelegate closeMeetingDelegate() {
        return execution -> meetings.close(meetingId(execution));
    }

    @Bean
    JavaDelegate applyDelegationChangeDelegate() {
        return execution -> meetings.applyChange(FormValues.number(execution.getVariable(CHANGE_ID)).longValue());
    }

    /** A postponement through the API: new dates, logged, and everyone concerned listed for the notice. */
    @Bean
    JavaDelegate recordPostponementDelegate() {
        return execution -> {
            execution.setVariable(POSTPONEMENT_RECIPIENTS, Recipient.keys(meetings.postpone(meetingId(execution),
                    date(execution, NEW_START_DATE), date(execution, NEW_END_DATE), text(execution, POSTPONEMENT_REASON))));
            showNewDates(execution);
        };
    }

    /**
     * The new dates a manager chose for a meeting nobody would attend: the manager's task logs the decision and the
     * new round's invitations tell the governments, so nothing else is logged or listed here.
     */
    @Bean
    JavaDelegate recordNewDatesDelegate() {
        return execution -> {
            meetings.reschedule(meetingId(execution), date(execution, NEW_START_DATE), date(execution, NEW_END_DATE));
            showNewDates(execution);
        };
    }

    /** The forms show the meeting's dates: they are the new ones now. */
    private static void showNewDates(DelegateExecution execution) {
        execution.getProcessInstance().setVariable(START_DATE, text(execution, NEW_START_DATE));
        execution.getProcessInstance().setVariable(END_DATE, text(execution, NEW_END_DATE));
    }

    @Bean
    JavaDelegate recordMeetingCancellationDelegate() {
        return execution -> {
            String reason = text(execution, CANCELLATION_REASON);
            execution.setVariable(CANCELLATION_RECIPIENTS, Recipient.keys(meetings.cancel(meetingId(execution),
                    reason == null || reason.isBlank() ? "no reason given" : reason)));
        };
    }

    static long meetingId(VariableScope scope) {
        return ProcessValues.id(scope, MEETING_ID);
    }
}
