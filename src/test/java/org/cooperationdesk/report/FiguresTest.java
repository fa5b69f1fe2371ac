package org.cooperationdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every figure of the report against the records of {@link KnownOffice}, whose totals are known: both fiscal years and
 * the calendar years across their boundaries, what must not count (a cancelled meeting, a withdrawn or refused
 * nomination, a stand-down before departure, a contribution in appraisal), and a year with nothing. The queries run
 * in the database: on H2 here, on PostgreSQL with -Ppostgres.
 */
class FiguresTest extends KnownOfficeContext {

    @Autowired
    FiguresReport report;

    @Test
    void shouldCountFiscalYear2008() {
        Figures figures = report.of(ReportPeriod.fiscal(2008));

        assertThat(totals(figures.totals())).isEqualTo(
                "experts 2, deployments 3, countries 2, person-days 27 | courses 1, nominated 6, accepted 3, completed 2, "
                        + "countries 2 | meetings 1, countries 3, delegates 4 | committed 350000000 to 2, disbursed 125000000 to 2");
        assertThat(parties(figures.dispatchByOrganisation())).containsExactly("WHO 1/2/17", "ILO 1/1/10");
        assertThat(parties(figures.dispatchByCountry())).containsExactly("LA 2/2/15", "KH 1/1/12");
        assertThat(figures.courses()).extracting(row -> row.reference() + " " + row.nominated() + "/" + row.accepted() + "/"
                + row.completed() + "/" + row.countries()).containsExactly("TC-2008-9001 6/3/2/2");
        assertThat(figures.traineesByCountry()).extracting(row -> row.country().code() + " " + row.nominated() + "/"
                + row.accepted() + "/" + row.completed() + "/" + row.courses())
                .containsExactly("KH 2/2/2/1", "LA 2/1/0/1", "MM 1/0/0/0", "VN 1/0/0/0");
        assertThat(figures.meetings()).extracting(row -> row.reference() + " " + row.countries() + "/" + row.delegates())
                .containsExactly("MT-2008-9001 3/4");
        assertThat(figures.meetingsByCountry()).extracting(row -> row.country().code() + " " + row.meetings() + "/"
                + row.delegates()).containsExactly("KH 1/2", "LA 1/1", "TH 1/1");
        assertThat(contributions(figures)).containsExactly(
                "WHO USD 3000000.00/300000000 1000000.00/105000000 1",
                "ILO JPY 50000000.00/50000000 20000000.00/20000000 1");
    }

    @Test
    void shouldCountFiscalYear2009WithTheDaysOfAMissionBegunTheYearBefore() {
        Figures figures = report.of(ReportPeriod.fiscal(2009));

        assertThat(totals(figures.totals())).isEqualTo(
                "experts 2, deployments 2, countries 2, person-days 44 | courses 1, nominated 3, accepted 2, completed 2, "
                        + "countries 2 | meetings 1, countries 2, delegates 5 | committed 0 to 0, disbursed 125000000 to 2");
        assertThat(parties(figures.dispatchByOrganisation())).containsExactly("WHO 1/1/34", "ILO 1/1/10");
        assertThat(parties(figures.dispatchByCountry())).containsExactly("KH 1/1/34", "TH 1/1/10");
        assertThat(figures.courses()).extracting(row -> row.reference() + " " + row.nominated() + "/" + row.accepted() + "/"
                + row.completed() + "/" + row.countries()).containsExactly("TC-2009-9002 3/2/2/2");
        assertThat(figures.traineesByCountry()).extracting(row -> row.country().code() + " " + row.nominated() + "/"
                + row.accepted() + "/" + row.completed() + "/" + row.courses()).containsExactly("VN 2/1/1/1", "PH 1/1/1/1");
        assertThat(figures.meetings()).extracting(row -> row.reference() + " " + row.countries() + "/" + row.delegates())
                .containsExactly("MT-2009-9002 2/5");
        assertThat(figures.meetingsByCountry()).extracting(row -> row.country().code() + " " + row.meetings() + "/"
                + row.delegates()).containsExactly("KH 1/3", "VN 1/2");
        assertThat(contributions(figures)).containsExactly(
                "WHO USD 0.00/0 1000000.00/95000000 1",
                "ILO JPY 0.00/0 30000000.00/30000000 1");
    }

    @Test
    void shouldCountCalendarYear2008() {
        Figures figures = report.of(ReportPeriod.calendar(2008));

        assertThat(totals(figures.totals())).isEqualTo(
                "experts 2, deployments 2, countries 1, person-days 15 | courses 0, nominated 0, accepted 0, completed 0, "
                        + "countries 0 | meetings 1, countries 3, delegates 4 | committed 300000000 to 1, disbursed 105000000 to 1");
        assertThat(parties(figures.dispatchByOrganisation())).containsExactly("ILO 1/1/10", "WHO 1/1/5");
        assertThat(parties(figures.dispatchByCountry())).containsExactly("LA 2/2/15");
        assertThat(figures.courses()).as("a cancelled course and one not held").isEmpty();
        assertThat(figures.traineesByCountry()).isEmpty();
        assertThat(contributions(figures)).containsExactly("WHO USD 3000000.00/300000000 1000000.00/105000000 1");
    }

