package org.cooperationdesk.dispatch;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The dispatch_request, dispatch and situation_report tables. */
@Repository
public class DispatchRecords {

    private static final String REQUEST_COLUMNS = """
            id, reference, requesting_body, requester_reference, requester_email, country_code, purpose,
            terms_of_reference, skills_needed, languages_needed, start_date, duration_days, estimated_cost,
            estimated_cost_currency, estimated_cost_yen, estimated_cost_rate_id, funded_by, status, requested_by,
            contribution_id""";
    private static final String DISPATCH_COLUMNS = """
            id, request_id, expert_id, status, outcome, insurance_policy, travel_booking, departure_date,
            planned_return_date, return_date, person_days""";

    private final JdbcClient jdbc;

    public DispatchRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the request and gives it its reference, DR-&lt;year&gt;-&lt;number&gt;. */
    public DispatchRequest insertRequest(DispatchRequest draft, LocalDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into dispatch_request (reference, requesting_body, requester_reference, requester_email,
                            country_code, purpose, terms_of_reference, skills_needed, languages_needed, start_date,
                            duration_days, estimated_cost, estimated_cost_currency, estimated_cost_yen, estimated_cost_rate_id,
                            funded_by, status, requested_by, contribution_id, created_at)
                        values (:reference, :requestingBody, :requesterReference, :requesterEmail, :countryCode, :purpose,
                            :termsOfReference, :skillsNeeded, :languagesNeeded, :startDate, :durationDays, :estimatedCost,
                            :estimatedCostCurrency, :estimatedCostYen, :estimatedCostRateId, :fundedBy, :status, :requestedBy,
                            :contributionId, :createdAt)""")
                .param("reference", "pending-" + java.util.UUID.randomUUID().toString().substring(0, 20))
                .param("requestingBody", draft.requestingBody())
                .param("requesterReference", draft.requesterReference())
                .param("requesterEmail", draft.requesterEmail())
                .param("countryCode", draft.countryCode())
                .param("purpose", draft.purpose())
                .param("termsOfReference", draft.termsOfReference())
                .param("skillsNeeded", draft.skillsNeeded())
                .param("languagesNeeded", draft.languagesNeeded())
                .param("startDate", draft.startDate())
                .param("durationDays", draft.durationDays())
                .param("estimatedCost", draft.estimatedCost())
                .param("estimatedCostCurrency", draft.estimatedCostCurrency())
                .param("estimatedCostYen", draft.estimatedCostYen())
                .param("estimatedCostRateId", draft.estimatedCostRateId())
                .param("fundedBy", draft.fundedBy())
                .param("status", RequestStatus.RECEIVED.name())
                .param("requestedBy", draft.requestedBy())
                .param("contributionId", draft.contributionId())
                .param("createdAt", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        String reference = "DR-%d-%04d".formatted(now.getYear(), id);
        jdbc.sql("update dispatch_request set reference = ? where id = ?").params(reference, id).update();
        return request(id);
    }

    public DispatchRequest request(long id) {
        return jdbc.sql("select " + REQUEST_COLUMNS + " from dispatch_request where id = ?")
                .param(id).query(DispatchRequest.class).single();
    }

    public Optional<DispatchRequest> requestByReference(String reference) {
        return jdbc.sql("select " + REQUEST_COLUMNS + " from dispatch_request where reference = ?")
                .param(reference).query(DispatchRequest.class).optional();
    }

    public void linkProcessInstance(long requestId, String processInstanceId) {
        jdbc.sql("update dispatch_request set process_instance_id = ? where id = ?")
                .params(processInstanceId, requestId).update();
    }

    public void updateRequestStatus(long requestId, RequestStatus status, LocalDateTime closedAt) {
        jdbc.sql("update dispatch_request set status = ?, closed_at = ? where id = ?")
                .params(status.name(), closedAt, requestId).update();
    }

    public void extendRequest(long requestId, int extraDays) {
        jdbc.sql("update dispatch_request set duration_days = duration_days + ? where id = ?")
                .params(extraDays, requestId).update();
    }

    public long insertDispatch(long requestId, long expertId, LocalDateTime offeredAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into dispatch (request_id, expert_id, status, offered_at) values (?, ?, ?, ?)")
                .params(requestId, expertId, DispatchStatus.OFFERED.name(), offeredAt)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Dispatch dispatch(long id) {
        return jdbc.sql("select " + DISPATCH_COLUMNS + " from dispatch where id = ?")
                .param(id).query(Dispatch.class).single();
    }

    public Optional<Dispatch> findDispatch(long id) {
        return jdbc.sql("select " + DISPATCH_COLUMNS + " from dispatch where id = ?")
                .param(id).query(Dispatch.class).optional();
    }

    public List<Dispatch> dispatchesOf(long requestId) {
        return jdbc.sql("select " + DISPATCH_COLUMNS + " from dispatch where request_id = ? order by id")
                .param(requestId).query(Dispatch.class).list();
    }

    /** Experts this request already offered and lost (declined, lapsed, not cleared). */
    public List<Long> expertsTried(long requestId) {
        return jdbc.sql("select expert_id from dispatch where request_id = ? and status = 'UNAVAILABLE'")
                .param(requestId).query(Long.class).list();
    }

    public void updateDispatchStatus(long dispatchId, DispatchStatus status, String outcome, LocalDateTime answeredAt) {
        jdbc.sql("update dispatch set status = ?, outcome = coalesce(?, outcome), answered_at = coalesce(?, answered_at) where id = ?")
                .params(status.name(), outcome, answeredAt, dispatchId).update();
    }

    public void recordPreparations(long dispatchId, String insurer, String policy, String securityClearance,
                                   LocalDate briefingDate, String travelBooking, LocalDate departure, LocalDate plannedReturn) {
        jdbc.sql("""
                        update dispatch set status = 'DEPLOYED', insurer = ?, insurance_policy = ?, security_clearance_ref = ?,
                            briefing_date = ?, travel_booking = ?, departure_date = ?, planned_return_date = ?
                        where id = ?""")
                .params(insurer, policy, securityClearance, briefingDate, travelBooking, departure, plannedReturn, dispatchId)
                .update();
    }

    public void extendDispatch(long dispatchId, int extraDays) {
        Dispatch dispatch = dispatch(dispatchId);
        jdbc.sql("update dispatch set planned_return_date = ? where id = ?")
                .params(dispatch.plannedReturnDate().plusDays(extraDays), dispatchId).update();
    }

    public void closeDispatch(long dispatchId, DispatchStatus status, LocalDate returnDate, Integer personDays,
                              String missionReport, String debriefNotes, String outcome, LocalDateTime closedAt) {
        jdbc.sql("""
                        update dispatch set status = ?, return_date = ?, person_days = ?, mission_report = ?,
                            debrief_notes = ?, outcome = coalesce(?, outcome), closed_at = ?
                        where id = ?""")
                .params(status.name(), returnDate, personDays, missionReport, debriefNotes, outcome, closedAt, dispatchId)
                .update();
    }

    public int insertSituationReport(long dispatchId, String summary, String outlook, String recordedBy, LocalDateTime at) {
        int week = jdbc.sql("select count(*) from situation_report where dispatch_id = ?")
                .param(dispatchId).query(Integer.class).single() + 1;
        jdbc.sql("""
                        insert into situation_report (dispatch_id, week_no, summary, outlook, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(dispatchId, week, summary, outlook, recordedBy, at).update();
        return week;
    }

    /** A situation report as the request's page lists it. */
    public record SituationReport(long dispatchId, int week, String summary, String outlook, String recordedBy,
                                  LocalDateTime recordedAt) {
    }

    /** A dispatch's end-of-mission report as its debrief recorded it. */
    public record MissionReport(long dispatchId, String report) {
    }

    /** The situation reports of a request's missions, in the order they were filed. */
    public List<SituationReport> situationReportsOf(long requestId) {
        return jdbc.sql("""
                        select s.dispatch_id, s.week_no as week, s.summary, s.outlook, s.recorded_by, s.recorded_at
                        from situation_report s join dispatch d on d.id = s.dispatch_id
                        where d.request_id = ? order by s.id""")
                .param(requestId).query(SituationReport.class).list();
    }

    public List<MissionReport> missionReportsOf(long requestId) {
        return jdbc.sql("select id as dispatch_id, mission_report as report from dispatch where request_id = ? and mission_report is not null order by id")
                .param(requestId).query(MissionReport.class).list();
    }

    public int situationReportCount(long dispatchId) {
        return jdbc.sql("select count(*) from situation_report where dispatch_id = ?")
                .param(dispatchId).query(Integer.class).single();
    }
}
