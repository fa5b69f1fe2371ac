package org.cooperationdesk.dispatch;

import java.time.LocalDate;
import java.util.List;

import org.cooperationdesk.desk.Criteria;
import org.cooperationdesk.desk.HomeFigure;
import org.cooperationdesk.desk.HomeFigures;
import org.cooperationdesk.desk.LocalName;
import org.cooperationdesk.desk.ResultPage;
import org.cooperationdesk.desk.SortOrder;
import org.cooperationdesk.desk.Sorting;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The list of requests and their dispatches on the office's pages: one row per request with the expert of its
 * current dispatch (the latest not declined), searched, filtered, sorted and paged in the database.
 */
@Repository
public class DispatchSearch implements HomeFigures {

    /** Requests still being worked on: not yet closed one way or another. */
    static final List<String> OPEN = List.of(RequestStatus.RECEIVED.name(), RequestStatus.MATCHING.name(),
            RequestStatus.APPROVAL.name(), RequestStatus.DEPLOYED.name());

    /**
     * One request. expertId, expertName, dispatchStatus, departure, plannedReturn and returned: its current dispatch,
     * null while nobody is offered. personDays: the days in the field of all its dispatches, null before any.
     */
    public record Row(String reference, RequestStatus status, LocalName country, LocalName requestingBody, String purpose,
                      LocalDate startDate, int durationDays, Long expertId, String expertName, DispatchStatus dispatchStatus,
                      LocalDate departure, LocalDate plannedReturn, LocalDate returned, Integer personDays) {

        /** The first day: departure once known, else the requested start. */
        public LocalDate getFrom() {
            return departure != null ? departure : startDate;
        }

        /** The last day: the return, else the planned return, else the requested duration's end. */
        public LocalDate getUntil() {
            return returned != null ? returned : plannedReturn != null ? plannedReturn : startDate.plusDays(durationDays - 1L);
        }
    }

    /**
     * What the reader asks for; every part optional. deployedNow: the expert has left and not returned yet. open:
     * the request is not closed.
     */
    public record Filter(String text, RequestStatus status, String country, String body, boolean deployedNow,
                         boolean open) {
    }

    public static final Sorting SORTING = Sorting.of("r.id desc", "start", true,
            "reference", "r.reference",
            "status", "r.status",
            "country", "c.name",
            "body", "r.requesting_body",
            "expert", "p.full_name",
            "start", "r.start_date",
            "personDays", "total_person_days");

    private static final String FROM = " " + """
             from dispatch_request r
             join partner_country c on c.code = r.country_code
             join partner_organisation o on o.code = r.requesting_body
             left join dispatch d on d.id = (select max(x.id) from dispatch x
                                              where x.request_id = r.id and x.status <> 'UNAVAILABLE')
             left join person p on p.id = d.expert_id""";

    private static final RowMapper<Row> ROW = (rs, row) -> new Row(rs.getString("reference"),
            RequestStatus.valueOf(rs.getString("status")),
            new LocalName(rs.getString("country_code"), rs.getString("country_name"), rs.getString("country_name_ja")),
            new LocalName(rs.getString("requesting_body"), rs.getString("body_name"), rs.getString("body_name_ja")),
            rs.getString("purpose"), rs.getObject("start_date", LocalDate.class), rs.getInt("duration_days"),
            rs.getObject("expert_id", Long.class), rs.getString("expert_name"),
            rs.getString("dispatch_status") == null ? null : DispatchStatus.valueOf(rs.getString("dispatch_status")),
            rs.getObject("departure_date", LocalDate.class), rs.getObject("planned_return_date", LocalDate.class),
            rs.getObject("return_date", LocalDate.class), personDays(rs.getObject("total_person_days")));

    private final JdbcClient jdbc;

    /** A sum of integers: an integer on H2, a bigint on PostgreSQL. */
    private static Integer personDays(Object sum) {
        return sum == null ? null : ((Number) sum).intValue();
    }

    public DispatchSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ResultPage<Row> find(Filter filter, SortOrder order, int page, LocalDate today) {
        Criteria where = criteria(filter, today);
        long total = jdbc.sql("select count(*)" + FROM + where.sql()).params(where.parameters()).query(Long.class).single();
        if (total <= ResultPage.offset(page)) {
            return new ResultPage<>(List.of(), total, page);
        }
        List<Row> rows = jdbc.sql("""
                        select r.reference, r.status, r.country_code, c.name as country_name, c.name_ja as country_name_ja,
                               r.requesting_body, o.name as body_name, o.name_ja as body_name_ja, r.purpose, r.start_date,
                               r.duration_days, p.id as expert_id, p.full_name as expert_name, d.status as dispatch_status,
                               d.departure_date, d.planned_return_date, d.return_date,
                               (select sum(y.person_days) from dispatch y where y.request_id = r.id) as total_person_days"""
                        + FROM + where.sql() + order.sql() + ResultPage.SLICE)
                .params(where.parameters(page)).query(ROW).list();
        return new ResultPage<>(rows, total, page);
    }

    private static Criteria criteria(Filter filter, LocalDate today) {
        return new Criteria()
                .text(filter.text(), "r.reference", "r.purpose", "r.requester_reference", "p.full_name", "c.name", "c.name_ja",
                        "o.name")
                .when(filter.status() == null ? null : filter.status().name(), "r.status = :status", "status")
                .when(filter.country(), "r.country_code = :country", "country")
                .when(filter.body(), "r.requesting_body = :body", "body")
                .when(filter.open(), "r.status in (:open)", "open", OPEN)
                .when(filter.deployedNow(), deployedNow(), "today", today);
    }

    /** The current dispatch has left and has not come back. */
    private static String deployedNow() {
        return "d.status = 'DEPLOYED' and d.departure_date <= :today and d.return_date is null";
    }

    /** The countries and the requesting bodies that have requests, for the filters. */
    public List<LocalName> countries() {
        return jdbc.sql("""
                        select c.code, c.name, c.name_ja from partner_country c
                         where c.code in (select r.country_code from dispatch_request r) order by c.name""")
                .query((rs, row) -> new LocalName(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    public List<LocalName> bodies() {
        return jdbc.sql("""
                        select o.code, o.name, o.name_ja from partner_organisation o
                         where o.code in (select r.requesting_body from dispatch_request r) order by o.name""")
                .query((rs, row) -> new LocalName(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    @Override
    public List<HomeFigure> figures(LocalDate today) {
        long open = jdbc.sql("select count(*) from dispatch_request where status in (:open)").param("open", OPEN)
                .query(Long.class).single();
        long deployed = jdbc.sql("select count(*) from dispatch d where " + deployedNow()).param("today", today)
                .query(Long.class).single();
        return List.of(new HomeFigure(10, "home.figure.requestsOpen", open, "/desk/dispatches?open=true"),
                new HomeFigure(20, "home.figure.deployedNow", deployed, "/desk/dispatches?deployed=true"));
    }
}
