package org.cooperationdesk.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * An amount in yen as a white paper writes it in prose: "¥450 million", "¥1.25 billion", "¥850,000" in English;
 * "4億5,000万円", "85万円" in Japanese. A rounded amount says so ("about ¥450.1 million", "約4億5,012万円").
 */
final class YenWords {

    private static final BigDecimal MILLION = new BigDecimal(1_000_000);
    private static final BigDecimal BILLION = new BigDecimal(1_000_000_000);
    private static final BigDecimal MAN = new BigDecimal(10_000);

    private YenWords() {
    }

    static String english(BigDecimal yen) {
        BigDecimal whole = yen.setScale(0, RoundingMode.HALF_UP);
        String text;
        BigDecimal shown;
        if (whole.compareTo(BILLION) >= 0) {
            BigDecimal billions = whole.divide(BILLION, 2, RoundingMode.HALF_UP);
            shown = billions.multiply(BILLION);
            text = "¥" + grouped(billions) + " billion";
        } else if (whole.compareTo(MILLION) >= 0) {
            BigDecimal millions = whole.divide(MILLION, 1, RoundingMode.HALF_UP);
            shown = millions.multiply(MILLION);
            text = "¥" + grouped(millions) + " million";
        } else {
            shown = whole;
            text = "¥" + grouped(whole);
        }
        return shown.compareTo(yen) == 0 ? text : "about " + text;
    }

    static String japanese(BigDecimal yen) {
        BigDecimal whole = yen.setScale(0, RoundingMode.HALF_UP);
        if (whole.compareTo(MAN) < 0) {
            return (whole.compareTo(yen) == 0 ? "" : "約") + grouped(whole) + "円";
        }
        BigDecimal[] okuAndMan = whole.divide(MAN, 0, RoundingMode.HALF_UP).divideAndRemainder(MAN);
        StringBuilder text = new StringBuilder();
        if (okuAndMan[0].signum() > 0) {
            text.append(grouped(okuAndMan[0])).append('億');
        }
        if (okuAndMan[1].signum() > 0) {
            text.append(grouped(okuAndMan[1])).append('万');
        }
        BigDecimal shown = okuAndMan[0].multiply(MAN).add(okuAndMan[1]).multiply(MAN);
        return (shown.compareTo(yen) == 0 ? "" : "約") + text + "円";
    }

    /** 1,234.5 with the decimals it has, none when whole. */
    private static String grouped(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value.stripTrailingZeros());
    }
}
