package org.cooperationdesk.dispatch;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A request for an expert, as the requesting body made it. */
public record DispatchRequest(
        long id,
        String reference,
        String requestingBody,
        String requesterReference,
        String requesterEmail,
        String countryCode,
        String purpose,
        String termsOfReference,
        String skillsNeeded,
        String languagesNeeded,
        LocalDate startDate,
        int durationDays,
        BigDecimal estimatedCost,
        String fundedBy,
        RequestStatus status,
        String requestedBy) {

    public LocalDate plannedEndDate() {
        return startDate.plusDays(durationDays - 1L);
    }
}
