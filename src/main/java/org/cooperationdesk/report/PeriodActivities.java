package org.cooperationdesk.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cooperationdesk.contribution.ContributionRecords;
import org.cooperationdesk.contribution.IatiActivities;
import org.cooperationdesk.contribution.IatiActivities.ActivityDate;
import org.cooperationdesk.contribution.IatiActivities.IatiActivity;
import org.cooperationdesk.contribution.IatiActivities.Participant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The period's activities as IATI activities (standard 2.03), with the fields the records hold:
 * <ul>
 *   <li>each contribution with a signed agreement that runs in the period or has a transaction in it, as
 *       {@link IatiActivities} gives it (participants, recipients, sector, aid type B02 or B03, status, dates, budget,
 *       every transaction);</li>
 *   <li>each request whose expert was in the field in the period (aid type D01, donor country personnel): the
 *       ministry extending, the requesting body implementing, funded as the request says; the country; the planned
 *       and actual dates; the estimated cost as the budget;</li>
 *   <li>each course (aid type E01, training in donor country) and each meeting (D02, other technical assistance)
 *       that counts in the period: the
 *       ministry funding, extending and implementing (a meeting's co-organisers implementing too); the countries of
 *       the trainees accepted (else those invited) or of the delegates who attended; a meeting's budget.</li>
 * </ul>
 * A dispatch, course or meeting that belongs to a programme takes the programme's sector; otherwise the sector set
 * for its kind of work ({@code coopdesk.iati.sector.*}, DAC 5-digit codes). Texts are English, the file's language.
 */
@Repository
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class PeriodActivities {

    /** OECD DAC aid types (vocabulary 1). */
    static final String DONOR_COUNTRY_PERSONNEL = "D01";
    static final String OTHER_TECHNICAL_ASSISTANCE = "D02";
    /** Courses in Japan for trainees from abroad: DAC's "scholarships/training in donor country". */
    static final String TRAINING_IN_DONOR_COUNTRY = "E01";
    /** Standard grant (FinanceType 110). */
    static final String STANDARD_GRANT = "110";

    private final JdbcClient jdbc;
    private final ContributionRecords contributions;
    private final IatiActivities iati;
    private final MessageSource messages;
    private final String reportingOrg;
    private final String ministryName;
    private final String dispatchSector;
    private final String trainingSector;
    private final String meetingSector;

    PeriodActivities(JdbcClient jdbc, ContributionRecords contributions, IatiActivities iati, MessageSource messages,
                     @Value("${coopdesk.iati.reporting-org}") String reportingOrg,
                     @Value("${coopdesk.iati.ministry-name}") String ministryName,
                     @Value("${coopdesk.iati.sector.dispatch:12250}") String dispatchSector,
                     @Value("${coopdesk.iati.sector.training:16020}") String trainingSector,
                     @Value("${coopdesk.iati.sector.meeting:16010}") String meetingSector) {
        this.jdbc = jdbc;
        this.contributions = contributions;
        this.iati = iati;
        this.messages = messages;
        this.reportingOrg = reportingOrg;
        this.ministryName = ministryName;
        this.dispatchSector = dispatchSector;
        this.trainingSector = trainingSector;
        this.meetingSector = meetingSector;
    }

    public String reportingOrg() {
        return reportingOrg;
    }

    public String ministryName() {
        return ministryName;
    }

    /** Contributions first, then expert missions, courses and meetings, each by reference. */
    public List<IatiActivity> of(ReportPeriod period, LocalDate today) {
        List<IatiActivity> activities = new ArrayList<>();
        activities.addAll(contributions(period));
        activities.addAll(missions(period, today));
        activities.addAll(courses(period, today));
        activities.addAll(meetings(period));
        return activities;
    }

    List<IatiActivity> contributions(ReportPeriod period) {
        return jdbc.sql("""
                        select c.id from contribution c
                         where c.agreement_signed_on is not null
                           and ((c.start_date < :end and c.end_date >= :start)
                                or exists (select 1 from contribution_transaction t where t.contribution_id = c.id
                                            and t.transaction_date >= :start and t.transaction_date < :end))
                         order by c.reference""")
                .param("start", period.start()).param("end", period.end())
                .query(Long.class).list().stream()
                .map(id -> iati.of(contributions.contribution(id)))
                .toList();
    }

    List<IatiActivity> missions(ReportPeriod period, LocalDate today) {
        return jdbc.sql("select r.reference, r.purpose, r.requesting_body, o.name as body_name, r.requester_reference,"
                        + " r.country_code, k.name as country_name, r.start_date, r.duration_days, r.funded_by,"
                        + " r.estimated_cost, r.estimated_cost_currency, p.sector_code as programme_sector,"
                        + " min(d.departure_date) as departure, max(d.planned_return_date) as planned_return,"
                        + " max(d.return_date) as returned,"
                        + " sum(case when d.status = 'DEPLOYED' then 1 else 0 end) as still_out"
                        + " from dispatch d join dispatch_request r on r.id = d.request_id"
                        + " join partner_organisation o on o.code = r.requesting_body"
                        + " join partner_country k on k.code = r.country_code"
                        + " left join contribution p on p.id = r.contribution_id"
                        + " where " + FigureQueries.DEPLOYED + " and d.departure_date <= :last and "
                        + FigureQueries.LAST_DAY + " >= :start"
                        + " group by r.id, r.reference, r.purpose, r.requesting_body, o.name, r.requester_reference,"
                        + " r.country_code, k.name, r.start_date, r.duration_days, r.funded_by, r.estimated_cost,"
                        + " r.estimated_cost_currency, p.sector_code"
                        + " order by r.reference")
                .param("start", period.start()).param("last", period.last()).param("today", today)
                .query((rs, row) -> {
                    String body = rs.getString("requesting_body");
                    String bodyName = rs.getString("body_name");
                    LocalDate plannedStart = rs.getObject("start_date", LocalDate.class);
                    LocalDate plannedReturn = rs.getObject("planned_return", LocalDate.class);
                    LocalDate plannedEnd = plannedReturn != null ? plannedReturn
                            : plannedStart.plusDays(rs.getInt("duration_days") - 1L);
                    boolean stillOut = rs.getLong("still_out") > 0;
                    List<ActivityDate> dates = new ArrayList<>(List.of(new ActivityDate(1, plannedStart),
                            new ActivityDate(2, rs.getObject("departure", LocalDate.class)), new ActivityDate(3, plannedEnd)));
                    if (!stillOut && rs.getObject("returned", LocalDate.class) != null) {
                        dates.add(new ActivityDate(4, rs.getObject("returned", LocalDate.class)));
                    }
                    List<Participant> participants = new ArrayList<>();
                    String fundedBy = rs.getString("funded_by");
                    if (!"REQUESTER".equals(fundedBy)) {
                        participants.add(new Participant(1, reportingOrg, ministryName));
                    }
                    if (!"MINISTRY".equals(fundedBy)) {
                        participants.add(new Participant(1, body, bodyName));
                    }
                    participants.add(new Participant(3, reportingOrg, ministryName));
                    participants.add(new Participant(4, body, bodyName));
                    BigDecimal cost = rs.getBigDecimal("estimated_cost");
                    String reference = rs.getString("reference");
                    return new IatiActivity(identifier(reference), reportingOrg, rs.getString("purpose"),
                            text("iati.mission.description", bodyName, rs.getString("requester_reference"),
                                    rs.getString("country_name"), rs.getString("purpose")),
                            participants, stillOut ? 2 : 4, dates, List.of(rs.getString("country_code")), null,
                            sector(rs.getString("programme_sector"), dispatchSector), DONOR_COUNTRY_PERSONNEL, STANDARD_GRANT,
                            cost == null ? null : new IatiActivities.Budget(plannedStart, plannedEnd,
                                    rs.getString("estimated_cost_currency"), cost, plannedStart),
                            List.of());
                })
                .list();
    }

    List<IatiActivity> courses(ReportPeriod period, LocalDate today) {
        Map<String, Object> parameters = Map.of("start", period.start(), "end", period.end());
        String inPeriod = " c.start_date >= :start and c.start_date < :end and " + FigureQueries.COURSE_COUNTS;
        Map<Long, List<String>> placed = countriesBy("select n.course_id, n.country_code from nomination n"
                + " join course c on c.id = n.course_id where" + inPeriod + " and n.status in " + FigureQueries.PLACED
                + " group by n.course_id, n.country_code order by n.course_id, n.country_code", parameters);
        Map<Long, List<String>> invited = countriesBy("select i.course_id, i.country_code from course_invitation i"
                + " join course c on c.id = i.course_id where" + inPeriod
                + " order by i.course_id, i.country_code", parameters);
        return jdbc.sql("select c.id, c.reference, c.title, c.place, c.start_date, c.end_date, c.status,"
                        + " p.sector_code as programme_sector"
                        + " from course c left join contribution p on p.id = c.contribution_id where" + inPeriod
                        + " order by c.reference")
                .params(parameters)
                .query((rs, row) -> {
                    long id = rs.getLong("id");
                    LocalDate start = rs.getObject("start_date", LocalDate.class);
                    LocalDate end = rs.getObject("end_date", LocalDate.class);
                    String status = rs.getString("status");
                    boolean finished = "FOLLOW_UP".equals(status) || "CLOSED".equals(status);
                    boolean started = finished || !start.isAfter(today);
                    List<ActivityDate> dates = new ArrayList<>(List.of(new ActivityDate(1, start), new ActivityDate(3, end)));
                    if (started) {
                        dates.add(1, new ActivityDate(2, start));
                    }
                    if (finished && !end.isAfter(today)) {
                        dates.add(new ActivityDate(4, end));
                    }
                    int activityStatus = "CLOSED".equals(status) ? 4 : "FOLLOW_UP".equals(status) ? 3 : started ? 2 : 1;
                    List<String> countries = placed.getOrDefault(id, invited.getOrDefault(id, List.of()));
                    return new IatiActivity(identifier(rs.getString("reference")), reportingOrg, rs.getString("title"),
                            text("iati.course.description", rs.getString("title"), rs.getString("place")),
                            ministry(), activityStatus, dates, countries, null,
                            sector(rs.getString("programme_sector"), trainingSector), TRAINING_IN_DONOR_COUNTRY,
                            STANDARD_GRANT, null, List.of());
                })
                .list();
    }

    List<IatiActivity> meetings(ReportPeriod period) {
        Map<String, Object> parameters = Map.of("start", period.start(), "end", period.end());
        String inPeriod = " m.start_date >= :start and m.start_date < :end and " + FigureQueries.MEETING_HELD;
        Map<Long, List<String>> attending = countriesBy("select d.meeting_id, d.country_code from delegate d"
                + " join meeting m on m.id = d.meeting_id where" + inPeriod + " and d.status = 'ATTENDED'"
                + " group by d.meeting_id, d.country_code order by d.meeting_id, d.country_code", parameters);
        Map<String, String> organisations = new HashMap<>();
        jdbc.sql("select code, name from partner_organisation")
                .query((RowCallbackHandler) rs -> organisations.put(rs.getString(1), rs.getString(2)));
        return jdbc.sql("select m.id, m.reference, m.title, m.theme, m.kind, m.venue, m.start_date, m.end_date, m.status,"
                        + " m.co_organisers, m.budget, m.budget_currency, p.sector_code as programme_sector"
                        + " from meeting m left join contribution p on p.id = m.contribution_id where" + inPeriod
                        + " order by m.reference")
                .params(parameters)
                .query((rs, row) -> {
                    LocalDate start = rs.getObject("start_date", LocalDate.class);
                    LocalDate end = rs.getObject("end_date", LocalDate.class);
                    List<Participant> participants = new ArrayList<>(ministry());
                    String coOrganisers = rs.getString("co_organisers");
                    if (coOrganisers != null) {
                        for (String code : coOrganisers.split("\\s*,\\s*")) {
                            if (!code.isBlank() && !code.equals(reportingOrg)) {
                                participants.add(new Participant(4, code.trim(), organisations.getOrDefault(code.trim(),
                                        code.trim())));
                            }
                        }
                    }
                    BigDecimal budget = rs.getBigDecimal("budget");
                    return new IatiActivity(identifier(rs.getString("reference")), reportingOrg, rs.getString("title"),
                            text("iati.meeting.description", rs.getString("title"), rs.getString("venue"),
                                    rs.getString("theme")),
                            participants, "CLOSED".equals(rs.getString("status")) ? 4 : 3,
                            List.of(new ActivityDate(1, start), new ActivityDate(2, start), new ActivityDate(3, end),
                                    new ActivityDate(4, end)),
                            attending.getOrDefault(rs.getLong("id"), List.of()), null,
                            sector(rs.getString("programme_sector"), meetingSector), OTHER_TECHNICAL_ASSISTANCE,
                            STANDARD_GRANT, budget == null ? null
                            : new IatiActivities.Budget(start, end, rs.getString("budget_currency"), budget, start),
                            List.of());
                })
                .list();
    }

    private Map<Long, List<String>> countriesBy(String sql, Map<String, Object> parameters) {
        Map<Long, List<String>> countries = new LinkedHashMap<>();
        jdbc.sql(sql).params(parameters).query((RowCallbackHandler) rs ->
                countries.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2)));
        return countries;
    }

    /** The ministry funding (1), extending (3) and implementing (4) its own course or meeting. */
    private List<Participant> ministry() {
        return List.of(new Participant(1, reportingOrg, ministryName), new Participant(3, reportingOrg, ministryName),
                new Participant(4, reportingOrg, ministryName));
    }

    private String identifier(String reference) {
        return reportingOrg + "-" + reference;
    }

    private static String sector(String programme, String fallback) {
        return programme != null ? programme : fallback;
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.ENGLISH);
    }
}
