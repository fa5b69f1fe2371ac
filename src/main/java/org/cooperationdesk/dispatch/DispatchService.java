package org.cooperationdesk.dispatch;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.cooperationdesk.decision.DecisionLog;
import org.cooperationdesk.form.ChoiceTakenException;
import org.cooperationdesk.form.ValidationMessages;
import org.cooperationdesk.partner.Currencies;
import org.cooperationdesk.partner.YenValue;
import org.cooperationdesk.people.Availability;
import org.cooperationdesk.people.Expert;
import org.cooperationdesk.people.ExpertRoster;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The office's rules for expert dispatch; the process's delegates call it, it keeps the records. */
@Service
@Transactional
public class DispatchService {

    public static final String SUBJECT_TYPE = "DISPATCH_REQUEST";

    /** A roster entry offered to the coordinator, best match first. */
    public record Candidate(Expert expert, int matchingSkills, int matchingLanguages) {

        public String label() {
            return "%s (%s; skills: %s; languages: %s)%s".formatted(
                    expert.fullName(), expert.affiliation(), String.join(", ", expert.skills()),
                    String.join(", ", expert.languages()),
                    matchingSkills == 0 ? " - no matching skill" : "");
        }
    }

    private final DispatchRecords records;
    private final ExpertRoster roster;
    private final DecisionLog decisions;
    private final Clock clock;
    private final Currencies currencies;

    public DispatchService(DispatchRecords records, ExpertRoster roster, DecisionLog decisions, Clock clock,
                           Currencies currencies) {
        this.currencies = currencies;
        this.records = records;
        this.roster = roster;
        this.decisions = decisions;
        this.clock = clock;
    }

    /**
     * Records a request with its cost's yen value at the office's latest rate (the form's rules made sure there is
     * one; if an admin's change removed it meanwhile, the step fails and waits in Cockpit to be retried).
     */
    public DispatchRequest register(DispatchRequest draft, String processInstanceId) {
        YenValue yen = currencies.yenValue(draft.estimatedCostMoney(), LocalDate.now(clock)).orElseThrow(() ->
                new IllegalStateException("No yen rate is recorded for " + draft.estimatedCostCurrency()));
        DispatchRequest request = records.insertRequest(draft.withYenValue(yen), now());
        records.linkProcessInstance(request.id(), processInstanceId);
        return request;
    }

    /** The request's cost in yen and the rate it was counted at, as the approval forms show it. */
    public String yenValueText(DispatchRequest request) {
        return currencies.stored(request.estimatedCostMoney(), request.estimatedCostYen(), request.estimatedCostRateId()).text();
    }

    public DispatchRequest request(long requestId) {
        return records.request(requestId);
    }

    public Dispatch dispatch(long dispatchId) {
        return records.dispatch(dispatchId);
    }

    public Expert expertOf(long dispatchId) {
        return roster.find(records.dispatch(dispatchId).expertId()).orElseThrow();
    }

    /**
     * Experts who could go for the request, best match first ({@link RosterCandidates}); the request is matching again.
     */
    public List<Candidate> candidates(long requestId) {
        DispatchRequest request = records.request(requestId);
        List<Long> tried = records.expertsTried(requestId);
        records.updateRequestStatus(requestId, RequestStatus.MATCHING, null);
        return RosterCandidates.rank(roster.all(), request, tried);
    }

    /** Why this expert cannot be offered for this request, or an empty string when they can. */
    @Transactional(readOnly = true)
    public String eligible(Expert expert, DispatchRequest request) {
        return RosterCandidates.whyNot(expert, request);
    }

    public long offer(long requestId, long expertId) {
        if (!roster.reserve(expertId)) {
            throw new ChoiceTakenException(ValidationMessages.render("dispatch.expertTaken", roster.find(expertId)
                    .map(Expert::fullName).orElseGet(() -> ValidationMessages.render("dispatch.thisExpert"))));
        }
        return records.insertDispatch(requestId, expertId, now());
    }

