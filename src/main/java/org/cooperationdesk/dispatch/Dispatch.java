package org.cooperationdesk.dispatch;

import java.time.LocalDate;

/** One expert offered to one request, from the offer to the closed mission. */
public record Dispatch(
        long id,
        long requestId,
        long expertId,
        DispatchStatus status,
        String outcome,
        String insurancePolicy,
        String travelBooking,
        LocalDate departureDate,
        LocalDate plannedReturnDate,
        LocalDate returnDate,
        Integer personDays) {
}
