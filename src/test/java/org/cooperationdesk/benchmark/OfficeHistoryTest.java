package org.cooperationdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.cooperationdesk.TestDatabase;
import org.cooperationdesk.contribution.ContributionStatus;
import org.cooperationdesk.dispatch.DispatchStatus;
import org.cooperationdesk.dispatch.RequestStatus;
import org.cooperationdesk.meeting.DelegateStatus;
import org.cooperationdesk.meeting.MeetingStatus;
import org.cooperationdesk.people.Availability;
import org.cooperationdesk.training.CourseStatus;
import org.cooperationdesk.training.NominationStatus;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The benchmark's office history at a small scale, in a database Flyway made (H2; PostgreSQL in the -Ppostgres build):
 * the database accepts every row (types, NOT NULL, foreign keys, unique references), the counts are those the scale
 * says, the references are the application's, people come back over the years, and the same seed gives the same
 * records.
 */
class OfficeHistoryTest {

    static final double SCALE = 0.05;
    static final long SEED = 14;
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    static JdbcClient db;
    static OfficeHistory.Result result;

    @BeforeAll
    static void generate() throws Exception {
        DataSource dataSource = migrated("office-history-test");
        db = JdbcClient.create(dataSource);
        result = new OfficeHistory(dataSource, SCALE, SEED, TODAY).generate();
    }

