package org.cooperationdesk.meeting;

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
 * Meetings on the office's pages: searched, filtered (status, kind, year, a country invited, still to come), sorted
 * and paged in the database; and a meeting's delegates as its page shows them (who attended last year's officials
 * meeting is that meeting's page).
 */
@Repository
public class MeetingSearch implements HomeFigures {

    static final List<String> COMING = List.of(MeetingStatus.PLANNED.name(), MeetingStatus.FROZEN.name());

    /** Delegates still on their delegation: named, then attended or absent. */
    static final List<String> ON_DELEGATION = List.of(DelegateStatus.NOMINATED.name(), DelegateStatus.ATTENDED.name(),
            DelegateStatus.ABSENT.name());

    public record Row(String reference, String title, String kind, LocalName hostCountry, String venue,
                      LocalDate startDate, LocalDate endDate, MeetingStatus status, int countries, int delegates,
                      int attended) {
    }

    public record Filter(String text, MeetingStatus status, String kind, Integer year, String country, boolean coming) {
    }

    /** A delegate as the meeting's page lists them; the passport only for coordinators. */
    public record Attendee(long id, Long personId, String fullName, String email, LocalName country, String role,
                           DelegateStatus status, String passportNumber, LocalDate passportExpiry) {

        public Attendee withoutIdentityDocuments() {
            return new Attendee(id, personId, fullName, email, country, role, status, null, null);
        }
    }

    public static final Sorting SORTING = Sorting.of("m.id desc", "start", true,
            "reference", "m.reference",
            "title", "m.title",
            "kind", "m.kind",
            "host", "k.name",
            "start", "m.start_date",
            "status", "m.status");

    private static final RowMapper<Row> ROW = (rs, row) -> new Row(rs.getString("reference"), rs.getString("title"),
            rs.getString("kind"), new LocalName(rs.getString("host_country"), rs.getString("host_name"),
            rs.getString("host_name_ja")), rs.getString("venue"), rs.getObject("start_date", LocalDate.class),
            rs.getObject("end_date", LocalDate.class), MeetingStatus.valueOf(rs.getString("status")),
            rs.getInt("countries"), rs.getInt("delegates"), rs.getInt("attended"));

    private static final String FROM = " from meeting m left join partner_country k on k.code = m.host_country";

    private final JdbcClient jdbc;

    public MeetingSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ResultPage<Row> find(Filter filter, SortOrder order, int page, LocalDate today) {
        Criteria where = new Criteria()
                .text(filter.text(), "m.reference", "m.title", "m.theme", "m.venue")
                .when(filter.status() == null ? null : filter.status().name(), "m.status = :status", "status")
                .when(filter.kind(), "m.kind = :kind", "kind")
                .when(filter.year() != null, "m.start_date >= :yearStart and m.start_date < :yearEnd")
                .when(filter.country(), "exists (select 1 from meeting_invitation i where i.meeting_id = m.id"
                        + " and i.country_code = :country)", "country")
                .when(filter.coming(), "m.start_date >= :today and m.status in (:coming)");
        if (filter.year() != null) {
            where.bind("yearStart", LocalDate.of(filter.year(), 1, 1)).bind("yearEnd", LocalDate.of(filter.year() + 1, 1, 1));
        }
        if (filter.coming()) {
            where.bind("today", today).bind("coming", COMING);
        }
        long total = jdbc.sql("select count(*)" + FROM + where.sql()).params(where.parameters()).query(Long.class).single();
        if (total <= ResultPage.offset(page)) {
            return new ResultPage<>(List.of(), total, page);
        }
        List<Row> rows = jdbc.sql("""
                        select m.reference, m.title, m.kind, m.host_country, k.name as host_name, k.name_ja as host_name_ja,
                               m.venue, m.start_date, m.end_date, m.status,
                               (select count(*) from meeting_invitation i where i.meeting_id = m.id) as countries,
                               (select count(*) from delegate d where d.meeting_id = m.id and d.status in (:onDelegation))
                                 as delegates,
                               (select count(*) from delegate d where d.meeting_id = m.id and d.status = 'ATTENDED') as attended"""
                        + FROM + where.sql() + order.sql() + ResultPage.SLICE)
                .params(where.parameters(page)).param("onDelegation", ON_DELEGATION).query(ROW).list();
        return new ResultPage<>(rows, total, page);
    }

    /** The kinds of meeting the office organised ("officials' meeting", "workshop"), for the filter. */
    public List<String> kinds() {
        return jdbc.sql("select distinct kind from meeting order by kind").query(String.class).list();
    }

    /** Every delegate of the meeting by country, heads of delegation first, removed and cancelled ones included. */
    public List<Attendee> attendees(long meetingId) {
        return jdbc.sql("""
                        select d.id, d.person_id, d.full_name, d.email, d.country_code, k.name, k.name_ja, d.role, d.status,
                               d.passport_number, d.passport_expiry
                          from delegate d join partner_country k on k.code = d.country_code
                         where d.meeting_id = ?
                         order by k.name, case when d.role = 'HEAD' then 0 else 1 end, d.id""")
                .param(meetingId)
                .query((rs, row) -> new Attendee(rs.getLong("id"), rs.getObject("person_id", Long.class),
                        rs.getString("full_name"), rs.getString("email"),
                        new LocalName(rs.getString("country_code"), rs.getString("name"), rs.getString("name_ja")),
                        rs.getString("role"), DelegateStatus.valueOf(rs.getString("status")), rs.getString("passport_number"),
                        rs.getObject("passport_expiry", LocalDate.class)))
                .list();
    }

    @Override
    public List<HomeFigure> figures(LocalDate today) {
        long coming = jdbc.sql("select count(*) from meeting m where m.start_date >= :today and m.status in (:coming)")
                .param("today", today).param("coming", COMING).query(Long.class).single();
        return List.of(new HomeFigure(50, "home.figure.meetingsComing", coming, "/desk/meetings?coming=true"));
    }
}
