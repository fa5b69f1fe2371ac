package org.cooperationdesk.contribution;

import static org.cooperationdesk.contribution.ContributionProcess.*;
import static org.cooperationdesk.contribution.ContributionVariables.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import org.cooperationdesk.form.FormRules;
import org.cooperationdesk.form.FormSubmission;
import org.cooperationdesk.partner.AmountRules;
import org.cooperationdesk.partner.Currencies;
import org.cooperationdesk.partner.Money;
import org.springframework.stereotype.Component;

/** The contribution forms' rules beyond required fields and ranges (those are in the .form files). */
@Component
class ContributionFormRules implements FormRules {

    private final AmountRules amounts;
    private final Currencies currencies;
    private final ContributionRecords records;
    private final ContributionService contributions;
    private final Clock clock;

    ContributionFormRules(AmountRules amounts, Currencies currencies, ContributionRecords records,
                          ContributionService contributions, Clock clock) {
        this.contributions = contributions;
        this.amounts = amounts;
        this.currencies = currencies;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public Set<String> formIds() {
        return Set.of(FORM_PROPOSAL, FORM_APPRAISE, FORM_REVISED_PROPOSAL, FORM_DECIDE_ON_MISSING_REVISION, FORM_DECIDE,
                FORM_DECIDE_DIRECTOR, FORM_AGREEMENT, FORM_REQUEST_TRANCHE, FORM_APPROVE_TRANCHE, FORM_TRANCHE_PAYMENT,
                FORM_PROGRESS_REPORT, FORM_FINAL_REPORT, FORM_EVALUATION);
    }

    @Override
    public void check(FormSubmission form) {
        LocalDate today = LocalDate.now(clock);
        switch (form.formId()) {
            case FORM_PROPOSAL -> {
                checkTerms(form, today, today);
                if (form.isBlank(RECIPIENT_GROUP) && form.list(RECIPIENT_COUNTRIES).isEmpty() && !form.hasErrorOn(RECIPIENT_COUNTRIES)) {
                    form.reject(RECIPIENT_COUNTRIES, "contribution.recipientsRequired");
                }
            }
            case FORM_APPRAISE -> form.requireReasonWhen(APPRAISAL_OUTCOME, REVISE, REVISION_REQUEST, "when.askingRevision");
            case FORM_REVISED_PROPOSAL -> {
                form.requireNotFuture(REVISED_ON, today);
                checkTerms(form, today, today);
            }
            case FORM_DECIDE_ON_MISSING_REVISION ->
                    form.requireReasonWhen(MISSING_REVISION_DECISION, CLOSE, MISSING_REVISION_NOTE, "when.closingProposal");
            case FORM_DECIDE -> refuseWhileSuspended(form, CONTRIBUTION_DECISION);
            case FORM_DECIDE_DIRECTOR -> {
                refuseWhileSuspended(form, DIRECTOR_DECISION);
                if (form.userId() != null && Objects.equals(form.userId(), form.text(CONTRIBUTION_DECIDED_BY))) {
                    form.reject(DIRECTOR_DECISION, "contribution.directorNotManager", form.userId());
                }
            }
            case FORM_AGREEMENT -> {
                refuseWhileSuspended(form, AGREEMENT_REFERENCE);
                form.requireNotFuture(SIGNED_ON, today);
                form.requireWholeNumber(PLANNED_TRANCHES);
                Contribution contribution = contribution(form);
                LocalDate signedOn = form.date(SIGNED_ON);
                Integer interval = interval(form);
                if (contribution != null && interval != null && form.number(PLANNED_TRANCHES) != null && !form.hasErrorOn(PLANNED_TRANCHES)) {
                    ContributionSchedule.trancheRefusal(contribution.startDate(), contribution.endDate(), interval,
                                    form.number(PLANNED_TRANCHES).intValue(), signedOn == null ? today : signedOn)
                            .ifPresent(reason -> form.rejectWith(PLANNED_TRANCHES, reason));
                }
            }
            case FORM_REQUEST_TRANCHE -> {
                refuseWhileSuspended(form, TRANCHE_AMOUNT);
                form.requireNotPast(PLANNED_PAYMENT_DATE, today);
                checkTrancheAmount(form);
            }
            case FORM_APPROVE_TRANCHE -> {
                refuseWhileSuspended(form, TRANCHE_DECISION);
                form.requireReasonWhen(TRANCHE_DECISION, REFUSED, TRANCHE_DECISION_REASON, "when.refusing");
            }
            case FORM_TRANCHE_PAYMENT -> {
                refuseWhileSuspended(form, PAID_ON);
                form.requireNotFuture(PAID_ON, today);
                Contribution contribution = contribution(form);
                LocalDate paidOn = form.date(PAID_ON);
                if (contribution != null && paidOn != null && !form.hasErrorOn(PAID_ON)
                        && !Money.YEN.equals(contribution.amountCurrency())
                        && currencies.rateOn(contribution.amountCurrency(), paidOn).isEmpty()) {
                    form.reject(PAID_ON, "contribution.noRateOnPayment", contribution.amountCurrency(), paidOn);
                }
            }
            case FORM_PROGRESS_REPORT, FORM_FINAL_REPORT -> {
                form.requireNotFuture(REPORT_RECEIVED_ON, today);
                form.requireReasonWhen(REPORT_DECISION, RETURNED, REPORT_RETURN_REASON, "when.returningReport");
            }
            case FORM_EVALUATION -> form.requireNotFuture(EVALUATION_COMPLETED_ON, today);
            default -> {
            }
        }
    }

    /** The proposal's terms, on the start form and the revised proposal alike. */
    private void checkTerms(FormSubmission form, LocalDate today, LocalDate from) {
        amounts.requireYenRate(form, AMOUNT, AMOUNT_CURRENCY);
        form.requireBefore(START_DATE, END_DATE);
        form.requireNotPast(END_DATE, today);
        form.requireWholeNumber(PLANNED_TRANCHES);
        LocalDate start = form.date(START_DATE);
        LocalDate end = form.date(END_DATE);
        Integer interval = interval(form);
        if (start != null && end != null && start.isBefore(end) && interval != null && form.number(PLANNED_TRANCHES) != null
                && !form.hasErrorOn(PLANNED_TRANCHES)) {
            ContributionSchedule.trancheRefusal(start, end, interval, form.number(PLANNED_TRANCHES).intValue(), from)
                    .ifPresent(reason -> form.rejectWith(PLANNED_TRANCHES, reason));
        }
    }

    /** A tranche pays no more than remains; the last planned one pays what remains. */
    private void checkTrancheAmount(FormSubmission form) {
        Contribution contribution = contribution(form);
        BigDecimal amount = form.number(TRANCHE_AMOUNT);
        if (contribution == null || amount == null || form.hasErrorOn(TRANCHE_AMOUNT)) {
            return;
        }
        Money remainingMoney = contributions.remainingMoney(contribution);
        BigDecimal remaining = remainingMoney.amount();
        Long number = form.longValue(TRANCHE_NUMBER);
        if (amount.compareTo(remaining) > 0) {
            form.reject(TRANCHE_AMOUNT, "contribution.trancheAboveRemaining", remainingMoney.text());
        } else if (number != null && number >= contribution.plannedTranches() && amount.compareTo(remaining) != 0) {
            form.reject(TRANCHE_AMOUNT, "contribution.lastTrancheRemaining", remainingMoney.text());
        }
    }

    private void refuseWhileSuspended(FormSubmission form, String field) {
        Contribution contribution = contribution(form);
        if (contribution != null && contribution.status() == ContributionStatus.SUSPENDED) {
            form.reject(field, "contribution.suspended", contribution.statusReason());
        }
    }

    private Contribution contribution(FormSubmission form) {
        Long id = form.longValue(CONTRIBUTION_ID);
        return id == null ? null : records.contribution(id);
    }

    private static Integer interval(FormSubmission form) {
        BigDecimal months = form.number(REPORTING_INTERVAL_MONTHS);
        return months == null ? null : months.intValue();
    }

}
