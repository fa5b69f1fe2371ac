package org.cooperationdesk.training;

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
 * Courses on the office's pages: searched, filtered (status, year, a country invited, still to come), sorted and
 * paged in the database; and a course's invitations and nominations as its page shows them.
 */
@Repository
public class CourseSearch implements HomeFigures {

    /** A course not yet held, cancelled or closed. */
    static final List<String> COMING = List.of(CourseStatus.OPEN.name(), CourseStatus.NOMINATIONS_CLOSED.name(),
            CourseStatus.SELECTED.name());

    /** Nominees given a place: accepted, then arrived, then with or without completion. */
    static final List<String> PLACED = List.of(NominationStatus.ACCEPTED.name(), NominationStatus.ARRIVED.name(),
            NominationStatus.COMPLETED.name(), NominationStatus.NOT_COMPLETED.name());

    public record Row(String reference, String title, String place, LocalDate startDate, LocalDate endDate,
                      CourseStatus status, LocalDate nominationDeadline, int capacity, int countries, int nominations,
                      int placed) {
    }

    /** coming: starts today or later and is still going ahead. */
    public record Filter(String text, CourseStatus status, Integer year, String country, boolean coming) {
    }

    /** A government invited and whether it nominated. */
    public record Invitation(LocalName country, InvitationStatus status) {
    }

    /** A nomination as the course's page lists it; identity documents only for coordinators. */
    public record Nominee(long id, Long personId, String fullName, String email, LocalName country, String organisation,
                          String position, Integer yearsOfExperience, NominationStatus status, String reason,
                          Integer rankNo, String certificateNumber, LocalDate dateOfBirth, String passportNumber,
                          LocalDate passportExpiry) {

        public Nominee withoutIdentityDocuments() {
            return new Nominee(id, personId, fullName, email, country, organisation, position, yearsOfExperience, status,
                    reason, rankNo, certificateNumber, null, null, null);
        }
    }

    public static final Sorting SORTING = Sorting.of("c.id desc", "start", true,
            "reference", "c.reference",
            "title", "c.title",
            "start", "c.start_date",
            "deadline", "c.nomination_deadline",
            "status", "c.status");

    private static final RowMapper<Row> ROW = (rs, row) -> new Row(rs.getString("reference"), rs.getString("title"),
            rs.getString("place"), rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
            CourseStatus.valueOf(rs.getString("status")), rs.getObject("nomination_deadline", LocalDate.class),
            rs.getInt("capacity"), rs.getInt("countries"), rs.getInt("nominations"), rs.getInt("placed"));

    private final JdbcClient jdbc;

    public CourseSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ResultPage<Row> find(Filter filter, SortOrder order, int page, LocalDate today) {
        Criteria where = new Criteria()
                .text(filter.text(), "c.reference", "c.title", "c.place")
                .when(filter.status() == null ? null : filter.status().name(), "c.status = :status", "status")
                .when(filter.year() != null, "c.start_date >= :yearStart and c.start_date < :yearEnd")
                .when(filter.country(), "exists (select 1 from course_invitation i where i.course_id = c.id"
                        + " and i.country_code = :country)", "country")
                .when(filter.coming(), "c.start_date >= :today and c.status in (:coming)");
        if (filter.year() != null) {
            where.bind("yearStart", LocalDate.of(filter.year(), 1, 1)).bind("yearEnd", LocalDate.of(filter.year() + 1, 1, 1));
        }
        if (filter.coming()) {
            where.bind("today", today).bind("coming", COMING);
        }
        long total = jdbc.sql("select count(*) from course c" + where.sql()).params(where.parameters()).query(Long.class).single();
        if (total <= ResultPage.offset(page)) {
            return new ResultPage<>(List.of(), total, page);
        }
        List<Row> rows = jdbc.sql("""
                        select c.reference, c.title, c.place, c.start_date, c.end_date, c.status, c.nomination_deadline,
                               c.capacity,
                               (select count(*) from course_invitation i where i.course_id = c.id) as countries,
                               (select count(*) from nomination n where n.course_id = c.id) as nominations,
                               (select count(*) from nomination n where n.course_id = c.id and n.status in (:placed)) as placed
                          from course c""" + where.sql() + order.sql() + ResultPage.SLICE)
                .params(where.parameters(page)).param("placed", PLACED).query(ROW).list();
        return new ResultPage<>(rows, total, page);
    }

    public List<Invitation> invitations(long courseId) {
        return jdbc.sql("""
                        select i.country_code, k.name, k.name_ja, i.status from course_invitation i
                          join partner_country k on k.code = i.country_code
                         where i.course_id = ? order by k.name""")
                .param(courseId)
                .query((rs, row) -> new Invitation(new LocalName(rs.getString(1), rs.getString(2), rs.getString(3)),
                        InvitationStatus.valueOf(rs.getString(4))))
                .list();
    }

    /** The course's nominations by country, then rank, then arrival. */
    public List<Nominee> nominees(long courseId) {
        return jdbc.sql("""
                        select n.id, n.person_id, n.full_name, n.email, n.country_code, k.name, k.name_ja, n.organisation,
                               n.position, n.years_of_experience, n.status, n.reason, n.rank_no, n.certificate_number,
                               n.date_of_birth, n.passport_number, n.passport_expiry
                          from nomination n join partner_country k on k.code = n.country_code
                         where n.course_id = ? order by k.name, n.rank_no nulls last, n.id""")
                .param(courseId)
                .query((rs, row) -> new Nominee(rs.getLong("id"), rs.getObject("person_id", Long.class),
                        rs.getString("full_name"), rs.getString("email"),
                        new LocalName(rs.getString("country_code"), rs.getString("name"), rs.getString("name_ja")),
                        rs.getString("organisation"), rs.getString("position"), rs.getObject("years_of_experience", Integer.class),
                        NominationStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                        rs.getObject("rank_no", Integer.class), rs.getString("certificate_number"),
                        rs.getObject("date_of_birth", LocalDate.class), rs.getString("passport_number"),
                        rs.getObject("passport_expiry", LocalDate.class)))
                .list();
    }

    @Override
    public List<HomeFigure> figures(LocalDate today) {
        long coming = jdbc.sql("select count(*) from course c where c.start_date >= :today and c.status in (:coming)")
                .param("today", today).param("coming", COMING).query(Long.class).single();
        return List.of(new HomeFigure(40, "home.figure.coursesComing", coming, "/desk/courses?coming=true"));
    }
}
