package org.cooperationdesk.training;

/** Names in processes/TraineeInvitationProcess.bpmn that code and tests refer to. */
public final class TraineeInvitationProcess {

    public static final String PROCESS_KEY = "TraineeInvitationProcess";
    public static final String DECISION_ELIGIBILITY = "TraineeEligibility";
    public static final String MESSAGE_TRAINEE_WITHDRAWN = "TraineeWithdrawn";
    public static final String MESSAGE_COURSE_CANCELLED = "CourseCancelled";
    /** A focal point's nomination sent through the government's personal link (portal/), for review. */
    public static final String MESSAGE_NOMINATION_SENT_ONLINE = "NominationSentOnline";

    public static final String TASK_REGISTER_COURSE = "Task_RegisterCourse";
    public static final String TASK_SEND_ANNOUNCEMENTS = "Task_SendAnnouncements";
    public static final String SUB_PROCESS_NOMINATION_PERIOD = "SubProcess_NominationPeriod";
    public static final String TASK_RECORD_NOMINATION = "Task_RecordNomination";
    public static final String TASK_STORE_NOMINATION = "Task_StoreNomination";
    public static final String BOUNDARY_NOMINATION_REMINDER_DUE = "BoundaryEvent_NominationReminderDue";
    /** On the intake task: the period takes no more nominations, and ends once the reviews still open are done. */
    public static final String BOUNDARY_NOMINATION_DEADLINE = "BoundaryEvent_NominationDeadline";
    public static final String END_EVENT_NOMINATIONS_CLOSED_AT_DEADLINE = "EndEvent_NominationsClosedAtDeadline";
    public static final String SUB_PROCESS_NOMINATION_SENT_ONLINE = "SubProcess_NominationSentOnline";
    public static final String TASK_REVIEW_NOMINATION = "Task_ReviewNomination";
    public static final String GATEWAY_NOMINATION_ACCEPTED = "Gateway_NominationAccepted";
    public static final String TASK_TAKE_NOMINATION_AS_SENT = "Task_TakeNominationAsSent";
    public static final String TASK_FILE_NOMINATION_SENT_ONLINE = "Task_FileNominationSentOnline";
    public static final String END_EVENT_NOMINATION_FILED = "EndEvent_NominationFiled";
    public static final String TASK_RECORD_NOMINATION_RETURNED = "Task_RecordNominationReturned";
    public static final String TASK_SEND_NOMINATION_RETURNED = "Task_SendNominationReturned";
    public static final String END_EVENT_NOMINATION_RETURNED = "EndEvent_NominationReturned";
    public static final String TASK_SEND_NOMINATION_REMINDERS = "Task_SendNominationReminders";
    public static final String TASK_SCREEN_NOMINATIONS = "Task_ScreenNominations";
    public static final String GATEWAY_ANY_ELIGIBLE_NOMINEE = "Gateway_AnyEligibleNominee";
    public static final String TASK_DECIDE_ON_COURSE_WITHOUT_NOMINEES = "Task_DecideOnCourseWithoutNominees";
    public static final String GATEWAY_EXTEND_NOMINATION_PERIOD = "Gateway_ExtendNominationPeriod";
    public static final String TASK_EXTEND_NOMINATION_PERIOD = "Task_ExtendNominationPeriod";
    public static final String TASK_SEND_EXTENSION_NOTICES = "Task_SendExtensionNotices";
    public static final String GATEWAY_NOMINATION_PERIOD_OPENS = "Gateway_NominationPeriodOpens";
    public static final String TASK_RECORD_COURSE_CANCELLATION = "Task_RecordCourseCancellation";
    public static final String TASK_SEND_COURSE_CANCELLATION_NOTICES = "Task_SendCourseCancellationNotices";
    /** The course cancelled by the office for want of eligible nominees (the event subprocess has its own end). */
    public static final String END_EVENT_COURSE_CANCELLED_WITHOUT_NOMINEES = "EndEvent_CourseCancelledWithoutNominees";
    public static final String TASK_RANK_NOMINEES = "Task_RankNominees";
    public static final String TASK_APPROVE_SELECTION = "Task_ApproveSelection";
    public static final String TASK_RECORD_SELECTION = "Task_RecordSelection";
    public static final String TASK_SEND_SELECTION_NOTICES = "Task_SendSelectionNotices";
    public static final String SUB_PROCESS_TRAINEE_PLACE = "SubProcess_TraineePlace";
    public static final String SUB_PROCESS_PREPARE_ARRIVAL = "SubProcess_PrepareArrival";
    public static final String TASK_PREPARE_ARRIVAL = "Task_PrepareArrival";
    public static final String TASK_CONFIRM_ARRIVAL = "Task_ConfirmArrival";
    public static final String TASK_FIND_REPLACEMENT = "Task_FindReplacement";
    public static final String TASK_SEND_REPLACEMENT_NOTICE = "Task_SendReplacementNotice";
    public static final String END_EVENT_PLACE_VACANT = "EndEvent_PlaceVacant";
    /** Asynchronous (as the vacant place): arrivals confirmed at the same moment never collide on the places' count. */
    public static final String END_EVENT_PLACE_TAKEN = "EndEvent_PlaceTaken";
    public static final String TASK_LIST_ARRIVED_TRAINEES = "Task_ListArrivedTrainees";
    public static final String GATEWAY_ANY_TRAINEE_ARRIVED = "Gateway_AnyTraineeArrived";
    public static final String TASK_CLOSE_COURSE_WITHOUT_TRAINEES = "Task_CloseCourseWithoutTrainees";
    public static final String TASK_RECORD_COURSE_NOT_HELD = "Task_RecordCourseNotHeld";
    public static final String TASK_SEND_NOT_HELD_NOTICES = "Task_SendNotHeldNotices";
    public static final String END_EVENT_COURSE_NOT_HELD = "EndEvent_CourseNotHeld";
    public static final String TASK_RECORD_ATTENDANCE = "Task_RecordAttendance";
    public static final String TASK_ISSUE_CERTIFICATES = "Task_IssueCertificates";
    public static final String TASK_SEND_CERTIFICATES = "Task_SendCertificates";
    public static final String GATEWAY_ANY_TRAINEE_CERTIFIED = "Gateway_AnyTraineeCertified";
    public static final String SUB_PROCESS_FOLLOW_UP = "SubProcess_FollowUp";
    public static final String TASK_RECORD_FINAL_REPORTS = "Task_RecordFinalReports";
    public static final String BOUNDARY_FINAL_REPORT_REMINDER_DUE = "BoundaryEvent_FinalReportReminderDue";
    public static final String BOUNDARY_FINAL_REPORTS_DUE = "BoundaryEvent_FinalReportsDue";
    public static final String TASK_SEND_REPORT_REMINDERS = "Task_SendReportReminders";
    public static final String TASK_RECORD_MISSING_REPORTS = "Task_RecordMissingReports";
    public static final String TASK_EVALUATE_COURSE = "Task_EvaluateCourse";
    public static final String TASK_CLOSE_COURSE = "Task_CloseCourse";
    public static final String END_EVENT_COURSE_CLOSED = "EndEvent_CourseClosed";
    public static final String TASK_RECORD_CANCELLATION = "Task_RecordCancellation";
    public static final String TASK_SEND_CANCELLATION_NOTICES = "Task_SendCancellationNotices";
    public static final String END_EVENT_COURSE_CANCELLED = "EndEvent_CourseCancelled";

