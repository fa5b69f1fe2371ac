package org.cooperationdesk.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cooperationdesk.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An installation with records from before the world came in (the ten ASEAN countries, amounts in yen) is migrated
 * by Flyway (V8, V9) and keeps every record: codes, names, the focal points it wrote to, each amount, now in JPY with
 * its yen value. On H2, and on PostgreSQL in the -Ppostgres build.
 */
class WorldMigrationTest {

    static JdbcClient db;

    @BeforeAll
    static void migrateAnInstallationWithRecords() {
        DriverManagerDataSource dataSource = TestDatabase.postgres()
                ? new DriverManagerDataSource(TestDatabase.createDatabase(), TestDatabase.user(), TestDatabase.password())
                : new DriverManagerDataSource("jdbc:h2:mem:world-migration-test;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("7").load().migrate();
        db = JdbcClient.create(dataSource);
        db.sql("""
                insert into dispatch_request (reference, requesting_body, requester_reference, requester_email, country_code,
                    purpose, terms_of_reference, skills_needed, start_date, duration_days, estimated_cost, funded_by, status,
                    created_at)
                values ('DR-2025-0001', 'WHO', 'GOARN-2025-9', 'goarn@who.example', 'VN', 'Avian influenza', 'ToR',
                    'epidemiology', date '2025-03-01', 14, 1200000, 'REQUESTER', 'COMPLETED', timestamp '2025-02-01 09:00:00')""")
                .update();
        db.sql("""
                insert into meeting (reference, title, theme, kind, start_date, end_date, venue, host_country, budget,
                    delegate_quota, nomination_deadline, field_visit, status, created_at)
                values ('MT-2025-0001', 'ASEAN-Japan High Level Officials Meeting', 'Social welfare', 'high_level_officials_meeting',
                    date '2025-09-01', date '2025-09-03', 'Bangkok', 'TH', 9000000, 2, date '2025-08-01', false, 'CLOSED',
                    timestamp '2025-06-01 09:00:00')""").update();
        long meeting = db.sql("select id from meeting where reference = 'MT-2025-0001'").query(Long.class).single();
        db.sql("insert into meeting_invitation (meeting_id, country_code, status) values (?, 'LA', 'NOMINATED')")
                .param(meeting).update();
        db.sql("""
                insert into course (reference, title, place, start_date, end_date, capacity, quota_per_country,
                    min_experience_years, max_age, language, nomination_deadline, status, created_at)
                values ('TC-2025-0001', 'Leaders in Labour Administration', 'Tokyo', date '2025-10-01', date '2025-10-20',
                    4, 2, 3, 45, 'english', date '2025-08-15', 'CLOSED', timestamp '2025-06-01 09:00:00')""").update();
        long course = db.sql("select id from course where reference = 'TC-2025-0001'").query(Long.class).single();
        db.sql("insert into course_invitation (course_id, country_code, status) values (?, 'MM', 'NOMINATED')")
                .param(course).update();
        db.sql("""
                insert into nomination (course_id, country_code, official_application, full_name, email, health_declaration,
                    status, allowance_amount, received_at)
                values (?, 'MM', true, 'Aung Kyaw', 'aung.kyaw@mol.mm.example', true, 'COMPLETED', 180000,
                    timestamp '2025-08-01 09:00:00')""")
                .param(course).update();
        db.sql("""
                insert into nomination (course_id, country_code, official_application, full_name, email, health_declaration,
                    status, received_at)
                values (?, 'MM', true, 'Thida Win', 'thida.win@mol.mm.example', true, 'REGRETTED',
                    timestamp '2025-08-02 09:00:00')""").param(course).update();

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @Test
    void theTenAseanCountriesKeepTheirCodesNamesAndFocalPointsAndTheWorldJoinsThem() {
        assertThat(db.sql("select count(*) from partner_country").query(Integer.class).single()).isEqualTo(249);
        Map<String, Object> vietNam = row("select name, name_ja, channel_kind, channel_email from partner_country where code = 'VN'");
        assertThat(vietNam).containsEntry("NAME", "Viet Nam").containsEntry("NAME_JA", "ベトナム")
                .containsEntry("CHANNEL_KIND", "FOCAL_POINT")
                .containsEntry("CHANNEL_EMAIL", "international-cooperation@vn.gov.example");
        assertThat(db.sql("select name from partner_country where code in ('BN', 'LA', 'MM') order by code")
                .query(String.class).list()).containsExactly("Brunei Darussalam", "Lao PDR", "Myanmar");
        assertThat(db.sql("select count(*) from partner_country where channel_email is not null").query(Integer.class).single())
                .as("only the ten ASEAN focal points: every other channel is the office's to record").isEqualTo(10);
        assertThat(db.sql("select country_code from country_group_member where group_code = 'ASEAN_PLUS_3' order by country_code")
                .query(String.class).list())
                .containsExactly("BN", "CN", "ID", "JP", "KH", "KR", "LA", "MM", "MY", "PH", "SG", "TH", "VN");
        assertThat(db.sql("""
                        select count(*) from partner_country c where (select count(*) from country_group_member m
                          join country_group g on g.code = m.group_code where g.kind = 'REGION' and m.country_code = c.code) <> 1""")
                .query(Integer.class).single()).as("countries not in exactly one region").isZero();
        assertThat(db.sql("select minor_units from currency where code = 'JPY'").query(Integer.class).single()).isZero();
        assertThat(db.sql("select count(*) from exchange_rate").query(Integer.class).single())
                .as("no rate is invented by a migration").isZero();
    }

    @Test
    void everyAmountKeepsItsValueNowInYenWithItsYenValue() {
        Map<String, Object> request = row("""
                select country_code, requesting_body, estimated_cost, estimated_cost_currency, estimated_cost_yen,
                       estimated_cost_rate_id from dispatch_request where reference = 'DR-2025-0001'""");
        assertThat(request).containsEntry("COUNTRY_CODE", "VN").containsEntry("REQUESTING_BODY", "WHO")
                .containsEntry("ESTIMATED_COST_CURRENCY", "JPY").containsEntry("ESTIMATED_COST_RATE_ID", null);
        assertThat((BigDecimal) request.get("ESTIMATED_COST")).isEqualByComparingTo("1200000");
        assertThat((BigDecimal) request.get("ESTIMATED_COST_YEN")).isEqualByComparingTo("1200000");

        Map<String, Object> meeting = row("select host_country, budget, budget_currency, budget_yen from meeting where reference = 'MT-2025-0001'");
        assertThat(meeting).containsEntry("HOST_COUNTRY", "TH").containsEntry("BUDGET_CURRENCY", "JPY");
        assertThat((BigDecimal) meeting.get("BUDGET_YEN")).isEqualByComparingTo("9000000");
        assertThat(db.sql("select country_code from meeting_invitation").query(String.class).list()).containsExactly("LA");

        List<Map<String, Object>> nominations = db.sql("""
                select full_name, allowance_amount, allowance_currency, allowance_yen from nomination order by full_name""")
                .query().listOfRows().stream().map(WorldMigrationTest::upper).toList();
        assertThat(nominations.get(0)).containsEntry("FULL_NAME", "Aung Kyaw").containsEntry("ALLOWANCE_CURRENCY", "JPY");
        assertThat((BigDecimal) nominations.get(0).get("ALLOWANCE_YEN")).isEqualByComparingTo("180000");
        assertThat(nominations.get(1)).containsEntry("FULL_NAME", "Thida Win").containsEntry("ALLOWANCE_AMOUNT", null)
                .containsEntry("ALLOWANCE_CURRENCY", null);
    }

    @Test
    void anAmountInAnUnknownCurrencyCannotBeStored() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        db.sql("update meeting set budget_currency = 'ZZZ' where reference = 'MT-2025-0001'").update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    private static Map<String, Object> row(String sql) {
        return upper(db.sql(sql).query().singleRow());
    }

    private static Map<String, Object> upper(Map<String, Object> row) {
        Map<String, Object> upper = new HashMap<>();
        row.forEach((column, value) -> upper.put(column.toUpperCase(Locale.ROOT), value));
        return upper;
    }
}
