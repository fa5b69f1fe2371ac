package org.cooperationdesk.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cooperationdesk.desk.Criteria;
import org.cooperationdesk.desk.HomeFigure;
import org.cooperationdesk.desk.HomeFigures;
import org.cooperationdesk.desk.LocalName;
import org.cooperationdesk.desk.ResultPage;
import org.cooperationdesk.desk.SortOrder;
import org.cooperationdesk.desk.Sorting;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The roster on the office's pages: experts searched (name, e-mail, affiliation, skill), filtered (availability,
 * language, medical clearance expiring), sorted and paged in the database; and an expert's missions.
 */
@Repository
public class ExpertSearch implements HomeFigures {

    /** How soon a medical clearance must be renewed to be flagged. */
    public static final int CLEARANCE_WARNING_DAYS = 90;

    /** A medical clearance: none recorded, valid beyond the warning period, expiring within it, or expired. */
    public enum Clearance {
        NONE, VALID, EXPIRING, EXPIRED;

        static Clearance of(LocalDate expires, LocalDate today) {
            if (expires == null) {
                return NONE;
            }
            if (expires.isBefore(today)) {
                return EXPIRED;
            }
            return expires.isAfter(today.plusDays(CLEARANCE_WARNING_DAYS)) ? VALID : EXPIRING;
        }
    }

    public record Row(long id, String fullName, String email, String nationality, String affiliation,
                      Availability availability, LocalDate availableFrom, LocalDate medicalClearanceExpires,
                      Clearance clearance, List<String> languages, List<String> skills) {
    }

    /** clearanceDue: the medical clearance expires within the warning period or has expired (or none is recorded). */
    public record Filter(String text, Availability availability, String language, boolean clearanceDue) {
    }

    /** An expert's dispatch: the request, where, and the days. */
    public record Mission(String reference, LocalName country, String purpose, String status, LocalDate departure,
                          LocalDate plannedReturn, LocalDate returned, Integer personDays) {
    }

    public static final Sorting SORTING = Sorting.of("p.id asc", "name", false,
            "name", "p.full_name",
            "availability", "e.availability",
            "affiliation", "e.affiliation",
            "nationality", "p.nationality",
            "clearance", "e.medical_clearance_expires");

    private static final String FROM = " from expert e join person p on p.id = e.person_id";

    private final JdbcClient jdbc;

    public ExpertSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ResultPage<Row> find(Filter filter, SortOrder order, int page, LocalDate today) {
        Criteria where = new Criteria()
                .text(filter.text(), List.of("p.full_name", "p.email", "e.affiliation"),
                        List.of("exists (select 1 from expert_skill s where s.expert_id = e.person_id and s.skill like :text escape '!')"))
                .when(filter.availability() == null ? null : filter.availability().name(), "e.availability = :availability",
                        "availability")
                .when(filter.language(), "exists (select 1 from expert_language l where l.expert_id = e.person_id"
                        + " and l.language = :language)", "language")
                .when(filter.clearanceDue(), "(e.medical_clearance_expires is null or e.medical_clearance_expires <= :due)",
                        "due", today.plusDays(CLEARANCE_WARNING_DAYS));
        long total = jdbc.sql("select count(*)" + FROM + where.sql()).params(where.parameters()).query(Long.class).single();
        if (total <= ResultPage.offset(page)) {
            return new ResultPage<>(List.of(), total, page);
        }
        record Found(long id, String fullName, String email, String nationality, String affiliation, Availability availability,
                     LocalDate availableFrom, LocalDate medicalClearanceExpires) {
        }
        List<Found> found = jdbc.sql("""
                        select p.id, p.full_name, p.email, p.nationality, e.affiliation, e.availability, e.available_from,
                               e.medical_clearance_expires""" + FROM + where.sql() + order.sql() + ResultPage.SLICE)
                .params(where.parameters(page))
                .query((rs, row) -> new Found(rs.getLong("id"), rs.getString("full_name"), rs.getString("email"),
                        rs.getString("nationality"), rs.getString("affiliation"), Availability.valueOf(rs.getString("availability")),
                        rs.getObject("available_from", LocalDate.class), rs.getObject("medical_clearance_expires", LocalDate.class)))
                .list();
        List<Long> ids = found.stream().map(Found::id).toList();
        Map<Long, List<String>> languages = tags("select expert_id, language from expert_language where expert_id in (:ids)"
                + " order by language", ids);
        Map<Long, List<String>> skills = tags("select expert_id, skill from expert_skill where expert_id in (:ids) order by skill",
                ids);
        List<Row> rows = found.stream().map(f -> new Row(f.id(), f.fullName(), f.email(), f.nationality(), f.affiliation(),
                f.availability(), f.availableFrom(), f.medicalClearanceExpires(), Clearance.of(f.medicalClearanceExpires(), today),
                languages.getOrDefault(f.id(), List.of()), skills.getOrDefault(f.id(), List.of()))).toList();
        return new ResultPage<>(rows, total, page);
    }

    /** The state of an expert's medical clearance today. */
    public Clearance clearance(Expert expert, LocalDate today) {
        return Clearance.of(expert.medicalClearanceExpires(), today);
    }

    /** The languages experts speak, for the filter. */
    public List<String> languages() {
        return jdbc.sql("select distinct language from expert_language order by language").query(String.class).list();
    }

    /** The expert's dispatches, the latest first, declined offers included. */
    public List<Mission> missions(long expertId) {
        return jdbc.sql("""
                        select r.reference, r.country_code, c.name, c.name_ja, r.purpose, d.status, d.departure_date,
                               d.planned_return_date, d.return_date, d.person_days
                          from dispatch d join dispatch_request r on r.id = d.request_id
                          join partner_country c on c.code = r.country_code
                         where d.expert_id = ? order by d.id desc""")
                .param(expertId)
                .query((rs, row) -> new Mission(rs.getString("reference"),
                        new LocalName(rs.getString("country_code"), rs.getString("name"), rs.getString("name_ja")),
                        rs.getString("purpose"), rs.getString("status"), rs.getObject("departure_date", LocalDate.class),
                        rs.getObject("planned_return_date", LocalDate.class), rs.getObject("return_date", LocalDate.class),
                        rs.getObject("person_days", Integer.class)))
                .list();
    }

    @Override
    public List<HomeFigure> figures(LocalDate today) {
        long due = jdbc.sql("select count(*) from expert e where e.medical_clearance_expires is null"
                        + " or e.medical_clearance_expires <= ?")
                .param(today.plusDays(CLEARANCE_WARNING_DAYS)).query(Long.class).single();
        return List.of(new HomeFigure(30, "home.figure.clearancesDue", due, "/desk/experts?clearance=due"));
    }

    private Map<Long, List<String>> tags(String sql, List<Long> ids) {
        Map<Long, List<String>> tags = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(sql).param("ids", ids).query((RowCallbackHandler) rs ->
                    tags.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2)));
        }
        return tags;
    }
}
