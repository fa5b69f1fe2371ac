package org.cooperationdesk.contribution;

/** Names in processes/ContributionProcess.bpmn and its two DMN tables that code and tests refer to: one place for each. */
public final class ContributionProcess {

    public static final String PROCESS_KEY = "ContributionProcess";
    public static final String DECISION_DECISION_LEVEL = "ContributionDecisionLevel";
    public static final String DECISION_EVALUATION = "ContributionEvaluation";
    public static final String MESSAGE_SUSPENDED = "ContributionSuspended";
    public static final String MESSAGE_RESUMED = "ContributionResumed";
    public static final String MESSAGE_TERMINATED = "ContributionTerminated";
    /** An organisation's report arrived through its personal link: the report task it answers gives way to a review. */
    public static final String MESSAGE_REPORT_SENT_ONLINE = "ContributionReportSentOnline";

    public static final String START_EVENT = "StartEvent_ProposalReceived";
    public static final String TASK_REGISTER_PROPOSAL = "Task_RegisterProposal";
    public static final String TASK_APPRAISE_PROPOSAL = "Task_AppraiseProposal";
    public static final String TASK_RECORD_REVISION_REQUEST = "Task_RecordRevisionRequest";
    public static final String TASK_ASK_FOR_REVISION = "Task_AskForRevision";
    public static final String TASK_RECORD_REVISED_PROPOSAL = "Task_RecordRevisedProposal";
    public static final String BOUNDARY_REVISION_OVERDUE = "BoundaryEvent_RevisionOverdue";
    public static final String TASK_DECIDE_ON_MISSING_REVISION = "Task_DecideOnMissingRevision";
    public static final String TASK_CLOSE_PROPOSAL = "Task_CloseProposal";
    public static final String TASK_NOTIFY_PROPOSAL_CLOSED = "Task_NotifyProposalClosed";
    public static final String END_EVENT_PROPOSAL_CLOSED = "EndEvent_ProposalClosed";
    public static final String TASK_UPDATE_PROPOSAL = "Task_UpdateProposal";
    public static final String TASK_DECIDE_DECISION_LEVEL = "Task_DecideDecisionLevel";
    public static final String TASK_DECIDE_ON_CONTRIBUTION = "Task_DecideOnContribution";
    public static final String TASK_DECIDE_ON_CONTRIBUTION_DIRECTOR = "Task_DecideOnContributionDirector";
    public static final String TASK_RECORD_REFUSAL = "Task_RecordRefusal";
    public static final String TASK_NOTIFY_REFUSAL = "Task_NotifyRefusal";
    public static final String END_EVENT_PROPOSAL_REFUSED = "EndEvent_ProposalRefused";
    public static final String TASK_RECORD_APPROVAL = "Task_RecordApproval";
    public static final String TASK_RECORD_AGREEMENT = "Task_RecordAgreement";
    public static final String TASK_DECIDE_EVALUATION = "Task_DecideEvaluation";
    public static final String TASK_RECORD_AGREEMENT_SIGNED = "Task_RecordAgreementSigned";
    public static final String TASK_NOTIFY_AGREEMENT = "Task_NotifyAgreement";
    public static final String TASK_REQUEST_TRANCHE = "Task_RequestTranche";
    public static final String TASK_RECORD_TRANCHE_REQUEST = "Task_RecordTrancheRequest";
    public static final String TASK_APPROVE_TRANCHE = "Task_ApproveTranche";
    public static final String TASK_RECORD_TRANCHE_REFUSED = "Task_RecordTrancheRefused";
    public static final String TASK_RECORD_PAYMENT = "Task_RecordPayment";
    public static final String TASK_RECORD_TRANCHE_PAID = "Task_RecordTranchePaid";
    public static final String TASK_NOTIFY_TRANCHE_PAID = "Task_NotifyTranchePaid";
    public static final String TASK_RECORD_PROGRESS_REPORT = "Task_RecordProgressReport";
    public static final String BOUNDARY_PROGRESS_REPORT_REMINDER_DUE = "BoundaryEvent_ProgressReportReminderDue";
    public static final String BOUNDARY_PROGRESS_REPORT_OVERDUE = "BoundaryEvent_ProgressReportOverdue";
    public static final String TASK_REMIND_PROGRESS_REPORT = "Task_RemindProgressReport";
    public static final String TASK_ESCALATE_PROGRESS_REPORT = "Task_EscalateProgressReport";
    public static final String END_EVENT_PROGRESS_REPORT_REMINDED = "EndEvent_ProgressReportReminded";
    public static final String END_EVENT_PROGRESS_REPORT_ESCALATED = "EndEvent_ProgressReportEscalated";
    public static final String BOUNDARY_PROGRESS_REPORT_SENT_ONLINE = "BoundaryEvent_ProgressReportSentOnline";
    public static final String TASK_REVIEW_PROGRESS_REPORT = "Task_ReviewProgressReport";
    public static final String TASK_RECORD_PROGRESS_REPORT_REVIEW = "Task_RecordProgressReportReview";
    public static final String TASK_RECORD_PROGRESS_REPORT_RETURNED = "Task_RecordProgressReportReturned";
    public static final String TASK_NOTIFY_PROGRESS_REPORT_RETURNED = "Task_NotifyProgressReportReturned";
    public static final String TASK_RECORD_PROGRESS_REPORT_ACCEPTED = "Task_RecordProgressReportAccepted";
    public static final String TASK_SCHEDULE_FINAL_REPORT = "Task_ScheduleFinalReport";
    public static final String TASK_RECORD_FINAL_REPORT = "Task_RecordFinalReport";
    public static final String BOUNDARY_FINAL_REPORT_REMINDER_DUE = "BoundaryEvent_FinalReportReminderDue";
    public static final String BOUNDARY_FINAL_REPORT_OVERDUE = "BoundaryEvent_FinalReportOverdue";
    public static final String TASK_REMIND_FINAL_REPORT = "Task_RemindFinalReport";
    public static final String TASK_ESCALATE_FINAL_REPORT = "Task_EscalateFinalReport";
    public static final String BOUNDARY_FINAL_REPORT_SENT_ONLINE = "BoundaryEvent_FinalReportSentOnline";
    public static final String TASK_REVIEW_FINAL_REPORT = "Task_ReviewFinalReport";
    public static final String TASK_RECORD_FINAL_REPORT_REVIEW = "Task_RecordFinalReportReview";
    public static final String TASK_RECORD_FINAL_REPORT_RETURNED = "Task_RecordFinalReportReturned";
    public static final String TASK_NOTIFY_FINAL_REPORT_RETURNED = "Task_NotifyFinalReportReturned";
    public static final String TASK_RECORD_FINAL_REPORT_ACCEPTED = "Task_RecordFinalReportAccepted";
    public static final String TASK_RECORD_EVALUATION = "Task_RecordEvaluation";
    public static final String TASK_CLOSE_CONTRIBUTION = "Task_CloseContribution";
    public static final String TASK_NOTIFY_CONTRIBUTION_CLOSED = "Task_NotifyContributionClosed";
    public static final String END_EVENT_CONTRIBUTION_CLOSED = "EndEvent_ContributionClosed";

