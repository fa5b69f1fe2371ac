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
 * processes/ContributionDecisionLevel.dmn on its boundaries: a director decides from 100,000,000 JPY, or on any amount
 * that spans more than one Japanese fiscal year; below that a manager's decision is enough.
 */
class ContributionDecisionLevelTest {

    // The names the spec fixes (ContributionProcess / ContributionVariables hold them in the application).
    static final String DECISION_ID = "ContributionDecisionLevel";
    static final String AMOUNT_YEN = "amountYen";
    static final String FISCAL_YEARS = "fiscalYears";

    static DmnEngine dmnEngine;
    static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws Exception {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = ContributionDecisionLevelTest.class.getResourceAsStream("/processes/ContributionDecisionLevel.dmn")) {
            decision = dmnEngine.parseDecision(DECISION_ID, dmn);
        }
    }

    static Object directorDecisionRequired(double amountYen, int fiscalYears) {
        return dmnEngine.evaluateDecision(decision, Variables.createVariables()
                        .putValue(AMOUNT_YEN, amountYen)
                        .putValue(FISCAL_YEARS, fiscalYears))
                .getSingleResult().getSingleEntry();
    }

    @ParameterizedTest(name = "{0} JPY over {1} fiscal year(s) -> director decides {2}")
    @CsvSource({
            "0,            1, false",
            "99999999,     1, false",
            "99999999.99,  1, false",
            "100000000,    1, true",
            "100000000.01, 1, true",
            "99999999,     2, true",
            "100000000,    2, true",
            "1,            2, true",
            "500000000,    1, true",
            "50000000,     5, true"
    })
    void shouldLetADirectorDecideFromOneHundredMillionYenOrOnMoreThanOneFiscalYear(double amountYen, int fiscalYears,
                                                                                  boolean directorDecides) {
        assertThat(directorDecisionRequired(amountYen, fiscalYears)).isEqualTo(directorDecides);
    }

    @Nested
    class SeedContributions {

        @Test
        void shouldLetADirectorDecideOnWhoAvianInfluenzaPreparedness() {
            // USD 3,000,000 at 150 yen per USD, over two fiscal years
            assertThat(directorDecisionRequired(3_000_000d * 150, 2)).isEqualTo(true);
        }

        @Test
        void shouldLetADirectorDecideOnIloAseanIndustrialRelationsProgramme() {
            // 60,000,000 yen a year over six fiscal years
            assertThat(directorDecisionRequired(60_000_000d * 6, 6)).isEqualTo(true);
        }

        @Test
        void shouldLeaveASmallOneYearContributionToAManager() {
            assertThat(directorDecisionRequired(20_000_000d, 1)).isEqualTo(false);
        }
    }
}
