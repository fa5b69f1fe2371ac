package org.cooperationdesk.partner;

import java.math.BigDecimal;

/**
 * An amount and its value in whole yen, for the reports and the rules that compare amounts (the senior-approval
 * rule): {@code rate} is the office's rate used, null for an amount in yen.
 */
public record YenValue(Money money, BigDecimal yen, ExchangeRate rate) {

    /** "JPY 3,000,000 at 150 yen per USD (2026-11-20, Bank of Japan)", or just the yen for an amount in yen. */
    public String text() {
        String yenText = Money.yen(yen).text();
        return rate == null ? yenText : yenText + " at " + rate.yenPerUnit().stripTrailingZeros().toPlainString()
                + " yen per " + money.currency() + " (" + rate.rateDate() + ", " + rate.source() + ")";
    }

    public Long rateId() {
        return rate == null ? null : rate.id();
    }
}
