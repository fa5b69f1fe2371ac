package org.cooperationdesk.dispatch;

/** Names in processes/ExpertDispatchProcess.bpmn that code and tests refer to: one place for each. */
public final class ExpertDispatchProcess {

    public static final String PROCESS_KEY = "ExpertDispatchProcess";
    public static final String DECISION_APPROVAL_LEVEL = "ReleaseApprovalLevel";
    public static final String MESSAGE_STAND_DOWN = "StandDown";
    /** An expert sent a situation report through their personal link: it waits for a coordinator's review. */
    public static final String MESSAGE_SITUATION_REPORT_SENT_ONLINE = "SituationReportSentOnline";

    public static final String START_EVENT = "StartEvent_DispatchRequested";
    public static final String TASK_REGISTER_REQUEST = "Task_RegisterRequest";
    public static final String TASK_FIND_CANDIDATES = "Task_FindCandidates";
    public static final String GATEWAY_ANY_CANDIDATE = "Gateway_AnyCandidate";
    public static final String TASK_MATCH_EXPERT = "Task_MatchExpert";
    public static final String TASK_DECIDE_ON_REQUEST_WITHOUT_CANDIDATES = "Task_DecideOnRequestWithoutCandidates";
    public static final String GATEWAY_SEARCH_AGAIN = "Gateway_SearchAgain";
    public static final String TASK_CLOSE_UNFILLED_REQUEST = "Task_CloseUnfilledRequest";
    public static final String TASK_NOTIFY_REQUEST_UNFILLED = "Task_NotifyRequestUnfilled";
    public static final String TASK_RECORD_OFFER = "Task_RecordOffer";
    public static final String TASK_SEND_OFFER = "Task_SendOffer";
    public static final String TASK_RECORD_EXPERT_ANSWER = "Task_RecordExpertAnswer";
    public static final String TASK_RECORD_OFFER_LAPSED = "Task_RecordOfferLapsed";
    public static final String TASK_RECORD_OFFER_DECLINED = "Task_RecordOfferDeclined";
    public static final String TASK_RECORD_ACCEPTANCE = "Task_RecordAcceptance";
    public static final String TASK_DECIDE_APPROVAL_LEVEL = "Task_DecideApprovalLevel";
    public static final String TASK_APPROVE_RELEASE = "Task_ApproveRelease";
    public static final String TASK_SEND_APPROVAL_REMINDER = "Task_SendApprovalReminder";
    public static final String TASK_ESCALATE_APPROVAL = "Task_EscalateApproval";
    public static final String TASK_APPROVE_RELEASE_SENIOR = "Task_ApproveReleaseSenior";
    public static final String TASK_RECORD_REJECTION = "Task_RecordRejection";
    public static final String TASK_NOTIFY_REQUESTER_REJECTED = "Task_NotifyRequesterRejected";
    public static final String SUB_PROCESS_PRE_DEPLOYMENT = "SubProcess_PreDeployment";
    public static final String TASK_CHECK_MEDICAL_CLEARANCE = "Task_CheckMedicalClearance";
    public static final String TASK_ARRANGE_INSURANCE = "Task_ArrangeInsurance";
    public static final String TASK_BRIEF_SECURITY = "Task_BriefSecurity";
    public static final String TASK_BOOK_TRAVEL = "Task_BookTravel";
    public static final String TASK_RELEASE_EXPERT = "Task_ReleaseExpert";
    public static final String TASK_RECORD_DEPLOYMENT = "Task_RecordDeployment";
    public static final String TASK_NOTIFY_DEPLOYMENT = "Task_NotifyDeployment";
    public static final String SUB_PROCESS_MISSION = "SubProcess_Mission";
    public static final String TASK_RECORD_SITUATION_REPORT = "Task_RecordSituationReport";
    public static final String TASK_SEND_SITUATION_REPORT_REMINDER = "Task_SendSituationReportReminder";
    public static final String TASK_CHASE_SITUATION_REPORT = "Task_ChaseSituationReport";
    public static final String TASK_STORE_SITUATION_REPORT = "Task_StoreSituationReport";
    public static final String TASK_REVIEW_SITUATION_REPORT = "Task_ReviewSituationReport";
    public static final String GATEWAY_SITUATION_REPORT_ACCEPTED = "Gateway_SituationReportAccepted";
    public static final String TASK_TAKE_SITUATION_REPORT = "Task_TakeSituationReport";
    public static final String TASK_RETURN_SITUATION_REPORT = "Task_ReturnSituationReport";
    public static final String TASK_SEND_SITUATION_REPORT_RETURNED = "Task_SendSituationReportReturned";
    public static final String TASK_APPROVE_EXTENSION = "Task_ApproveExtension";
    public static final String TASK_EXTEND_MISSION = "Task_ExtendMission";
    public static final String TASK_DEBRIEF_EXPERT = "Task_DebriefExpert";
    public static final String TASK_CLOSE_DISPATCH = "Task_CloseDispatch";
    public static final String TASK_NOTIFY_MISSION_CLOSED = "Task_NotifyMissionClosed";
    public static final String TASK_CANCEL_BOOKINGS = "Task_CancelBookings";
    public static final String TASK_NOTIFY_STAND_DOWN = "Task_NotifyStandDown";

