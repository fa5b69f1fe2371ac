package org.cooperationdesk.meeting;

/** A government's answer to the invitation to a meeting. */
public enum InvitationStatus {
    INVITED, NOMINATED, DECLINED, NO_DELEGATION, FOLLOWED_UP;

    /** A government that will send nobody: it is not told of later changes of date. */
    boolean sendsNobody() {
        return this == DECLINED || this == NO_DELEGATION;
    }
}
