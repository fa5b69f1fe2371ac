package org.cooperationdesk.meeting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
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
            budget_currency, budget_yen, budget_rate_id, delegate_quota, nomination_deadline, field_visit, field_visit_site, status, list_frozen, calendar_sequence,
            contribution_id""";
    private static final String DELEGATE_COLUMNS = """
            id, meeting_id, country_code, full_name, email, role, passport_number, passport_expiry, status""";

    /** A change to a frozen delegation: a new member, or a replacement of one (replacesId), or a removal (no name). */
    public record Change(long id, long meetingId, String countryCode, Long replacesId, String fullName, String email,
                         String passportNumber, LocalDate passportExpiry, String reason, ChangeStatus status) {
    }

    private final JdbcClient jdbc;

    public MeetingRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Meeting insertMeeting(Meeting draft, String plannedBy, String processInstanceId, LocalDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into meeting (reference, title, theme, kind, start_date, end_date, venue, host_country,
                            co_organisers, budget, budget_currency, budget_yen, budget_rate_id, delegate_quota,
                            nomination_deadline, field_visit, field_visit_site, status, planned_by, process_instance_id,
                            contribution_id, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params("pending-" + UUID.randomUUID().toString().substring(0, 20), draft.title(), draft.theme(),
                        draft.kind(), draft.startDate(), draft.endDate(), draft.venue(), draft.hostCountry(),
                        draft.coOrganisers(), draft.budget(), draft.budgetCurrency(), draft.budgetYen(), draft.budgetRateId(),
                        draft.delegateQuota(), draft.nominationDeadline(),
                        draft.fieldVisit(), draft.fieldVisitSite(), MeetingStatus.PLANNED.name(), plannedBy,
                        processInstanceId, draft.contributionId(), now)
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

    public void markMeeting(long meetingId, MeetingStatus status) {
        jdbc.sql("update meeting set status = ? where id = ?").params(status.name(), meetingId).update();
    }

    /** Frozen: changes to the delegations need a manager's approval; unfrozen again when a new round opens. */
    public void freeze(long meetingId, boolean frozen) {
        jdbc.sql("update meeting set list_frozen = ? where id = ?").params(frozen, meetingId).update();
    }

    public void saveAgenda(long meetingId, String agenda) {
        jdbc.sql("update meeting set agenda = ? where id = ?").params(agenda, meetingId).update();
    }

    public void saveSummary(long meetingId, String summary, String recommendations) {
        jdbc.sql("update meeting set chair_summary = ?, recommendations = ? where id = ?")
                .params(summary, recommendations, meetingId).update();
    }

    public void saveSitePermission(long meetingId, String reference, LocalDate visitDate) {
        jdbc.sql("update meeting set site_permission_ref = ?, visit_date = ? where id = ?")
                .params(reference, visitDate, meetingId).update();
    }

    public void saveTransport(long meetingId, String transport) {
        jdbc.sql("update meeting set transport = ? where id = ?").params(transport, meetingId).update();
    }

    public void close(long meetingId, MeetingStatus status, String cancellationReason, LocalDateTime closedAt) {
        jdbc.sql("update meeting set status = ?, cancellation_reason = coalesce(?, cancellation_reason), closed_at = ? where id = ?")
                .params(status.name(), cancellationReason, closedAt, meetingId).update();
    }

    public void reschedule(long meetingId, LocalDate start, LocalDate end) {
        jdbc.sql("update meeting set start_date = ?, end_date = ?, calendar_sequence = calendar_sequence + 1 where id = ?")
                .params(start, end, meetingId).update();
    }

    public void moveNominationDeadline(long meetingId, LocalDate deadline) {
        jdbc.sql("update meeting set nomination_deadline = ? where id = ?").params(deadline, meetingId).update();
    }

    public void invite(long meetingId, String countryCode) {
        jdbc.sql("insert into meeting_invitation (meeting_id, country_code, status) values (?, ?, ?)")
                .params(meetingId, countryCode, InvitationStatus.INVITED.name()).update();
    }

    /** A new round: every invited government is invited again, its earlier answer and reason cleared. */
    public void inviteAgain(long meetingId) {
        jdbc.sql("update meeting_invitation set status = ?, reason = null, funding = null, hotel_booking = null, "
                + "travel_booking = null, visa_letters = null where meeting_id = ?")
                .params(InvitationStatus.INVITED.name(), meetingId).update();
    }

    /** Each invited country's answer and its reason (null when none), by country code. */
    public record Answer(InvitationStatus status, String reason) {
    }

    public Map<String, Answer> answers(long meetingId) {
        return jdbc.sql("select country_code, status, reason from meeting_invitation where meeting_id = ? order by country_code")
                .param(meetingId).query(rs -> {
                    Map<String, Answer> answers = new LinkedHashMap<>();
                    while (rs.next()) {
                        answers.put(rs.getString(1), new Answer(InvitationStatus.valueOf(rs.getString(2)), rs.getString(3)));
                    }
                    return answers;
                });
    }

    public Map<String, InvitationStatus> invitationStatuses(long meetingId) {
        Map<String, InvitationStatus> statuses = new LinkedHashMap<>();
        answers(meetingId).forEach((country, answer) -> statuses.put(country, answer.status()));
        return statuses;
    }

    public void markInvitation(long meetingId, String countryCode, InvitationStatus status, String reason) {
        jdbc.sql("update meeting_invitation set status = ?, reason = coalesce(?, reason) where meeting_id = ? and country_code = ?")
                .params(status.name(), reason, meetingId, countryCode).update();
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
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(meetingId, countryCode, personId, fullName, email, role, passportNumber, passportExpiry,
                        DelegateStatus.NOMINATED.name())
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

    public void markDelegate(long id, DelegateStatus status) {
        jdbc.sql("update delegate set status = ? where id = ?").params(status.name(), id).update();
    }

    public long insertChange(long meetingId, String countryCode, Long replacesId, String fullName, String email,
                             String passportNumber, LocalDate passportExpiry, String reason, String requestedBy,
                             LocalDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into delegation_change (meeting_id, country_code, replaces_id, full_name, email, passport_number,
                            passport_expiry, reason, status, requested_by, requested_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(meetingId, countryCode, replacesId, fullName, email, passportNumber, passportExpiry, reason,
                        ChangeStatus.REQUESTED.name(), requestedBy, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Change change(long id) {
        return jdbc.sql("""
                        select id, meeting_id, country_code, replaces_id, full_name, email, passport_number, passport_expiry,
                            reason, status from delegation_change where id = ?""")
                .param(id).query(Change.class).single();
    }

    public void markChange(long id, ChangeStatus status) {
        jdbc.sql("update delegation_change set status = ? where id = ?").params(status.name(), id).update();
    }
}
