package org.cooperationdesk.training;

/** Where a nomination stands, from its receipt to the final report. */
public enum NominationStatus {
    RECEIVED, REFUSED, INELIGIBLE, ELIGIBLE, ACCEPTED, WAITING, REGRETTED, WITHDRAWN, NO_SHOW, ARRIVED,
    COMPLETED, NOT_COMPLETED, CANCELLED
}
