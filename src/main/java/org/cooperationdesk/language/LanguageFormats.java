package org.cooperationdesk.language;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;

/**
 * Dates, numbers and amounts as each of the office's languages writes them, the one place for pages, mails and
 * letters: "15 December 2026" and "2026年12月15日" in running text, "15 Dec 2026" and "2026/12/15" in tables,
 * "JPY 1,500,000" in both (the currency's code first, decimals only when the amount has some).
 */
public final class LanguageFormats {

    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Language.EN.locale());
    private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日", Language.JA.locale());
    private static final DateTimeFormatter EN_SHORT = DateTimeFormatter.ofPattern("d MMM uuuu", Language.EN.locale());
    private static final DateTimeFormatter JA_SHORT = DateTimeFormatter.ofPattern("uuuu/MM/dd", Language.JA.locale());
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm", Language.EN.locale());
    private static final DateTimeFormatter JA_TIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm", Language.JA.locale());

    private LanguageFormats() {
    }

    /** A date in running text: "15 December 2026", "2026年12月15日"; empty for null. */
    public static String date(LocalDate date, Language language) {
        return date == null ? "" : (language == Language.JA ? JA_DATE : EN_DATE).format(date);
    }

    /** A date in a table or list: "15 Dec 2026", "2026/12/15"; empty for null. */
    public static String shortDate(LocalDate date, Language language) {
        return date == null ? "" : (language == Language.JA ? JA_SHORT : EN_SHORT).format(date);
    }

    /** A moment on the office's clock: "15 Dec 2026, 14:05", "2026/12/15 14:05"; empty for null. */
    public static String dateTime(LocalDateTime time, Language language) {
        return time == null ? "" : (language == Language.JA ? JA_TIME : EN_TIME).format(time);
    }

    /** A whole number with the language's grouping: "1,500,000"; empty for null. */
    public static String number(Number number, Language language) {
        return number == null ? "" : NumberFormat.getIntegerInstance(language.locale()).format(number);
    }

    /** An amount with its currency's code: "JPY 1,500,000", "USD 25,000.50"; empty for null. */
    public static String amount(BigDecimal amount, String currency, Language language) {
        if (amount == null) {
            return "";
        }
        BigDecimal plain = amount.stripTrailingZeros();
        // whole amounts without decimals; others with at least the currency's cents: "USD 25,000.50", not "25,000.5"
        int decimals = plain.scale() <= 0 ? 0 : Math.max(plain.scale(), minorDigits(currency));
        NumberFormat format = NumberFormat.getNumberInstance(language.locale());
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return (currency == null ? "" : currency + " ") + format.format(plain);
    }

    /** The digits of a currency's minor unit (2 for USD, 0 for JPY, 3 for KWD); 2 for an unknown code or none. */
    private static int minorDigits(String currency) {
        try {
            int digits = currency == null ? 2 : Currency.getInstance(currency.trim()).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }
}
