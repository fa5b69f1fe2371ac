package org.cooperationdesk.training;

import java.time.LocalDate;

/** A training course offered to partner governments; contributionId: the contribution that funds it, or null. */
public record Course(
        long id,
        String reference,
        String title,
        String place,
        LocalDate startDate,
        LocalDate endDate,
        int capacity,
        int quotaPerCountry,
        int minExperienceYears,
        int maxAge,
        String language,
        LocalDate nominationDeadline,
        CourseStatus status,
        Long contributionId) {
}
