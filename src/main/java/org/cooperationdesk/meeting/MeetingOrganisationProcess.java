package org.cooperationdesk.meeting;

/** Names in processes/MeetingOrganisationProcess.bpmn that code and tests refer to. */
public final class MeetingOrganisationProcess {

    public static final String PROCESS_KEY = "MeetingOrganisationProcess";
    public static final String MESSAGE_DELEGATION_CHANGE_REQUESTED = "DelegationChangeRequested";
    public static final String MESSAGE_MEETING_POSTPONED = "MeetingPostponed";
    public static final String MESSAGE_MEETING_CANCELLED = "MeetingCancelled";
    /** A government's focal point sent its delegation through its personal link: one country's execution is told. */
    public static final String MESSAGE_DELEGATION_SENT_ONLINE = "DelegationSentOnline";

    public static final String SUB_PROCESS_COUNTRY_DELEGATION = "SubProcess_CountryDelegation";
    public static final String TASK_SEND_INVITATION = "Task_SendInvitation";
    public static final String TASK_RECORD_DELEGATION = "Task_RecordDelegation";
    public static final String BOUNDARY_DELEGATION_SENT_ONLINE = "BoundaryEvent_DelegationSentOnline";
    public static final String TASK_REVIEW_DELEGATION = "Task_ReviewDelegation";
    public static final String GATEWAY_DELEGATION_ACCEPTED = "Gateway_DelegationAccepted";
    public static final String TASK_TAKE_DELEGATION_AS_SENT = "Task_TakeDelegationAsSent";
    public static final String TASK_RECORD_DELEGATION_RETURNED = "Task_RecordDelegationReturned";
    public static final String TASK_SEND_DELEGATION_RETURNED = "Task_SendDelegationReturned";
    public static final String TASK_STORE_DELEGATION = "Task_StoreDelegation";
    public static final String BOUNDARY_DELEGATION_REMINDER_DUE = "BoundaryEvent_DelegationReminderDue";
    public static final String BOUNDARY_DELEGATION_DEADLINE = "BoundaryEvent_DelegationDeadline";
    public static final String TASK_NOTIFY_ESCALATION = "Task_NotifyEscalation";
    public static final String TASK_FOLLOW_UP_THROUGH_EMBASSY = "Task_FollowUpThroughEmbassy";
    public static final String END_EVENT_NO_DELEGATION = "EndEvent_NoDelegation";
    public static final String END_EVENT_COUNTRY_DECLINED = "EndEvent_CountryDeclined";
    /**
     * Asynchronous like the other ends of a country's branch, so that coordinators completing different
     * countries at the same moment never collide on the count of finished countries.
     */
    public static final String END_EVENT_DELEGATION_REGISTERED = "EndEvent_DelegationRegistered";
    /** Asynchronous: the agenda and the field visit finishing at the same moment never collide on the join. */
    public static final String GATEWAY_PROGRAMME_JOIN = "Gateway_ProgrammeJoin";
    public static final String TASK_REGISTER_DELEGATION = "Task_RegisterDelegation";
    public static final String TASK_SEND_VISA_LETTERS = "Task_SendVisaLetters";
    public static final String TASK_FREEZE_LIST = "Task_FreezeList";
    public static final String TASK_DRAFT_AGENDA = "Task_DraftAgenda";
    public static final String TASK_APPROVE_AGENDA = "Task_ApproveAgenda";
    public static final String SUB_PROCESS_FIELD_VISIT = "SubProcess_FieldVisit";
    public static final String TASK_OBTAIN_SITE_PERMISSION = "Task_ObtainSitePermission";
    public static final String TASK_ARRANGE_TRANSPORT = "Task_ArrangeTransport";
    public static final String TASK_RECORD_ATTENDANCE = "Task_RecordAttendance";
    public static final String TASK_DRAFT_MINUTES = "Task_DraftMinutes";
    public static final String TASK_APPROVE_MINUTES = "Task_ApproveMinutes";
    public static final String TASK_SEND_SUMMARY = "Task_SendSummary";
    public static final String END_EVENT_MEETING_CLOSED = "EndEvent_MeetingClosed";
    public static final String TASK_APPROVE_DELEGATION_CHANGE = "Task_ApproveDelegationChange";
    public static final String TASK_APPLY_DELEGATION_CHANGE = "Task_ApplyDelegationChange";
    public static final String END_EVENT_CHANGE_REFUSED = "EndEvent_ChangeRefused";
    public static final String TASK_RECORD_POSTPONEMENT = "Task_RecordPostponement";
    public static final String TASK_SEND_POSTPONEMENT_NOTICES = "Task_SendPostponementNotices";
    public static final String END_EVENT_MEETING_CANCELLED = "EndEvent_MeetingCancelled";
    public static final String TASK_COUNT_REGISTERED_DELEGATES = "Task_CountRegisteredDelegates";
    public static final String GATEWAY_ANY_DELEGATE_REGISTERED = "Gateway_AnyDelegateRegistered";
    public static final String TASK_LIST_REGISTERED_DELEGATES = "Task_ListRegisteredDelegates";
    public static final String GATEWAY_ANY_DELEGATE_LEFT = "Gateway_AnyDelegateLeft";
    public static final String GATEWAY_ANY_DELEGATE_ATTENDED = "Gateway_AnyDelegateAttended";
    public static final String TASK_DECIDE_ON_MEETING_WITHOUT_DELEGATES = "Task_DecideOnMeetingWithoutDelegates";
    public static final String TASK_RECORD_NEW_DATES = "Task_RecordNewDates";
    public static final String TASK_REOPEN_DELEGATION_ROUND = "Task_ReopenDelegationRound";
    public static final String TASK_RECORD_CANCELLATION_WITHOUT_DELEGATES = "Task_RecordCancellationWithoutDelegates";
    public static final String TASK_SEND_CANCELLATION_WITHOUT_DELEGATES = "Task_SendCancellationWithoutDelegates";
    /** Terminates: a change still waiting for approval ends with the meeting. */
    public static final String END_EVENT_MEETING_CANCELLED_WITHOUT_DELEGATES = "EndEvent_MeetingCancelledWithoutDelegates";

    public static final String FORM_MEETING_PLAN = "meeting-plan";
    public static final String FORM_RECORD_DELEGATION = "record-delegation";
    public static final String FORM_EMBASSY_FOLLOW_UP = "embassy-follow-up";
    public static final String FORM_REGISTER_DELEGATION = "register-delegation";
    public static final String FORM_DRAFT_AGENDA = "draft-agenda";
    public static final String FORM_APPROVE_AGENDA = "approve-agenda";
    public static final String FORM_SITE_PERMISSION = "site-permission";
    public static final String FORM_ARRANGE_TRANSPORT = "arrange-transport";
    public static final String FORM_RECORD_MEETING_ATTENDANCE = "record-meeting-attendance";
    public static final String FORM_DRAFT_MINUTES = "draft-minutes";
    public static final String FORM_APPROVE_MINUTES = "approve-minutes";
    public static final String FORM_APPROVE_DELEGATION_CHANGE = "approve-delegation-change";
    public static final String FORM_DECIDE_MEETING_WITHOUT_DELEGATES = "decide-meeting-without-delegates";

    private MeetingOrganisationProcess() {
    }
}
