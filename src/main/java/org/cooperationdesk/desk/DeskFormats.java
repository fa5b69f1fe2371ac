package org.cooperationdesk.desk;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, times, numbers and amounts as the reader's language writes them (the request's locale), for the templates
 * as {@code @formats}: "5 Jan 2027" or "Jan 5, 2027" or "2027/01/05"; amounts keep the office's currency code
 * ("USD 25,000", "EUR 1.250,50" in German), with decimals only when the amount has some. Null gives an empty text.
 */
@Component("formats")
public class DeskFormats {

    private final Clock clock;

    DeskFormats(Clock clock) {
        this.clock = clock;
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
    }

    public String dateTime(LocalDateTime time) {
        return time == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale()).format(time);
    }

    /** A moment (a change's time) on the office's clock. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime(LocalDateTime.ofInstant(instant, clock.getZone()));
    }

    public String number(Number number) {
        return number == null ? "" : NumberFormat.getIntegerInstance(locale()).format(number);
    }

    public String amount(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        BigDecimal plain = amount.stripTrailingZeros();
        int decimals = Math.max(0, plain.scale());
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return (currency == null ? "" : currency + " ") + format.format(plain);
    }

    public String yen(BigDecimal amount) {
        return amount(amount, "JPY");
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
