package org.cooperationdesk.training;

/** Whether an invited government has nominated anyone (column course_invitation.status). */
public enum InvitationStatus {
    INVITED, NOMINATED
}
