package org.cooperationdesk.meeting;

/** A delegate's standing: named by the government, then attended or absent, or removed or cancelled. */
public enum DelegateStatus {
    NOMINATED, ATTENDED, ABSENT, REMOVED, CANCELLED
}
