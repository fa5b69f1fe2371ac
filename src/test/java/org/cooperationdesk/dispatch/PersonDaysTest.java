package org.cooperationdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Person-days, the office's unit for its yearly figures, without a Spring context. */
class PersonDaysTest {

    static final LocalDate DEPARTURE = LocalDate.of(2030, 2, 27);

    @Test
    void shouldCountFromDepartureToReturnBothIncluded() {
        assertThat(PersonDays.between(DEPARTURE, DEPARTURE)).isEqualTo(1);
        assertThat(PersonDays.between(DEPARTURE, LocalDate.of(2030, 3, 2))).isEqualTo(4); // across February's end
    }

    @Test
    void shouldCountTheDaysAlreadyInTheFieldWhenStoodDown() {
        assertThat(PersonDays.spentBy(DEPARTURE, DEPARTURE)).isEqualTo(1);
        assertThat(PersonDays.spentBy(DEPARTURE, DEPARTURE.plusDays(9))).isEqualTo(10);
    }

    @Test
    void shouldCountNothingWhenStoodDownBeforeDeparture() {
        assertThat(PersonDays.spentBy(DEPARTURE, DEPARTURE.minusDays(1))).isNull();
        assertThat(PersonDays.spentBy(null, DEPARTURE)).isNull();
    }
}
