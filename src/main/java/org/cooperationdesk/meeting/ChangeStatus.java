package org.cooperationdesk.meeting;

/** A change to a frozen delegation, waiting for a manager or decided. */
public enum ChangeStatus {
    REQUESTED, APPLIED, REFUSED
}
