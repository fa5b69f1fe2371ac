package org.cooperationdesk.training;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** What the eligibility table (processes/TraineeEligibility.dmn) is asked about a nominee; no database. */
final class EligibilityScreening {

    private EligibilityScreening() {
    }

    /** The decision's inputs: missing data never makes a nominee eligible (the forms require it; a second guard). */
    static VariableMap decisionInputs(Course course, Nomination nomination) {
        return Variables.createVariables()
                .putValue("healthDeclared", nomination.healthDeclaration())
                .putValue("languageMatches", course.language().equalsIgnoreCase(nomination.language()))
                .putValue("yearsOfExperience", nomination.yearsOfExperience() == null ? 0 : nomination.yearsOfExperience())
                .putValue("minExperienceYears", course.minExperienceYears())
                .putValue("age", nomination.dateOfBirth() == null ? Integer.MAX_VALUE
                        : ageOn(nomination.dateOfBirth(), course.startDate()))
                .putValue("maxAge", course.maxAge());
    }

    /** Age in whole years on that day (on the course's first day for the age limit). */
    static int ageOn(LocalDate dateOfBirth, LocalDate day) {
        return Period.between(dateOfBirth, day).getYears();
    }

    /** The table's answer for one nominee. */
    record Verdict(boolean eligible, String reason) {
        static Verdict of(Map<String, Object> result) {
            Object reason = result.get("reason");
            return new Verdict(Boolean.TRUE.equals(result.get("eligible")), reason == null ? null : reason.toString());
        }
    }
}
