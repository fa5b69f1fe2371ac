package org.cooperationdesk.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Ten years of an office's records, written straight into an application database whose schema Flyway has made
 * (the application started once): at scale 1, 20,000 people, 1,000 of them experts on the roster, 5,000 requests for
 * experts with their dispatches, situation reports, decisions and mails, 2,000 courses with 40,000 nominations,
 * 500 meetings with 15,000 delegates, 100 contributions with their tranches, reports and transactions, and the yen
 * rates they were counted at. Officials are nominated and sent as delegates again over the years, so one person has
 * several roles and years.
 *
 * <p>Deterministic: the same seed and day give the same records. Every row is planned in memory first, then each
 * table is written with multi-row inserts (500 rows a statement at most) in one transaction, with ids above the
 * table's highest and the identity restarted after them, so the application keeps numbering where the history stops.
 * References are the application's: DR-, TC-, MT-, CT-&lt;year created&gt;-&lt;id, four digits at least&gt;.
 * Runs on H2 and PostgreSQL; ANALYZE afterwards (on PostgreSQL the tables written and the reference data the pages
 * join), so that the planner knows the tables' sizes as it would in an office that has run for years.
 */
final class OfficeHistory {

    /** The sizes at scale 1, the issue's "ten years of an office's records". */
    record Sizes(int people, int experts, int requests, int courses, int nominations, int meetings, int delegates,
                 int contributions) {

        static Sizes of(double scale) {
            if (!(scale > 0) || scale > 100) {
                throw new IllegalArgumentException("The scale of an office's history is above 0 and at most 100: " + scale);
            }
            Sizes sizes = new Sizes(count(20_000, scale), count(1_000, scale), count(5_000, scale), count(2_000, scale),
                    count(40_000, scale), count(500, scale), count(15_000, scale), count(100, scale));
            if (sizes.people() < sizes.experts() + 60) {
                throw new IllegalArgumentException("Scale " + scale + " is too small for an office: at least 0.005");
            }
            return sizes;
        }

        private static int count(int full, double scale) {
            return (int) Math.max(1, Math.round(full * scale));
        }
    }

    /** What was written, table by table in the order written, and how long planning and writing took. */
    record Result(Sizes sizes, Map<String, Integer> rows, long millis) {