    public static final String BOUNDARY_ANSWER_OVERDUE = "BoundaryEvent_AnswerOverdue";
    public static final String BOUNDARY_APPROVAL_REMINDER_DUE = "BoundaryEvent_ApprovalReminderDue";
    public static final String BOUNDARY_APPROVAL_OVERDUE = "BoundaryEvent_ApprovalOverdue";
    public static final String BOUNDARY_CLEARANCE_FAILED = "BoundaryEvent_ClearanceFailed";
    public static final String BOUNDARY_SITUATION_REPORT_MISSED = "BoundaryEvent_SituationReportMissed";
    public static final String BOUNDARY_SITUATION_REPORT_SENT_ONLINE = "BoundaryEvent_SituationReportSentOnline";

    public static final String END_EVENT_REQUEST_UNFILLED = "EndEvent_RequestUnfilled";
    public static final String END_EVENT_REQUEST_REJECTED = "EndEvent_RequestRejected";
    public static final String END_EVENT_APPROVAL_REMINDED = "EndEvent_ApprovalReminded";
    public static final String END_EVENT_APPROVAL_ESCALATED = "EndEvent_ApprovalEscalated";
    public static final String END_EVENT_CLEARANCE_FAILED = "EndEvent_ClearanceFailed";
    /** Asynchronous: coordinators completing checks at the same moment never collide on the join. */
    public static final String GATEWAY_CHECKS_JOIN = "Gateway_ChecksJoin";
    public static final String END_EVENT_DISPATCH_COMPLETED = "EndEvent_DispatchCompleted";
    public static final String END_EVENT_STOOD_DOWN = "EndEvent_StoodDown";

    public static final String FORM_DISPATCH_REQUEST = "dispatch-request";
    public static final String FORM_MATCH_EXPERT = "match-expert";
    public static final String FORM_DECIDE_ON_REQUEST_WITHOUT_CANDIDATES = "decide-on-request-without-candidates";
    public static final String FORM_RECORD_EXPERT_ANSWER = "record-expert-answer";
    public static final String FORM_APPROVE_RELEASE = "approve-release";
    public static final String FORM_APPROVE_RELEASE_SENIOR = "approve-release-senior";
    public static final String FORM_CHECK_MEDICAL_CLEARANCE = "check-medical-clearance";
    public static final String FORM_ARRANGE_INSURANCE = "arrange-insurance";
    public static final String FORM_BRIEF_SECURITY = "brief-security";
    public static final String FORM_BOOK_TRAVEL = "book-travel";
    public static final String FORM_RECORD_SITUATION_REPORT = "record-situation-report";
    public static final String FORM_CHASE_SITUATION_REPORT = "chase-situation-report";
    public static final String FORM_APPROVE_EXTENSION = "approve-extension";
    public static final String FORM_DEBRIEF_EXPERT = "debrief-expert";

    private ExpertDispatchProcess() {
    }
}
