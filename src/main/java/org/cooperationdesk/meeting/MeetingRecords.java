package org.cooperationdesk.meeting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The meeting, meeting_invitation, delegate and delegation_change tables. */
@Repository
public class MeetingRecords {

    private static final String MEETING_COLUMNS = """
            id, reference, title, theme, kind, start_date, end_date, venue, host_country, co_organisers, budget,
            delegate_quota, nomination_deadline, field_visit, field_visit_site, status, list_frozen, calendar_sequence""";
    private static final String DELEGATE_COLUMNS = """
            id, meeting_id, country_code, full_name, email, role, passport_number, passport_expiry, status""";

    /** A change to a frozen delegation: a new member, or a replacement of one (replacesId), or a removal (no name). */
    public record Change(long id, long meetingId, String countryCode, Long replacesId, String fullName, String email,
                         String passportNumber, LocalDate passportExpiry, String reason, String status) {
    }

    private final JdbcClient jdbc;

    public MeetingRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Meeting insertMeeting(Meeting draft, String plannedBy, String processInstanceId, LocalDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into meeting (reference, title, theme, kind, start_date, end_date, venue, host_country,
                            co_organisers, budget, delegate_quota, nomination_deadline, field_visit, field_visit_site,
                            status, planned_by, process_instance_id, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?)""")
                .params("pending-" + UUID.randomUUID().toString().substring(0, 20), draft.title(), draft.theme(),
                        draft.kind(), draft.startDate(), draft.endDate(), draft.venue(), draft.hostCountry(),
                        draft.coOrganisers(), draft.budget(), draft.delegateQuota(), draft.nominationDeadline(),
                        draft.fieldVisit(), draft.fieldVisitSite(), plannedBy, processInstanceId, now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("update meeting set reference = ? where id = ?").params("MT-%d-%04d".formatted(now.getYear(), id), id).update();
        return meeting(id);
    }

    public Meeting meeting(long id) {
        return jdbc.sql("select " + MEETING_COLUMNS + " from meeting where id = ?").param(id).query(Meeting.class).single();
    }

    public Optional<Meeting> meetingByReference(String reference) {
        return jdbc.sql("select " + MEETING_COLUMNS + " from meeting where reference = ?")
                .param(reference).query(Meeting.class).optional();
    }

    public void update(long meetingId, String column, Object value) {
        if (!List.of("status", "list_frozen", "agenda", "chair_summary", "recommendations", "site_permission_ref",
                "visit_date", "transport", "cancellation_reason", "closed_at").contains(column)) {
            throw new IllegalArgumentException("Not an updatable meeting column: " + column);
        }
        jdbc.sql("update meeting set " + column + " = ? where id = ?").params(value, meetingId).update();
    }

    public void reschedule(long meetingId, LocalDate start, LocalDate end) {
        jdbc.sql("update meeting set start_date = ?, end_date = ?, calendar_sequence = calendar_sequence + 1 where id = ?")
                .params(start, end, meetingId).update();
    }

    public void invite(long meetingId, String countryCode) {
        jdbc.sql("insert into meeting_invitation (meeting_id, country_code, status) values (?, ?, 'INVITED')")
                .params(meetingId, countryCode).update();
    }

    public Map<String, String> invitationStatuses(long meetingId) {
        return jdbc.sql("select country_code, status from meeting_invitation where meeting_id = ? order by country_code")
                .param(meetingId).query(rs -> {
                    Map<String, String> statuses = new java.util.LinkedHashMap<>();
                    while (rs.next()) {
                        statuses.put(rs.getString(1), rs.getString(2));
                    }
                    return statuses;
                });
    }

    public void markInvitation(long meetingId, String countryCode, String status, String reason) {
        jdbc.sql("update meeting_invitation set status = ?, reason = coalesce(?, reason) where meeting_id = ? and country_code = ?")
                .params(status, reason, meetingId, countryCode).update();
    }

    public void register(long meetingId, String countryCode, String funding, String hotel, String travel, boolean visaLetters) {
        jdbc.sql("""
                        update meeting_invitation set funding = ?, hotel_booking = ?, travel_booking = ?, visa_letters = ?
                        where meeting_id = ? and country_code = ?""")
                .params(funding, hotel, travel, visaLetters, meetingId, countryCode).update();
    }

    public long insertDelegate(long meetingId, String countryCode, Long personId, String fullName, String email, String role,
                               String passportNumber, LocalDate passportExpiry) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into delegate (meeting_id, country_code, person_id, full_name, email, role, passport_number,
                            passport_expiry, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'NOMINATED')""")
                .params(meetingId, countryCode, personId, fullName, email, role, passportNumber, passportExpiry)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Delegate delegate(long id) {
        return jdbc.sql("select " + DELEGATE_COLUMNS + " from delegate where id = ?").param(id).query(Delegate.class).single();
    }

    public List<Delegate> delegates(long meetingId) {
        return jdbc.sql("select " + DELEGATE_COLUMNS + " from delegate where meeting_id = ? order by country_code, id")
                .param(meetingId).query(Delegate.class).list();
    }

    public void markDelegate(long id, String status) {
        jdbc.sql("update delegate set status = ? where id = ?").params(status, id).update();
    }

    public long insertChange(long meetingId, String countryCode, Long replacesId, String fullName, String email,
                             String passportNumber, LocalDate passportExpiry, String reason, String requestedBy,
                             LocalDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into delegation_change (meeting_id, country_code, replaces_id, full_name, email, passport_number,
                            passport_expiry, reason, status, requested_by, requested_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?)""")
                .params(meetingId, countryCode, replacesId, fullName, email, passportNumber, passportExpiry, reason,
                        requestedBy, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Change change(long id) {
        return jdbc.sql("""
                        select id, meeting_id, country_code, replaces_id, full_name, email, passport_number, passport_expiry,
                            reason, status from delegation_change where id = ?""")
                .param(id).query(Change.class).single();
    }

    public void markChange(long id, String status) {
        jdbc.sql("update delegation_change set status = ? where id = ?").params(status, id).update();
    }
}