        int total() {
            return rows.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    static final List<String> ASEAN = List.of("BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "VN");
    /** Asia beyond ASEAN that the office works with most. */
    static final List<String> NEIGHBOURS = List.of("BD", "BT", "CN", "FJ", "IN", "KR", "LK", "MN", "MV", "NP", "PG", "PK", "TL");
    static final String[] COORDINATORS = {"coordinator", "coordinator2"};
    static final String[] MANAGERS = {"manager", "manager2"};

    private final DataSource dataSource;
    private final Sizes sizes;
    private final Random random;
    private final LocalDate today;
    private final LocalDate first;

    private final Map<String, Table> tables = new LinkedHashMap<>();
    // Written in this order: parents before the rows that refer to them.
    private final Table rates = table("exchange_rate", "id, currency, rate_date, yen_per_unit, source, recorded_by, recorded_at");
    private final Table persons = table("person", "id, full_name, email, email_key, nationality, created_at");
    private final Table experts = table("expert", "person_id, affiliation, availability, available_from, "
            + "medical_clearance_expires, vaccination_expires, notes");
    private final Table expertSkills = table("expert_skill", "expert_id, skill");
    private final Table expertLanguages = table("expert_language", "expert_id, language");
    private final Table contacts = table("partner_contact", "id, organisation_code, full_name, role, email, phone, active, "
            + "updated_at, updated_by");
    private final Table partnerChanges = table("partner_change", "id, subject_kind, subject_code, field, old_value, new_value, "
            + "changed_by, changed_at");
    private final Table contributions = table("contribution", "id, reference, organisation_code, organisation_reference, "
            + "organisation_email, title, objectives, recipient_group, sector_code, kind, aid_type, start_date, end_date, amount, "
            + "amount_currency, amount_yen, amount_rate_id, planned_tranches, reporting_interval_months, programme_officer, "
            + "status, status_before_suspension, status_reason, evaluation_level, agreement_reference, agreement_signed_on, "
            + "ministry_signatory, organisation_signatory, evaluation_terms, evaluator, evaluation_completed_on, "
            + "evaluation_rating, evaluation_findings, registered_by, process_instance_id, created_at, updated_at, closed_at");
    private final Table recipients = table("contribution_recipient", "contribution_id, country_code");
    private final Table tranches = table("contribution_tranche", "id, contribution_id, tranche_no, amount, currency, status, "
            + "planned_payment_date, note, requested_by, requested_at, decided_by, decision_reason, paid_on, payment_reference, "
            + "amount_yen, rate_id");
    private final Table reports = table("contribution_report", "id, contribution_id, kind, report_no, due_date, received_on, "
            + "status, summary, return_reason, recorded_by, recorded_at");
    private final Table transactions = table("contribution_transaction", "id, contribution_id, kind, transaction_date, amount, "
            + "currency, amount_yen, rate_id, tranche_id, description");
    private final Table requests = table("dispatch_request", "id, reference, requesting_body, requester_reference, "
            + "requester_email, country_code, purpose, terms_of_reference, skills_needed, languages_needed, start_date, "
            + "duration_days, estimated_cost, estimated_cost_currency, estimated_cost_yen, estimated_cost_rate_id, funded_by, "
            + "status, requested_by, process_instance_id, contribution_id, created_at, closed_at");
    private final Table dispatches = table("dispatch", "id, request_id, expert_id, status, outcome, offered_at, answered_at, "
            + "insurer, insurance_policy, security_clearance_ref, briefing_date, travel_booking, departure_date, "
            + "planned_return_date, return_date, person_days, mission_report, debrief_notes, closed_at");
    private final Table situationReports = table("situation_report", "id, dispatch_id, week_no, summary, outlook, recorded_by, "
            + "recorded_at");
    private final Table courses = table("course", "id, reference, title, place, start_date, end_date, capacity, "
            + "quota_per_country, min_experience_years, max_age, language, nomination_deadline, status, opened_by, "
            + "process_instance_id, evaluation_score, evaluation_summary, cancellation_reason, not_held_reason, "
            + "contribution_id, created_at, closed_at");
    private final Table courseInvitations = table("course_invitation", "course_id, country_code, status");
    private final Table nominations = table("nomination", "id, course_id, country_code, person_id, official_application, "
            + "organisation, position, full_name, email, date_of_birth, passport_number, passport_expiry, years_of_experience, "
            + "language, health_declaration, status, reason, rank_no, visa_letter_reference, flight_booking, allowance_amount, "
            + "allowance_currency, allowance_yen, allowance_rate_id, accommodation, arrival_note, action_plan_received, "
            + "certificate_number, final_report_received_on, recorded_by, received_at");
    private final Table meetings = table("meeting", "id, reference, title, theme, kind, start_date, end_date, venue, "
            + "host_country, co_organisers, budget, budget_currency, budget_yen, budget_rate_id, delegate_quota, "
            + "nomination_deadline, field_visit, field_visit_site, site_permission_ref, visit_date, transport, status, "
            + "list_frozen, calendar_sequence, agenda, chair_summary, recommendations, cancellation_reason, planned_by, "
            + "process_instance_id, contribution_id, created_at, closed_at");
    private final Table meetingInvitations = table("meeting_invitation", "meeting_id, country_code, status, reason, funding, "
            + "hotel_booking, travel_booking, visa_letters");
    private final Table delegates = table("delegate", "id, meeting_id, country_code, person_id, full_name, email, role, "
            + "passport_number, passport_expiry, status");
    private final Table delegationChanges = table("delegation_change", "id, meeting_id, country_code, replaces_id, full_name, "
            + "email, passport_number, passport_expiry, reason, status, requested_by, requested_at");
    private final Table decisions = table("decision", "id, subject_type, subject_ref, kind, outcome, reason, decided_by, "
            + "decided_at");
    private final Table notifications = table("notification", "id, idempotency_key, template, recipients, subject, "
            + "business_key, status, error, created_at");

    // Reference data read from the database.
    private final List<String> countries = new ArrayList<>();
    private final Map<String, String> countryNames = new HashMap<>();
    private final Map<String, String> regions = new HashMap<>();
    private final List<String> organisations = new ArrayList<>();
    private final Set<String> existingRates = new HashSet<>();
    private final Set<String> groups = new HashSet<>();
    private final Map<String, Long> nextIds = new HashMap<>();

    // Planned records that others refer to.
    private final Map<String, TreeMap<LocalDate, Rate>> rateBook = new HashMap<>();
    private final List<Programme> programmes = new ArrayList<>();
    private final List<Person> roster = new ArrayList<>();
    private final List<Seat> seats = new ArrayList<>();
    private final List<Runnable> afterPeople = new ArrayList<>();
    private final Set<String> emails = new HashSet<>();
    private final Map<String, Integer> requesterNumbers = new HashMap<>();
    private List<String> worldCountries;
    private List<String> otherCountries;

    OfficeHistory(DataSource dataSource, double scale, long seed, LocalDate today) {
        this.dataSource = dataSource;
        this.sizes = Sizes.of(scale);
        this.random = new Random(seed);
        this.today = today;
        this.first = today.minusYears(10);
    }

    Sizes sizes() {
        return sizes;
    }

    Result generate() throws SQLException {
        long begin = System.nanoTime();
        Map<String, Integer> written = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                readReferenceData(connection);
                plan();
                for (Table table : tables.values()) {
                    insert(connection, table);
                    written.put(table.name, table.rows.size());
                }
                restartIdentities(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            analyze(connection);
        }
        return new Result(sizes, written, (System.nanoTime() - begin) / 1_000_000);
    }

    // ------------------------------------------------------------------ planning

    private void plan() {
        planRates();
        planRoster();
        planPartners();
        planContributions();
        planRequests();
        planCourses();
        planMeetings();
        assignPeople();
        afterPeople.forEach(Runnable::run);
        finishRoster();
    }

    private void planRates() {
        // Yen per US dollar, yearly averages rounded; other currencies at a ratio to the dollar.
        int[] years = {2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026};
        double[] usd = {106, 121, 109, 112, 110, 109, 107, 110, 131, 140, 151, 150, 150};
        Map<String, Double> ratio = new LinkedHashMap<>();
        ratio.put("USD", 1.0);
        ratio.put("EUR", 1.12);
        ratio.put("CHF", 1.05);
        ratio.put("GBP", 1.28);
        ratio.put("XDR", 1.37);
        ratio.put("THB", 0.029);
        for (int year = first.getYear(); year <= today.getYear(); year++) {
            int index = Math.max(0, Math.min(years.length - 1, year - years[0]));
            for (Map.Entry<String, Double> currency : ratio.entrySet()) {
                LocalDate day = LocalDate.of(year, 1, 6);
                while (existingRates.contains(currency.getKey() + "/" + day)) {
                    day = day.plusDays(1);
                }
                if (day.isAfter(today)) {
                    continue;
                }
                BigDecimal yen = BigDecimal.valueOf(usd[index] * currency.getValue() * (0.97 + 0.06 * random.nextDouble()))
                        .setScale(currency.getValue() < 0.1 ? 4 : 2, RoundingMode.HALF_UP);
                long id = id("exchange_rate");
                rates.add(id, currency.getKey(), day, yen, "Bank of Japan, average of the previous December (benchmark history)",
                        "admin", day.atTime(9, 30));
                rateBook.computeIfAbsent(currency.getKey(), key -> new TreeMap<>()).put(day, new Rate(id, yen));
            }
        }
    }

    private void planRoster() {
        for (int i = 0; i < sizes.experts(); i++) {
            String country = random.nextDouble() < 0.78 ? "JP" : pick(ASEAN);
            Person expert = newPerson(country, expertDomain(), i < sizes.experts() * 0.4
                    ? at(first.plusDays(random.nextInt(30))) : at(first.plusDays(30 + random.nextInt(daysSince(first) - 60))));
            expert.affiliation = country.equals("JP") ? pick(AFFILIATIONS) : pick(FOREIGN_AFFILIATIONS) + ", " + countryNames.get(country);
            String[] cluster = pick(SKILL_CLUSTERS);
            Set<String> skills = new java.util.TreeSet<>(List.of(cluster).subList(0, 2 + random.nextInt(cluster.length - 1)));
            if (chance(0.4)) {
                skills.add(pick(pick(SKILL_CLUSTERS)));
            }
            expert.skills = new ArrayList<>(skills);
            Set<String> languages = new java.util.TreeSet<>();
            languages.add("english");
            languages.add(LANGUAGES.getOrDefault(country, "english"));
            if (chance(0.12)) {
                languages.add("french");
            }
            if (chance(0.05)) {
                languages.add("spanish");
            }
            expert.languages = new ArrayList<>(languages);
            roster.add(expert);
        }
        // Ids in the order they joined the roster.
        roster.sort(Comparator.comparing((Person p) -> p.createdAt));
        roster.forEach(expert -> expert.id = id("person"));
    }

    private void planPartners() {
        for (String organisation : organisations) {
            int count = 2 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                String country = pick(List.of("JP", "TH", "PH", "CH", "US", "ID"));
                String[] name = name(country);
                LocalDateTime updated = at(first.plusDays(random.nextInt(daysSince(first))));
                boolean active = i < 2 || chance(0.6);
                String email = uniqueEmail(name[1] + "." + name[2], organisation.toLowerCase(Locale.ROOT).replace('_', '-') + ".example");
                long id = id("partner_contact");
                contacts.add(id, organisation, name[0], pick(CONTACT_ROLES), email,
                        chance(0.5) ? "+41 22 791 " + (1000 + random.nextInt(9000)) : null, active, updated, "admin");
                partnerChanges.add(id("partner_change"), "CONTACT", String.valueOf(id), "full_name", null, name[0], "admin", updated);
                if (!active) {
                    partnerChanges.add(id("partner_change"), "CONTACT", String.valueOf(id), "active", "true", "false", "admin",
                            updated.plusDays(200 + random.nextInt(600)));
                }
            }
            partnerChanges.add(id("partner_change"), "ORGANISATION", organisation, "email", null,
                    "office@" + organisation.toLowerCase(Locale.ROOT).replace('_', '-') + ".example", "admin",
                    at(first.plusDays(random.nextInt(400))));
        }
    }

    // ------------------------------------------------------------------ contributions

    private void planContributions() {
        List<LocalDate> starts = new ArrayList<>();
        for (int i = 0; i < sizes.contributions(); i++) {
            starts.add(first.plusDays(60 + random.nextInt(daysSince(first) + 120)));
        }
        Collections.sort(starts);
        List<String> givers = organisations.stream().filter(code -> !code.equals("JICA")).toList();
        for (LocalDate start : starts) {
            long id = id("contribution");
            String organisation = pick(givers.isEmpty() ? organisations : givers);
            LocalDate end = start.plusMonths(12L * (1 + random.nextInt(4))).minusDays(1);
            LocalDateTime created = at(min(start.minusDays(60 + random.nextInt(90)), today.minusDays(1)));
            String reference = "CT-%d-%04d".formatted(created.getYear(), id);
            String[] theme = pick(CONTRIBUTION_THEMES);
            String currency = weighted(new String[] {"USD", "CHF", "EUR", "JPY"}, new int[] {70, 10, 5, 15});
            BigDecimal amount = currency.equals("JPY")
                    ? BigDecimal.valueOf(20_000_000L + 10_000_000L * random.nextInt(30)).setScale(2)
                    : BigDecimal.valueOf(200_000L + 50_000L * random.nextInt(100)).setScale(2);
            Yen yen = yen(currency, amount, created.toLocalDate());
            int plannedTranches = 1 + random.nextInt(4);
            int interval = chance(0.6) ? 12 : 6;
            String kind = weighted(new String[] {"EARMARKED", "CORE", "IN_KIND"}, new int[] {70, 20, 10});
            String status;
            if (end.isBefore(today.minusDays(180))) {
                status = weighted(new String[] {"CLOSED", "TERMINATED", "REFUSED", "WITHDRAWN"}, new int[] {85, 5, 5, 5});
            } else if (end.isBefore(today)) {
                status = "FINAL_REPORT";
            } else if (!start.isAfter(today)) {
                status = chance(0.9) ? "ACTIVE" : "SUSPENDED";
            } else {
                status = weighted(new String[] {"APPRAISAL", "REVISION_REQUESTED", "DECISION", "APPROVED"}, new int[] {30, 15, 25, 30});
            }
            boolean agreed = !List.of("APPRAISAL", "REVISION_REQUESTED", "DECISION", "REFUSED", "WITHDRAWN").contains(status);
            LocalDate signed = agreed ? min(start.minusDays(10 + random.nextInt(30)), today) : null;
            String officer = pick(COORDINATORS);
            String organisationReference = organisation + "-JPN-" + created.getYear() + "-" + (10 + random.nextInt(90));
            String group = chance(0.6) ? "ASEAN" : null;
            boolean evaluated = status.equals("CLOSED");
            String evaluationLevel = agreed ? weighted(new String[] {"none", "internal", "independent"}, new int[] {30, 45, 25}) : null;
            boolean independent = evaluated && "independent".equals(evaluationLevel);
            LocalDateTime closedAt = switch (status) {
                case "CLOSED", "TERMINATED" -> at(min(end.plusDays(120 + random.nextInt(60)), today.minusDays(1)));
                case "REFUSED", "WITHDRAWN" -> at(min(created.toLocalDate().plusDays(30 + random.nextInt(60)), today.minusDays(1)));
                default -> null;
            };
            String statusReason = switch (status) {
                case "SUSPENDED" -> "Suspended until the organisation's audit of the programme is received";
                case "TERMINATED" -> "Terminated by agreement: the programme was taken over by the national authorities";
                case "REFUSED" -> "The proposal does not fit the ministry's priorities for the fiscal year";
                case "WITHDRAWN" -> "Withdrawn by the organisation";
                default -> null;
            };
            String title = theme[0] + (group != null ? " in ASEAN Member States" : "") + " (" + start.getYear() + "-" + end.getYear() + ")";
            contributions.add(id, reference, organisation, organisationReference, "partnerships@"
                            + organisation.toLowerCase(Locale.ROOT).replace('_', '-') + ".example", title,
                    "Objectives: " + theme[1] + ". Expected results: national programmes strengthened, staff trained, and "
                            + "results reported each " + interval + " months to the ministry.",
                    groups.contains(group) ? group : null, theme[2], kind, kind.equals("CORE") ? "B02" : "B03", start, end,
                    amount, currency, yen.yen(), yen.rateId(), plannedTranches, interval, officer, status,
                    status.equals("SUSPENDED") ? "ACTIVE" : null, statusReason, evaluationLevel,
                    agreed ? organisation + "/AGR/" + signed.getYear() + "/" + (100 + random.nextInt(900)) : null, signed,
                    agreed ? "Director, International Cooperation Office" : null,
                    agreed ? "Director, Resource Mobilization, " + organisation : null,
                    independent ? "An independent evaluation of relevance, effectiveness and sustainability" : null,
                    independent ? "Evaluation Associates Ltd." : null,
                    independent ? min(end.plusDays(90), today.minusDays(1)) : null,
                    evaluated && evaluationLevel != null && !evaluationLevel.equals("none")
                            ? weighted(new String[] {"HIGHLY_SATISFACTORY", "SATISFACTORY", "UNSATISFACTORY"}, new int[] {25, 65, 10}) : null,
                    evaluated && evaluationLevel != null && !evaluationLevel.equals("none")
                            ? "The programme reached most of its targets; national ownership is strong, reporting was timely." : null,
                    officer, null, created, closedAt != null ? closedAt : created.plusDays(20), closedAt);
            if (group == null || !groups.contains(group)) {
                for (String country : distinct(2 + random.nextInt(4), () -> pickCountry(0.8))) {
                    recipients.add(id, country);
                }
            }
            String subject = "CONTRIBUTION";
            decision(subject, reference, "appraisal (priority fit " + pick(new String[] {"high", "medium"}) + ")", "recorded",
                    "Fits the ministry's priorities for " + theme[0].toLowerCase(Locale.ROOT), officer, created.plusDays(10));
            if (status.equals("REFUSED")) {
                decision(subject, reference, "contribution", "refused", statusReason, "director", closedAt);
                mail("contribution-refused", "partnerships@" + organisation.toLowerCase(Locale.ROOT) + ".example",
                        organisationReference + ": proposal not approved (" + reference + ")", reference, closedAt);
            }
            if (agreed) {
                decision(subject, reference, "contribution", "approved", "Approved within the fiscal year's budget",
                        yen.yen().compareTo(BigDecimal.valueOf(300_000_000)) > 0 ? "director" : pick(MANAGERS),
                        at(signed.minusDays(5)));
                mail("contribution-agreed", "partnerships@" + organisation.toLowerCase(Locale.ROOT) + ".example",
                        organisationReference + ": agreement recorded (" + reference + ")", reference, at(signed));
                transactions.add(id("contribution_transaction"), id, "COMMITMENT", signed, amount, currency,
                        yen(currency, amount, signed).yen(), yen(currency, amount, signed).rateId(), null,
                        "Commitment on the agreement's signature");
                planTranches(id, reference, organisation, organisationReference, status, start, end, amount, currency,
                        plannedTranches);
                planReports(id, reference, status, start, end, interval);
            }
            if (status.equals("SUSPENDED")) {
                decision(subject, reference, "suspension", "suspended", statusReason, "director", at(today.minusDays(10 + random.nextInt(60))));
            }
            if (status.equals("TERMINATED")) {
                decision(subject, reference, "termination", "terminated", statusReason, "director", closedAt);
            }
            if (status.equals("CLOSED")) {
                mail("contribution-closed", "partnerships@" + organisation.toLowerCase(Locale.ROOT) + ".example",
                        organisationReference + ": contribution closed (" + reference + ")", reference, closedAt);
            }
            if (agreed) {
                programmes.add(new Programme(id, start, end));
            }
        }
    }

    private void planTranches(long contribution, String reference, String organisation, String organisationReference,
                              String status, LocalDate start, LocalDate end, BigDecimal amount, String currency, int planned) {
        BigDecimal each = amount.divide(BigDecimal.valueOf(planned), 2, RoundingMode.DOWN);
        long days = ChronoUnit.DAYS.between(start, end);
        for (int number = 1; number <= planned; number++) {
            LocalDate plannedDate = start.plusDays(days * (number - 1) / planned + 15);
            LocalDate requested = plannedDate.minusDays(30);
            if (requested.isAfter(today)) {
                break;
            }
            BigDecimal trancheAmount = number == planned ? amount.subtract(each.multiply(BigDecimal.valueOf(planned - 1))) : each;
            boolean paid = !plannedDate.isAfter(today.minusDays(10)) || List.of("CLOSED", "FINAL_REPORT").contains(status);
            String trancheStatus = paid ? "PAID" : status.equals("TERMINATED") ? "CANCELLED" : chance(0.5) ? "APPROVED" : "REQUESTED";
            if (status.equals("TERMINATED") && number > 1 && plannedDate.isAfter(end.minusDays(days / 2))) {
                trancheStatus = "CANCELLED";
                paid = false;
            }
            LocalDate paidOn = paid ? min(plannedDate.plusDays(random.nextInt(20)), today.minusDays(1)) : null;
            Yen yen = paid ? yen(currency, trancheAmount, paidOn) : new Yen(null, null);
            long tranche = id("contribution_tranche");
            boolean decided = !trancheStatus.equals("REQUESTED");
            tranches.add(tranche, contribution, number, trancheAmount, currency, trancheStatus, plannedDate,
                    chance(0.3) ? "Second-year workplan attached" : null, pick(COORDINATORS), at(requested),
                    decided ? pick(MANAGERS) : null, decided ? "Progress report accepted; disbursement as planned" : null,
                    paidOn, paid ? "MOF-" + paidOn.getYear() + "-" + (10_000 + random.nextInt(90_000)) : null, yen.yen(),
                    yen.rateId());
            if (decided) {
                decision("CONTRIBUTION", reference, "tranche " + number, "approved", "Disbursement as planned",
                        pick(MANAGERS), at(requested.plusDays(7)));
            }
            if (paid) {
                transactions.add(id("contribution_transaction"), contribution, "DISBURSEMENT", paidOn, trancheAmount, currency,
                        yen.yen(), yen.rateId(), tranche, "Tranche " + number + " paid");
                mail("tranche-paid", "partnerships@" + organisation.toLowerCase(Locale.ROOT) + ".example",
                        organisationReference + ": tranche " + number + " paid, " + currency + " " + trancheAmount.toPlainString()
                                + " (" + reference + ")", reference, at(paidOn));
            }
        }
    }

    private void planReports(long contribution, String reference, String status, LocalDate start, LocalDate end, int interval) {
        int number = 0;
        for (LocalDate due = start.plusMonths(interval).plusMonths(1); !due.isAfter(min(end, today)); due = due.plusMonths(interval)) {
            LocalDate received = min(due.plusDays(random.nextInt(30) - 10), today);
            boolean returned = chance(0.08);
            reports.add(id("contribution_report"), contribution, "PROGRESS", ++number, due, received, returned ? "RETURNED" : "ACCEPTED",
                    "Progress in the period: activities on schedule, " + (60 + random.nextInt(40)) + "% of the budget spent.",
                    returned ? "The financial statement does not match the workplan; please send it again" : null,
                    pick(COORDINATORS), at(received));
            if (returned) {
                reports.add(id("contribution_report"), contribution, "PROGRESS", number, due, min(received.plusDays(20), today),
                        "ACCEPTED", "Progress report sent again with the corrected financial statement.", null,
                        pick(COORDINATORS), at(min(received.plusDays(20), today)));
            }
            if (chance(0.3)) {
                mail("contribution-report-reminder", "partnerships@example.org", "Reminder: progress report due on " + due
                        + " (" + reference + ")", reference, at(due.minusDays(14)));
            }
        }
        if (status.equals("CLOSED")) {
            LocalDate due = end.plusMonths(3);
            reports.add(id("contribution_report"), contribution, "FINAL", 1, due, min(due.minusDays(random.nextInt(20)), today),
                    "ACCEPTED", "Final report: the programme's results against its targets, lessons learnt, and the audited accounts.",
                    null, pick(COORDINATORS), at(min(due, today)));
        }
    }

    // ------------------------------------------------------------------ requests for experts

    private void planRequests() {
        List<LocalDateTime> created = new ArrayList<>();
        for (int i = 0; i < sizes.requests(); i++) {
            created.add(at(first.plusDays(random.nextInt(daysSince(first)))));
        }
        Collections.sort(created);
        for (LocalDateTime createdAt : created) {
            planRequest(createdAt);
        }
    }

    private void planRequest(LocalDateTime createdAt) {
        long id = id("dispatch_request");
        String reference = "DR-%d-%04d".formatted(createdAt.getYear(), id);
        String body = weightedBody();
        String[] theme = pick(REQUEST_THEMES.getOrDefault(body, REQUEST_THEMES.get("WHO")));
        String country = pickCountry(0.70);
        String countryName = countryNames.get(country);
        LocalDate start = createdAt.toLocalDate().plusDays(10 + random.nextInt(50));
        int duration = chance(0.03) ? 90 + random.nextInt(90) : 7 + random.nextInt(50);
        LocalDate plannedEnd = start.plusDays(duration - 1);
        String status;
        if (plannedEnd.isBefore(today)) {
            status = weighted(new String[] {"COMPLETED", "STOOD_DOWN", "UNFILLED", "REJECTED"}, new int[] {72, 10, 10, 8});
        } else if (!start.isAfter(today)) {
            status = weighted(new String[] {"DEPLOYED", "STOOD_DOWN", "UNFILLED"}, new int[] {85, 10, 5});
        } else {
            status = weighted(new String[] {"RECEIVED", "MATCHING", "APPROVAL", "DEPLOYED", "REJECTED", "UNFILLED"},
                    new int[] {15, 35, 25, 15, 5, 5});
        }
        String currency = weighted(new String[] {"JPY", "USD", "EUR", "CHF"}, new int[] {60, 32, 4, 4});
        BigDecimal cost = currency.equals("JPY") ? BigDecimal.valueOf(10_000L * (50 + random.nextInt(550)))
                : BigDecimal.valueOf(100L * (40 + random.nextInt(400)));
        Yen yen = yen(currency, cost, createdAt.toLocalDate());
        String skills = String.join(", ", Arrays.copyOfRange(theme, 1, theme.length));
        String languages = "english" + (regions.getOrDefault(country, "").equals("AFRICA") && chance(0.4) ? ", french"
                : regions.getOrDefault(country, "").equals("AMERICAS") && chance(0.5) ? ", spanish" : "");
        String requesterReference = requesterReference(body, createdAt.getYear());
        String requesterEmail = REQUESTER_EMAILS.getOrDefault(body, "requests@" + body.toLowerCase(Locale.ROOT) + ".example");
        String purpose = theme[0] + ", " + countryName;
        Long programme = chance(0.1) ? programmeAt(createdAt.toLocalDate()) : null;

        // The offers: declined ones first, then the expert who went (or the one left when the request stopped).
        List<Long> tried = new ArrayList<>();
        LocalDateTime offerAt = createdAt.plusDays(1 + random.nextInt(3));
        int declined = switch (status) {
            case "UNFILLED" -> 1 + random.nextInt(3);
            case "RECEIVED" -> 0;
            default -> chance(0.25) ? 1 + random.nextInt(2) : 0;
        };
        for (int i = 0; i < declined; i++) {
            Person expert = pickExpert(theme, offerAt.toLocalDate(), plannedEnd, tried);
            tried.add(expert.id);
            LocalDateTime answered = offerAt.plusHours(20 + random.nextInt(60));
            String outcome = pick(DECLINES);
            dispatches.add(id("dispatch"), id, expert.id, "UNAVAILABLE", outcome, offerAt, answered, null, null, null, null,
                    null, null, null, null, null, null, null, answered);
            mail("expert-offer", expert.email, "Mission offer " + reference + ": " + purpose + " (" + countryName + ")",
                    reference, offerAt);
            offerAt = answered.plusHours(2 + random.nextInt(20));
        }
        LocalDateTime closedAt = null;
        int extension = 0;
        String decider = pick(MANAGERS);
        boolean senior = yen.yen().compareTo(BigDecimal.valueOf(3_000_000)) > 0;
        switch (status) {
            case "RECEIVED" -> {
            }
            case "MATCHING" -> {
                if (chance(0.5)) {
                    Person expert = pickExpert(theme, offerAt.toLocalDate(), plannedEnd, tried);
                    dispatches.add(id("dispatch"), id, expert.id, "OFFERED", null, offerAt, null, null, null, null, null,
                            null, null, null, null, null, null, null, null);
                    expert.offered = true;
                    mail("expert-offer", expert.email, "Mission offer " + reference + ": " + purpose + " (" + countryName + ")",
                            reference, offerAt);
                }
            }
            case "UNFILLED" -> {
                closedAt = offerAt.plusDays(1);
                decision("DISPATCH_REQUEST", reference, "match", "no expert available",
                        "Every expert with the skills asked for declined or is on another mission", pick(COORDINATORS), closedAt);
                mail("request-unfilled", requesterEmail, requesterReference + ": no expert available (" + reference + ")",
                        reference, closedAt);
            }
            default -> {
                Person expert = pickExpert(theme, offerAt.toLocalDate(), plannedEnd, tried);
                LocalDateTime answered = offerAt.plusHours(4 + random.nextInt(40));
                mail("expert-offer", expert.email, "Mission offer " + reference + ": " + purpose + " (" + countryName + ")",
                        reference, offerAt);
                LocalDateTime approvedAt = answered.plusHours(3 + random.nextInt(40));
                if (status.equals("APPROVAL")) {
                    dispatches.add(id("dispatch"), id, expert.id, "IN_PROCESS", "accepted", offerAt, answered, null, null,
                            null, null, null, null, null, null, null, null, null, null);
                    expert.offered = true;
                    break;
                }
                if (status.equals("REJECTED")) {
                    closedAt = approvedAt;
                    dispatches.add(id("dispatch"), id, expert.id, "UNAVAILABLE", "release rejected", offerAt, answered, null,
                            null, null, null, null, null, null, null, null, null, null, closedAt);
                    decision("DISPATCH_REQUEST", reference, "release", "rejected", pick(REJECTIONS), decider, closedAt);
                    mail("request-rejected", requesterEmail, requesterReference + ": release not approved (" + reference + ")",
                            reference, closedAt);
                    break;
                }
                decision("DISPATCH_REQUEST", reference, "release", "approved", chance(0.6) ? null : "Within the office's "
                        + "yearly plan for " + theme[0].toLowerCase(Locale.ROOT), decider, approvedAt);
                if (senior) {
                    decision("DISPATCH_REQUEST", reference, "senior release", "approved", null, "director", approvedAt.plusHours(20));
                }
                boolean standDownBeforeLeaving = status.equals("STOOD_DOWN") && chance(0.5);
                LocalDate departure = start;
                LocalDate plannedReturn = plannedEnd;
                extension = status.equals("COMPLETED") && chance(0.1) ? 7 * (1 + random.nextInt(3)) : 0;
                LocalDate returned = switch (status) {
                    case "COMPLETED" -> min(plannedReturn.plusDays(extension + random.nextInt(3) - 1), today.minusDays(1));
                    case "STOOD_DOWN" -> standDownBeforeLeaving ? null
                            : min(departure.plusDays(random.nextInt(Math.max(1, duration))), today.minusDays(1));
                    default -> null;
                };
                if (returned != null && returned.isBefore(departure)) {
                    returned = departure;
                }
                Integer personDays = returned == null ? null : (int) ChronoUnit.DAYS.between(departure, returned) + 1;
                String dispatchStatus = switch (status) {
                    case "COMPLETED" -> "COMPLETED";
                    case "STOOD_DOWN" -> "STOOD_DOWN";
                    default -> "DEPLOYED";
                };
                String standDownReason = "The ministry declared the outbreak over";
                LocalDateTime dispatchClosed = switch (status) {
                    case "COMPLETED" -> at(min(returned.plusDays(3 + random.nextInt(10)), today.minusDays(1)));
                    case "STOOD_DOWN" -> at(returned != null ? returned : min(departure.minusDays(1 + random.nextInt(5)), today.minusDays(1)));
                    default -> null;
                };
                if (dispatchClosed != null && dispatchClosed.isBefore(approvedAt)) {
                    dispatchClosed = approvedAt.plusHours(1);
                }
                long dispatch = id("dispatch");
                boolean prepared = !standDownBeforeLeaving;
                dispatches.add(dispatch, id, expert.id, dispatchStatus,
                        switch (status) {
                            case "COMPLETED" -> "mission completed";
                            case "STOOD_DOWN" -> "stood down: " + standDownReason;
                            default -> "accepted";
                        },
                        offerAt, answered, prepared ? pick(INSURERS) : null,
                        prepared ? "POL-" + departure.getYear() + "-" + (100_000 + random.nextInt(900_000)) : null,
                        prepared ? "UNDSS-TC-" + (1_000_000 + random.nextInt(9_000_000)) : null,
                        prepared ? departure.minusDays(2 + random.nextInt(4)) : null,
                        prepared ? flight("NRT", country, departure) : null, prepared ? departure : null,
                        prepared ? plannedReturn.plusDays(extension) : null, returned, personDays,
                        status.equals("COMPLETED") ? missionReport(theme, countryName, departure, returned) : null,
                        status.equals("COMPLETED") ? "Debriefed at the office; recommendations shared with " + body + "." : null,
                        dispatchClosed);
                if (prepared) {
                    mail("deployment-confirmed", requesterEmail + ", " + expert.email, "Deployment confirmed: "
                            + expert.fullName + " to " + countryName + " (" + reference + ")", reference, at(departure.minusDays(3)));
                }
                if (extension > 0) {
                    decision("DISPATCH_REQUEST", reference, "extension of " + extension + " days", "approved",
                            "The ministry asked for the expert to stay until the end of the response", decider,
                            at(plannedReturn.minusDays(3)));
                }
                LocalDate reportsUntil = returned != null ? returned : status.equals("DEPLOYED") ? today : null;
                if (prepared && reportsUntil != null && !departure.isAfter(reportsUntil)) {
                    int weeks = (int) Math.min(26, ChronoUnit.DAYS.between(departure, reportsUntil) / 7);
                    for (int week = 1; week <= weeks; week++) {
                        situationReports.add(id("situation_report"), dispatch, week, "Week " + week + ": " + pick(SITREPS),
                                week == weeks && status.equals("COMPLETED") ? "completed" : "continue", pick(COORDINATORS),
                                at(departure.plusDays(7L * week)));
                    }
                    if (weeks > 2 && chance(0.15)) {
                        mail("sitrep-reminder", expert.email, "Weekly situation report overdue (" + reference + ")", reference,
                                at(departure.plusDays(7L * (1 + random.nextInt(weeks)) + 2)));
                    }
                }
                switch (status) {
                    case "COMPLETED" -> {
                        closedAt = dispatchClosed;
                        mail("mission-closed", requesterEmail + ", " + expert.email, "Mission closed: " + expert.fullName
                                + ", " + reference, reference, closedAt);
                    }
                    case "STOOD_DOWN" -> {
                        closedAt = dispatchClosed;
                        decision("DISPATCH_REQUEST", reference, "stand-down", "stood down", standDownReason, null, closedAt);
                        mail("stand-down", expert.email, "Stand-down: " + reference + " (" + purpose + ", " + countryName + ")",
                                reference, closedAt);
                    }
                    default -> expert.deployed = true;
                }
                expert.busyUntil = max(expert.busyUntil, returned != null ? returned : plannedReturn.plusDays(extension));
                expert.lastReturn = returned != null ? returned : expert.lastReturn;
            }
        }
        requests.add(id, reference, body, requesterReference, requesterEmail, country, purpose,
                termsOfReference(theme, body, countryName, start, duration), skills, languages, start,
                duration + extension, cost, currency, yen.yen(), yen.rateId(),
                weighted(new String[] {"REQUESTER", "MINISTRY", "SHARED"}, new int[] {40, 35, 25}), status,
                pick(COORDINATORS), null, programme, createdAt, closedAt);
    }

    private Person pickExpert(String[] theme, LocalDate from, LocalDate to, List<Long> tried) {
        List<String> skills = Arrays.asList(theme).subList(1, theme.length);
        for (int attempt = 0; attempt < 200; attempt++) {
            Person expert = pick(roster);
            boolean free = !expert.createdAt.toLocalDate().isAfter(from) && (expert.busyUntil == null || expert.busyUntil.isBefore(from))
                    && !tried.contains(expert.id);
            if (free && (attempt > 120 || expert.skills.stream().anyMatch(skills::contains))) {
                return expert;
            }
        }
        for (Person expert : roster) {
            if (!tried.contains(expert.id) && (expert.busyUntil == null || expert.busyUntil.isBefore(from))) {
                return expert;
            }
        }
        return roster.get(0);
    }

    private void finishRoster() {
        for (Person expert : roster) {
            String availability;
            LocalDate availableFrom = null;
            if (expert.deployed) {
                availability = "DEPLOYED";
            } else if (expert.offered) {
                availability = "RESERVED";
            } else if (chance(0.1)) {
                availability = "UNAVAILABLE";
                availableFrom = chance(0.5) ? today.plusDays(30 + random.nextInt(300)) : null;
            } else {
                availability = "AVAILABLE";
                availableFrom = expert.lastReturn != null && expert.lastReturn.isAfter(today.minusDays(30)) ? expert.lastReturn.plusDays(1) : null;
            }
            persons.add(expert.id, expert.fullName, expert.email, expert.email.toLowerCase(Locale.ROOT), expert.nationality,
                    expert.createdAt);
            experts.add(expert.id, expert.affiliation, availability, availableFrom, clearance(), clearance(),
                    chance(0.15) ? pick(EXPERT_NOTES) : null);
            expert.skills.forEach(skill -> expertSkills.add(expert.id, skill));
            expert.languages.forEach(language -> expertLanguages.add(expert.id, language));
        }
        // The officials follow the experts, by id.
        List<Person> officials = new ArrayList<>(seats.stream().map(seat -> seat.person).distinct().toList());
        officials.sort(Comparator.comparingLong(person -> person.id));
        for (Person official : officials) {
            persons.add(official.id, official.fullName, official.email, official.email.toLowerCase(Locale.ROOT),
                    official.nationality, official.createdAt);
        }
        persons.rows.sort(Comparator.comparingLong(row -> (Long) row[0]));
    }

    /** A medical clearance or vaccination: most valid for a while, some expiring within 90 days, some expired, a few none. */
    private LocalDate clearance() {
        double draw = random.nextDouble();
        if (draw < 0.03) {
            return null;
        }
        if (draw < 0.09) {
            return today.minusDays(1 + random.nextInt(300));
        }
        if (draw < 0.19) {
            return today.plusDays(random.nextInt(90));
        }
        return today.plusDays(91 + random.nextInt(900));
    }

    // ------------------------------------------------------------------ courses and nominations

    private void planCourses() {
        List<LocalDate> starts = new ArrayList<>();
        for (int i = 0; i < sizes.courses(); i++) {
            starts.add(first.plusDays(150 + random.nextInt(daysSince(first) + 30)));
        }
        Collections.sort(starts);
        int[] perCourse = apportion(weights(sizes.courses(), 6, 34), sizes.nominations());
        for (int i = 0; i < starts.size(); i++) {
            planCourse(starts.get(i), perCourse[i]);
        }
    }

    private void planCourse(LocalDate start, int nominationCount) {
        long id = id("course");
        LocalDate end = start.plusDays(9 + random.nextInt(30));
        LocalDate deadline = start.minusDays(30 + random.nextInt(16));
        LocalDateTime created = at(min(deadline.minusDays(60 + random.nextInt(60)), today.minusDays(1 + random.nextInt(20))));
        String reference = "TC-%d-%04d".formatted(created.getYear(), id);
        String title = pick(TOPICS) + pick(COURSE_SUFFIXES);
        int capacity = Math.max(4, Math.min(200, (int) Math.round(nominationCount * (0.4 + 0.3 * random.nextDouble()))));
        int quota = 2 + random.nextInt(2);
        int maxAge = 45 + 5 * random.nextInt(3);
        int minExperience = 2 + random.nextInt(4);
        boolean cancelled = chance(0.04) && created.toLocalDate().isBefore(start.minusDays(20));
        String status;
        if (cancelled) {
            status = "CANCELLED";
        } else if (start.isAfter(today)) {
            status = deadline.isAfter(today) ? "OPEN" : deadline.isBefore(today.minusDays(10)) ? "SELECTED" : "NOMINATIONS_CLOSED";
        } else if (!end.isBefore(today)) {
            status = "SELECTED";
        } else if (end.isAfter(today.minusDays(150))) {
            status = "FOLLOW_UP";
        } else {
            status = chance(0.025) ? "NOT_HELD" : "CLOSED";
        }
        LocalDateTime cancelledAt = cancelled ? at(min(start.minusDays(5 + random.nextInt(15)), today.minusDays(1))) : null;
        boolean started = !start.isAfter(today) && !cancelled;
        boolean selected = !status.equals("OPEN") && !status.equals("NOMINATIONS_CLOSED")
                && !(cancelled && cancelledAt.toLocalDate().isBefore(deadline.plusDays(10)));
        boolean screened = !status.equals("OPEN");
        List<String> invited = invitedCountries();
        int[] perCountry = apportion(invited.stream().mapToInt(c -> ASEAN.contains(c) ? 5 + random.nextInt(6) : 1 + random.nextInt(4))
                .toArray(), nominationCount, 0);
        Map<String, Integer> nominated = new LinkedHashMap<>();
        for (int i = 0; i < invited.size(); i++) {
            nominated.put(invited.get(i), perCountry[i]);
            courseInvitations.add(id, invited.get(i), perCountry[i] > 0 ? "NOMINATED" : "INVITED");
        }
        // Nominations: screened on receipt, ranked within each country, selected within quota and capacity.
        List<Seat> course = new ArrayList<>();
        LocalDateTime received = created.plusHours(12);
        long window = Math.max(1, ChronoUnit.MINUTES.between(received, min(deadline, today).atTime(18, 0)));
        for (Map.Entry<String, Integer> country : nominated.entrySet()) {
            for (int n = 0; n < country.getValue(); n++) {
                Seat seat = new Seat(true, country.getKey(), received.plusMinutes((long) (random.nextDouble() * window)),
                        "C" + id, end);
                seat.row = new Object[nominations.columns.length];
                seat.official = chance(0.95);
                seat.eligible = seat.official && chance(0.88);
                course.add(seat);
            }
        }
        course.sort(Comparator.comparing((Seat s) -> s.at));
        Map<String, Integer> ranks = new HashMap<>();
        List<Seat> eligible = course.stream().filter(s -> s.eligible).toList();
        List<Seat> shuffled = new ArrayList<>(eligible);
        Collections.shuffle(shuffled, random);
        for (Seat seat : shuffled) {
            seat.rank = ranks.merge(seat.country, 1, Integer::sum);
        }
        int accepted = 0;
        for (int rank = 1; rank <= quota; rank++) {
            for (Seat seat : eligible) {
                if (seat.rank == rank && accepted < capacity) {
                    seat.accepted = true;
                    accepted++;
                }
            }
        }
        int certificate = 0;
        List<Seat> acceptedSeats = new ArrayList<>();
        for (Seat seat : course) {
            long nominationId = id("nomination");
            String nominationStatus;
            String reason = null;
            if (!seat.official) {
                nominationStatus = "REFUSED";
                reason = "Not an official application: nominations come through the government's focal point";
            } else if (!seat.eligible) {
                nominationStatus = "INELIGIBLE";
                reason = pick(INELIGIBLE).formatted(maxAge, minExperience);
            } else if (!screened) {
                nominationStatus = chance(0.4) ? "RECEIVED" : "ELIGIBLE";
            } else if (!selected) {
                nominationStatus = cancelled ? "CANCELLED" : "ELIGIBLE";
            } else if (!seat.accepted) {
                nominationStatus = started || status.equals("CANCELLED") ? (cancelled ? "CANCELLED" : "REGRETTED") : "WAITING";
            } else if (cancelled) {
                nominationStatus = "CANCELLED";
            } else if (chance(0.02)) {
                nominationStatus = "WITHDRAWN";
                reason = "Withdrawn by the ministry: the nominee was reassigned";
            } else if (!started) {
                nominationStatus = "ACCEPTED";
            } else if (status.equals("NOT_HELD") || chance(0.04)) {
                nominationStatus = "NO_SHOW";
            } else if (status.equals("SELECTED")) {
                nominationStatus = "ARRIVED";
            } else {
                nominationStatus = chance(0.94) ? "COMPLETED" : "NOT_COMPLETED";
            }
            boolean prepared = List.of("ACCEPTED", "ARRIVED", "COMPLETED", "NOT_COMPLETED", "NO_SHOW").contains(nominationStatus)
                    && (started || start.isBefore(today.plusDays(30)));
            boolean arrived = List.of("ARRIVED", "COMPLETED", "NOT_COMPLETED").contains(nominationStatus);
            boolean completed = nominationStatus.equals("COMPLETED");
            BigDecimal allowance = prepared ? BigDecimal.valueOf(3_000L * (ChronoUnit.DAYS.between(start, end) + 3)) : null;
            Object[] row = seat.row;
            set(nominations, row, "id", nominationId);
            set(nominations, row, "course_id", id);
            set(nominations, row, "country_code", seat.country);
            set(nominations, row, "official_application", seat.official);
            set(nominations, row, "language", "english");
            set(nominations, row, "health_declaration", seat.official);
            set(nominations, row, "status", nominationStatus);
            set(nominations, row, "reason", reason);
            set(nominations, row, "rank_no", screened && seat.eligible ? seat.rank : null);
            set(nominations, row, "visa_letter_reference", prepared ? "VL-" + reference + "-" + (acceptedSeats.size() + 1) : null);
            set(nominations, row, "flight_booking", prepared ? flight(seat.country, "JP", start.minusDays(1)) : null);
            set(nominations, row, "allowance_amount", allowance);
            set(nominations, row, "allowance_currency", prepared ? "JPY" : null);
            set(nominations, row, "allowance_yen", allowance);
            set(nominations, row, "accommodation", prepared ? pick(ACCOMMODATIONS) : null);
            set(nominations, row, "arrival_note", arrived ? "Arrived on " + start.minusDays(1) + ", met at the airport" : null);
            set(nominations, row, "action_plan_received", completed && chance(0.85));
            set(nominations, row, "certificate_number", completed ? "%s/%02d".formatted(reference, ++certificate) : null);
            set(nominations, row, "final_report_received_on", completed && (status.equals("CLOSED") ? chance(0.9) : chance(0.4))
                    ? min(end.plusDays(60 + random.nextInt(60)), today.minusDays(1)) : null);
            set(nominations, row, "recorded_by", pick(COORDINATORS));
            set(nominations, row, "received_at", seat.at);
            seats.add(seat);
            if (prepared) {
                acceptedSeats.add(seat);
            }
        }
        Long programme = chance(0.1) ? programmeAt(created.toLocalDate()) : null;
        LocalDateTime closedAt = switch (status) {
            case "CLOSED" -> at(min(end.plusDays(150 + random.nextInt(30)), today.minusDays(1)));
            case "NOT_HELD" -> at(min(start.plusDays(2), today.minusDays(1)));
            case "CANCELLED" -> cancelledAt;
            default -> null;
        };
        courses.add(id, reference, title, pick(PLACES), start, end, capacity, quota, minExperience, maxAge,
                weighted(new String[] {"english", "french", "japanese"}, new int[] {90, 5, 5}), deadline, status,
                pick(COORDINATORS), null, status.equals("CLOSED") ? 3 + random.nextInt(3) : null,
                status.equals("CLOSED") ? "Participants rated the course " + pick(new String[] {"highly", "well"})
                        + "; the site visits were the most useful part. Action plans received from most participants." : null,
                cancelled ? pick(new String[] {"The host institution could not receive the participants on these dates",
                        "Too few eligible nominations for the course to be useful"}) : null,
                status.equals("NOT_HELD") ? "No participant could travel: flights were suspended" : null, programme, created,
                closedAt);
        String subject = "COURSE";
        mail("course-announcement", channels(invited), "Course announcement " + reference + ": " + title, reference,
                created.plusDays(1));
        if (chance(0.5)) {
            mail("nomination-reminder", channels(invited), "Reminder: nominations for " + title + " close on " + deadline,
                    reference, at(deadline.minusDays(14)));
        }
        if (chance(0.08)) {
            decision(subject, reference, "nomination period", "extended", "Few nominations by the deadline; extended by two weeks",
                    pick(COORDINATORS), at(deadline.minusDays(14)));
            mail("nomination-extended", channels(invited), "Nominations reopened for " + title + " until " + deadline,
                    reference, at(deadline.minusDays(14)));
        }
        if (selected) {
            LocalDateTime selectedAt = at(deadline.plusDays(3 + random.nextInt(5)));
            decision(subject, reference, "selection list", "approved", chance(0.7) ? null : "Balanced across countries",
                    pick(MANAGERS), selectedAt);
            List<String> answered = nominated.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
            for (String country : answered) {
                mail("selection-notice", channel(country), title + ": result of the selection (" + reference + ")", reference,
                        selectedAt.plusHours(2));
            }
        }
        if (cancelled) {
            decision(subject, reference, "cancellation", "cancelled",
                    (String) get(courses, courses.rows.get(courses.rows.size() - 1), "cancellation_reason"),
                    pick(MANAGERS), cancelledAt);
            mail("course-cancelled", channels(invited), "Cancelled: " + title + " (" + reference + ")", reference, cancelledAt);
        }
        if (status.equals("NOT_HELD")) {
            decision(subject, reference, "course without trainees", "not held", "No participant could travel", pick(MANAGERS), closedAt);
            mail("course-not-held", channels(invited), "Not held: " + title + " (" + reference + ")", reference, closedAt);
        }
        afterPeople.add(() -> {
            for (Seat seat : acceptedSeats) {
                mail("visa-support-letter", seat.person.email, "Visa support letter: " + title + ", " + start + " to " + end,
                        reference, at(start.minusDays(25)));
                if ("COMPLETED".equals(get(nominations, seat.row, "status"))) {
                    mail("certificate", seat.person.email, "Certificate of completion " + get(nominations, seat.row, "certificate_number")
                            + ": " + title, reference, at(end));
                }
            }
            if ((status.equals("FOLLOW_UP") || status.equals("CLOSED")) && !acceptedSeats.isEmpty()) {
                mail("final-report-reminder", String.join(", ", acceptedSeats.stream().map(s -> s.person.email).limit(20).toList()),
                        "Reminder: final report for " + title + " due " + end.plusMonths(3), reference, at(end.plusMonths(2)));
            }
        });
    }

    private List<String> invitedCountries() {
        double draw = random.nextDouble();
        Set<String> invited = new java.util.TreeSet<>();
        if (draw < 0.6) {
            invited.addAll(ASEAN);
        } else if (draw < 0.85) {
            invited.addAll(ASEAN);
            invited.addAll(distinct(2 + random.nextInt(5), () -> pick(NEIGHBOURS)));
        } else {
            invited.addAll(distinct(6 + random.nextInt(15), () -> pickCountry(0.3)));
        }
        invited.retainAll(countryNames.keySet());
        return new ArrayList<>(invited);
    }

    // ------------------------------------------------------------------ meetings and delegates

    private void planMeetings() {
        List<LocalDate> starts = new ArrayList<>();
        for (int i = 0; i < sizes.meetings(); i++) {
            starts.add(first.plusDays(90 + random.nextInt(daysSince(first) + 90)));
        }
        Collections.sort(starts);
        int[] perMeeting = apportion(weights(sizes.meetings(), 10, 50), sizes.delegates());
        for (int i = 0; i < starts.size(); i++) {
            planMeeting(starts.get(i), perMeeting[i]);
        }
    }

    private void planMeeting(LocalDate start, int delegateCount) {
        long id = id("meeting");
        String kind = weighted(new String[] {"high_level_officials_meeting", "workshop", "seminar", "expert_meeting"},
                new int[] {8, 45, 27, 20});
        int quota = delegateCount > 40 || chance(0.7) ? 3 : 2;
        int nominating = Math.max(1, (delegateCount + quota - 1) / quota);
        LocalDate end = start.plusDays(1 + random.nextInt(3));
        LocalDate deadline = start.minusDays(30);
        LocalDateTime created = at(min(start.minusDays(90 + random.nextInt(90)), today.minusDays(1 + random.nextInt(20))));
        String reference = "MT-%d-%04d".formatted(created.getYear(), id);
        String topic = pick(TOPICS);
        String title = switch (kind) {
            case "high_level_officials_meeting" -> {
                String[] series = pick(SERIES);
                int edition = Math.max(1, start.getYear() - Integer.parseInt(series[1]));
                yield "The " + ordinal(edition) + " " + series[0];
            }
            case "workshop" -> "Regional Workshop on " + topic;
            case "seminar" -> "Seminar on " + topic;
            default -> "Expert Meeting on " + topic;
        };
        boolean cancelled = chance(0.04) && created.toLocalDate().isBefore(start.minusDays(20));
        String status;
        if (cancelled) {
            status = "CANCELLED";
        } else if (start.isAfter(today)) {
            status = deadline.isAfter(today) ? "PLANNED" : "FROZEN";
        } else if (end.isAfter(today.minusDays(45))) {
            status = "HELD";
        } else {
            status = "CLOSED";
        }
        LocalDateTime cancelledAt = cancelled ? at(min(start.minusDays(5 + random.nextInt(15)), today.minusDays(1))) : null;
        boolean answersIn = !status.equals("PLANNED") && !(cancelled && cancelledAt.toLocalDate().isBefore(deadline));
        String[] venue = pick(VENUES);
        String host = countryNames.containsKey(venue[1]) ? venue[1] : "JP";
        // Invited: the governments that named delegates, and a few that did not.
        Set<String> pool = new java.util.TreeSet<>(ASEAN);
        if (nominating + 3 > pool.size() || chance(0.3)) {
            pool.addAll(NEIGHBOURS);
        }
        while (pool.size() < nominating + 3) {
            pool.add(pickCountry(0.0));
        }
        pool.retainAll(countryNames.keySet());
        List<String> candidates = new ArrayList<>(pool);
        Collections.shuffle(candidates, random);
        candidates.sort(Comparator.comparingInt(c -> ASEAN.contains(c) ? 0 : 1));
        List<String> named = new ArrayList<>(candidates.subList(0, Math.min(nominating, candidates.size())));
        int others = Math.min(candidates.size() - named.size(), random.nextInt(4));
        List<String> silent = new ArrayList<>(candidates.subList(named.size(), named.size() + others));
        int[] perCountry = new int[named.size()];
        Arrays.fill(perCountry, 1);
        for (int extra = delegateCount - named.size(), guard = 0; extra > 0 && guard < 100_000; guard++) {
            int i = random.nextInt(named.size());
            if (perCountry[i] < quota) {
                perCountry[i]++;
                extra--;
            }
        }
        List<String> invited = new ArrayList<>(named);
        invited.addAll(silent);
        Collections.sort(invited);
        boolean fieldVisit = chance(0.4);
        boolean frozen = List.of("FROZEN", "HELD", "CLOSED").contains(status);
        List<Seat> delegation = new ArrayList<>();
        Map<String, Boolean> visas = new HashMap<>();
        for (int i = 0; i < named.size(); i++) {
            String country = named.get(i);
            boolean funded = chance(0.8);
            boolean visa = !country.equals("SG") && !country.equals("BN") && chance(0.6);
            meetingInvitations.add(id, country, "NOMINATED", null, frozen ? (funded ? "funded" : "self_funded") : null,
                    frozen ? pick(HOTELS) + ", " + perCountry[i] + " room" + (perCountry[i] > 1 ? "s" : "") : null,
                    frozen ? flight(country, host, start.minusDays(1)) : null, frozen ? visa : null);
            LocalDateTime at = created.plusDays(10 + random.nextInt(Math.max(1, (int) ChronoUnit.DAYS.between(created.toLocalDate(), deadline))));
            if (at.toLocalDate().isAfter(today.minusDays(1))) {
                at = created.plusHours(6 + random.nextInt(12));
            }
            visas.put(country, frozen ? visa : null);
            for (int n = 0; n < perCountry[i]; n++) {
                Seat seat = new Seat(false, country, at.plusMinutes(n), "M" + id, end);
                seat.row = new Object[delegates.columns.length];
                String delegateStatus = switch (status) {
                    case "CANCELLED" -> "CANCELLED";
                    case "PLANNED", "FROZEN" -> "NOMINATED";
                    default -> weighted(new String[] {"ATTENDED", "ABSENT", "REMOVED", "CANCELLED"}, new int[] {93, 4, 2, 1});
                };
                long delegateId = id("delegate");
                set(delegates, seat.row, "id", delegateId);
                set(delegates, seat.row, "meeting_id", id);
                set(delegates, seat.row, "country_code", country);
                set(delegates, seat.row, "role", n == 0 ? "HEAD" : "DELEGATE");
                set(delegates, seat.row, "status", delegateStatus);
                if (delegateStatus.equals("REMOVED")) {
                    long change = id("delegation_change");
                    delegationChanges.add(change, id, country, delegateId, null, null, null, null,
                            "The ministry withdrew the delegate: reassigned to other duties", "APPLIED", pick(COORDINATORS),
                            at(start.minusDays(3 + random.nextInt(10))));
                    decision("MEETING", reference, "delegation change " + change, "approved", null,
                            pick(MANAGERS), at(start.minusDays(2)));
                }
                seats.add(seat);
                delegation.add(seat);
            }
        }
        for (String country : silent) {
            String answer = !answersIn ? "INVITED" : weighted(new String[] {"DECLINED", "NO_DELEGATION", "FOLLOWED_UP"},
                    new int[] {60, 30, 10});
            meetingInvitations.add(id, country, answer, answer.equals("DECLINED") ? pick(DECLINE_MEETING) : null, null, null,
                    null, null);
            if (!answer.equals("INVITED") && !answer.equals("DECLINED")) {
                decision("MEETING", reference, "embassy follow-up " + country, answer.equals("NO_DELEGATION") ? "no_answer"
                        : "names promised", "Followed up through the embassy", pick(COORDINATORS), at(deadline.plusDays(3)));
            }
        }
        Yen budget;
        String currency = host.equals("JP") || chance(0.5) ? "JPY" : "USD";
        BigDecimal amount = currency.equals("JPY") ? BigDecimal.valueOf(100_000L * (30 + random.nextInt(270)))
                : BigDecimal.valueOf(1_000L * (20 + random.nextInt(200)));
        budget = yen(currency, amount, created.toLocalDate());
        boolean postponed = chance(0.05);
        boolean closed = status.equals("CLOSED");
        LocalDateTime closedAt = closed ? at(min(end.plusDays(20 + random.nextInt(20)), today.minusDays(1))) : cancelledAt;
        String agenda = frozen ? agenda(title, start, end, fieldVisit) : null;
        boolean summary = closed || (status.equals("HELD") && chance(0.5));
        meetings.add(id, reference, title, pick(THEMES) + ": " + topic.toLowerCase(Locale.ROOT), kind, start, end, venue[0],
                host, chance(0.4) ? pick(CO_ORGANISERS) : null, amount, currency, budget.yen(), budget.rateId(), quota, deadline,
                fieldVisit, fieldVisit ? pick(SITES) : null,
                fieldVisit && frozen ? "SP-" + start.getYear() + "-" + (100 + random.nextInt(900)) : null,
                fieldVisit && frozen ? end : null, frozen ? "Chartered bus between the hotel, the venue and the site" : null,
                status, frozen, postponed ? 1 : 0, agenda, summary ? chairSummary(title, named.size(), delegateCount) : null,
                summary ? "1. Share the country reports with the ministers' meeting.\n2. Hold a follow-up workshop next year.\n"
                        + "3. Set up an online network of the focal points." : null,
                cancelled ? pick(new String[] {"The host country asked to cancel because of a public health emergency",
                        "Too few governments could send delegates"}) : null,
                pick(COORDINATORS), null, chance(0.1) ? programmeAt(created.toLocalDate()) : null, created, closedAt);
        String subject = "MEETING";
        mail("meeting-invitation", channels(invited), "Invitation: " + title + ", " + venue[0] + ", " + start + " to " + end
                + " (" + reference + ")", reference, created.plusDays(2));
        if (chance(0.6)) {
            mail("delegation-reminder", channels(invited), "Reminder: delegation for " + title + " by " + deadline, reference,
                    at(deadline.minusDays(10)));
        }
        if (postponed) {
            decision(subject, reference, "postponement", "postponed", "The host's venue was not available", pick(MANAGERS),
                    at(deadline.minusDays(20)));
            mail("meeting-postponed", channels(invited), "Postponed: " + title + " now " + start + " to " + end + " (" + reference + ")",
                    reference, at(deadline.minusDays(20)));
        }
        if (frozen) {
            decision(subject, reference, "agenda", "approved", chance(0.6) ? null : "Add a session on the country reports",
                    pick(MANAGERS), at(start.minusDays(15)));
        }
        if (closed) {
            decision(subject, reference, "chair's summary", "approved", null, pick(MANAGERS), closedAt.minusDays(2));
        }
        if (cancelled) {
            decision(subject, reference, "cancellation", "cancelled", "Cancelled before the meeting", null, cancelledAt);
            mail("meeting-cancelled", channels(invited), "Cancelled: " + title + " (" + reference + ")", reference, cancelledAt);
        }
        afterPeople.add(() -> {
            if (frozen) {
                for (String country : named) {
                    List<Seat> people = delegation.stream().filter(s -> s.country.equals(country)).toList();
                    if (Boolean.TRUE.equals(visas.get(country))) {
                        mail("visa-support-letter", String.join(", ", people.stream().map(s -> s.person.email).toList()),
                                "Visa support letter: " + title + ", " + start + " to " + end, reference, at(start.minusDays(20)));
                    }
                }
            }
            if (closed) {
                mail("chair-summary", String.join(", ", delegation.stream().map(s -> s.person.email).limit(20).toList()),
                        "Chair's summary: " + title + " (" + reference + ")", reference, closedAt.minusDays(1));
            }
        });
    }

    // ------------------------------------------------------------------ the officials behind the nominations and delegates

    /**
     * People for the seats: each country has a pool of officials (its share of the seats, one person for about 2.75
     * seats), taken on in the course of the years and nominated or sent again: a seat goes to a newcomer as often as the
     * pool's newcomers left allow, otherwise to an official of the country seen before, most often a recent one, never
     * twice to the same course or meeting.
     */
    private void assignPeople() {
        int officials = sizes.people() - sizes.experts();
        Map<String, List<Seat>> byCountry = new java.util.TreeMap<>();
        seats.forEach(seat -> byCountry.computeIfAbsent(seat.country, c -> new ArrayList<>()).add(seat));
        List<String> order = new ArrayList<>(byCountry.keySet());
        int[] demand = order.stream().mapToInt(c -> byCountry.get(c).size()).toArray();
        int[] minimum = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
            Map<String, Integer> perEvent = new HashMap<>();
            byCountry.get(order.get(i)).forEach(seat -> perEvent.merge(seat.event, 1, Integer::sum));
            minimum[i] = perEvent.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        }
        int[] pools = apportion(demand, officials, minimum, demand);
        List<Person> everyone = new ArrayList<>();
        for (int c = 0; c < order.size(); c++) {
            String country = order.get(c);
            List<Seat> countrySeats = byCountry.get(country);
            countrySeats.sort(Comparator.comparing((Seat s) -> s.at).thenComparing(s -> s.event));
            Map<String, Set<Person>> byEvent = new HashMap<>();
            List<Person> seen = new ArrayList<>();
            int newcomers = pools[c];
            for (int s = 0; s < countrySeats.size(); s++) {
                Seat seat = countrySeats.get(s);
                Set<Person> present = byEvent.computeIfAbsent(seat.event, e -> new HashSet<>());
                int remaining = countrySeats.size() - s;
                Person person = null;
                if (newcomers > 0 && (newcomers >= remaining || seen.isEmpty() || random.nextDouble() < (double) newcomers / remaining)) {
                    person = null;
                } else {
                    for (int attempt = 0; attempt < 12 && person == null; attempt++) {
                        int back = (int) Math.min(seen.size() - 1, Math.abs(random.nextGaussian()) * Math.max(1, seen.size() / 3.0));
                        Person candidate = seen.get(seen.size() - 1 - back);
                        if (!present.contains(candidate)) {
                            person = candidate;
                        }
                    }
                    if (person == null && newcomers == 0) {
                        person = seen.stream().filter(p -> !present.contains(p)).findFirst().orElseThrow(() ->
                                new IllegalStateException("No official of " + country + " left for " + seat.event));
                    }
                }
                if (person == null) {
                    person = newOfficial(country, seat.at.minusDays(random.nextInt(30)));
                    newcomers--;
                    everyone.add(person);
                } else {
                    seen.remove(person);
                }
                seen.add(person);
                present.add(person);
                seat.person = person;
            }
        }
        // Ids in the order the officials first appeared.
        everyone.sort(Comparator.comparing((Person p) -> p.createdAt));
        everyone.forEach(person -> person.id = id("person"));
        for (Seat seat : seats) {
            Person person = seat.person;
            LocalDate at = seat.at.toLocalDate();
            String[] passport = person.passport(seat.until);
            if (seat.nomination) {
                set(nominations, seat.row, "person_id", person.id);
                set(nominations, seat.row, "organisation", person.organisation);
                set(nominations, seat.row, "position", person.position);
                set(nominations, seat.row, "full_name", person.fullName);
                set(nominations, seat.row, "email", person.email);
                set(nominations, seat.row, "date_of_birth", person.born);
                set(nominations, seat.row, "passport_number", passport[0]);
                set(nominations, seat.row, "passport_expiry", LocalDate.parse(passport[1]));
                set(nominations, seat.row, "years_of_experience", Math.max(0, at.getYear() - person.careerStart));
            } else {
                set(delegates, seat.row, "person_id", person.id);
                set(delegates, seat.row, "full_name", person.fullName);
                set(delegates, seat.row, "email", person.email);
                set(delegates, seat.row, "passport_number", passport[0]);
                set(delegates, seat.row, "passport_expiry", LocalDate.parse(passport[1]));
            }
        }
        seats.stream().filter(s -> s.nomination).forEach(s -> nominations.rows.add(s.row));
        seats.stream().filter(s -> !s.nomination).forEach(s -> delegates.rows.add(s.row));
        nominations.rows.sort(Comparator.comparingLong(row -> (Long) row[0]));
        delegates.rows.sort(Comparator.comparingLong(row -> (Long) row[0]));
    }

