package org.cooperationdesk.report;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cooperationdesk.desk.LocalName;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every figure of the office's report as an SQL aggregation over the rooms' records, the same on H2 and PostgreSQL
 * (a day count is {@code cast(date - date as integer)} on both). Parameters: :start and :last (the period's first and
 * last day), :end (the day after), :today (the office's clock).
 *
 * <p>What counts:
 * <ul>
 *   <li>a <b>deployment</b> is a dispatch whose expert left: departure on or before today, status deployed or
 *       completed, or stood down in the field (a return day recorded); it counts in the period of its departure.
 *       Its days run from departure to return, both included; while the expert is still out, to today or the planned
 *       return, whichever comes first. <b>Person-days</b> of a period are the days of any deployment that fall in it,
 *       so a mission from 20 March to 20 April gives 12 days to one fiscal year and 20 to the next;</li>
 *   <li>a <b>course</b> counts in the period it starts, unless cancelled or closed as not held; its nominations are
 *       those received (not refused at intake); <b>accepted</b> trainees those placed on it (accepted, arrived,
 *       completed, not completed: a withdrawal, a no-show or a place on the waiting list is not); <b>completed</b>
 *       those who completed it;</li>
 *   <li>a <b>meeting</b> is held when at least one delegate attended (status held or closed; a cancelled one never
 *       is), in the period it starts; countries and delegates attending are those whose delegates attended;</li>
 *   <li>a <b>commitment</b> counts on its transaction's date (the agreement's signature), a <b>disbursement</b> on
 *       the day it was paid; in the contribution's currency and in yen at the rate recorded with it.</li>
 * </ul>
 */
@Repository
public class FigureQueries {

    /** Nominations counted as placed on a course (CourseSearch's "placed" too). */
    static final String PLACED = "('ACCEPTED', 'ARRIVED', 'COMPLETED', 'NOT_COMPLETED')";
    static final String COURSE_COUNTS = "c.status not in ('CANCELLED', 'NOT_HELD')";
    static final String MEETING_HELD = "m.status in ('HELD', 'CLOSED')";

    /** A dispatch whose expert left (see the class comment). */
    static final String DEPLOYED = """
            d.departure_date is not null and d.departure_date <= :today
            and (d.status in ('DEPLOYED', 'COMPLETED') or (d.status = 'STOOD_DOWN' and d.return_date is not null))""";

    /** A deployment's last day in the field so far. */
    static final String LAST_DAY = "coalesce(d.return_date, least(coalesce(d.planned_return_date, :today), :today))";

    private final JdbcClient jdbc;

    public FigureQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The days of the deployment d between from and to (columns or parameters), both included. */
    private static String daysWithin(String from, String to) {
        return "cast(least(" + LAST_DAY + ", " + to + ") - greatest(d.departure_date, " + from + ") as integer) + 1";
    }

    // ---------------------------------------------------------------- totals of several periods at once