    static DataSource migrated(String name) {
        DriverManagerDataSource dataSource = TestDatabase.postgres()
                ? new DriverManagerDataSource(TestDatabase.createDatabase(), TestDatabase.user(), TestDatabase.password())
                : new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    @Test
    void theCountsAreThoseOfTheScale() {
        OfficeHistory.Sizes sizes = OfficeHistory.Sizes.of(SCALE);
        assertThat(sizes).isEqualTo(new OfficeHistory.Sizes(1_000, 50, 250, 100, 2_000, 25, 750, 5));
        assertThat(count("person")).isEqualTo(sizes.people());
        assertThat(count("expert")).isEqualTo(sizes.experts());
        assertThat(count("dispatch_request")).isEqualTo(sizes.requests());
        assertThat(count("course")).isEqualTo(sizes.courses());
        assertThat(count("nomination")).isEqualTo(sizes.nominations());
        assertThat(count("meeting")).isEqualTo(sizes.meetings());
        assertThat(count("delegate")).isEqualTo(sizes.delegates());
        assertThat(count("contribution")).isEqualTo(sizes.contributions());
        assertThat(result.rows()).containsEntry("person", sizes.people()).containsEntry("nomination", sizes.nominations());
        assertThat(result.rows().get("notification")).isEqualTo(count("notification"));

        // Twenty nominations a course on average, between a few and about forty each; thirty delegates a meeting.
        assertThat(db.sql("select min(n), max(n) from (select count(*) n from nomination group by course_id) c")
                .query((rs, row) -> new int[] {rs.getInt(1), rs.getInt(2)}).single())
                .satisfies(range -> assertThat(range[0]).isGreaterThanOrEqualTo(1))
                .satisfies(range -> assertThat(range[1]).isLessThanOrEqualTo(45));
        assertThat(count("nomination") / count("course")).isEqualTo(20);
        assertThat(count("delegate") / count("meeting")).isEqualTo(30);
        assertThat(single("select count(*) from course c where not exists "
                + "(select 1 from nomination n where n.course_id = c.id)")).isZero();
        // Each request has its dispatch or dispatches once an expert was offered, decisions and mails by its reference.
        assertThat(single("select count(*) from dispatch_request r where r.status in ('COMPLETED', 'DEPLOYED', 'APPROVAL') "
                + "and not exists (select 1 from dispatch d where d.request_id = r.id)")).isZero();
        assertThat(single("select count(*) from dispatch_request r where r.status = 'COMPLETED' and not exists "
                + "(select 1 from decision d where d.subject_type = 'DISPATCH_REQUEST' and d.subject_ref = r.reference)")).isZero();
        assertThat(single("select count(*) from dispatch_request r where r.status <> 'RECEIVED' and not exists "
                + "(select 1 from notification m where m.business_key = r.reference)")).isZero();
        assertThat(count("situation_report")).isPositive();
        assertThat(count("course_invitation")).isGreaterThanOrEqualTo(count("course") * 6);
        assertThat(count("meeting_invitation")).isGreaterThanOrEqualTo(count("meeting") * 5);
        assertThat(count("contribution_tranche")).isPositive();
        assertThat(count("contribution_transaction")).isPositive();
        assertThat(count("expert_skill")).isGreaterThanOrEqualTo(2 * count("expert"));
        assertThat(count("expert_language")).isGreaterThanOrEqualTo(count("expert"));
    }

    @Test
    void referencesAreTheApplicationsWithTheYearTheRecordWasCreated() {
        for (Map.Entry<String, String> kind : Map.of("dispatch_request", "DR", "course", "TC", "meeting", "MT",
                "contribution", "CT").entrySet()) {
            List<String> wrong = db.sql("select reference, created_at from " + kind.getKey())
                    .query((rs, row) -> {
                        String reference = rs.getString(1);
                        int year = rs.getObject(2, LocalDateTime.class).getYear();
                        return reference.matches(kind.getValue() + "-" + year + "-\\d{4,}") ? null : reference;
                    }).list().stream().filter(reference -> reference != null).toList();
            assertThat(wrong).as(kind.getKey()).isEmpty();
        }
        assertThat(db.sql("select certificate_number from nomination where status = 'COMPLETED'").query(String.class).list())
                .isNotEmpty().allMatch(number -> number.matches("TC-\\d{4}-\\d{4,}/\\d{2}"));
    }

    @Test
    void statusesAreTheApplicationsAndSpreadOverTheLifecycles() {
        assertThat(distinct("select distinct status from dispatch_request")).isSubsetOf(names(RequestStatus.values()))
                .contains("COMPLETED", "UNFILLED");
        assertThat(distinct("select distinct status from dispatch")).isSubsetOf(names(DispatchStatus.values()))
                .contains("COMPLETED", "UNAVAILABLE");
        assertThat(distinct("select distinct status from course")).isSubsetOf(names(CourseStatus.values())).contains("CLOSED");
        assertThat(distinct("select distinct status from nomination")).isSubsetOf(names(NominationStatus.values()))
                .contains("COMPLETED", "REGRETTED", "INELIGIBLE");
        assertThat(distinct("select distinct status from meeting")).isSubsetOf(names(MeetingStatus.values())).contains("CLOSED");
        assertThat(distinct("select distinct status from delegate")).isSubsetOf(names(DelegateStatus.values())).contains("ATTENDED");
        assertThat(distinct("select distinct status from contribution")).isSubsetOf(names(ContributionStatus.values()));
        assertThat(distinct("select distinct availability from expert")).isSubsetOf(names(Availability.values()));
        // Clearances: some expire within the 90 days the roster page highlights, some have expired.
        assertThat(single("select count(*) from expert where medical_clearance_expires between ? and ?", TODAY,
                TODAY.plusDays(90))).isPositive();
        assertThat(single("select count(*) from expert where medical_clearance_expires < ?", TODAY)).isPositive();
        // Completed missions count their person-days from departure to return.
        assertThat(single("select count(*) from dispatch where status = 'COMPLETED' and (person_days is null or return_date "
                + "is null or departure_date is null)")).isZero();
        // Amounts in another currency have their yen value at a recorded rate.
        assertThat(single("select count(*) from dispatch_request where estimated_cost_currency <> 'JPY' and "
                + "(estimated_cost_yen is null or estimated_cost_rate_id is null)")).isZero();
        assertThat(single("select count(*) from dispatch_request where estimated_cost_currency <> 'JPY'")).isPositive();
        // Most requests come from ASEAN, some from elsewhere.
        long asean = single("select count(*) from dispatch_request where country_code in ('BN', 'ID', 'KH', 'LA', 'MM', "
                + "'MY', 'PH', 'SG', 'TH', 'VN')");
        assertThat(asean).isBetween(count("dispatch_request") * 55 / 100, count("dispatch_request") * 85 / 100);
    }

    @Test
    void peopleComeBackAcrossRolesAndYears() {
        assertThat(single("select count(*) from nomination where person_id is null")).isZero();
        assertThat(single("select count(*) from delegate where person_id is null")).isZero();
        assertThat(single("select count(*) from nomination n join person p on p.id = n.person_id where p.email <> n.email "
                + "or p.full_name <> n.full_name")).isZero();
        assertThat(single("select count(*) from person where email_key <> lower(email)")).isZero();
        // Every person has a role, and no two share an address.
        assertThat(single("select count(*) from person p where not exists (select 1 from expert e where e.person_id = p.id) "
                + "and not exists (select 1 from nomination n where n.person_id = p.id) "
                + "and not exists (select 1 from delegate d where d.person_id = p.id)")).isZero();
        assertThat(single("select count(distinct email_key) from person")).isEqualTo(count("person"));
        // Officials nominated or sent in more than one year, and some both nominated and sent as delegates.
        assertThat(single("select count(*) from (select n.person_id from nomination n join course c on c.id = n.course_id "
                + "group by n.person_id having count(distinct extract(year from c.start_date)) > 1) x")).isPositive();
        assertThat(single("select count(*) from (select d.person_id from delegate d join meeting m on m.id = d.meeting_id "
                + "group by d.person_id having count(distinct extract(year from m.start_date)) > 1) x")).isPositive();
        assertThat(single("select count(distinct n.person_id) from nomination n join delegate d on d.person_id = n.person_id"))
                .isPositive();
        // Never twice in the same course or meeting.
        assertThat(single("select count(*) from (select course_id, person_id from nomination group by course_id, person_id "
                + "having count(*) > 1) x")).isZero();
        assertThat(single("select count(*) from (select meeting_id, person_id from delegate group by meeting_id, person_id "
                + "having count(*) > 1) x")).isZero();
    }

    @Test
    void theApplicationNumbersOnWhereTheHistoryStops() {
        long highest = single("select max(id) from person");
        db.sql("insert into person (full_name, email, email_key, created_at) values ('New Person', 'new@example.org', "
                + "'new@example.org', ?)").param(LocalDateTime.of(2026, 11, 29, 9, 0)).update();
        assertThat(single("select id from person where email = 'new@example.org'")).isEqualTo(highest + 1);
        db.sql("delete from person where email = 'new@example.org'").update();
    }

    @Test
    void theSameSeedAndDayGiveTheSameRecords() throws Exception {
        DataSource twin = migrated("office-history-twin");
        new OfficeHistory(twin, SCALE, SEED, TODAY).generate();
        String query = "select r.reference || r.status || coalesce(p.full_name, '') from dispatch_request r "
                + "left join dispatch d on d.request_id = r.id left join person p on p.id = d.expert_id order by r.id, d.id";
        assertThat(JdbcClient.create(twin).sql(query).query(String.class).list()).isEqualTo(db.sql(query).query(String.class).list());
        String people = "select full_name || email || created_at from person order by id";
        assertThat(JdbcClient.create(twin).sql(people).query(String.class).list()).isEqualTo(db.sql(people).query(String.class).list());
    }

    private static long count(String table) {
        return single("select count(*) from " + table);
    }

    private static long single(String sql, Object... parameters) {
        return db.sql(sql).params(parameters).query(Long.class).single();
    }

    private static List<String> distinct(String sql) {
        return db.sql(sql).query(String.class).list();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
