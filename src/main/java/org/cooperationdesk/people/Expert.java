package org.cooperationdesk.people;

import java.time.LocalDate;
import java.util.List;

/** A person on the expert roster. */
public record Expert(
        long id,
        String fullName,
        String email,
        String nationality,
        String affiliation,
        Availability availability,
        LocalDate availableFrom,
        LocalDate medicalClearanceExpires,
        LocalDate vaccinationExpires,
        List<String> skills,
        List<String> languages) {

    /** Medical and vaccination clearance both valid on the given day. */
    public boolean clearedOn(LocalDate day) {
        return medicalClearanceExpires != null && !medicalClearanceExpires.isBefore(day)
                && vaccinationExpires != null && !vaccinationExpires.isBefore(day);
    }

    public boolean availableOn(LocalDate day) {
        return availability == Availability.AVAILABLE && (availableFrom == null || !availableFrom.isAfter(day));
    }
}
