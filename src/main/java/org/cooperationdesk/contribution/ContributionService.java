package org.cooperationdesk.contribution;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cooperationdesk.decision.DecisionLog;
import org.cooperationdesk.partner.Currencies;
import org.cooperationdesk.partner.Money;
import org.cooperationdesk.partner.PartnerRepository;
import org.cooperationdesk.partner.YenValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The office's rules for contributions; the process's delegates call it, it keeps the records. */
@Service
@Transactional
public class ContributionService {

    public static final String SUBJECT_TYPE = "CONTRIBUTION";

    /** The next progress report: its number and due date. */
    public record NextReport(int number, LocalDate dueDate) {
    }

    private final ContributionRecords records;
    private final DecisionLog decisions;
    private final Currencies currencies;
    private final PartnerRepository partners;
    private final Clock clock;

    public ContributionService(ContributionRecords records, DecisionLog decisions, Currencies currencies,
                               PartnerRepository partners, Clock clock) {
        this.records = records;
        this.decisions = decisions;
        this.currencies = currencies;
        this.partners = partners;
        this.clock = clock;
    }

    /**
     * Records a proposal with its amount's yen value at the office's latest rate (the form's rules made sure there is
     * one; if an admin's change removed it meanwhile, the step fails and waits in Cockpit to be retried).
     */
    public Contribution register(Contribution draft, String processInstanceId) {
        YenValue yen = yenValueToday(draft.amountMoney());
        Contribution contribution = records.insert(withYen(draft, yen), now());
        records.linkProcessInstance(contribution.id(), processInstanceId);
        return contribution;
    }

    public Contribution contribution(long id) {
        return records.contribution(id);
    }

    /** The amount's yen value and the rate it was counted at, as the forms show it. */
    public String amountYenText(Contribution contribution) {
        return currencies.stored(contribution.amountMoney(), contribution.amountYen(), contribution.amountRateId()).text();
    }

    /** "ASEAN (10 countries); Japan, Republic of Korea": the region or group first, then the countries named. */
    public String recipientsText(Contribution contribution) {
        List<String> parts = new ArrayList<>();
        if (contribution.recipientGroup() != null) {
            partners.group(contribution.recipientGroup()).ifPresent(group ->
                    parts.add(group.name() + " (" + group.members().size() + " countries)"));
        }
        if (!contribution.recipientCountries().isEmpty()) {
            parts.add(String.join(", ", contribution.recipientCountries().stream().map(partners::countryName).toList()));
        }
        return String.join("; ", parts);
    }

    /** The country's name when the contribution goes to one country alone (no group, no other country). */
    public Optional<String> singleRecipientCountryName(Contribution contribution) {
        return contribution.recipientGroup() == null && contribution.recipientCountries().size() == 1
                ? Optional.of(partners.countryName(contribution.recipientCountries().get(0))) : Optional.empty();
    }

    public void recordAppraisal(long id, String outcome, String priorityFit, String note, String user) {
        decisions.record(SUBJECT_TYPE, records.contribution(id).reference(), "appraisal (priority fit " + priorityFit + ")",
                outcome, note, user);
        if (ContributionVariables.FORWARD.equals(outcome)) {
            records.updateStatus(id, ContributionStatus.DECISION, null, now());
        }
    }

    public void requestRevision(long id, String request) {
        records.updateStatus(id, ContributionStatus.REVISION_REQUESTED, request, now());
    }

    public Contribution updateProposal(long id, String title, String objectives, LocalDate startDate, LocalDate endDate,
                                       BigDecimal amount, String currency, int plannedTranches, int reportingIntervalMonths,
                                       String revisionSummary, String user) {
        YenValue yen = yenValueToday(new Money(amount, currency));
        records.updateProposal(id, title, objectives, startDate, endDate, amount, currency, yen.yen(), yen.rateId(),
                plannedTranches, reportingIntervalMonths, now());
        records.updateStatus(id, ContributionStatus.APPRAISAL, null, now());
        decisions.record(SUBJECT_TYPE, records.contribution(id).reference(), "revised proposal", "recorded", revisionSummary, user);
        return records.contribution(id);
    }

    public void closeWithoutRevision(long id, String note, String user) {
        Contribution contribution = records.contribution(id);
        records.end(id, ContributionStatus.WITHDRAWN, "closed without a revised proposal: " + note, now());
        decisions.record(SUBJECT_TYPE, contribution.reference(), "proposal without revision", "closed", note, user);
    }