    private Person newOfficial(String country, LocalDateTime createdAt) {
        String ministry = pick(MINISTRIES);
        Person person = newPerson(country, ministry.split("\\|")[1] + "." + country.toLowerCase(Locale.ROOT) + ".gov.example",
                createdAt.isBefore(first.atStartOfDay()) ? first.atTime(9, 0) : createdAt);
        person.organisation = ministry.split("\\|")[0] + ", " + countryNames.get(country);
        person.position = pick(POSITIONS);
        return person;
    }

    private Person newPerson(String country, String domain, LocalDateTime createdAt) {
        String[] name = name(country);
        Person person = new Person();
        person.fullName = name[0];
        person.email = uniqueEmail(name[1] + "." + name[2], domain);
        person.nationality = NATIONALITIES.getOrDefault(country, countryNames.getOrDefault(country, country));
        person.createdAt = createdAt;
        person.born = createdAt.toLocalDate().minusYears(27 + random.nextInt(28)).minusDays(random.nextInt(365));
        person.careerStart = person.born.getYear() + 23 + random.nextInt(5);
        person.passportPrefix = country.substring(0, 1) + (char) ('A' + random.nextInt(26));
        person.passportNumber = 1_000_000 + random.nextInt(8_000_000);
        person.passportIssued = createdAt.toLocalDate().minusDays(random.nextInt(3000));
        return person;
    }

