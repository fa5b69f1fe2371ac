package org.cooperationdesk.contribution;

import java.math.BigDecimal;
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
 * Contributions on the office's pages: searched, filtered (status, organisation), sorted (an amount by its yen value,
 * whatever its currency) and paged in the database, with what was paid of each.
 */
@Repository
public class ContributionSearch implements HomeFigures {

    /** paid: the tranches paid, in the contribution's currency (zero before the first). */
    public record Row(String reference, LocalName organisation, String title, BigDecimal amount, String currency,
                      BigDecimal amountYen, BigDecimal paid, ContributionStatus status, LocalDate startDate, LocalDate endDate) {
    }

    public record Filter(String text, ContributionStatus status, String organisation) {
    }

    public static final Sorting SORTING = Sorting.of("c.id desc", "start", true,
            "reference", "c.reference",
            "organisation", "o.name",
            "title", "c.title",
            "amount", "c.amount_yen",
            "paid", "paid_amount",
            "status", "c.status",
            "start", "c.start_date");

    private static final String FROM = " from contribution c join partner_organisation o on o.code = c.organisation_code";

    private static final RowMapper<Row> ROW = (rs, row) -> new Row(rs.getString("reference"),
            new LocalName(rs.getString("organisation_code"), rs.getString("organisation_name"),
                    rs.getString("organisation_name_ja")),
            rs.getString("title"), rs.getBigDecimal("amount"), rs.getString("amount_currency"), rs.getBigDecimal("amount_yen"),
            rs.getBigDecimal("paid_amount"), ContributionStatus.valueOf(rs.getString("status")),
            rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class));

    private final JdbcClient jdbc;

    public ContributionSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ResultPage<Row> find(Filter filter, SortOrder order, int page) {
        Criteria where = new Criteria()
                .text(filter.text(), "c.reference", "c.title", "c.organisation_reference", "o.name")
                .when(filter.status() == null ? null : filter.status().name(), "c.status = :status", "status")
                .when(filter.organisation(), "c.organisation_code = :organisation", "organisation");
        long total = jdbc.sql("select count(*)" + FROM + where.sql()).params(where.parameters()).query(Long.class).single();
        if (total <= ResultPage.offset(page)) {
            return new ResultPage<>(List.of(), total, page);
        }
        List<Row> rows = jdbc.sql("""
                        select c.reference, c.organisation_code, o.name as organisation_name, o.name_ja as organisation_name_ja,
                               c.title, c.amount, c.amount_currency, c.amount_yen, c.status, c.start_date, c.end_date,
                               (select coalesce(sum(t.amount), 0) from contribution_tranche t
                                 where t.contribution_id = c.id and t.status = 'PAID') as paid_amount"""
                        + FROM + where.sql() + order.sql() + ResultPage.SLICE)
                .params(where.parameters(page)).query(ROW).list();
        return new ResultPage<>(rows, total, page);
    }

    /** The organisations contributions go through, for the filter. */
    public List<LocalName> organisations() {
        return jdbc.sql("""
                        select o.code, o.name, o.name_ja from partner_organisation o
                         where o.code in (select c.organisation_code from contribution c) order by o.name""")
                .query((rs, row) -> new LocalName(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    @Override
    public List<HomeFigure> figures(LocalDate today) {
        long active = jdbc.sql("select count(*) from contribution where status = ?").param(ContributionStatus.ACTIVE.name())
                .query(Long.class).single();
        return List.of(new HomeFigure(60, "home.figure.contributionsActive", active, "/desk/contributions?status=ACTIVE"));
    }
}
