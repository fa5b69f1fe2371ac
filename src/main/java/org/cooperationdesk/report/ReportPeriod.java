package org.cooperationdesk.report;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cooperationdesk.desk.DeskRefusal;

/**
 * The period the office's figures are for: a Japanese fiscal year (April to March, FY2008 is 1 April 2008 to 31 March
 * 2009) or a calendar year. A day belongs to the period when start &lt;= day &lt;= last (end is the day after last).
 */
public record ReportPeriod(Kind kind, int year) {

    /** The first year the office's figures go back to. */
    public static final int FIRST_YEAR = 1990;

    public enum Kind {
        FISCAL("fiscal", Month.APRIL), CALENDAR("calendar", Month.JANUARY);

        private final String parameter;
        private final Month firstMonth;

        Kind(String parameter, Month firstMonth) {
            this.parameter = parameter;
            this.firstMonth = firstMonth;
        }

        /** Its value in the address: period=fiscal or period=calendar. */
        public String parameter() {
            return parameter;
        }
    }

    public ReportPeriod {
        if (kind == null) {
            throw new IllegalArgumentException("A period has a kind");
        }
    }

    public static ReportPeriod fiscal(int year) {
        return new ReportPeriod(Kind.FISCAL, year);
    }

    public static ReportPeriod calendar(int year) {
        return new ReportPeriod(Kind.CALENDAR, year);
    }

    /** The fiscal year a day falls in: 31 March 2009 is in FY2008, 1 April 2009 in FY2009. */
    public static ReportPeriod fiscalYearOf(LocalDate day) {
        return fiscal(day.getMonthValue() < Month.APRIL.getValue() ? day.getYear() - 1 : day.getYear());
    }

    /** The latest year the figures may be asked for: the year after today's. */
    public static int lastYear(LocalDate today) {
        return today.getYear() + 1;
    }

    /**
     * The period the address asks for (period, year as typed), checked: a period other than fiscal or calendar, a year
     * that is not four digits, or one before 1990 or after next year is a 400 page naming the parameter. Without a
     * year, the period of that kind today falls in; without a period, fiscal.
     */
    public static ReportPeriod parse(String period, String year, LocalDate today) {
        Kind kind = kind(period);
        if (year == null || year.isBlank()) {
            return kind == Kind.FISCAL ? fiscalYearOf(today) : calendar(today.getYear());
        }
        String typed = year.trim();
        if (!typed.matches("[0-9]{4}")) {
            throw DeskRefusal.badRequest("figures.error.year", year);
        }
        int value = Integer.parseInt(typed);
        if (value < FIRST_YEAR || value > lastYear(today)) {
            throw DeskRefusal.badRequest("figures.error.yearRange", typed, String.valueOf(FIRST_YEAR),
                    String.valueOf(lastYear(today)));
        }
        return new ReportPeriod(kind, value);
    }

    private static Kind kind(String period) {
        if (period == null || period.isBlank()) {
            return Kind.FISCAL;
        }
        for (Kind kind : Kind.values()) {
            if (kind.parameter.equals(period.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw DeskRefusal.badRequest("figures.error.period", period);
    }

    public LocalDate start() {
        return LocalDate.of(year, kind.firstMonth, 1);
    }

    /** The day after the period: start &lt;= day &lt; end. */
    public LocalDate end() {
        return start().plusYears(1);
    }

    /** The period's last day (31 March for a fiscal year). */
    public LocalDate last() {
        return end().minusDays(1);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start()) && day.isBefore(end());
    }

    /** "FY2008" or "2008": in file names, the same in every language (pages and tables: report/PeriodNames). */
    public String label() {
        return kind == Kind.FISCAL ? "FY" + year : String.valueOf(year);
    }

    /** "FY08" or "2008": under a chart's bars, where ten labels share a line. */
    public String shortLabel() {
        return kind == Kind.FISCAL ? "FY" + String.format(Locale.ROOT, "%02d", year % 100) : String.valueOf(year);
    }

    /** "2008年度" or "2008年". */
    public String japaneseLabel() {
        return kind == Kind.FISCAL ? year + "年度" : year + "年";
    }

    public ReportPeriod previous() {
        return new ReportPeriod(kind, year - 1);
    }

    public ReportPeriod next() {
        return new ReportPeriod(kind, year + 1);
    }

    /** This period and up to count - 1 before it of the same kind, oldest first, never before 1990. */
    public List<ReportPeriod> lastPeriods(int count) {
        List<ReportPeriod> periods = new ArrayList<>();
        for (int y = Math.max(FIRST_YEAR, year - count + 1); y <= year; y++) {
            periods.add(new ReportPeriod(kind, y));
        }
        return periods;
    }

    /** The address's parameters of the period: "period=fiscal&amp;year=2008". */
    public String query() {
        return "period=" + kind.parameter + "&year=" + year;
    }
}
