package org.cooperationdesk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Contributions written straight into the contribution table, for the tests of the work they fund, without running
 * the contribution process. References are unique in the test JVM and never one the process would give (year 2024).
 */
public final class ContributionRows {

    /** A contribution as the table holds it: its id and reference. */
    public record Row(long id, String reference) {
    }

    private static final AtomicInteger NEXT = new AtomicInteger(9000);

    private ContributionRows() {
    }

    /** A USD 3,000,000 earmarked contribution to the organisation (ILO or WHO), in the status given. */
    public static Row insert(JdbcClient jdbc, String organisationCode, String status, String title) {
        String reference = "CT-2024-" + NEXT.incrementAndGet();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into contribution (reference, organisation_code, organisation_reference, organisation_email,
                            title, objectives, sector_code, kind, aid_type, start_date, end_date, amount, amount_currency,
                            amount_yen, planned_tranches, reporting_interval_months, programme_officer, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'EARMARKED', 'B03', ?, ?, ?, 'USD', ?, 3, 12, 'coordinator', ?, ?)""")
                .params(reference, organisationCode, organisationCode + "/JP/" + reference,
                        "partnerships@" + organisationCode.toLowerCase() + ".example", title, "Objectives of " + title,
                        "ILO".equals(organisationCode) ? "16070" : "12250", LocalDate.of(2026, 4, 1), LocalDate.of(2028, 3, 31),
                        new BigDecimal("3000000.00"), new BigDecimal("450000000"), status, LocalDateTime.of(2026, 2, 1, 9, 0))
                .update(keys, "id");
        return new Row(keys.getKey().longValue(), reference);
    }
}
