package org.cooperationdesk.training;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** This nominee as an option of a form's checklist (value: the nomination's id). */
    Map<String, String> asOption(String label) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", label);
        option.put("value", String.valueOf(id));
        return option;
    }
}