    public void recordDecision(long id, String kind, String outcome, String reason, String user) {
        decisions.record(SUBJECT_TYPE, records.contribution(id).reference(), kind, outcome, reason, user);
    }

    public void refuse(long id, String reason) {
        records.end(id, ContributionStatus.REFUSED, reason, now());
    }

    public void approve(long id) {
        records.updateStatus(id, ContributionStatus.APPROVED, null, now());
    }

    /** The signed agreement: its terms, the evaluation it requires, and the commitment (IATI) at the amount's yen value. */
    public Contribution recordAgreement(long id, String agreementReference, LocalDate signedOn, String ministrySignatory,
                                        String organisationSignatory, int plannedTranches, int reportingIntervalMonths,
                                        String evaluationTerms, String evaluationLevel) {
        records.recordAgreement(id, agreementReference, signedOn, ministrySignatory, organisationSignatory, plannedTranches,
                reportingIntervalMonths, evaluationTerms, evaluationLevel, now());
        records.updateStatus(id, ContributionStatus.ACTIVE, null, now());
        Contribution contribution = records.contribution(id);
        records.insertTransaction(id, ContributionTransaction.Kind.COMMITMENT, signedOn, contribution.amount(),
                contribution.amountCurrency(), contribution.amountYen(), contribution.amountRateId(), null,
                "agreement " + agreementReference);
        return contribution;
    }

    // ---------------------------------------------------------------- tranches

    public int tranchesPaid(long id) {
        return records.tranchesPaid(id);
    }

    public Money paidMoney(Contribution contribution) {
        return new Money(records.paid(contribution.id()), contribution.amountCurrency());
    }

    public Money remainingMoney(Contribution contribution) {
        return new Money(contribution.amount().subtract(records.paid(contribution.id())), contribution.amountCurrency());
    }

    public long requestTranche(long id, int trancheNo, BigDecimal amount, LocalDate plannedPaymentDate, String note, String user) {
        Contribution contribution = records.contribution(id);
        return records.insertTranche(id, trancheNo, amount, contribution.amountCurrency(), plannedPaymentDate, note, user, now());
    }

    public Tranche tranche(long trancheId) {
        return records.tranche(trancheId);
    }

    /** The tranche's yen value at today's rate, as the manager approving it reads it. */
    public String trancheYenText(Tranche tranche) {
        return yenValueToday(tranche.money()).text();
    }

    public void decideTranche(long trancheId, boolean approved, String user, String reason) {
        records.decideTranche(trancheId, approved ? Tranche.Status.APPROVED : Tranche.Status.REFUSED, user, reason);
    }

    /** The payment, counted in yen at the rate of the day it was paid, and its disbursement (IATI). */
    public Tranche pay(long id, long trancheId, LocalDate paidOn, String paymentReference) {
        Tranche tranche = records.tranche(trancheId);
        YenValue yen = currencies.yenValue(tranche.money(), paidOn).orElseThrow(() ->
                new IllegalStateException("No yen rate is recorded for " + tranche.currency() + " by " + paidOn));
        records.payTranche(trancheId, paidOn, paymentReference, yen.yen(), yen.rateId());
        records.insertTransaction(id, ContributionTransaction.Kind.DISBURSEMENT, paidOn, tranche.amount(), tranche.currency(),
                yen.yen(), yen.rateId(), trancheId, "tranche " + tranche.trancheNo() + ", " + paymentReference);
        return records.tranche(trancheId);
    }

    // ---------------------------------------------------------------- reports

    /**
     * The next progress report due before the end, counted after today and after the last accepted report's due date
     * (a report accepted early does not bring the next one forward); empty when the final report comes next.
     */
    public Optional<NextReport> nextProgressReport(long id) {
        Contribution contribution = records.contribution(id);
        LocalDate after = LocalDate.now(clock);
        for (ContributionReport report : records.reports(id)) {
            if (report.kind() == ContributionReport.Kind.PROGRESS && report.status() == ContributionReport.Status.ACCEPTED
                    && report.dueDate().isAfter(after)) {
                after = report.dueDate();
            }
        }
        return ContributionSchedule.nextProgressReport(contribution.startDate(), contribution.endDate(),
                        contribution.reportingIntervalMonths(), after)
                .map(number -> new NextReport(number, ContributionSchedule.progressReportDue(contribution.startDate(),
                        contribution.reportingIntervalMonths(), number)));
    }

