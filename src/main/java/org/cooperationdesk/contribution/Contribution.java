package org.cooperationdesk.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.cooperationdesk.partner.Money;

/** A contribution through an international organisation, from its proposal to its closure. */
public record Contribution(
        long id,
        String reference,
        String organisationCode,
        String organisationReference,
        String organisationEmail,
        String title,
        String objectives,
        String recipientGroup,
        List<String> recipientCountries,
        String sectorCode,
        ContributionKind kind,
        String aidType,
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal amount,
        String amountCurrency,
        BigDecimal amountYen,
        Long amountRateId,
        int plannedTranches,
        int reportingIntervalMonths,
        String programmeOfficer,
        ContributionStatus status,
        ContributionStatus statusBeforeSuspension,
        String statusReason,
        String evaluationLevel,
        String agreementReference,
        LocalDate agreementSignedOn,
        String ministrySignatory,
        String organisationSignatory,
        String evaluationTerms,
        String evaluator,
        LocalDate evaluationCompletedOn,
        String evaluationRating,
        String evaluationFindings,
        String registeredBy) {

    public Money amountMoney() {
        return new Money(amount, amountCurrency);
    }

    /** "USD 3,000,000". */
    @JsonProperty
    public String amountText() {
        return amountMoney().text();
    }

    /** The proposal as the organisation sent it, before the office gives it a reference. */
    public static Contribution proposal(String organisationCode, String organisationReference, String organisationEmail,
                                        String title, String objectives, String recipientGroup, List<String> recipientCountries,
                                        String sectorCode, ContributionKind kind, LocalDate startDate, LocalDate endDate,
                                        BigDecimal amount, String amountCurrency, int plannedTranches,
                                        int reportingIntervalMonths, String programmeOfficer, String registeredBy) {
        return new Contribution(0, null, organisationCode, organisationReference, organisationEmail, title, objectives,
                recipientGroup, recipientCountries, sectorCode, kind, kind.aidType(), startDate, endDate, amount,
                amountCurrency, null, null, plannedTranches, reportingIntervalMonths, programmeOfficer,
                ContributionStatus.APPRAISAL, null, null, null, null, null, null, null, null, null, null, null, null,
                registeredBy);
    }
}
