package org.cooperationdesk.dispatch;

/** The statuses the office reports on for each expert offered to a request. */
public enum DispatchStatus {
    OFFERED, IN_PROCESS, DEPLOYED, COMPLETED, UNAVAILABLE, STOOD_DOWN
}