    /** The totals of each period, in the order given; a period with nothing has zeros. */
    public List<Figures.Totals> totals(List<ReportPeriod> periods, LocalDate today) {
        if (periods.isEmpty()) {
            return List.of();
        }
        Periods table = Periods.of(periods, today);
        Map<Integer, long[]> dispatch = dispatchTotals(table);
        Map<Integer, long[]> training = trainingTotals(table);
        Map<Integer, long[]> meetings = meetingTotals(table);
        Map<Integer, Money> money = moneyTotals(table);
        List<Figures.Totals> totals = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            long[] x = dispatch.getOrDefault(i, new long[4]);
            long[] t = training.getOrDefault(i, new long[5]);
            long[] m = meetings.getOrDefault(i, new long[3]);
            Money c = money.getOrDefault(i, Money.NONE);
            totals.add(new Figures.Totals(periods.get(i), x[0], x[1], x[2], x[3], t[0], t[1], t[2], t[3], t[4], m[0], m[1],
                    m[2], c.committed(), c.disbursed(), c.committing(), c.disbursing()));
        }
        return totals;
    }

    /**
     * The periods as a table the queries join ("(select 0 as n, cast(:s0 as date) as s, ...) p": n, s the first day,
     * l the last, e the day after), with its parameters, today's and those of the whole window.
     */
    private record Periods(String sql, Map<String, Object> parameters) {

        static Periods of(List<ReportPeriod> periods, LocalDate today) {
            StringBuilder sql = new StringBuilder("(");
            Map<String, Object> parameters = new HashMap<>();
            for (int i = 0; i < periods.size(); i++) {
                ReportPeriod period = periods.get(i);
                sql.append(i == 0 ? "" : " union all ").append("select ").append(i).append(" as n, cast(:s").append(i)
                        .append(" as date) as s, cast(:l").append(i).append(" as date) as l, cast(:e").append(i)
                        .append(" as date) as e");
                parameters.put("s" + i, period.start());
                parameters.put("l" + i, period.last());
                parameters.put("e" + i, period.end());
            }
            parameters.put("today", today);
            parameters.put("windowStart", periods.get(0).start());
            parameters.put("windowEnd", periods.get(periods.size() - 1).end());
            return new Periods(sql.append(") p").toString(), parameters);
        }
    }

    /** Commitments and disbursements of a period in yen, and how many organisations each went to. */
    private record Money(BigDecimal committed, BigDecimal disbursed, long committing, long disbursing) {

        static final Money NONE = new Money(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
    }

    /** Per period: experts, deployments, countries, person-days. */
    private Map<Integer, long[]> dispatchTotals(Periods periods) {
        Map<Integer, long[]> totals = new HashMap<>();
        jdbc.sql("select p.n, count(distinct case when d.departure_date >= p.s then d.expert_id end),"
                        + " count(case when d.departure_date >= p.s then 1 end),"
                        + " count(distinct case when d.departure_date >= p.s then r.country_code end),"
                        // PostgreSQL's least and greatest skip nulls: a period without deployments must not count its days
                        + " coalesce(sum(case when d.id is null then 0 else " + daysWithin("p.s", "p.l") + " end), 0)"
                        + " from " + periods.sql()
                        + " left join (dispatch d join dispatch_request r on r.id = d.request_id)"
                        + " on " + DEPLOYED + " and d.departure_date <= p.l and " + LAST_DAY + " >= p.s"
                        + " group by p.n")
                .params(periods.parameters())
                .query((RowCallbackHandler) rs -> totals.put(rs.getInt(1),
                        new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}));
        return totals;
    }

    /**
     * Per period: courses, nominated, accepted, completed, countries of the trainees accepted. Nominations are counted
     * per course first (only the courses of the periods), so that the periods join a row per course, not per
     * nomination; the countries are counted per period.
     */
    private Map<Integer, long[]> trainingTotals(Periods periods) {
        Map<Integer, long[]> totals = new HashMap<>();
        jdbc.sql("select p.n, count(c.id), coalesce(sum(x.nominated), 0), coalesce(sum(x.accepted), 0),"
                        + " coalesce(sum(x.completed), 0),"
                        + " (select count(distinct n.country_code) from course k join nomination n on n.course_id = k.id"
                        + "   where k.start_date >= p.s and k.start_date < p.e and k.status not in ('CANCELLED', 'NOT_HELD')"
                        + "   and n.status in " + PLACED + ")"
                        + " from " + periods.sql()
                        + " left join course c on c.start_date >= p.s and c.start_date < p.e and " + COURSE_COUNTS
                        + " left join (select n.course_id,"
                        + "   sum(case when n.status <> 'REFUSED' then 1 else 0 end) as nominated,"
                        + "   sum(case when n.status in " + PLACED + " then 1 else 0 end) as accepted,"
                        + "   sum(case when n.status = 'COMPLETED' then 1 else 0 end) as completed"
                        + "   from nomination n join course w on w.id = n.course_id"
                        + "   where w.start_date >= :windowStart and w.start_date < :windowEnd"
                        + "   group by n.course_id) x on x.course_id = c.id"
                        + " group by p.n, p.s, p.e")
                .params(periods.parameters())
                .query((RowCallbackHandler) rs -> totals.put(rs.getInt(1),
                        new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)}));
        return totals;
    }

    /** Per period: meetings held, countries attending, delegates attending. */
    private Map<Integer, long[]> meetingTotals(Periods periods) {
        Map<Integer, long[]> totals = new HashMap<>();
        jdbc.sql("select p.n, count(distinct m.id), count(distinct d.country_code), count(d.id)"
                        + " from " + periods.sql()
                        + " left join meeting m on m.start_date >= p.s and m.start_date < p.e and " + MEETING_HELD
                        + " left join delegate d on d.meeting_id = m.id and d.status = 'ATTENDED'"
                        + " group by p.n")
                .params(periods.parameters())
                .query((RowCallbackHandler) rs -> totals.put(rs.getInt(1),
                        new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)}));
        return totals;
    }

    private Map<Integer, Money> moneyTotals(Periods periods) {
        Map<Integer, Money> totals = new HashMap<>();
        jdbc.sql("select p.n,"
                        + " coalesce(sum(case when t.kind = 'COMMITMENT' then t.amount_yen end), 0),"
                        + " coalesce(sum(case when t.kind = 'DISBURSEMENT' then t.amount_yen end), 0),"
                        + " count(distinct case when t.kind = 'COMMITMENT' then c.organisation_code end),"
                        + " count(distinct case when t.kind = 'DISBURSEMENT' then c.organisation_code end)"
                        + " from " + periods.sql()
                        + " left join (contribution_transaction t join contribution c on c.id = t.contribution_id)"
                        + " on t.transaction_date >= p.s and t.transaction_date < p.e"
                        + " group by p.n")
                .params(periods.parameters())
                .query((RowCallbackHandler) rs -> totals.put(rs.getInt(1),
                        new Money(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getLong(4), rs.getLong(5))));
        return totals;
    }

    // ---------------------------------------------------------------- the period's tables

    public List<Figures.PartyRow> dispatchByOrganisation(ReportPeriod period, LocalDate today) {
        return dispatchBy(period, today, "r.requesting_body", "partner_organisation");
    }

    public List<Figures.PartyRow> dispatchByCountry(ReportPeriod period, LocalDate today) {
        return dispatchBy(period, today, "r.country_code", "partner_country");
    }

    private List<Figures.PartyRow> dispatchBy(ReportPeriod period, LocalDate today, String key, String names) {
        return jdbc.sql("select " + key + " as code, x.name, x.name_ja,"
                        + " count(distinct case when d.departure_date >= :start then d.expert_id end) as experts,"
                        + " count(case when d.departure_date >= :start then 1 end) as deployments,"
                        + " sum(" + daysWithin(":start", ":last") + ") as person_days"
                        + " from dispatch d join dispatch_request r on r.id = d.request_id"
                        + " join " + names + " x on x.code = " + key
                        + " where " + DEPLOYED + " and d.departure_date <= :last and " + LAST_DAY + " >= :start"
                        + " group by " + key + ", x.name, x.name_ja"
                        + " order by deployments desc, person_days desc, x.name")
                .params(period(period, today))
                .query((rs, row) -> new Figures.PartyRow(name(rs), rs.getLong("experts"), rs.getLong("deployments"),
                        rs.getLong("person_days")))
                .list();
    }

    public List<Figures.CourseRow> courses(ReportPeriod period) {
        return jdbc.sql("select c.reference, c.title, c.start_date, c.end_date,"
                        + " sum(case when n.status is not null and n.status <> 'REFUSED' then 1 else 0 end) as nominated,"
                        + " sum(case when n.status in " + PLACED + " then 1 else 0 end) as accepted,"
                        + " sum(case when n.status = 'COMPLETED' then 1 else 0 end) as completed,"
                        + " count(distinct case when n.status in " + PLACED + " then n.country_code end) as countries"
                        + " from course c left join nomination n on n.course_id = c.id"
                        + " where c.start_date >= :start and c.start_date < :end and " + COURSE_COUNTS
                        + " group by c.id, c.reference, c.title, c.start_date, c.end_date"
                        + " order by c.start_date, c.reference")
                .params(period(period, null))
                .query((rs, row) -> new Figures.CourseRow(rs.getString("reference"), rs.getString("title"),
                        rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                        rs.getLong("nominated"), rs.getLong("accepted"), rs.getLong("completed"), rs.getLong("countries")))
                .list();
    }

    public List<Figures.TraineeCountryRow> traineesByCountry(ReportPeriod period) {
        return jdbc.sql("select n.country_code as code, x.name, x.name_ja, count(*) as nominated,"
                        + " sum(case when n.status in " + PLACED + " then 1 else 0 end) as accepted,"
                        + " sum(case when n.status = 'COMPLETED' then 1 else 0 end) as completed,"
                        + " count(distinct case when n.status in " + PLACED + " then c.id end) as courses"
                        + " from nomination n join course c on c.id = n.course_id"
                        + " join partner_country x on x.code = n.country_code"
                        + " where c.start_date >= :start and c.start_date < :end and " + COURSE_COUNTS
                        + " and n.status <> 'REFUSED'"
                        + " group by n.country_code, x.name, x.name_ja"
                        + " order by accepted desc, nominated desc, x.name")
                .params(period(period, null))
                .query((rs, row) -> new Figures.TraineeCountryRow(name(rs), rs.getLong("nominated"), rs.getLong("accepted"),
                        rs.getLong("completed"), rs.getLong("courses")))
                .list();
    }

    public List<Figures.MeetingRow> meetings(ReportPeriod period) {
        return jdbc.sql("select m.reference, m.title, m.kind, m.start_date, m.end_date, m.host_country as code,"
                        + " x.name, x.name_ja, count(distinct d.country_code) as countries, count(d.id) as delegates"
                        + " from meeting m left join partner_country x on x.code = m.host_country"
                        + " left join delegate d on d.meeting_id = m.id and d.status = 'ATTENDED'"
                        + " where m.start_date >= :start and m.start_date < :end and " + MEETING_HELD
                        + " group by m.id, m.reference, m.title, m.kind, m.start_date, m.end_date, m.host_country,"
                        + " x.name, x.name_ja"
                        + " order by m.start_date, m.reference")
                .params(period(period, null))
                .query((rs, row) -> new Figures.MeetingRow(rs.getString("reference"), rs.getString("title"),
                        rs.getString("kind"), rs.getObject("start_date", LocalDate.class),
                        rs.getObject("end_date", LocalDate.class), name(rs), rs.getLong("countries"), rs.getLong("delegates")))
                .list();
    }

    public List<Figures.MeetingCountryRow> meetingsByCountry(ReportPeriod period) {
        return jdbc.sql("select d.country_code as code, x.name, x.name_ja, count(distinct d.meeting_id) as meetings,"
                        + " count(*) as delegates"
                        + " from delegate d join meeting m on m.id = d.meeting_id"
                        + " join partner_country x on x.code = d.country_code"
                        + " where d.status = 'ATTENDED' and m.start_date >= :start and m.start_date < :end and " + MEETING_HELD
                        + " group by d.country_code, x.name, x.name_ja"
                        + " order by delegates desc, meetings desc, x.name")
                .params(period(period, null))
                .query((rs, row) -> new Figures.MeetingCountryRow(name(rs), rs.getLong("meetings"), rs.getLong("delegates")))
                .list();
    }

    public List<Figures.ContributionRow> contributions(ReportPeriod period) {
        return jdbc.sql("select c.organisation_code as code, x.name, x.name_ja, t.currency,"
                        + " coalesce(sum(case when t.kind = 'COMMITMENT' then t.amount end), 0) as committed,"
                        + " coalesce(sum(case when t.kind = 'COMMITMENT' then t.amount_yen end), 0) as committed_yen,"
                        + " coalesce(sum(case when t.kind = 'DISBURSEMENT' then t.amount end), 0) as disbursed,"
                        + " coalesce(sum(case when t.kind = 'DISBURSEMENT' then t.amount_yen end), 0) as disbursed_yen,"
                        + " count(distinct c.id) as contributions"
                        + " from contribution_transaction t join contribution c on c.id = t.contribution_id"
                        + " join partner_organisation x on x.code = c.organisation_code"
                        + " where t.transaction_date >= :start and t.transaction_date < :end"
                        + " group by c.organisation_code, x.name, x.name_ja, t.currency"
                        + " order by sum(t.amount_yen) desc, x.name, t.currency")
                .params(period(period, null))
                .query((rs, row) -> new Figures.ContributionRow(name(rs), rs.getString("currency"),
                        rs.getBigDecimal("committed"), rs.getBigDecimal("committed_yen"), rs.getBigDecimal("disbursed"),
                        rs.getBigDecimal("disbursed_yen"), rs.getLong("contributions")))
                .list();
    }

    private static Map<String, Object> period(ReportPeriod period, LocalDate today) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("start", period.start());
        parameters.put("last", period.last());
        parameters.put("end", period.end());
        if (today != null) {
            parameters.put("today", today);
        }
        return parameters;
    }

    private static LocalName name(ResultSet rs) throws SQLException {
        return new LocalName(rs.getString("code"), rs.getString("name"), rs.getString("name_ja"));
    }
}
