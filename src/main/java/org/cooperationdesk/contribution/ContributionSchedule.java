package org.cooperationdesk.contribution;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.Optional;
import org.cooperationdesk.form.ValidationMessages;

/**
 * The calendar of a contribution: the Japanese fiscal years it spans, its length in months, and when its reports are
 * due. Progress reports fall on the agreed interval counted from the start date (every 6 or 12 months) for as long as
 * the contribution runs; the final report three months after the end. A reminder goes two weeks before a due date and
 * the managers hear of a report still missing two weeks after it. A later tranche waits for an accepted progress
 * report, so a contribution needs at least as many reports before its end as tranches after the first.
 */
public final class ContributionSchedule {

    public static final int FINAL_REPORT_MONTHS_AFTER_END = 3;
    public static final int REMINDER_DAYS_BEFORE = 14;
    public static final int ESCALATION_DAYS_AFTER = 14;
    /** A returned report is due again this many days after it was returned. */
    public static final int RESUBMISSION_DAYS = 30;

    private ContributionSchedule() {
    }

    /** The Japanese fiscal year a day falls in: FY2026 runs from 1 April 2026 to 31 March 2027. */
    public static int fiscalYear(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    /** How many fiscal years the dates span, both included: 2026-10-01 to 2027-09-30 spans FY2026 and FY2027. */
    public static int fiscalYears(LocalDate start, LocalDate end) {
        return fiscalYear(end) - fiscalYear(start) + 1;
    }

    /** Whole months from the start to the end, a month begun counted: 2026-04-01 to 2027-03-31 is 12 months. */
    public static int durationMonths(LocalDate start, LocalDate end) {
        Period period = Period.between(start, end.plusDays(1));
        return (int) period.toTotalMonths() + (period.getDays() > 0 ? 1 : 0);
    }

    /** A progress report's due date: the number-th interval after the start. */
    public static LocalDate progressReportDue(LocalDate start, int intervalMonths, int number) {
        return start.plusMonths((long) intervalMonths * number);
    }

    /** The next progress report after {@code day}: its number, or empty when the next would fall on or after the end. */
    public static Optional<Integer> nextProgressReport(LocalDate start, LocalDate end, int intervalMonths, LocalDate day) {
        int number = 1;
        while (!progressReportDue(start, intervalMonths, number).isAfter(day)) {
            number++;
        }
        return progressReportDue(start, intervalMonths, number).isBefore(end) ? Optional.of(number) : Optional.empty();
    }

    /** How many progress reports fall after {@code from} and before the end. */
    public static int progressReportsBetween(LocalDate start, LocalDate end, int intervalMonths, LocalDate from) {
        int count = 0;
        for (int number = 1; progressReportDue(start, intervalMonths, number).isBefore(end); number++) {
            if (progressReportDue(start, intervalMonths, number).isAfter(from)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Why these tranches cannot be paid on this schedule, or empty when they can: each tranche after the first waits
     * for a progress report accepted after the previous one, so tranches - 1 reports must fall between {@code from}
     * (the agreement, or today) and the end.
     */
    public static Optional<String> trancheRefusal(LocalDate start, LocalDate end, int intervalMonths, int tranches, LocalDate from) {
        int reports = progressReportsBetween(start, end, intervalMonths, from.isAfter(start) ? from : start);
        if (tranches - 1 <= reports) {
            return Optional.empty();
        }
        return Optional.of(ValidationMessages.render(reports == 1 ? "contribution.tranchesNeedReports.one"
                : "contribution.tranchesNeedReports.many", tranches, tranches - 1, intervalMonths, start, reports, end));
    }

    public static LocalDate finalReportDue(LocalDate end) {
        return end.plusMonths(FINAL_REPORT_MONTHS_AFTER_END);
    }

    /** When the organisation is reminded of a report due on the day (a timer date, ISO). */
    public static String reminderAt(LocalDate due) {
        return due.minusDays(REMINDER_DAYS_BEFORE).atTime(LocalTime.of(9, 0)).toString();
    }

    /**
     * The last day a report due on {@code due} is still waited for before the managers hear of it: the escalation's
     * day, and the last day the organisation's personal link for the report works.
     */
    public static LocalDate graceEnd(LocalDate due) {
        return due.plusDays(ESCALATION_DAYS_AFTER);
    }

    /** When a report still missing goes to the managers (a timer date, ISO). */
    public static String overdueAt(LocalDate due) {
        return graceEnd(due).atTime(LocalTime.of(9, 0)).toString();
    }

    /** How many progress reports the contribution asks for in all: those due after the start and before the end. */
    public static int progressReports(LocalDate start, LocalDate end, int intervalMonths) {
        return progressReportsBetween(start, end, intervalMonths, start);
    }
}
