package org.cooperationdesk.contribution;

/** Where a contribution stands, with the IATI activity status code it is published under. */
public enum ContributionStatus {
    APPRAISAL(1), REVISION_REQUESTED(1), DECISION(1), APPROVED(1),
    ACTIVE(2), FINAL_REPORT(3),
    CLOSED(4),
    REFUSED(5), WITHDRAWN(5), TERMINATED(5),
    SUSPENDED(6);

    private final int iatiActivityStatus;

    ContributionStatus(int iatiActivityStatus) {
        this.iatiActivityStatus = iatiActivityStatus;
    }

    /** IATI ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended. */
    public int iatiActivityStatus() {
        return iatiActivityStatus;
    }

    public boolean isEnded() {
        return this == CLOSED || this == REFUSED || this == WITHDRAWN || this == TERMINATED;
    }
}