    public static final String TASK_RECORD_SUSPENSION = "Task_RecordSuspension";
    public static final String TASK_NOTIFY_SUSPENSION = "Task_NotifySuspension";
    public static final String END_EVENT_SUSPENDED = "EndEvent_Suspended";
    public static final String TASK_RECORD_RESUMPTION = "Task_RecordResumption";
    public static final String TASK_NOTIFY_RESUMPTION = "Task_NotifyResumption";
    public static final String END_EVENT_RESUMED = "EndEvent_Resumed";
    public static final String TASK_RECORD_TERMINATION = "Task_RecordTermination";
    public static final String TASK_NOTIFY_TERMINATION = "Task_NotifyTermination";
    public static final String END_EVENT_CONTRIBUTION_TERMINATED = "EndEvent_ContributionTerminated";

    public static final String FORM_PROPOSAL = "contribution-proposal";
    public static final String FORM_APPRAISE = "appraise-contribution";
    public static final String FORM_REVISED_PROPOSAL = "record-revised-proposal";
    public static final String FORM_DECIDE_ON_MISSING_REVISION = "decide-on-missing-revision";
    public static final String FORM_DECIDE = "decide-contribution";
    public static final String FORM_DECIDE_DIRECTOR = "decide-contribution-director";
    public static final String FORM_AGREEMENT = "record-agreement";
    public static final String FORM_REQUEST_TRANCHE = "request-tranche";
    public static final String FORM_APPROVE_TRANCHE = "approve-tranche";
    public static final String FORM_TRANCHE_PAYMENT = "record-tranche-payment";
    public static final String FORM_PROGRESS_REPORT = "record-progress-report";
    public static final String FORM_FINAL_REPORT = "record-final-report";
    public static final String FORM_EVALUATION = "record-evaluation";

    private ContributionProcess() {
    }
}
