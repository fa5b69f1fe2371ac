package org.cooperationdesk.people;

import java.time.LocalDate;
import java.util.List;

import org.cooperationdesk.language.Language;

/**
 * A person on the expert roster. correspondenceLanguage: the language the office writes the expert's mails and letters
 * in (English unless the expert asked for Japanese).
 */
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
        List<String> languages,
        Language correspondenceLanguage) {

    public Expert {
        correspondenceLanguage = correspondenceLanguage == null ? Language.EN : correspondenceLanguage;
    }

    /** An expert written to in English. */
    public Expert(long id, String fullName, String email, String nationality, String affiliation,
                  Availability availability, LocalDate availableFrom, LocalDate medicalClearanceExpires,
                  LocalDate vaccinationExpires, List<String> skills, List<String> languages) {
        this(id, fullName, email, nationality, affiliation, availability, availableFrom, medicalClearanceExpires,
                vaccinationExpires, skills, languages, Language.EN);
    }

    /** Medical and vaccination clearance both valid on the given day. */
    public boolean clearedOn(LocalDate day) {
        return medicalClearanceExpires != null && !medicalClearanceExpires.isBefore(day)
                && vaccinationExpires != null && !vaccinationExpires.isBefore(day);
    }

    public boolean availableOn(LocalDate day) {
        return availability == Availability.AVAILABLE && (availableFrom == null || !availableFrom.isAfter(day));
    }
}
