package org.cooperationdesk.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.cooperationdesk.partner.Money;

/** One disbursement of a contribution: requested, approved or refused, paid, or cancelled. */
public record Tranche(long id, int trancheNo, BigDecimal amount, String currency, Status status,
                      LocalDate plannedPaymentDate, String note, String requestedBy, String decidedBy, String decisionReason,
                      LocalDate paidOn, String paymentReference, BigDecimal amountYen, Long rateId) {

    public enum Status { REQUESTED, APPROVED, REFUSED, PAID, CANCELLED }

    public Money money() {
        return new Money(amount, currency);
    }

    @JsonProperty
    public String amountText() {
        return money().text();
    }
}
