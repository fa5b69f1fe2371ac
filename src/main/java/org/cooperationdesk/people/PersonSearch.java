package org.cooperationdesk.people;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.cooperationdesk.desk.Criteria;
import org.cooperationdesk.desk.LocalName;
import org.cooperationdesk.desk.ResultPage;
import org.cooperationdesk.desk.SortOrder;
import org.cooperationdesk.desk.Sorting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * People on the office's pages: one person across the roles and years the office met them (expert on the roster,
 * nominee and trainee of courses, delegate to meetings), found by name or e-mail address.
 */
@Repository
public class PersonSearch {

    /** The roles a person can have had; the list filters on one. */
    public enum Role { EXPERT, NOMINEE, DELEGATE }

    public record Row(long id, String fullName, String email, String nationality, boolean expert, int nominations,
                      int delegations) {
    }

    public record Filter(String text, Role role) {
    }

    public record Person(long id, String fullName, String email, String nationality, LocalDateTime registeredAt,
                         boolean expert) {
    }

    /** A nomination of the person for a course; identity documents are shown to coordinators only. */
    public record Nomination(String courseReference, String courseTitle, LocalDate startDate, LocalDate endDate,
                             LocalName country, String status, String reason, String certificateNumber,
                             LocalDate dateOfBirth, String passportNumber, LocalDate passportExpiry) {

        /** The nomination for a reader who may not see identity documents. */
        public Nomination withoutIdentityDocuments() {
            return new Nomination(courseReference, courseTitle, startDate, endDate, country, status, reason,
                    certificateNumber, null, null, null);
        }
    }

    /** A place of the person on a government's delegation to a meeting. */
    public record Delegation(String meetingReference, String meetingTitle, LocalDate startDate, LocalDate endDate,
                             LocalName country, String role, String status, String passportNumber, LocalDate passportExpiry) {

        /** The delegation for a reader who may not see identity documents. */
        public Delegation withoutIdentityDocuments() {
            return new Delegation(meetingReference, meetingTitle, startDate, endDate, country, role, status, null, null);
        }
    }

    public static final Sorting SORTING = Sorting.of("p.id asc", "name", false,
            "name", "p.full_name",
            "email", "p.email_key",
            "nationality", "p.nationality",
            "registered", "p.created_at");

    private final JdbcClient jdbc;

    public PersonSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ResultPage<Row> find(Filter filter, SortOrder order, int page) {
        Criteria where = new Criteria()
                .text(filter.text(), "p.full_name", "p.email_key")
                .when(filter.role() == Role.EXPERT, "exists (select 1 from expert e where e.person_id = p.id)")
                .when(filter.role() == Role.NOMINEE, "exists (select 1 from nomination n where n.person_id = p.id)")
                .when(filter.role() == Role.DELEGATE, "exists (select 1 from delegate d where d.person_id = p.id)");
        String from = " from person p" + where.sql();
        long total = jdbc.sql("select count(*)" + from).params(where.parameters()).query(Long.class).single();
        if (total <= ResultPage.offset(page)) {
            return new ResultPage<>(List.of(), total, page);
        }
        // The page's 25 people are chosen first, then counted: counting in the sliced query counted every person
        // skipped before the page too (a late page of 20,000 people took 90 ms of SQL instead of a few).
        List<Row> rows = jdbc.sql("""
                        select p.id, p.full_name, p.email, p.nationality,
                               (select count(*) from expert e where e.person_id = p.id) as expert,
                               (select count(*) from nomination n where n.person_id = p.id) as nominations,
                               (select count(*) from delegate d where d.person_id = p.id) as delegations
                          from (select p.id""" + from + order.sql() + ResultPage.SLICE + """
                               ) page join person p on p.id = page.id"""
                        + order.sql())
                .params(where.parameters(page))
                .query((rs, row) -> new Row(rs.getLong("id"), rs.getString("full_name"), rs.getString("email"),
                        rs.getString("nationality"), rs.getInt("expert") > 0, rs.getInt("nominations"), rs.getInt("delegations")))
                .list();
        return new ResultPage<>(rows, total, page);
    }

    public Optional<Person> person(long id) {
        return jdbc.sql("""
                        select p.id, p.full_name, p.email, p.nationality, p.created_at,
                               (select count(*) from expert e where e.person_id = p.id) as expert
                          from person p where p.id = ?""")
                .param(id)
                .query((rs, row) -> new Person(rs.getLong("id"), rs.getString("full_name"), rs.getString("email"),
                        rs.getString("nationality"), rs.getObject("created_at", LocalDateTime.class), rs.getInt("expert") > 0))
                .optional();
    }

    /** The person's nominations, the latest course first. */
    public List<Nomination> nominations(long personId) {
        return jdbc.sql("""
                        select c.reference, c.title, c.start_date, c.end_date, n.country_code, k.name, k.name_ja, n.status,
                               n.reason, n.certificate_number, n.date_of_birth, n.passport_number, n.passport_expiry
                          from nomination n join course c on c.id = n.course_id join partner_country k on k.code = n.country_code
                         where n.person_id = ? order by c.start_date desc, n.id desc""")
                .param(personId)
                .query((rs, row) -> new Nomination(rs.getString("reference"), rs.getString("title"),
                        rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                        new LocalName(rs.getString("country_code"), rs.getString("name"), rs.getString("name_ja")),
                        rs.getString("status"), rs.getString("reason"), rs.getString("certificate_number"),
                        rs.getObject("date_of_birth", LocalDate.class), rs.getString("passport_number"),
                        rs.getObject("passport_expiry", LocalDate.class)))
                .list();
    }

    /** The person's places on delegations, the latest meeting first. */
    public List<Delegation> delegations(long personId) {
        return jdbc.sql("""
                        select m.reference, m.title, m.start_date, m.end_date, d.country_code, k.name, k.name_ja, d.role,
                               d.status, d.passport_number, d.passport_expiry
                          from delegate d join meeting m on m.id = d.meeting_id join partner_country k on k.code = d.country_code
                         where d.person_id = ? order by m.start_date desc, d.id desc""")
                .param(personId)
                .query((rs, row) -> new Delegation(rs.getString("reference"), rs.getString("title"),
                        rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                        new LocalName(rs.getString("country_code"), rs.getString("name"), rs.getString("name_ja")),
                        rs.getString("role"), rs.getString("status"), rs.getString("passport_number"),
                        rs.getObject("passport_expiry", LocalDate.class)))
                .list();
    }
}
