package org.cooperationdesk.training;

import java.time.LocalDate;

/** A training course offered to partner governments. */
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
        CourseStatus status) {
}
