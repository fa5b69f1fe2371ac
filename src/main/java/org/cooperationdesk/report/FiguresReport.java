package org.cooperationdesk.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The figures of a period, with the totals of the periods before it, read in one transaction (one snapshot). */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class FiguresReport {

    /** Periods in the year-over-year charts and table, the one asked for included. */
    public static final int TREND_PERIODS = 10;

    private final FigureQueries queries;
    private final Clock clock;

    FiguresReport(FigureQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Figures of(ReportPeriod period) {
        LocalDate today = today();
        List<Figures.Totals> trend = queries.totals(period.lastPeriods(TREND_PERIODS), today);
        return new Figures(period, today, trend.get(trend.size() - 1),
                queries.dispatchByOrganisation(period, today), queries.dispatchByCountry(period, today),
                queries.courses(period), queries.traineesByCountry(period),
                queries.meetings(period), queries.meetingsByCountry(period),
                queries.contributions(period), trend);
    }
}
