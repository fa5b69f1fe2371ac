package org.cooperationdesk.contribution;

import java.util.List;
import java.util.Optional;

import org.cooperationdesk.form.FormOptionSource;
import org.cooperationdesk.form.ValidationMessages;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The contributions a dispatch, a course or a meeting can belong to (the ILO project that funds a workshop, the WHO
 * contribution that pays for a GOARN deployment), offered on the rooms' start forms as {@code "options": "programmes"},
 * and what each contribution funded.
 */
@Repository
public class Programmes implements FormOptionSource {

    /** A dispatch request, course or meeting a contribution funds; title is a request's purpose. */
    public record Funded(String kind, String reference, String title, String status) {
    }

    /** Mapped by hand: every start form of three rooms reads the options when it is fetched. */
    private static final RowMapper<FormOption> OPTION = (rs, row) -> new FormOption(rs.getString("reference"),
            rs.getString("reference") + " · " + rs.getString("organisation_code") + " · " + rs.getString("title"));

    private static final RowMapper<Funded> FUNDED = (rs, row) -> new Funded(rs.getString("kind"), rs.getString("reference"),
            rs.getString("title"), rs.getString("status"));

    private final JdbcClient jdbc;

    public Programmes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "programmes";
    }

    /** The running contributions: approved, active, or waiting for the final report. */
    @Override
    public List<FormOption> options() {
        return jdbc.sql("""
                        select reference, organisation_code, title from contribution
                         where status in ('APPROVED', 'ACTIVE', 'FINAL_REPORT') order by reference""")
                .query(OPTION).list();
    }

    @Override
    public String unknown(String value) {
        return ValidationMessages.render("option.unknown.programme", value);
    }

    /** The contribution's id, whatever its status; empty for a blank or unknown reference. */
    public Optional<Long> idOf(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select id from contribution where reference = ?").param(reference.strip()).query(Long.class).optional();
    }

    /** The contribution's reference; empty for null (the work belongs to no contribution). */
    public Optional<String> referenceOf(Long contributionId) {
        if (contributionId == null) {
            return Optional.empty();
        }
        return jdbc.sql("select reference from contribution where id = ?").param(contributionId).query(String.class).optional();
    }

    /** The dispatch requests, courses and meetings the contribution funds, by kind, then reference. */
    public List<Funded> fundedBy(long contributionId) {
        return jdbc.sql("""
                        select 'COURSE' as kind, reference, title, status from course where contribution_id = :id
                        union all
                        select 'DISPATCH_REQUEST' as kind, reference, purpose as title, status from dispatch_request
                         where contribution_id = :id
                        union all
                        select 'MEETING' as kind, reference, title, status from meeting where contribution_id = :id
                        order by kind, reference""")
                .param("id", contributionId)
                .query(FUNDED).list();
    }
}
