package org.cooperationdesk.training;

import java.time.LocalDate;

/** Courses and nominations built in memory for the unit tests of the pure training rules. */
final class TrainingRulesFixtures {

    static final LocalDate START = LocalDate.of(2026, 9, 1);

    private TrainingRulesFixtures() {
    }

    static Course course(int capacity, int quotaPerCountry) {
        return new Course(1, "TC-2026-0001", "Leaders in Labour Administration", "Tokyo", START, START.plusDays(20),
                capacity, quotaPerCountry, 3, 45, "english", START.minusDays(30), CourseStatus.OPEN, null);
    }

    static Nomination nominee(long id, String country, Integer years) {
        return nominee(id, country, years, START.minusYears(35), "english", true);
    }

    static Nomination nominee(long id, String country, Integer years, LocalDate dateOfBirth, String language,
                              boolean healthDeclaration) {
        return new Nomination(id, 1, country, "Nominee " + id, "nominee" + id + "@example.org", dateOfBirth, "N" + id,
                START.plusYears(5), years, language, healthDeclaration, NominationStatus.ELIGIBLE, null, null, null, null);
    }
}
