package org.cooperationdesk.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cooperationdesk.training.TrainingRulesFixtures.START;
import static org.cooperationdesk.training.TrainingRulesFixtures.nominee;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Replacement from the waiting list without Spring or a database. */
class WaitingListTest {

    final Nomination vacated = nominee(1, "LA", 8);
    final List<Nomination> waitingInRankOrder = List.of(nominee(5, "KH", 6), nominee(6, "LA", 4), nominee(7, "LA", 3));

    @Test
    void shouldPreferTheBestRankedNomineeOfTheSameCountry() {
        assertThat(WaitingList.replacementFor(vacated, waitingInRankOrder, START.minusDays(10), START))
                .map(Nomination::id).contains(6L);
    }

    @Test
    void shouldTakeTheBestRankedOfAnyCountryWhenNoneOfTheSameCountryWaits() {
        assertThat(WaitingList.replacementFor(nominee(2, "VN", 8), waitingInRankOrder, START.minusDays(10), START))
                .map(Nomination::id).contains(5L);
    }

    @Test
    void shouldNotReplaceOnceTheCourseHasStarted() {
        assertThat(WaitingList.replacementFor(vacated, waitingInRankOrder, START, START)).isEmpty();
        assertThat(WaitingList.replacementFor(vacated, waitingInRankOrder, START.plusDays(3), START)).isEmpty();
    }

    @Test
    void shouldReplaceUntilTheDayBeforeTheCourse() {
        assertThat(WaitingList.replacementFor(vacated, waitingInRankOrder, START.minusDays(1), START)).isPresent();
    }

    @Test
    void shouldFindNobodyOnAnEmptyWaitingList() {
        assertThat(WaitingList.replacementFor(vacated, List.of(), START.minusDays(10), START)).isEmpty();
    }
}
