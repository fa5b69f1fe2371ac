package org.cooperationdesk.partner;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** An amount in its ISO 4217 currency, written as the office writes it: "USD 3,000,000", "JPY 1,500,000". */
public record Money(BigDecimal amount, String currency) {

    public static final String YEN = "JPY";

    public static Money yen(BigDecimal amount) {
        return new Money(amount, YEN);
    }

    /** The currency code, a space, the amount with thousands grouped and its decimals only when it has some. */
    public String text() {
        BigDecimal plain = amount.stripTrailingZeros();
        int decimals = Math.max(0, plain.scale());
        DecimalFormat format = new DecimalFormat("#,##0" + (decimals == 0 ? "" : "." + "0".repeat(decimals)),
                DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        return currency + " " + format.format(plain);
    }

    @Override
    public String toString() {
        return text();
    }
}
