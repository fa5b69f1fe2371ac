package org.cooperationdesk.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small office whose figures are known, written in SQL: FY2008 and FY2009 (April 2008 to March 2010) with what must
 * count and what must not, across the fiscal and the calendar year boundaries. The totals each period must give are
 * the constants of the tests; the comments say where each figure comes from.
 *
 * <pre>
 * Deployments (departure .. return, days)      FY2008  FY2009  CY2008  CY2009
 *  D1 E1 WHO KH 2009-03-20 .. 2009-04-20 (32)     12      20       -      32   (counted in FY2008 and CY2009)
 *  D2 E2 ILO LA 2008-05-10 .. 2008-05-19 (10)     10       -      10       -
 *  D3 E1 WHO LA 2008-11-01 .. 2008-11-05 (5)       5       -       5       -   stood down in the field: counts
 *  D4 E3 WHO VN departure 2008-12-01, no return    -       -       -       -   stood down before leaving: not
 *  D5 E2 WHO KH unavailable                        -       -       -       -   declined the offer: not
 *  D6 E3 WHO KH 2009-06-01 .. 2009-06-14 (14)      -      14       -      14
 *  D7 E1 ILO TH 2009-08-01 .. planned 2009-08-10   -      10       -      10   still deployed: to the planned return
 * Courses: C1 TC-2008-9001 starts 2009-02-16 (FY2008, CY2009), C2 TC-2009-9002 starts 2009-04-13 (FY2009, CY2009),
 *  C3 cancelled and C4 not held (2008): never count.
 * Meetings: M1 MT-2008-9001 2008-09-02 closed, M2 MT-2009-9002 2010-02-08 held (FY2009, CY2010), M3 cancelled and
 *  M4 still planned (2009): never count.
 * Contributions: K1 WHO USD 3,000,000 = JPY 300,000,000 committed 2008-06-15, USD 1,000,000 paid 2008-07-01 (JPY
 *  105,000,000) and 2009-05-20 (JPY 95,000,000); K2 ILO JPY 50,000,000 committed 2009-02-01, paid JPY 20,000,000 on
 *  2009-03-10 and JPY 30,000,000 on 2009-10-01; K3 UNAIDS still in appraisal.
 * </pre>
 */
public final class KnownOffice {

    /** A user of the engine in none of the office's groups. */
    public static final String VISITOR = "figuresvisitor";
    static final String MARKER = "DR-2008-9001";

    private final JdbcTemplate jdbc;
    private final LocalDateTime now = LocalDateTime.of(2010, 4, 1, 9, 0);

