package org.cooperationdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.cooperationdesk.desk.DeskRefusal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The period of the figures: Japanese fiscal years and calendar years, and what the address may ask for. */
class ReportPeriodTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void shouldRunAFiscalYearFromAprilToMarch() {
        ReportPeriod fy2008 = ReportPeriod.fiscal(2008);

        assertThat(fy2008.start()).isEqualTo(LocalDate.of(2008, 4, 1));
        assertThat(fy2008.last()).isEqualTo(LocalDate.of(2009, 3, 31));
        assertThat(fy2008.end()).isEqualTo(LocalDate.of(2009, 4, 1));
        assertThat(fy2008.contains(LocalDate.of(2009, 3, 31))).isTrue();
        assertThat(fy2008.contains(LocalDate.of(2009, 4, 1))).isFalse();
        assertThat(fy2008.contains(LocalDate.of(2008, 3, 31))).isFalse();
        assertThat(fy2008.label()).isEqualTo("FY2008");
        assertThat(fy2008.shortLabel()).isEqualTo("FY08");
        assertThat(fy2008.japaneseLabel()).isEqualTo("2008年度");
    }

    @Test
    void shouldRunACalendarYearFromJanuaryToDecember() {
        ReportPeriod year = ReportPeriod.calendar(2008);

        assertThat(year.start()).isEqualTo(LocalDate.of(2008, 1, 1));
        assertThat(year.last()).isEqualTo(LocalDate.of(2008, 12, 31));
        assertThat(year.label()).isEqualTo("2008");
        assertThat(year.japaneseLabel()).isEqualTo("2008年");
    }

    @Test
    void shouldPutTheFirstThreeMonthsOfAYearInThePreviousFiscalYear() {
        assertThat(ReportPeriod.fiscalYearOf(LocalDate.of(2009, 3, 31))).isEqualTo(ReportPeriod.fiscal(2008));
        assertThat(ReportPeriod.fiscalYearOf(LocalDate.of(2009, 4, 1))).isEqualTo(ReportPeriod.fiscal(2009));
        assertThat(ReportPeriod.fiscalYearOf(LocalDate.of(2009, 1, 1))).isEqualTo(ReportPeriod.fiscal(2008));
    }

    @Test
    void shouldDefaultToTheFiscalYearOfToday() {
        assertThat(ReportPeriod.parse(null, null, TODAY)).isEqualTo(ReportPeriod.fiscal(2026));
        assertThat(ReportPeriod.parse("fiscal", "", LocalDate.of(2027, 2, 1))).isEqualTo(ReportPeriod.fiscal(2026));
        assertThat(ReportPeriod.parse("calendar", null, LocalDate.of(2027, 2, 1))).isEqualTo(ReportPeriod.calendar(2027));
        assertThat(ReportPeriod.parse("CALENDAR", " 2008 ", TODAY)).isEqualTo(ReportPeriod.calendar(2008));
    }

    @Test
    void shouldGiveTheLastPeriodsOfTheSameKindButNoneBefore1990() {
        assertThat(ReportPeriod.fiscal(2009).lastPeriods(10)).hasSize(10)
                .startsWith(ReportPeriod.fiscal(2000)).endsWith(ReportPeriod.fiscal(2009));
        assertThat(ReportPeriod.calendar(1992).lastPeriods(10)).containsExactly(ReportPeriod.calendar(1990),
                ReportPeriod.calendar(1991), ReportPeriod.calendar(1992));
    }

    @Nested
    class Refusals {

        @Test
        void shouldRefuseAYearThatIsNotFourDigits() {
            for (String year : new String[] {"abc", "20x6", "208", "20080", "-2008", "2008.5"}) {
                assertRefused(() -> ReportPeriod.parse("fiscal", year, TODAY), "figures.error.year", year);
            }
        }

        @Test
        void shouldRefuseAYearBefore1990OrAfterNextYear() {
            assertRefused(() -> ReportPeriod.parse("fiscal", "1989", TODAY), "figures.error.yearRange", "1989");
            assertRefused(() -> ReportPeriod.parse("calendar", "2028", TODAY), "figures.error.yearRange", "2028");
            assertThat(ReportPeriod.parse("calendar", "2027", TODAY)).isEqualTo(ReportPeriod.calendar(2027));
            assertThat(ReportPeriod.parse("fiscal", "1990", TODAY)).isEqualTo(ReportPeriod.fiscal(1990));
        }

        @Test
        void shouldRefuseAPeriodThatIsNeitherFiscalNorCalendar() {
            assertRefused(() -> ReportPeriod.parse("weekly", "2008", TODAY), "figures.error.period", "weekly");
        }

        private void assertRefused(Runnable parse, String messageKey, String argument) {
            assertThatThrownBy(parse::run).isInstanceOfSatisfying(DeskRefusal.class, refusal -> {
                assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(refusal.messageKey()).isEqualTo(messageKey);
                assertThat(refusal.arguments()).contains(argument);
            });
        }
    }
}