    private String uniqueEmail(String local, String domain) {
        String clean = java.text.Normalizer.normalize(local.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("[^a-z.]+", "").replaceAll("\\.+", ".").replaceAll("^\\.|\\.$", "");
        String email = clean + "@" + domain;
        for (int n = 2; !emails.add(email.toLowerCase(Locale.ROOT)); n++) {
            email = clean + n + "@" + domain;
        }
        return email;
    }

    /** Full name, given name and family name for e-mail addresses. */
    private String[] name(String country) {
        String[][] bank = NAMES.getOrDefault(country, NAMES.get(regions.getOrDefault(country, "ASIA")));
        if (bank == null) {
            bank = NAMES.get("ASIA");
        }
        String given = pick(bank[0]);
        String family = pick(bank[1]);
        return switch (country) {
            case "VN" -> new String[] {family + " " + pick(new String[] {"Thi", "Van", "Minh", "Thanh", "Duc", "Ngoc", "Quoc", "Hong"})
                    + " " + given, given, family};
            case "KH", "CN", "KR" -> new String[] {family + " " + given, given, family};
            case "MM" -> new String[] {given + " " + family + (chance(0.5) ? " " + pick(bank[0]) : ""), given, family};
            default -> new String[] {given + " " + family, given, family};
        };
    }

    // ------------------------------------------------------------------ texts

    private String termsOfReference(String[] theme, String body, String country, LocalDate start, int days) {
        return "Background: " + theme[0] + " in " + country + ". The " + body + " asks for an expert in "
                + String.join(", ", Arrays.copyOfRange(theme, 1, theme.length)) + " to support the national authorities.\n"
                + "Tasks: (1) review the situation with the ministry of health and the partners on site; (2) advise on "
                + theme[1] + " and on the priorities of the response; (3) train national staff and leave the materials with "
                + "them; (4) report each week to the requesting body and to the office.\n"
                + "Deliverables: weekly situation reports, and a mission report with recommendations within two weeks of "
                + "return.\nDuration: " + days + " days from " + start + ". Travel, insurance and security clearance through the office.";
    }

    private String missionReport(String[] theme, String country, LocalDate departure, LocalDate returned) {
        return "Mission to " + country + " from " + departure + " to " + returned + " on " + theme[0].toLowerCase(Locale.ROOT)
                + ". The expert worked with the ministry's response team, visited " + (2 + random.nextInt(6))
                + " provinces and trained " + (10 + random.nextInt(90)) + " national staff. Recommendations: strengthen "
                + theme[1] + ", keep the coordination meeting weekly, and share data with the region.";
    }

    private String agenda(String title, LocalDate start, LocalDate end, boolean fieldVisit) {
        return title + "\n" + start + " to " + end + "\n\nDay 1\n09:00 Opening remarks by the host and the ministry\n"
                + "09:30 Keynote\n10:30 Country reports (in alphabetical order)\n14:00 Panel: what worked and what did not\n"
                + "16:00 Group work\n\nDay 2\n" + (fieldVisit ? "08:30 Field visit\n" : "09:00 Group work continued\n")
                + "14:00 Presentation of the group work\n15:30 Recommendations and the chair's summary\n16:30 Closing";
    }

    private String chairSummary(String title, int countries, int delegateCount) {
        return "The " + title + " brought together " + delegateCount + " delegates of " + countries
                + " governments with the ministry and partner organisations. Participants presented the situation in their "
                + "countries, discussed common challenges and agreed on the recommendations below. The meeting thanked the "
                + "host for its hospitality and the partners for their support, and noted the proposal to meet again next year.";
    }

    private String flight(String from, String to, LocalDate day) {
        String[] carriers = {"JL", "NH", "TG", "VN", "PR", "GA", "MH", "SQ"};
        return pick(carriers) + " " + (100 + random.nextInt(900)) + " " + from + "-" + to + " " + day;
    }

    private String channels(List<String> countriesInvited) {
        String joined = String.join(", ", countriesInvited.stream().map(this::channel).toList());
        return joined.length() <= 1000 ? joined : joined.substring(0, joined.lastIndexOf(", ", 1000));
    }

    private String channel(String country) {
        return (ASEAN.contains(country) ? "international-cooperation@" : "focal-point@") + country.toLowerCase(Locale.ROOT)
                + ".gov.example";
    }

    private String requesterReference(String body, int year) {
        int number = requesterNumbers.merge(body + year, 1 + random.nextInt(3), Integer::sum);
        String prefix = switch (body) {
            case "WHO" -> "GOARN";
            case "ILO" -> "ILO-ROAP";
            case "UNAIDS" -> "UNAIDS-AP";
            case "GLOBAL_FUND" -> "GF-TA";
            case "JICA" -> "JICA-HD";
            case "ASEAN_SEC" -> "ASEC-HSD";
            default -> body;
        };
        return "%s-%d-%03d".formatted(prefix, year, number);
    }

    // ------------------------------------------------------------------ records every kind shares

    private void decision(String subjectType, String reference, String kind, String outcome, String reason, String by,
                          LocalDateTime at) {
        decisions.add(id("decision"), subjectType, reference, kind, outcome, reason, by, at);
    }

    /** A mail as the application logs it; one in fifty failed first and was delivered on the retry, under the same key. */
    private void mail(String template, String recipients, String subject, String businessKey, LocalDateTime at) {
        String key = "job:" + new UUID(random.nextLong(), random.nextLong());
        String to = recipients.length() <= 1000 ? recipients : recipients.substring(0, recipients.lastIndexOf(", ", 1000));
        String cut = subject.length() <= 300 ? subject : subject.substring(0, 300);
        if (chance(0.02)) {
            notifications.add(id("notification"), key, template, to, cut, businessKey, "FAILED",
                    "Mail server connection failed: Couldn't connect to host, port: 25; timeout 5000", at);
            at = at.plusSeconds(20);
        }
        notifications.add(id("notification"), key, template, to, cut, businessKey, "DELIVERED", null, at);
    }

    private Long programmeAt(LocalDate day) {
        List<Programme> running = programmes.stream().filter(p -> !p.start().isAfter(day) && !p.end().isBefore(day)).toList();
        return running.isEmpty() ? null : pick(running).id();
    }

    private Yen yen(String currency, BigDecimal amount, LocalDate day) {
        if (currency.equals("JPY")) {
            return new Yen(amount.setScale(0, RoundingMode.HALF_UP), null);
        }
        TreeMap<LocalDate, Rate> book = rateBook.get(currency);
        if (book == null || book.isEmpty()) {
            throw new IllegalStateException("No rate planned for " + currency);
        }
        Map.Entry<LocalDate, Rate> entry = book.floorEntry(day);
        Rate rate = entry != null ? entry.getValue() : book.firstEntry().getValue();
        return new Yen(amount.multiply(rate.yen()).setScale(0, RoundingMode.HALF_UP), rate.id());
    }

    private String pickCountry(double asean) {
        double draw = random.nextDouble();
        if (draw < asean) {
            return weighted(ASEAN.toArray(String[]::new), new int[] {3, 14, 12, 10, 12, 6, 14, 5, 10, 14});
        }
        if (draw < asean + (1 - asean) / 2) {
            List<String> near = NEIGHBOURS.stream().filter(countryNames::containsKey).toList();
            return pick(near.isEmpty() ? worldCountries : near);
        }
        return pick(otherCountries.isEmpty() ? worldCountries : otherCountries);
    }

    private String weightedBody() {
        String[] bodies = {"WHO", "ILO", "UNAIDS", "GLOBAL_FUND", "JICA", "ASEAN_SEC"};
        int[] weights = {45, 15, 8, 7, 15, 10};
        for (int attempt = 0; attempt < 20; attempt++) {
            String body = weighted(bodies, weights);
            if (organisations.contains(body)) {
                return body;
            }
        }
        return pick(organisations);
    }

    private String expertDomain() {
        return "experts.example";
    }

    // ------------------------------------------------------------------ writing

    private void readReferenceData(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select code, name from partner_country order by code")) {
                while (rs.next()) {
                    countries.add(rs.getString(1));
                    countryNames.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = statement.executeQuery("select m.country_code, g.code from country_group_member m "
                    + "join country_group g on g.code = m.group_code where g.kind = 'REGION' order by m.country_code")) {
                while (rs.next()) {
                    regions.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = statement.executeQuery("select code from country_group order by code")) {
                while (rs.next()) {
                    groups.add(rs.getString(1));
                }
            }
            try (ResultSet rs = statement.executeQuery("select code from partner_organisation order by code")) {
                while (rs.next()) {
                    organisations.add(rs.getString(1));
                }
            }
            try (ResultSet rs = statement.executeQuery("select currency, rate_date from exchange_rate")) {
                while (rs.next()) {
                    existingRates.add(rs.getString(1) + "/" + rs.getObject(2, LocalDate.class));
                }
            }
            for (Table table : tables.values()) {
                if (table.columns[0].equals("id")) {
                    try (ResultSet rs = statement.executeQuery("select coalesce(max(id), 0) from " + table.name)) {
                        rs.next();
                        nextIds.put(table.name, rs.getLong(1) + 1);
                    }
                }
            }
        }
        if (countries.isEmpty() || organisations.isEmpty()) {
            throw new IllegalStateException("No countries or organisations: has Flyway made the application's schema?");
        }
        worldCountries = countries.stream().filter(c -> !c.equals("JP") && !"ANTARCTICA".equals(regions.get(c))).toList();
        otherCountries = worldCountries.stream().filter(c -> !ASEAN.contains(c) && !NEIGHBOURS.contains(c)).toList();
    }

    private static void insert(Connection connection, Table table) throws SQLException {
        if (table.rows.isEmpty()) {
            return;
        }
        int columns = table.columns.length;
        int perStatement = Math.max(1, Math.min(500, 30_000 / columns));
        String head = "insert into " + table.name + " (" + String.join(", ", table.columns) + ") values ";
        String tuple = "(" + "?, ".repeat(columns - 1) + "?)";
        PreparedStatement full = null;
        try {
            for (int from = 0; from < table.rows.size(); from += perStatement) {
                int count = Math.min(perStatement, table.rows.size() - from);
                boolean whole = count == perStatement;
                if (whole && full == null) {
                    full = connection.prepareStatement(head + String.join(", ", Collections.nCopies(count, tuple)));
                }
                PreparedStatement statement = whole ? full
                        : connection.prepareStatement(head + String.join(", ", Collections.nCopies(count, tuple)));
                try {
                    int parameter = 1;
                    for (int r = from; r < from + count; r++) {
                        for (Object value : table.rows.get(r)) {
                            bind(statement, parameter++, value);
                        }
                    }
                    statement.executeUpdate();
                } catch (SQLException e) {
                    throw new SQLException("Writing " + table.name + " rows " + from + " to " + (from + count) + ": "
                            + e.getMessage(), e.getSQLState(), e);
                } finally {
                    if (!whole) {
                        statement.close();
                    }
                }
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
    }

    private static void bind(PreparedStatement statement, int parameter, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(parameter, Types.NULL);
        } else if (value instanceof String text) {
            statement.setString(parameter, text);
        } else if (value instanceof Long number) {
            statement.setLong(parameter, number);
        } else if (value instanceof Integer number) {
            statement.setInt(parameter, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(parameter, flag);
        } else if (value instanceof BigDecimal amount) {
            statement.setBigDecimal(parameter, amount);
        } else {
            statement.setObject(parameter, value);
        }
    }

    private void restartIdentities(Connection connection) throws SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        try (Statement statement = connection.createStatement()) {
            for (Table table : tables.values()) {
                if (!table.columns[0].equals("id") || table.rows.isEmpty()) {
                    continue;
                }
                long next = nextIds.get(table.name);
                if (postgres) {
                    statement.execute("select setval(pg_get_serial_sequence('" + table.name + "', 'id'), " + (next - 1) + ")");
                } else {
                    statement.execute("alter table " + table.name + " alter column id restart with " + next);
                }
            }
        }
    }

    private void analyze(Connection connection) throws SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        try (Statement statement = connection.createStatement()) {
            if (postgres) {
                for (Table table : tables.values()) {
                    statement.execute("analyze " + table.name);
                }
                // And the reference data the pages join, as autovacuum would have by now in a running office.
                for (String table : List.of("partner_country", "partner_organisation", "country_group", "country_group_member",
                        "currency")) {
                    statement.execute("analyze " + table);
                }
            } else {
                statement.execute("analyze");
            }
        }
    }

    // ------------------------------------------------------------------ small helpers

    private Table table(String name, String columns) {
        Table table = new Table(name, columns.split(",\\s*"));
        tables.put(name, table);
        return table;
    }

    private long id(String table) {
        long id = nextIds.get(table);
        nextIds.put(table, id + 1);
        return id;
    }

    private static void set(Table table, Object[] row, String column, Object value) {
        row[table.index(column)] = value;
    }

    private static Object get(Table table, Object[] row, String column) {
        return row[table.index(column)];
    }

    private int daysSince(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(day, today);
    }

    /** A moment in office hours of the day. */
    private LocalDateTime at(LocalDate day) {
        return day.atTime(LocalTime.of(8 + random.nextInt(10), random.nextInt(60), random.nextInt(60)));
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String weighted(String[] values, int[] weights) {
        int total = Arrays.stream(weights).sum();
        int draw = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private List<String> distinct(int count, java.util.function.Supplier<String> draw) {
        Set<String> values = new java.util.TreeSet<>();
        for (int attempt = 0; values.size() < count && attempt < count * 20; attempt++) {
            values.add(draw.get());
        }
        return new ArrayList<>(values);
    }

    private int[] weights(int count, int low, int high) {
        int[] weights = new int[count];
        for (int i = 0; i < count; i++) {
            weights[i] = low + random.nextInt(high - low + 1);
        }
        return weights;
    }

    /** total split in proportion to the weights (largest remainders), each share at least one. */
    private static int[] apportion(int[] weights, int total) {
        return apportion(weights, total, 1);
    }

    private static int[] apportion(int[] weights, int total, int least) {
        int[] minimum = new int[weights.length];
        Arrays.fill(minimum, least);
        int[] maximum = new int[weights.length];
        Arrays.fill(maximum, Integer.MAX_VALUE);
        return apportion(weights, total, minimum, maximum);
    }

    static int[] apportion(int[] weights, int total, int[] minimum, int[] maximum) {
        long sum = Arrays.stream(weights).asLongStream().sum();
        int[] shares = new int[weights.length];
        double[] exact = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            exact[i] = sum == 0 ? 0 : (double) total * weights[i] / sum;
            shares[i] = Math.max(minimum[i], Math.min(maximum[i], (int) Math.floor(exact[i])));
            given += shares[i];
        }
        while (given != total) {
            int best = -1;
            for (int i = 0; i < shares.length; i++) {
                boolean can = given < total ? shares[i] < maximum[i] : shares[i] > minimum[i];
                if (can && (best < 0 || (given < total ? exact[i] - shares[i] > exact[best] - shares[best]
                        : exact[i] - shares[i] < exact[best] - shares[best]))) {
                    best = i;
                }
            }
            if (best < 0) {
                throw new IllegalArgumentException("Cannot split " + total + " within the bounds (scale too small?)");
            }
            shares[best] += given < total ? 1 : -1;
            given += given < total ? 1 : -1;
        }
        return shares;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private static final class Table {
        final String name;
        final String[] columns;
        final List<Object[]> rows = new ArrayList<>();
        private final Map<String, Integer> indexes = new HashMap<>();

        Table(String name, String[] columns) {
            this.name = name;
            this.columns = columns;
            for (int i = 0; i < columns.length; i++) {
                indexes.put(columns[i], i);
            }
        }

        void add(Object... values) {
            if (values.length != columns.length) {
                throw new IllegalArgumentException(name + ": " + values.length + " values for " + columns.length + " columns");
            }
            rows.add(values);
        }

        int index(String column) {
            Integer index = indexes.get(column);
            if (index == null) {
                throw new IllegalArgumentException(name + " has no column " + column);
            }
            return index;
        }
    }

    private record Rate(long id, BigDecimal yen) {
    }

    private record Yen(BigDecimal yen, Long rateId) {
    }

    private record Programme(long id, LocalDate start, LocalDate end) {
    }

    /** A nomination or a delegate waiting for the official who fills it. */
    private static final class Seat {
        final boolean nomination;
        final String country;
        final LocalDateTime at;
        final String event;
        final LocalDate until;
        Object[] row;
        Person person;
        boolean official;
        boolean eligible;
        boolean accepted;
        int rank;

        Seat(boolean nomination, String country, LocalDateTime at, String event, LocalDate until) {
            this.nomination = nomination;
            this.country = country;
            this.at = at;
            this.event = event;
            this.until = until;
        }
    }

    private static final class Person {
        long id;
        String fullName;
        String email;
        String nationality;
        LocalDateTime createdAt;
        LocalDate born;
        int careerStart;
        String organisation;
        String position;
        String passportPrefix;
        int passportNumber;
        LocalDate passportIssued;
        // experts
        String affiliation;
        List<String> skills = List.of();
        List<String> languages = List.of();
        LocalDate busyUntil;
        LocalDate lastReturn;
        boolean deployed;
        boolean offered;

        /** The passport valid six months beyond the day: renewed every ten years, each with a new number. */
        String[] passport(LocalDate until) {
            LocalDate issued = passportIssued;
            int renewals = 0;
            while (issued.plusYears(10).isBefore(until.plusMonths(6))) {
                issued = issued.plusYears(10);
                renewals++;
            }
            return new String[] {passportPrefix + (passportNumber + renewals * 7919), issued.plusYears(10).toString()};
        }
    }

    // ------------------------------------------------------------------ vocabulary

    private static final String[] AFFILIATIONS = {"National Institute of Infectious Diseases",
            "National Center for Global Health and Medicine", "National Institute of Public Health", "Labour Standards Bureau",
            "Social Welfare Bureau", "Quarantine Station, Narita", "Quarantine Station, Kansai Airport", "Health Sciences University",
            "Employment Security Bureau", "Health Policy Bureau", "Japan Organization of Occupational Health and Safety",
            "Japan Pension Service", "Osaka University Hospital", "Tohoku University", "Nagasaki University, Institute of Tropical Medicine",
            "Research Institute of Tuberculosis", "Japan Institute for Labour Policy and Training", "Japanese Red Cross Medical Center",
            "National Institute of Health Sciences", "Kobe City Public Health Centre"};
    private static final String[] FOREIGN_AFFILIATIONS = {"Ministry of Health secondment", "University hospital",
            "National public health institute", "Ministry of Labour secondment"};
    private static final String[][] SKILL_CLUSTERS = {
            {"epidemiology", "outbreak investigation", "influenza", "surveillance"},
            {"clinical management", "infection prevention and control", "intensive care"},
            {"laboratory", "biosafety", "diagnostics", "tuberculosis"},
            {"surveillance", "data management", "epidemiology"},
            {"labour inspection", "occupational safety and health", "labour statistics"},
            {"social security", "pension administration", "health financing"},
            {"hiv/aids", "public health programme management", "tuberculosis"},
            {"points of entry", "risk communication", "emergency operations"},
            {"logistics", "emergency operations", "water and sanitation"},
            {"employment services", "vocational training", "labour statistics"},
            {"health financing", "universal health coverage", "public health programme management"},
            {"malaria", "dengue", "epidemiology"},
            {"mental health", "ageing and long-term care", "social security"},
            {"maternal and child health", "nutrition", "immunisation"}};
    private static final Map<String, String> LANGUAGES = Map.of("JP", "japanese", "TH", "thai", "VN", "vietnamese",
            "ID", "indonesian", "MY", "malay", "PH", "tagalog", "LA", "lao", "KH", "khmer", "MM", "burmese", "SG", "chinese");
    private static final String[] EXPERT_NOTES = {"Prefers missions of up to four weeks", "Speaks some French",
            "Not available in March (fiscal year end)", "Trained as a GOARN team leader", "Needs the director's clearance for missions abroad"};
    private static final String[] CONTACT_ROLES = {"Programme officer", "Resource mobilization", "Regional office focal point",
            "Partnerships adviser", "Finance officer"};
    private static final String[][] CONTRIBUTION_THEMES = {
            {"Strengthening health emergency preparedness", "preparedness plans and trained rapid response teams", "12250"},
            {"Tuberculosis control", "case detection and treatment success raised", "12263"},
            {"HIV prevention among key populations", "prevention services reaching key populations", "13040"},
            {"Universal health coverage", "health financing reforms and benefit packages", "12110"},
            {"Social protection floors", "social protection schemes extended to informal workers", "16010"},
            {"Decent work for migrant workers", "labour migration governance and protection", "16070"},
            {"Skills development for youth", "vocational training linked to employers", "11330"},
            {"Primary health care", "primary health care services in rural districts", "12220"},
            {"Employment services", "public employment services modernised", "16020"},
            {"Public health administration", "ministries' planning and management capacity", "15110"}};
    private static final Map<String, String[][]> REQUEST_THEMES = Map.of(
            "WHO", new String[][] {{"Avian influenza outbreak investigation", "epidemiology", "outbreak investigation", "influenza"},
                    {"Dengue outbreak response", "epidemiology", "dengue", "risk communication"},
                    {"Cholera outbreak response", "epidemiology", "water and sanitation", "clinical management"},
                    {"Measles outbreak response", "immunisation", "epidemiology"},
                    {"Laboratory capacity assessment", "laboratory", "biosafety", "diagnostics"},
                    {"Infection prevention and control in hospitals", "infection prevention and control", "clinical management"},
                    {"Points of entry assessment", "points of entry", "risk communication"},
                    {"Emergency operations centre support", "emergency operations", "logistics"},
                    {"Mpox response", "clinical management", "surveillance"},
                    {"Respiratory disease surveillance", "surveillance", "data management"}},
            "ILO", new String[][] {{"Labour inspection system review", "labour inspection", "labour statistics"},
                    {"Occupational safety and health in construction", "occupational safety and health"},
                    {"Employment services reform", "employment services", "vocational training"},
                    {"Social security scheme design", "social security", "pension administration"}},
            "UNAIDS", new String[][] {{"HIV prevention programme review", "hiv/aids", "public health programme management"}},
            "GLOBAL_FUND", new String[][] {{"Malaria programme review", "malaria", "epidemiology"},
                    {"Tuberculosis grant support", "tuberculosis", "public health programme management"},
                    {"HIV grant support", "hiv/aids", "public health programme management"}},
            "JICA", new String[][] {{"Universal health coverage policy advice", "health financing", "universal health coverage"},
                    {"Ageing and long-term care policy", "ageing and long-term care", "social security"},
                    {"Maternal and child health handbook", "maternal and child health", "nutrition"}},
            "ASEAN_SEC", new String[][] {{"ASEAN field epidemiology training", "epidemiology", "surveillance"},
                    {"Regional surveillance network", "surveillance", "data management"},
                    {"Mental health policy", "mental health"}});
    private static final Map<String, String> REQUESTER_EMAILS = Map.of("WHO", "goarn@who.example", "ILO", "ro-bangkok@ilo.example",
            "UNAIDS", "apro@unaids.example", "GLOBAL_FUND", "ta-requests@theglobalfund.example", "JICA", "health@jica.example",
            "ASEAN_SEC", "health@asean.example");
    private static final String[] DECLINES = {"declined: another commitment on these dates", "declined: family reasons",
            "no answer within three days", "not cleared: medical clearance expired", "declined: the institute cannot release the expert"};
    private static final String[] REJECTIONS = {"The mission's security situation does not allow a deployment now",
            "The cost is beyond this year's budget; the requester may fund it", "The expert is needed for the domestic response"};
    private static final String[] INSURERS = {"Tokio Marine & Nichido", "Sompo Japan", "Mitsui Sumitomo Insurance"};
    private static final String[] SITREPS = {"assessment with the ministry completed; priorities agreed",
            "field visits to two provinces; case definitions reviewed", "training of 30 rapid response staff",
            "laboratory workflow reviewed; sample transport improved", "coordination meeting with partners; data shared",
            "cases declining; surveillance continues", "draft recommendations discussed with the ministry"};
    private static final String[] TOPICS = {"Strengthening Labour Inspection Systems", "Occupational Safety and Health Management",
            "Field Epidemiology for Outbreak Response", "Laboratory Biosafety and Biosecurity",
            "Infection Prevention and Control in Health Facilities", "Social Security Administration", "Pension System Management",
            "Employment Services and Job Matching", "Vocational Training Policy", "Universal Health Coverage and Health Financing",
            "Ageing Societies and Long-term Care", "Community Mental Health Services", "Maternal and Child Health",
            "Tuberculosis Control Programme Management", "HIV Prevention Programme Management", "Hospital Management",
            "Points of Entry and Quarantine", "Risk Communication in Health Emergencies", "Immunisation Programme Management",
            "Disability Welfare and Social Inclusion", "Child Welfare Services", "Labour Statistics", "Minimum Wage Systems",
            "Industrial Relations and Dispute Settlement", "Nursing Education and Management", "Nutrition Improvement",
            "Health Emergency Management", "Pharmaceutical Regulation", "Medical Device Regulation", "Food Safety Administration",
            "Caring Societies", "Decent Work for Migrant Workers"};
    private static final String[] COURSE_SUFFIXES = {"", "", " for ASEAN Member States", " for Asia and Africa", " (Advanced)",
            " (Group Training)"};
    private static final String[] PLACES = {"Tokyo", "Tokyo", "Osaka", "Kobe", "Yokohama", "Nagoya", "Fukuoka", "Sapporo",
            "Hiroshima", "Bangkok (third-country training)", "Manila (third-country training)", "Online and Tokyo"};
    private static final String[] INELIGIBLE = {"Over the maximum age of %1$d", "Less than %2$d years of experience",
            "The passport expires before the course ends", "No health declaration"};
    private static final String[] ACCOMMODATIONS = {"JICA Tokyo Center", "JICA Kansai Center", "Hotel near the venue, single room"};
    private static final String[][] SERIES = {{"ASEAN-Japan High Level Officials Meeting on Caring Societies", "2002"},
            {"ASEAN Plus Three Senior Labour Officials Meeting", "2003"},
            {"ASEAN Plus Three Senior Officials Meeting on Health Development", "2004"}};
    private static final String[] THEMES = {"Health", "Labour", "Social welfare", "Health emergencies", "Human resources"};
    private static final String[][] VENUES = {{"Tokyo, Mita Kaigisho", "JP"}, {"Tokyo, Hotel New Otani", "JP"},
            {"Bangkok, Centara Grand", "TH"}, {"Hanoi, Melia Hotel", "VN"}, {"Jakarta, ASEAN Secretariat", "ID"},
            {"Manila, Sofitel Philippine Plaza", "PH"}, {"Vientiane, Lao Plaza Hotel", "LA"}, {"Phnom Penh, Sokha Hotel", "KH"},
            {"Kuala Lumpur, Putrajaya Marriott", "MY"}, {"Nay Pyi Taw, Myanmar International Convention Centre", "MM"},
            {"Bandar Seri Begawan, The Rizqun", "BN"}, {"Singapore, Marina Mandarin", "SG"}, {"Online", "JP"}};
    private static final String[] CO_ORGANISERS = {"ASEAN Secretariat", "WHO Regional Office", "ILO Regional Office for Asia and the Pacific",
            "JICA"};
    private static final String[] SITES = {"Provincial public health centre", "Day-care centre for older persons",
            "Port health office", "Vocational training centre", "Social security office"};
    private static final String[] HOTELS = {"Hotel near the venue", "Partner hotel", "Conference hotel"};
    private static final String[] DECLINE_MEETING = {"No officer available on these dates", "The minister's visit abroad on these dates",
            "Budget constraints", "The subject is covered by another ministry"};
    private static final String[] MINISTRIES = {"Ministry of Health|moh", "Ministry of Health|moh", "Ministry of Labour|mol",
            "Ministry of Social Welfare|mosw", "Department of Disease Control|ddc", "National Institute of Public Health|niph",
            "Social Security Office|sso", "Department of Employment|doe"};
    private static final String[] POSITIONS = {"Director", "Deputy Director", "Chief of Section", "Senior Officer", "Technical Officer",
            "Medical Officer", "Labour Inspector", "Programme Manager", "Statistician", "Head of Division", "Nurse Supervisor"};
    private static final Map<String, String> NATIONALITIES = Map.ofEntries(Map.entry("JP", "Japanese"), Map.entry("TH", "Thai"),
            Map.entry("LA", "Lao"), Map.entry("KH", "Cambodian"), Map.entry("MM", "Myanmar"), Map.entry("ID", "Indonesian"),
            Map.entry("MY", "Malaysian"), Map.entry("PH", "Filipino"), Map.entry("SG", "Singaporean"), Map.entry("BN", "Bruneian"),
            Map.entry("VN", "Vietnamese"), Map.entry("CN", "Chinese"), Map.entry("KR", "Korean"));
    private static final Map<String, String[][]> NAMES = Map.ofEntries(
            Map.entry("JP", new String[][] {{"Haruka", "Kenji", "Yumi", "Takeshi", "Aiko", "Hiroshi", "Naomi", "Daisuke", "Emi",
                    "Kazuo", "Sakura", "Ryo", "Yuki", "Keiko", "Satoshi", "Mariko", "Tomoko", "Shinji", "Akira", "Noriko", "Yoko",
                    "Makoto", "Hideki", "Kaori", "Masato", "Ayumi", "Takuya", "Chihiro", "Junko", "Kenta"},
                    {"Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato",
                            "Yoshida", "Yamada", "Sasaki", "Yamaguchi", "Matsumoto", "Inoue", "Kimura", "Hayashi", "Shimizu",
                            "Yamazaki", "Mori", "Abe", "Ikeda", "Hashimoto", "Ishikawa", "Ogawa", "Fujita", "Okada", "Goto", "Hasegawa"}}),
            Map.entry("VN", new String[][] {{"Lan", "Hoa", "Anh", "Binh", "Cuong", "Dung", "Hai", "Huong", "Linh", "Mai", "Nam",
                    "Phuong", "Quang", "Son", "Thao", "Trang", "Tuan", "Yen"},
                    {"Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui", "Do", "Ho", "Ngo", "Duong"}}),
            Map.entry("TH", new String[][] {{"Somchai", "Suda", "Niran", "Pornthip", "Kittisak", "Malee", "Anan", "Siriporn",
                    "Wichai", "Kanya", "Chaiwat", "Nattaya", "Prasert", "Ratana", "Surachai", "Wanida"},
                    {"Srisuk", "Chaiyaporn", "Wongsawat", "Rattanakorn", "Suksawat", "Thongchai", "Boonmee", "Kaewkham",
                            "Sombat", "Chanthara", "Phromma", "Saetang"}}),
            Map.entry("LA", new String[][] {{"Souksavanh", "Khamphoui", "Bounmy", "Vilayvanh", "Phonesavanh", "Somphone", "Keo",
                    "Thongsavanh", "Chansamone", "Viengkham"},
                    {"Phommachanh", "Sisouphanh", "Vongsa", "Keomany", "Inthavong", "Sayavong", "Douangmala", "Phengsavanh"}}),
            Map.entry("KH", new String[][] {{"Dara", "Sophea", "Vanna", "Bopha", "Rithy", "Sokha", "Chenda", "Visal", "Srey",
                    "Pisey", "Vuthy", "Kosal"},
                    {"Sok", "Chan", "Kim", "Heng", "Chea", "Meas", "Keo", "Ly", "Nhem", "Prak", "Sam", "Touch"}}),
            Map.entry("MM", new String[][] {{"Aung", "Kyaw", "Thida", "Hla", "Zaw", "Su", "Nandar", "Min", "Htet", "Ei", "Khin", "Tun"},
                    {"Moe", "Win", "Myint", "Thant", "Naing", "Oo", "Lwin", "Phyo", "Aye", "Soe"}}),
            Map.entry("ID", new String[][] {{"Budi", "Siti", "Agus", "Dewi", "Rina", "Hendra", "Wahyu", "Putri", "Eko", "Sri",
                    "Yudi", "Nur", "Fitri", "Dian", "Rizky"},
                    {"Santoso", "Wijaya", "Saputra", "Hidayat", "Kusuma", "Pratama", "Setiawan", "Nugroho", "Susanto",
                            "Rahman", "Lestari", "Hartono"}}),
            Map.entry("MY", new String[][] {{"Ahmad", "Nurul", "Siti", "Mohd", "Farah", "Aziz", "Wei Ling", "Kavitha", "Rajesh",
                    "Aisyah", "Hafiz", "Mei Yee"},
                    {"Ismail", "Abdullah", "Hassan", "Ibrahim", "Lim", "Tan", "Wong", "Lee", "Kumar", "Rahman", "Osman", "Yusof"}}),
            Map.entry("PH", new String[][] {{"Maria", "Jose", "Ana", "Juan", "Mark", "Grace", "Ramon", "Cristina", "Paolo",
                    "Rosario", "Angelica", "Miguel"},
                    {"Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Torres", "Dela Cruz", "Aquino", "Ramos",
                            "Villanueva", "Castillo"}}),
            Map.entry("SG", new String[][] {{"Wei Ming", "Mei Ling", "Siew Hoon", "Kumar", "Hui Min", "Jun Jie", "Farid", "Priya"},
                    {"Tan", "Lim", "Lee", "Ng", "Ong", "Wong", "Goh", "Chua", "Koh", "Teo"}}),
            Map.entry("BN", new String[][] {{"Noraini", "Awang", "Dayang", "Mohammad", "Nurul", "Abdul"},
                    {"Ahmad", "Hamid", "Omar", "Yusof", "Salleh", "Jaafar"}}),
            Map.entry("CN", new String[][] {{"Wei", "Fang", "Min", "Jing", "Lei", "Yan", "Hui", "Jun", "Xiaoming", "Na"},
                    {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu"}}),
            Map.entry("KR", new String[][] {{"Min-jun", "Seo-yeon", "Ji-hoon", "Soo-jin", "Hyun-woo", "Eun-ji", "Dong-hyun", "Ji-young"},
                    {"Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon"}}),
            Map.entry("AFRICA", new String[][] {{"Amina", "Kwame", "Fatou", "Chinedu", "Grace", "Tendai", "Abebe", "Zainab",
                    "Moses", "Aisha"},
                    {"Mensah", "Okafor", "Diallo", "Mwangi", "Banda", "Tesfaye", "Ndlovu", "Kamara", "Otieno", "Traore"}}),
            Map.entry("AMERICAS", new String[][] {{"Carlos", "Ana Lucia", "Luis", "Gabriela", "Jorge", "Camila", "Diego", "Sofia",
                    "John", "Emily"},
                    {"Silva", "Rodriguez", "Gonzalez", "Fernandez", "Lopez", "Martinez", "Perez", "Gomez", "Smith", "Johnson"}}),
            Map.entry("EUROPE", new String[][] {{"Anna", "Lukas", "Marie", "Pierre", "Elena", "Johan", "Sofia", "Marco",
                    "Katarzyna", "Thomas"},
                    {"Muller", "Dubois", "Rossi", "Novak", "Jansen", "Kowalski", "Petrov", "Nielsen", "Schmidt", "Garcia"}}),
            Map.entry("ASIA", new String[][] {{"Rahul", "Priya", "Tashi", "Bilal", "Nadia", "Bat-Erdene", "Sarangerel", "Anjali",
                    "Arif", "Dilnoza"},
                    {"Sharma", "Khan", "Dorji", "Perera", "Rahman", "Gurung", "Batbayar", "Silva", "Karimov", "Hossain"}}),
            Map.entry("OCEANIA", new String[][] {{"Sione", "Mere", "Jone", "Litia", "Tevita", "Ana", "Peni", "James"},
                    {"Tuilagi", "Vaka", "Naidu", "Waqa", "Kaufana", "Tamapua", "Pomare", "Hughes"}}));
}