    /** The final report's due date: three months after the end, or a month from today when that has passed. */
    public LocalDate scheduleFinalReport(long id) {
        Contribution contribution = records.contribution(id);
        records.updateStatus(id, ContributionStatus.FINAL_REPORT, null, now());
        return finalReportDue(contribution);
    }

    /** The due date of the report the organisation is asked for next: the next progress report, else the final report. */
    public LocalDate nextReportDue(long id) {
        return nextProgressReport(id).map(NextReport::dueDate).orElseGet(() -> finalReportDue(records.contribution(id)));
    }

    private LocalDate finalReportDue(Contribution contribution) {
        LocalDate due = ContributionSchedule.finalReportDue(contribution.endDate());
        LocalDate today = LocalDate.now(clock);
        return due.isBefore(today) ? today.plusDays(ContributionSchedule.RESUBMISSION_DAYS) : due;
    }

    /** A returned report is due again a month from today. */
    public LocalDate resubmissionDue() {
        return LocalDate.now(clock).plusDays(ContributionSchedule.RESUBMISSION_DAYS);
    }

    public void recordReport(long id, ContributionReport.Kind kind, int number, LocalDate dueDate, LocalDate receivedOn,
                             boolean accepted, String summary, String returnReason, String user) {
        records.insertReport(id, kind, number, dueDate, receivedOn,
                accepted ? ContributionReport.Status.ACCEPTED : ContributionReport.Status.RETURNED, summary,
                accepted ? null : returnReason, user, now());
    }

    // ---------------------------------------------------------------- the end

    /** Closes the contribution with what was paid; what was not disbursed is written in the record's reason. */
    public String close(long id, String evaluator, LocalDate evaluationCompletedOn, String rating, String findings) {
        Contribution contribution = records.contribution(id);
        if (evaluator != null) {
            records.recordEvaluation(id, evaluator, evaluationCompletedOn, rating, findings);
        }
        records.cancelOpenTranches(id);
        String summary = closingSummary(contribution);
        records.end(id, ContributionStatus.CLOSED, summary, now());
        return summary;
    }

    public void suspend(long id, String reason, String user) {
        records.suspend(id, reason, now());
        decisions.record(SUBJECT_TYPE, records.contribution(id).reference(), "suspension", "suspended", reason, user);
    }

    public void resume(long id, String note, String user) {
        records.resume(id, note, now());
        decisions.record(SUBJECT_TYPE, records.contribution(id).reference(), "suspension", "resumed", note, user);
    }

    /** Ends the contribution early: tranches not paid are cancelled, what was paid stays recorded. */
    public String terminate(long id, String reason, String user) {
        Contribution contribution = records.contribution(id);
        records.cancelOpenTranches(id);
        String summary = "terminated: " + reason + "; " + closingSummary(contribution);
        records.end(id, ContributionStatus.TERMINATED, summary, now());
        decisions.record(SUBJECT_TYPE, contribution.reference(), "termination", "terminated", reason, user);
        return summary;
    }

    /** "USD 2,000,000 of USD 3,000,000 paid in 2 tranches; USD 1,000,000 not disbursed". */
    public String closingSummary(Contribution contribution) {
        int tranches = records.tranchesPaid(contribution.id());
        Money paid = paidMoney(contribution);
        Money remaining = remainingMoney(contribution);
        return paid.text() + " of " + contribution.amountText() + " paid in " + tranches + (tranches == 1 ? " tranche" : " tranches")
                + (remaining.amount().signum() > 0 ? "; " + remaining.text() + " not disbursed" : "");
    }

    private YenValue yenValueToday(Money money) {
        return currencies.yenValue(money, LocalDate.now(clock)).orElseThrow(() ->
                new IllegalStateException("No yen rate is recorded for " + money.currency()));
    }

    private static Contribution withYen(Contribution draft, YenValue yen) {
        return new Contribution(draft.id(), draft.reference(), draft.organisationCode(), draft.organisationReference(),
                draft.organisationEmail(), draft.title(), draft.objectives(), draft.recipientGroup(), draft.recipientCountries(),
                draft.sectorCode(), draft.kind(), draft.aidType(), draft.startDate(), draft.endDate(), draft.amount(),
                draft.amountCurrency(), yen.yen(), yen.rateId(), draft.plannedTranches(), draft.reportingIntervalMonths(),
                draft.programmeOfficer(), draft.status(), null, null, null, null, null, null, null, null, null, null, null,
                null, draft.registeredBy());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