    @Test
    void shouldCountCalendarYear2009WithoutTheCancelledOrPlannedMeetings() {
        Figures figures = report.of(ReportPeriod.calendar(2009));

        assertThat(totals(figures.totals())).isEqualTo(
                "experts 2, deployments 3, countries 2, person-days 56 | courses 2, nominated 9, accepted 5, completed 4, "
                        + "countries 4 | meetings 0, countries 0, delegates 0 | committed 50000000 to 1, disbursed 145000000 to 2");
        assertThat(parties(figures.dispatchByOrganisation())).containsExactly("WHO 2/2/46", "ILO 1/1/10");
        assertThat(parties(figures.dispatchByCountry())).containsExactly("KH 2/2/46", "TH 1/1/10");
        assertThat(figures.courses()).extracting(row -> row.reference() + " " + row.nominated() + "/" + row.accepted() + "/"
                + row.completed() + "/" + row.countries()).containsExactly("TC-2008-9001 6/3/2/2", "TC-2009-9002 3/2/2/2");
        assertThat(figures.traineesByCountry()).extracting(row -> row.country().code() + " " + row.nominated() + "/"
                + row.accepted() + "/" + row.completed() + "/" + row.courses())
                .containsExactly("KH 2/2/2/1", "VN 3/1/1/1", "LA 2/1/0/1", "PH 1/1/1/1", "MM 1/0/0/0");
        assertThat(figures.meetings()).as("MT-2009-9003 was cancelled, MT-2009-9004 is still planned").isEmpty();
        assertThat(figures.meetingsByCountry()).isEmpty();
        assertThat(contributions(figures)).containsExactly(
                "ILO JPY 50000000.00/50000000 50000000.00/50000000 1",
                "WHO USD 0.00/0 1000000.00/95000000 1");
    }

    @Test
    void shouldAddUpPersonDaysAcrossConsecutivePeriodsOfEitherKind() {
        long fiscal = report.of(ReportPeriod.fiscal(2008)).totals().personDays()
                + report.of(ReportPeriod.fiscal(2009)).totals().personDays();
        long calendar = report.of(ReportPeriod.calendar(2008)).totals().personDays()
                + report.of(ReportPeriod.calendar(2009)).totals().personDays();

        assertThat(fiscal).isEqualTo(calendar).isEqualTo(32 + 10 + 5 + 14 + 10);
    }

    @Test
    void shouldGiveTheLastTenPeriodsYearOverYear() {
        List<Figures.Totals> trend = report.of(ReportPeriod.fiscal(2009)).trend();

        assertThat(trend).extracting(t -> t.period().label()).containsExactly("FY2000", "FY2001", "FY2002", "FY2003",
                "FY2004", "FY2005", "FY2006", "FY2007", "FY2008", "FY2009");
        assertThat(trend).extracting(Figures.Totals::personDays).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 27L, 44L);
        assertThat(trend).extracting(Figures.Totals::traineesAccepted).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 3L, 2L);
        assertThat(trend).extracting(Figures.Totals::meetingsHeld).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 1L);
        assertThat(totals(trend.get(8))).isEqualTo(totals(report.of(ReportPeriod.fiscal(2008)).totals()));
    }

    @Test
    void shouldGiveZerosForAYearWithNothing() {
        Figures figures = report.of(ReportPeriod.fiscal(1995));

        assertThat(totals(figures.totals())).isEqualTo(
                "experts 0, deployments 0, countries 0, person-days 0 | courses 0, nominated 0, accepted 0, completed 0, "
                        + "countries 0 | meetings 0, countries 0, delegates 0 | committed 0 to 0, disbursed 0 to 0");
        assertThat(figures.totals().isEmpty()).isTrue();
        assertThat(figures.dispatchByOrganisation()).isEmpty();
        assertThat(figures.dispatchByCountry()).isEmpty();
        assertThat(figures.courses()).isEmpty();
        assertThat(figures.meetings()).isEmpty();
        assertThat(figures.contributions()).isEmpty();
        assertThat(figures.trend()).hasSize(6).allMatch(Figures.Totals::isEmpty);
    }

    // ---------------------------------------------------------------- helpers

    static String totals(Figures.Totals t) {
        return "experts %d, deployments %d, countries %d, person-days %d | courses %d, nominated %d, accepted %d, completed %d, countries %d | meetings %d, countries %d, delegates %d | committed %s to %d, disbursed %s to %d"
                .formatted(t.experts(), t.deployments(), t.dispatchCountries(), t.personDays(), t.courses(),
                        t.traineesNominated(), t.traineesAccepted(), t.traineesCompleted(), t.traineeCountries(),
                        t.meetingsHeld(), t.meetingCountries(), t.delegates(), plain(t.committedYen()),
                        t.committingOrganisations(), plain(t.disbursedYen()), t.disbursingOrganisations());
    }

    static List<String> parties(List<Figures.PartyRow> rows) {
        return rows.stream().map(row -> row.party().code() + " " + row.experts() + "/" + row.deployments() + "/"
                + row.personDays()).toList();
    }

    static List<String> contributions(Figures figures) {
        return figures.contributions().stream().map(row -> row.organisation().code() + " " + row.currency() + " "
                + row.committed().setScale(2) + "/" + plain(row.committedYen()) + " " + row.disbursed().setScale(2) + "/"
                + plain(row.disbursedYen()) + " " + row.contributions()).toList();
    }

    private static String plain(BigDecimal value) {
        return value.setScale(0, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