    /** The offer ends without a mission: declined, no answer, or not cleared. The expert is free again. */
    public void closeOffer(long dispatchId, String outcome) {
        Dispatch dispatch = records.dispatch(dispatchId);
        records.updateDispatchStatus(dispatchId, DispatchStatus.UNAVAILABLE, outcome, now());
        roster.markAvailability(dispatch.expertId(), Availability.AVAILABLE, null);
    }

    public void accept(long dispatchId) {
        Dispatch dispatch = records.dispatch(dispatchId);
        records.updateDispatchStatus(dispatchId, DispatchStatus.IN_PROCESS, "accepted", now());
        records.updateRequestStatus(dispatch.requestId(), RequestStatus.APPROVAL, null);
    }

    public void recordDecision(long requestId, String kind, String outcome, String reason, String decidedBy) {
        decisions.record(SUBJECT_TYPE, records.request(requestId).reference(), kind, outcome, reason, decidedBy);
    }

    /** A manager refused the release: the request is closed and the expert free again. */
    public void reject(long requestId, Long dispatchId) {
        if (dispatchId != null) {
            closeOffer(dispatchId, "release rejected");
        }
        records.updateRequestStatus(requestId, RequestStatus.REJECTED, now());
    }

    public void closeUnfilled(long requestId) {
        records.updateRequestStatus(requestId, RequestStatus.UNFILLED, now());
    }

    public void recordDeployment(long dispatchId, String insurer, String policy, String securityClearance,
                                 LocalDate briefingDate, String travelBooking, LocalDate departure,
                                 LocalDate plannedReturn, LocalDate clearanceValidUntil) {
        Dispatch dispatch = records.dispatch(dispatchId);
        records.recordPreparations(dispatchId, insurer, policy, securityClearance, briefingDate, travelBooking,
                departure, plannedReturn);
        roster.updateClearance(dispatch.expertId(), clearanceValidUntil);
        roster.markAvailability(dispatch.expertId(), Availability.DEPLOYED, null);
        records.updateRequestStatus(dispatch.requestId(), RequestStatus.DEPLOYED, null);
    }

    public int recordSituationReport(long dispatchId, String summary, String outlook, String recordedBy) {
        return records.insertSituationReport(dispatchId, summary, outlook, recordedBy, now());
    }

    public LocalDate extend(long dispatchId, int extraDays) {
        Dispatch dispatch = records.dispatch(dispatchId);
        records.extendDispatch(dispatchId, extraDays);
        records.extendRequest(dispatch.requestId(), extraDays);
        return records.dispatch(dispatchId).plannedReturnDate();
    }

    /** Closes the mission: person-days counted from departure to return, both days included. */
    public int close(long dispatchId, LocalDate returnDate, String missionReport, String debriefNotes) {
        Dispatch dispatch = records.dispatch(dispatchId);
        int personDays = PersonDays.between(dispatch.departureDate(), returnDate);
        records.closeDispatch(dispatchId, DispatchStatus.COMPLETED, returnDate, personDays, missionReport, debriefNotes,
                "mission completed", now());
        roster.markAvailability(dispatch.expertId(), Availability.AVAILABLE, returnDate.plusDays(1));
        records.updateRequestStatus(dispatch.requestId(), RequestStatus.COMPLETED, now());
        return personDays;
    }

    /**
     * The requester stood the mission down: bookings cancelled, the expert free again, days already
     * spent in the field counted.
     */
    public void standDown(long requestId, Long dispatchId, String reason) {
        if (dispatchId != null) {
            Dispatch dispatch = records.dispatch(dispatchId);
            LocalDate today = LocalDate.now(clock);
            Integer personDays = PersonDays.spentBy(dispatch.departureDate(), today);
            records.closeDispatch(dispatchId, DispatchStatus.STOOD_DOWN,
                    personDays == null ? null : today, personDays, null, null, "stood down: " + reason, now());
            roster.markAvailability(dispatch.expertId(), Availability.AVAILABLE, null);
        }
        records.updateRequestStatus(requestId, RequestStatus.STOOD_DOWN, now());
        decisions.record(SUBJECT_TYPE, records.request(requestId).reference(), "stand-down", "stood down", reason, null);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
