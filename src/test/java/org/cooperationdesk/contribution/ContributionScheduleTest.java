package org.cooperationdesk.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ContributionScheduleTest {

    static final LocalDate APRIL_2026 = LocalDate.of(2026, 4, 1);

    @Test
    void aJapaneseFiscalYearRunsFromAprilToMarch() {
        assertThat(ContributionSchedule.fiscalYear(LocalDate.of(2026, 3, 31))).isEqualTo(2025);
        assertThat(ContributionSchedule.fiscalYear(APRIL_2026)).isEqualTo(2026);
        assertThat(ContributionSchedule.fiscalYears(APRIL_2026, LocalDate.of(2027, 3, 31))).isEqualTo(1);
        assertThat(ContributionSchedule.fiscalYears(APRIL_2026, LocalDate.of(2027, 4, 1))).isEqualTo(2);
        assertThat(ContributionSchedule.fiscalYears(LocalDate.of(2026, 10, 1), LocalDate.of(2027, 9, 30))).isEqualTo(2);
        // the ILO ASEAN industrial relations programme: six years from FY2008
        assertThat(ContributionSchedule.fiscalYears(LocalDate.of(2008, 4, 1), LocalDate.of(2014, 3, 31))).isEqualTo(6);
    }

    @Test
    void aMonthBegunCountsAsAMonth() {
        assertThat(ContributionSchedule.durationMonths(APRIL_2026, LocalDate.of(2027, 3, 31))).isEqualTo(12);
        assertThat(ContributionSchedule.durationMonths(APRIL_2026, LocalDate.of(2027, 4, 1))).isEqualTo(13);
        assertThat(ContributionSchedule.durationMonths(APRIL_2026, LocalDate.of(2027, 9, 30))).isEqualTo(18);
        assertThat(ContributionSchedule.durationMonths(APRIL_2026, APRIL_2026)).isEqualTo(1);
    }

    @Test
    void progressReportsFallOnTheIntervalFromTheStartAndBeforeTheEnd() {
        LocalDate end = LocalDate.of(2028, 3, 31);
        assertThat(ContributionSchedule.nextProgressReport(APRIL_2026, end, 12, APRIL_2026)).contains(1);
        assertThat(ContributionSchedule.progressReportDue(APRIL_2026, 12, 1)).isEqualTo(LocalDate.of(2027, 4, 1));
        // on the due day itself, the next one is the following interval
        assertThat(ContributionSchedule.nextProgressReport(APRIL_2026, end, 6, LocalDate.of(2026, 10, 1))).contains(2);
        // a report that would fall on or after the end is the final report's business
        assertThat(ContributionSchedule.nextProgressReport(APRIL_2026, end, 12, LocalDate.of(2027, 4, 1))).isEmpty();
        assertThat(ContributionSchedule.progressReportsBetween(APRIL_2026, end, 6, APRIL_2026)).isEqualTo(3);
        assertThat(ContributionSchedule.progressReportsBetween(APRIL_2026, end, 6, LocalDate.of(2027, 1, 15))).isEqualTo(2);
    }

    @Test
    void eachLaterTrancheNeedsAProgressReportBeforeTheEnd() {
        LocalDate end = LocalDate.of(2027, 9, 30);
        assertThat(ContributionSchedule.trancheRefusal(APRIL_2026, end, 12, 2, APRIL_2026)).isEmpty();
        assertThat(ContributionSchedule.trancheRefusal(APRIL_2026, end, 12, 3, APRIL_2026)).hasValueSatisfying(reason ->
                assertThat(reason).contains("3 tranches need 2 progress reports").contains("only 1 falls before 30 September 2027"));
        assertThat(ContributionSchedule.trancheRefusal(APRIL_2026, end, 6, 3, APRIL_2026)).isEmpty();
        // counted from the agreement when it is signed after the start
        assertThat(ContributionSchedule.trancheRefusal(APRIL_2026, end, 6, 3, LocalDate.of(2026, 11, 1))).isPresent();
        assertThat(ContributionSchedule.trancheRefusal(APRIL_2026, end, 12, 1, APRIL_2026)).isEmpty();
    }

    @Test
    void remindersComeTwoWeeksBeforeAndEscalationsTwoWeeksAfter() {
        LocalDate due = LocalDate.of(2027, 4, 1);
        assertThat(ContributionSchedule.reminderAt(due)).isEqualTo("2027-03-18T09:00");
        assertThat(ContributionSchedule.overdueAt(due)).isEqualTo("2027-04-15T09:00");
        assertThat(ContributionSchedule.finalReportDue(LocalDate.of(2027, 3, 31))).isEqualTo(LocalDate.of(2027, 6, 30));
    }
}
