package org.cooperationdesk.meeting;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An intergovernmental meeting or workshop the office organises. */
public record Meeting(
        long id,
        String reference,
        String title,
        String theme,
        String kind,
        LocalDate startDate,
        LocalDate endDate,
        String venue,
        String hostCountry,
        String coOrganisers,
        BigDecimal budget,
        int delegateQuota,
        LocalDate nominationDeadline,
        boolean fieldVisit,
        String fieldVisitSite,
        MeetingStatus status,
        boolean listFrozen,
        int calendarSequence) {
}
