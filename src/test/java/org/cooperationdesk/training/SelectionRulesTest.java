package org.cooperationdesk.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cooperationdesk.training.TrainingRulesFixtures.course;
import static org.cooperationdesk.training.TrainingRulesFixtures.nominee;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The selection rules without Spring or a database: ranking, the proposal and the checks of a list. */
class SelectionRulesTest {

    static final Map<String, String> NAMES = Map.of("KH", "Cambodia", "LA", "Lao PDR", "VN", "Viet Nam");

    @Nested
    class Ranking {

        @Test
        void shouldRankMoreExperienceFirstThenTheEarlierNomination() {
            List<Nomination> ranked = SelectionRules.rank(List.of(
                    nominee(1, "KH", 5), nominee(2, "LA", 12), nominee(3, "VN", 5), nominee(4, "KH", null)));

            assertThat(ranked).extracting(Nomination::id).containsExactly(2L, 1L, 3L, 4L);
        }
    }

    @Nested
    class Proposal {

        @Test
        void shouldKeepEachCountryWithinItsQuota() {
            List<Nomination> ranked = List.of(nominee(1, "KH", 10), nominee(2, "KH", 9), nominee(3, "KH", 8),
                    nominee(4, "LA", 7));

            assertThat(SelectionRules.propose(course(10, 2), ranked)).containsExactly(1L, 2L, 4L);
        }

        @Test
        void shouldStopAtTheCapacityTakingTheBestRankedFirst() {
            List<Nomination> ranked = List.of(nominee(1, "KH", 10), nominee(2, "LA", 9), nominee(3, "VN", 8),
                    nominee(4, "LA", 7));

            assertThat(SelectionRules.propose(course(3, 2), ranked)).containsExactly(1L, 2L, 3L);
        }

        @Test
        void shouldGiveALaterCountryThePlaceThatAFullQuotaLeaves() {
            List<Nomination> ranked = List.of(nominee(1, "KH", 10), nominee(2, "KH", 9), nominee(3, "VN", 2));

            assertThat(SelectionRules.propose(course(2, 1), ranked)).containsExactly(1L, 3L);
        }

        @Test
        void shouldProposeNobodyWhenNobodyIsEligible() {
            assertThat(SelectionRules.propose(course(4, 2), List.of())).isEmpty();
        }
    }

    @Nested
    class Problems {

        final List<Nomination> eligible = List.of(nominee(1, "KH", 10), nominee(2, "KH", 9), nominee(3, "KH", 8),
                nominee(4, "LA", 7));

        @Test
        void shouldAcceptAListWithinQuotaAndCapacity() {
            assertThat(SelectionRules.problems(course(3, 2), eligible, List.of(1L, 2L, 4L), NAMES::get)).isEmpty();
        }

        @Test
        void shouldNameTheCountryAboveItsQuota() {
            assertThat(SelectionRules.problems(course(4, 2), eligible, List.of(1L, 2L, 3L), NAMES::get))
                    .containsExactly("Cambodia has 3 selected, above its quota of 2");
        }

        @Test
        void shouldRefuseMoreThanTheCapacity() {
            assertThat(SelectionRules.problems(course(2, 3), eligible, List.of(1L, 2L, 4L), NAMES::get))
                    .containsExactly("3 selected but the course has 2 places");
        }

        @Test
        void shouldRefuseANomineeWhoIsNotEligible() {
            assertThat(SelectionRules.problems(course(4, 2), eligible, List.of(1L, 99L), NAMES::get))
                    .containsExactly("only eligible nominees can be accepted");
        }
    }
}
