package org.cooperationdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/ReleaseApprovalLevel.dmn on its boundaries: 30 days and 3,000,000 JPY still need one approval. */
class ReleaseApprovalLevelTest {

    static DmnEngine dmnEngine;
    static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws Exception {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = ReleaseApprovalLevelTest.class.getResourceAsStream("/processes/ReleaseApprovalLevel.dmn")) {
            decision = dmnEngine.parseDecision(ExpertDispatchProcess.DECISION_APPROVAL_LEVEL, dmn);
        }
    }

    @ParameterizedTest(name = "{0} days, {1} JPY -> senior approval {2}")
    @CsvSource({
            "1,  0,          false",
            "30, 3000000,    false",
            "31, 3000000,    true",
            "30, 3000001,    true",
            "31, 3000001,    true",
            "1,  3000000.5,  true",
            "365, 0,         true",
            "7,  250000,     false"
    })
    void shouldRequireASeniorApprovalOnlyAboveThirtyDaysOrThreeMillionYen(int durationDays, double estimatedCost,
                                                                          boolean seniorApprovalRequired) {
        Object result = dmnEngine.evaluateDecision(decision, Variables.createVariables()
                        .putValue(DispatchVariables.DURATION_DAYS, durationDays)
                        .putValue(DispatchVariables.ESTIMATED_COST_YEN, estimatedCost))
                .getSingleResult().getSingleEntry();

        assertThat(result).isEqualTo(seniorApprovalRequired);
    }
}
