package org.cooperationdesk.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cooperationdesk.training.TrainingRulesFixtures.START;
import static org.cooperationdesk.training.TrainingRulesFixtures.course;
import static org.cooperationdesk.training.TrainingRulesFixtures.nominee;

import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Screening a nominee with the eligibility table, without Spring or a database: what the table is asked. */
class EligibilityScreeningTest {

    static DmnEngine dmnEngine;
    static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws Exception {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = EligibilityScreeningTest.class.getResourceAsStream("/processes/TraineeEligibility.dmn")) {
            decision = dmnEngine.parseDecision(TraineeInvitationProcess.DECISION_ELIGIBILITY, dmn);
        }
    }

    EligibilityScreening.Verdict screen(Nomination nomination) {
        return EligibilityScreening.Verdict.of(dmnEngine.evaluateDecision(decision,
                EligibilityScreening.decisionInputs(course(4, 2), nomination)).getSingleResult().getEntryMap());
    }

    @Test
    void shouldFindAQualifiedNomineeEligible() {
        assertThat(screen(nominee(1, "KH", 3))).isEqualTo(new EligibilityScreening.Verdict(true, "Meets all criteria"));
    }

    @Test
    void shouldMeasureTheAgeOnTheCoursesFirstDay() {
        assertThat(screen(nominee(1, "KH", 10, START.minusYears(45), "english", true)).eligible()).isTrue();
        assertThat(screen(nominee(1, "KH", 10, START.minusYears(46).plusDays(1), "english", true)).eligible()).isTrue();
        assertThat(screen(nominee(1, "KH", 10, START.minusYears(46), "english", true)))
                .isEqualTo(new EligibilityScreening.Verdict(false, "Above the age limit"));
    }

    @Test
    void shouldCompareTheLanguageRegardlessOfCase() {
        assertThat(screen(nominee(1, "KH", 10, START.minusYears(30), "English", true)).eligible()).isTrue();
        assertThat(screen(nominee(1, "KH", 10, START.minusYears(30), "french", true)))
                .isEqualTo(new EligibilityScreening.Verdict(false, "Does not speak the course language"));
    }

    @Test
    void shouldNeverFindANomineeWithMissingDataEligible() {
        assertThat(screen(nominee(1, "KH", null))).isEqualTo(new EligibilityScreening.Verdict(false, "Not enough years of experience"));
        assertThat(screen(nominee(1, "KH", 10, null, "english", true)))
                .isEqualTo(new EligibilityScreening.Verdict(false, "Above the age limit"));
        assertThat(screen(nominee(1, "KH", 10, START.minusYears(30), "english", false)))
                .isEqualTo(new EligibilityScreening.Verdict(false, "No health declaration"));
    }
}