    private KnownOffice(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the records once per database (the Spring context is shared by the tests that use them). */
    public static synchronized void record(JdbcTemplate jdbc, IdentityService identityService) {
        if (identityService.createUserQuery().userId(VISITOR).count() == 0) {
            User visitor = identityService.newUser(VISITOR);
            visitor.setFirstName("Vera");
            visitor.setLastName("Visitor");
            visitor.setPassword(VISITOR);
            identityService.saveUser(visitor);
        }
        if (jdbc.queryForObject("select count(*) from dispatch_request where reference = ?", Long.class, MARKER) == 0) {
            new KnownOffice(jdbc).write();
        }
    }

    private void write() {
        long e1 = expert("Dr. Aiko Known-Nakamura");
        long e2 = expert("Mr. Kenta Known-Ono");
        long e3 = expert("Ms. Emi Known-Sato");

        dispatch(request("DR-2008-9001", "WHO", "KH", "Avian influenza outbreak response", LocalDate.of(2009, 3, 20)), e1,
                "COMPLETED", LocalDate.of(2009, 3, 20), LocalDate.of(2009, 4, 20), LocalDate.of(2009, 4, 20), 32);
        dispatch(request("DR-2008-9002", "ILO", "LA", "Labour inspection mission", LocalDate.of(2008, 5, 10)), e2,
                "COMPLETED", LocalDate.of(2008, 5, 10), LocalDate.of(2008, 5, 19), LocalDate.of(2008, 5, 19), 10);
        dispatch(request("DR-2008-9003", "WHO", "LA", "Dengue response", LocalDate.of(2008, 11, 1)), e1,
                "STOOD_DOWN", LocalDate.of(2008, 11, 1), LocalDate.of(2008, 11, 20), LocalDate.of(2008, 11, 5), 5);
        dispatch(request("DR-2008-9004", "WHO", "VN", "Cholera response", LocalDate.of(2008, 12, 1)), e3,
                "STOOD_DOWN", LocalDate.of(2008, 12, 1), LocalDate.of(2008, 12, 20), null, null);
        long r5 = request("DR-2009-9005", "WHO", "KH", "Laboratory support", LocalDate.of(2009, 6, 1));
        dispatch(r5, e2, "UNAVAILABLE", null, null, null, null);
        dispatch(r5, e3, "COMPLETED", LocalDate.of(2009, 6, 1), LocalDate.of(2009, 6, 14), LocalDate.of(2009, 6, 14), 14);
        dispatch(request("DR-2009-9006", "ILO", "TH", "Occupational safety advice", LocalDate.of(2009, 8, 1)), e1,
                "DEPLOYED", LocalDate.of(2009, 8, 1), LocalDate.of(2009, 8, 10), null, null);

        long c1 = course("TC-2008-9001", "Leaders in labour administration (労働行政)", LocalDate.of(2009, 2, 16), "CLOSED");
        nomination(c1, "KH", "Sok Dara", "COMPLETED", "TC-2008-9001/01");
        nomination(c1, "KH", "Chan Sophea", "COMPLETED", "TC-2008-9001/02");
        nomination(c1, "LA", "Phouvong Keo", "NOT_COMPLETED", null);
        nomination(c1, "VN", "Tran Thi Lan", "WITHDRAWN", null);
        nomination(c1, "TH", "Somchai Late", "REFUSED", null);
        nomination(c1, "LA", "Bounmy Sith", "REGRETTED", null);
        nomination(c1, "MM", "Aung Min", "NO_SHOW", null);
        long c2 = course("TC-2009-9002", "Field epidemiology", LocalDate.of(2009, 4, 13), "CLOSED");
        nomination(c2, "VN", "Nguyen Van Hoa", "COMPLETED", "TC-2009-9002/01");
        nomination(c2, "PH", "Maria Santos Reyes", "COMPLETED", "TC-2009-9002/02");
        nomination(c2, "VN", "Le Van Minh", "WAITING", null);
        long c3 = course("TC-2008-9003", "Hospital management", LocalDate.of(2008, 10, 1), "CANCELLED");
        nomination(c3, "KH", "Heng Vicheka", "CANCELLED", null);
        long c4 = course("TC-2008-9004", "Social security administration", LocalDate.of(2008, 7, 1), "NOT_HELD");
        nomination(c4, "LA", "Khamla Vong", "NO_SHOW", null);

        long m1 = meeting("MT-2008-9001", "ASEAN and Japan High Level Officials Meeting on Caring Societies",
                "high_level_officials_meeting", LocalDate.of(2008, 9, 2), "JP", "CLOSED");
        delegate(m1, "KH", "Kong Sam", "ATTENDED");
        delegate(m1, "KH", "Ly Sreng", "ATTENDED");
        delegate(m1, "LA", "Sengdao Phan", "ATTENDED");
        delegate(m1, "LA", "Noy Inthavong", "ABSENT");
        delegate(m1, "VN", "Pham Quang", "REMOVED");
        delegate(m1, "TH", "Niran Suk", "ATTENDED");
        long m2 = meeting("MT-2009-9002", "ASEAN/Japan HIV/AIDS Workshop", "workshop", LocalDate.of(2010, 2, 8), "KH", "HELD");
        delegate(m2, "KH", "Chea Bopha", "ATTENDED");
        delegate(m2, "KH", "Sar Kosal", "ATTENDED");
        delegate(m2, "KH", "Mao Lina", "ATTENDED");
        delegate(m2, "VN", "Do Thi Mai", "ATTENDED");
        delegate(m2, "VN", "Vu Duc Anh", "ATTENDED");
        long m3 = meeting("MT-2009-9003", "Cancelled consultation", "workshop", LocalDate.of(2009, 7, 1), "TH", "CANCELLED");
        delegate(m3, "TH", "Prasit Cancel", "CANCELLED");
        meeting("MT-2009-9004", "Planned seminar", "workshop", LocalDate.of(2009, 12, 1), "VN", "PLANNED");

        long k1 = contribution("CT-2008-9001", "WHO", "Pandemic influenza preparedness in ASEAN", "ASEAN", "3000000.00",
                "USD", "300000000", LocalDate.of(2008, 4, 1), LocalDate.of(2010, 3, 31), "ACTIVE", LocalDate.of(2008, 6, 15));
        transaction(k1, "COMMITMENT", LocalDate.of(2008, 6, 15), "3000000.00", "USD", "300000000");
        transaction(k1, "DISBURSEMENT", LocalDate.of(2008, 7, 1), "1000000.00", "USD", "105000000");
        transaction(k1, "DISBURSEMENT", LocalDate.of(2009, 5, 20), "1000000.00", "USD", "95000000");
        long k2 = contribution("CT-2008-9002", "ILO", "Industrial relations in Viet Nam and Lao PDR", null, "50000000.00",
                "JPY", "50000000", LocalDate.of(2009, 1, 1), LocalDate.of(2009, 12, 31), "CLOSED", LocalDate.of(2009, 2, 1));
        jdbc.update("insert into contribution_recipient (contribution_id, country_code) values (?, 'VN')", k2);
        jdbc.update("insert into contribution_recipient (contribution_id, country_code) values (?, 'LA')", k2);
        transaction(k2, "COMMITMENT", LocalDate.of(2009, 2, 1), "50000000.00", "JPY", "50000000");
        transaction(k2, "DISBURSEMENT", LocalDate.of(2009, 3, 10), "20000000.00", "JPY", "20000000");
        transaction(k2, "DISBURSEMENT", LocalDate.of(2009, 10, 1), "30000000.00", "JPY", "30000000");
        contribution("CT-2009-9003", "UNAIDS", "HIV prevention among migrant workers", null, "20000000.00", "JPY",
                "20000000", LocalDate.of(2009, 4, 1), LocalDate.of(2010, 3, 31), "APPRAISAL", null);
    }

    private long expert(String name) {
        String email = name.toLowerCase().replaceAll("[^a-z]+", ".") + "@experts.example";
        jdbc.update("insert into person (full_name, email, email_key, nationality, created_at) values (?, ?, ?, 'Japanese', ?)",
                name, email, email, now);
        long id = jdbc.queryForObject("select id from person where email_key = ?", Long.class, email);
        jdbc.update("insert into expert (person_id, affiliation, availability) values (?, 'National Institute', 'AVAILABLE')",
                id);
        return id;
    }

    private long request(String reference, String body, String country, String purpose, LocalDate start) {
        jdbc.update("""
                insert into dispatch_request (reference, requesting_body, requester_reference, requester_email, country_code,
                    purpose, terms_of_reference, skills_needed, start_date, duration_days, estimated_cost, estimated_cost_yen,
                    funded_by, status, created_at)
                values (?, ?, ?, 'requests@org.example', ?, ?, 'Terms of reference', 'epidemiology', ?, 14, 800000, 800000,
                        'MINISTRY', 'COMPLETED', ?)""", reference, body, body + "-" + reference, country, purpose, start, now);
        return jdbc.queryForObject("select id from dispatch_request where reference = ?", Long.class, reference);
    }

    private void dispatch(long request, long expert, String status, LocalDate departure, LocalDate plannedReturn,
                          LocalDate returned, Integer personDays) {
        jdbc.update("""
                insert into dispatch (request_id, expert_id, status, offered_at, departure_date, planned_return_date,
                                      return_date, person_days)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", request, expert, status, now, departure, plannedReturn, returned,
                personDays);
    }

    private long course(String reference, String title, LocalDate start, String status) {
        jdbc.update("""
                insert into course (reference, title, place, start_date, end_date, capacity, quota_per_country,
                    min_experience_years, max_age, language, nomination_deadline, status, created_at)
                values (?, ?, 'Tokyo', ?, ?, 20, 2, 3, 50, 'english', ?, ?, ?)""", reference, title, start,
                start.plusDays(18), start.minusDays(45), status, now);
        return jdbc.queryForObject("select id from course where reference = ?", Long.class, reference);
    }

    private void nomination(long course, String country, String name, String status, String certificate) {
        jdbc.update("""
                insert into nomination (course_id, country_code, official_application, full_name, email, health_declaration,
                                        status, certificate_number, received_at)
                values (?, ?, true, ?, ?, true, ?, ?, ?)""", course, country, name,
                name.toLowerCase().replace(' ', '.') + "@gov.example", status, certificate, now);
    }

    private long meeting(String reference, String title, String kind, LocalDate start, String host, String status) {
        jdbc.update("""
                insert into meeting (reference, title, theme, kind, start_date, end_date, venue, host_country, budget,
                    budget_yen, delegate_quota, nomination_deadline, field_visit, status, created_at)
                values (?, ?, 'Caring societies', ?, ?, ?, 'Tokyo', ?, 12000000, 12000000, 3, ?, false, ?, ?)""",
                reference, title, kind, start, start.plusDays(2), host, start.minusDays(30), status, now);
        return jdbc.queryForObject("select id from meeting where reference = ?", Long.class, reference);
    }

    private void delegate(long meeting, String country, String name, String status) {
        jdbc.update("""
                insert into delegate (meeting_id, country_code, full_name, email, role, passport_number, passport_expiry,
                                      status)
                values (?, ?, ?, ?, 'DELEGATE', 'P0000000', ?, ?)""", meeting, country, name,
                name.toLowerCase().replace(' ', '.') + "@gov.example", LocalDate.of(2015, 1, 1), status);
    }

    private long contribution(String reference, String organisation, String title, String group, String amount,
                              String currency, String yen, LocalDate start, LocalDate end, String status,
                              LocalDate signed) {
        jdbc.update("""
                insert into contribution (reference, organisation_code, organisation_reference, organisation_email, title,
                    objectives, recipient_group, sector_code, kind, aid_type, start_date, end_date, amount, amount_currency,
                    amount_yen, planned_tranches, reporting_interval_months, programme_officer, status,
                    agreement_reference, agreement_signed_on, created_at)
                values (?, ?, ?, 'finance@org.example', ?, ?, ?, '12250', 'EARMARKED', 'B03', ?, ?, ?, ?, ?, 3, 12,
                        'coordinator', ?, ?, ?, ?)""", reference, organisation, organisation + "/JP/" + reference, title,
                "Objectives of " + title, group, start, end, new BigDecimal(amount), currency, new BigDecimal(yen), status,
                signed == null ? null : "AGR-" + reference, signed, now);
        return jdbc.queryForObject("select id from contribution where reference = ?", Long.class, reference);
    }

    private void transaction(long contribution, String kind, LocalDate day, String amount, String currency, String yen) {
        jdbc.update("""
                insert into contribution_transaction (contribution_id, kind, transaction_date, amount, currency, amount_yen)
                values (?, ?, ?, ?, ?, ?)""", contribution, kind, day, new BigDecimal(amount), currency, new BigDecimal(yen));
    }
}
