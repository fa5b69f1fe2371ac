package org.cooperationdesk.training;

import java.time.LocalDate;

/** A government's nomination of one candidate for a course. */
public record Nomination(
        long id,
        long courseId,
        String countryCode,
        String fullName,
        String email,
        LocalDate dateOfBirth,
        String passportNumber,
        LocalDate passportExpiry,
        Integer yearsOfExperience,
        String language,
        boolean healthDeclaration,
        NominationStatus status,
        String reason,
        Integer rankNo,
        String certificateNumber,
        LocalDate finalReportReceivedOn) {
}
