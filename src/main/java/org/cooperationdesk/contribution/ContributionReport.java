package org.cooperationdesk.contribution;

import java.time.LocalDate;

/** A progress or final report the organisation sent, accepted or returned by the programme officer. */
public record ContributionReport(long id, Kind kind, int reportNo, LocalDate dueDate, LocalDate receivedOn, Status status,
                                 String summary, String returnReason, String recordedBy) {

    public enum Kind { PROGRESS, FINAL }

    public enum Status { ACCEPTED, RETURNED }
}
