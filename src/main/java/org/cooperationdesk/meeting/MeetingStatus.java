package org.cooperationdesk.meeting;

/** Where a meeting stands, as the office reports it. */
public enum MeetingStatus {
    /** Invitations out, delegations being named (again, after a postponement for want of delegates). */
    PLANNED,
    /** The delegate list is frozen: changes need a manager's approval. */
    FROZEN,
    /** At least one delegate attended. */
    HELD,
    CLOSED,
    CANCELLED
}
