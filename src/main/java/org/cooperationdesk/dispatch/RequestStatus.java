package org.cooperationdesk.dispatch;

/** Where a request for an expert stands. */
public enum RequestStatus {
    RECEIVED, MATCHING, APPROVAL, DEPLOYED, COMPLETED, REJECTED, UNFILLED, STOOD_DOWN
}