    public static final String FORM_COURSE_ANNOUNCEMENT = "course-announcement";
    public static final String FORM_RECORD_NOMINATION = "record-nomination";
    public static final String FORM_RANK_NOMINEES = "rank-nominees";
    public static final String FORM_APPROVE_SELECTION = "approve-selection";
    public static final String FORM_PREPARE_ARRIVAL = "prepare-arrival";
    public static final String FORM_CONFIRM_ARRIVAL = "confirm-arrival";
    public static final String FORM_RECORD_ATTENDANCE = "record-attendance";
    public static final String FORM_RECORD_FINAL_REPORTS = "record-final-reports";
    public static final String FORM_EVALUATE_COURSE = "evaluate-course";
    public static final String FORM_DECIDE_ON_COURSE_WITHOUT_NOMINEES = "decide-on-course-without-nominees";
    public static final String FORM_CLOSE_COURSE_WITHOUT_TRAINEES = "close-course-without-trainees";

    public static final String TEMPLATE_COURSE_ANNOUNCEMENT = "course-announcement";
    public static final String TEMPLATE_NOMINATION_REMINDER = "nomination-reminder";
    public static final String TEMPLATE_NOMINATION_EXTENDED = "nomination-extended";
    public static final String TEMPLATE_COURSE_NOT_HELD = "course-not-held";

    private TraineeInvitationProcess() {
    }
}
