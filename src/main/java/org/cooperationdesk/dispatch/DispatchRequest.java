package org.cooperationdesk.dispatch;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.cooperationdesk.partner.Money;
import org.cooperationdesk.partner.YenValue;

/** A request for an expert, as the requesting body made it; contributionId: the contribution that funds it, or null. */
public record DispatchRequest(
        long id,
        String reference,
        String requestingBody,
        String requesterReference,
        String requesterEmail,
        String countryCode,
        String purpose,
        String termsOfReference,
        String skillsNeeded,
        String languagesNeeded,
        LocalDate startDate,
        int durationDays,
        BigDecimal estimatedCost,
        String estimatedCostCurrency,
        BigDecimal estimatedCostYen,
        Long estimatedCostRateId,
        String fundedBy,
        RequestStatus status,
        String requestedBy,
        Long contributionId) {

    public Money estimatedCostMoney() {
        return new Money(estimatedCost, estimatedCostCurrency);
    }

    /** The estimated cost as the office writes it, "USD 20,000". */
    @JsonProperty
    public String estimatedCostText() {
        return estimatedCostMoney().text();
    }

    /** The request with the yen value of its cost at the office's rate. */
    public DispatchRequest withYenValue(YenValue value) {
        return new DispatchRequest(id, reference, requestingBody, requesterReference, requesterEmail, countryCode, purpose,
                termsOfReference, skillsNeeded, languagesNeeded, startDate, durationDays, estimatedCost,
                estimatedCostCurrency, value.yen(), value.rateId(), fundedBy, status, requestedBy, contributionId);
    }

    public LocalDate plannedEndDate() {
        return startDate.plusDays(durationDays - 1L);
    }
}
