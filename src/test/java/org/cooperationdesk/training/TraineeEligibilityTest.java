package org.cooperationdesk.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/TraineeEligibility.dmn on its boundaries: exactly the minimum experience and exactly the age limit pass. */
class TraineeEligibilityTest {

    static DmnEngine dmnEngine;
    static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws Exception {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = TraineeEligibilityTest.class.getResourceAsStream("/processes/TraineeEligibility.dmn")) {
            decision = dmnEngine.parseDecision(TraineeInvitationProcess.DECISION_ELIGIBILITY, dmn);
        }
    }

    @ParameterizedTest(name = "health {0}, language {1}, {2} years (min 3), age {3} (max 45) -> {4}: {5}")
    @CsvSource({
            "true,  true,  3,  45, true,  Meets all criteria",
            "true,  true,  2,  30, false, Not enough years of experience",
            "true,  true,  10, 46, false, Above the age limit",
            "true,  false, 10, 30, false, Does not speak the course language",
            "false, true,  10, 30, false, No health declaration",
            "false, false, 1,  60, false, No health declaration",
            "true,  true,  40, 18, true,  Meets all criteria"
    })
    void shouldDecideEligibilityWithTheFirstFailingReason(boolean healthDeclared, boolean languageMatches, int years,
                                                         int age, boolean eligible, String reason) {
        DmnDecisionResultEntries result = dmnEngine.evaluateDecision(decision, Variables.createVariables()
                        .putValue("healthDeclared", healthDeclared)
                        .putValue("languageMatches", languageMatches)
                        .putValue("yearsOfExperience", years)
                        .putValue("minExperienceYears", 3)
                        .putValue("age", age)
                        .putValue("maxAge", 45))
                .getSingleResult();

        assertThat((Boolean) result.getEntry("eligible")).isEqualTo(eligible);
        assertThat((String) result.getEntry("reason")).isEqualTo(reason);
    }
}
