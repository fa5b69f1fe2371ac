package org.cooperationdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.cooperationdesk.contribution.IatiActivities.Budget;
import org.junit.jupiter.api.Test;

/** IATI's rule that a budget covers at most one year: a longer budget in the activity file is split into years. */
class IatiBudgetYearsTest {

    static final LocalDate AGREED = LocalDate.of(2026, 3, 2);

    @Test
    void shouldKeepABudgetOfOneYearWhole() {
        Budget year = new Budget(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), "JPY", new BigDecimal("20000000"), AGREED);

        assertThat(IatiActivityFile.inYears(year)).containsExactly(year);
    }

    @Test
    void shouldSplitTheIloProgrammeIntoItsSixFiscalYearsByTheirDays() {
        List<Budget> years = IatiActivityFile.inYears(new Budget(LocalDate.of(2026, 4, 1), LocalDate.of(2032, 3, 31),
                "JPY", new BigDecimal("600000000"), AGREED));

        assertThat(years).hasSize(6);
        assertThat(years.get(0).periodStart()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(years.get(0).periodEnd()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(years.get(5).periodStart()).isEqualTo(LocalDate.of(2031, 4, 1));
        assertThat(years.get(5).periodEnd()).isEqualTo(LocalDate.of(2032, 3, 31));
        // Shared by days (2,192 in all): the years with a 29 February (FY2027, FY2031) weigh a day more.
        assertThat(years).extracting(Budget::value).containsExactly(new BigDecimal("99908759"),
                new BigDecimal("100182482"), new BigDecimal("99908759"), new BigDecimal("99908759"),
                new BigDecimal("99908759"), new BigDecimal("100182482"));
        assertThat(years.stream().map(Budget::value).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("600000000");
        assertThat(years).extracting(Budget::currency).containsOnly("JPY");
        assertThat(years).extracting(Budget::valueDate).containsOnly(AGREED);
    }

    @Test
    void shouldShareEighteenMonthsByTheirDaysToTheCent() {
        List<Budget> years = IatiActivityFile.inYears(new Budget(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 6, 30),
                "USD", new BigDecimal("3000000.00"), AGREED));

        assertThat(years).extracting(Budget::periodStart, Budget::periodEnd).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30)));
        // 365 and 181 of 546 days.
        assertThat(years.get(0).value()).isEqualByComparingTo("2005494.51");
        assertThat(years.get(1).value()).isEqualByComparingTo("994505.49");
    }

    @Test
    void shouldKeepAYearAndADayInTwoPeriods() {
        List<Budget> years = IatiActivityFile.inYears(new Budget(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 4, 1),
                "JPY", new BigDecimal("366"), AGREED));

        assertThat(years).extracting(Budget::value).containsExactly(new BigDecimal("365"), new BigDecimal("1"));
    }
}
