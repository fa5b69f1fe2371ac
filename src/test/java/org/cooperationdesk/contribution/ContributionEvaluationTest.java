package org.cooperationdesk.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/ContributionEvaluation.dmn on its boundaries: independent from 150,000,000 JPY, internal from 75,000,000 JPY
 * or beyond 18 months, none for smaller and shorter contributions.
 */
class ContributionEvaluationTest {

    // The names the spec fixes (ContributionProcess / ContributionVariables hold them in the application).
    static final String DECISION_ID = "ContributionEvaluation";
    static final String AMOUNT_YEN = "amountYen";
    static final String DURATION_MONTHS = "durationMonths";

    static DmnEngine dmnEngine;
    static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws Exception {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = ContributionEvaluationTest.class.getResourceAsStream("/processes/ContributionEvaluation.dmn")) {
            decision = dmnEngine.parseDecision(DECISION_ID, dmn);
        }
    }

    static Object evaluationLevel(double amountYen, int durationMonths) {
        return dmnEngine.evaluateDecision(decision, Variables.createVariables()
                        .putValue(AMOUNT_YEN, amountYen)
                        .putValue(DURATION_MONTHS, durationMonths))
                .getSingleResult().getSingleEntry();
    }

    @ParameterizedTest(name = "{0} JPY over {1} months -> {2}")
    @CsvSource({
            "0,            1,  none",
            "74999999,     18, none",
            "74999999.99,  18, none",
            "74999999,     19, internal",
            "75000000,     1,  internal",
            "75000000,     18, internal",
            "75000000,     19, internal",
            "149999999,    12, internal",
            "149999999.99, 60, internal",
            "150000000,    1,  independent",
            "150000000,    18, independent",
            "150000000,    19, independent",
            "1,            19, internal",
            "1000000000,   120, independent"
    })
    void shouldAskForAMoreIndependentEvaluationTheLargerOrLongerTheContribution(double amountYen, int durationMonths,
                                                                               String evaluationLevel) {
        assertThat(evaluationLevel(amountYen, durationMonths)).isEqualTo(evaluationLevel);
    }

    @Nested
    class SeedContributions {

        @Test
        void shouldEvaluateWhoAvianInfluenzaPreparednessIndependently() {
            // USD 3,000,000 at 150 yen per USD, over two fiscal years (24 months)
            assertThat(evaluationLevel(3_000_000d * 150, 24)).isEqualTo("independent");
        }

        @Test
        void shouldEvaluateIloAseanIndustrialRelationsProgrammeIndependently() {
            // 60,000,000 yen a year over six years
            assertThat(evaluationLevel(60_000_000d * 6, 72)).isEqualTo("independent");
        }

        @Test
        void shouldNotEvaluateASmallOneYearContribution() {
            assertThat(evaluationLevel(20_000_000d, 12)).isEqualTo("none");
        }
    }
}
