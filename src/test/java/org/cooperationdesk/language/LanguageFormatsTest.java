package org.cooperationdesk.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The office's two languages and how each writes dates, numbers and amounts (pages, mails and letters alike). */
class LanguageFormatsTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 15);

    @Test
    void shouldWriteDatesLongInTextAndShortInTables() {
        assertThat(LanguageFormats.date(DAY, Language.EN)).isEqualTo("15 December 2026");
        assertThat(LanguageFormats.date(DAY, Language.JA)).isEqualTo("2026年12月15日");
        assertThat(LanguageFormats.shortDate(DAY, Language.EN)).isEqualTo("15 Dec 2026");
        assertThat(LanguageFormats.shortDate(DAY, Language.JA)).isEqualTo("2026/12/15");
        assertThat(LanguageFormats.shortDate(LocalDate.of(2027, 9, 5), Language.EN)).isEqualTo("5 Sep 2027");
        assertThat(LanguageFormats.dateTime(LocalDateTime.of(2026, 12, 15, 14, 5), Language.EN)).isEqualTo("15 Dec 2026, 14:05");
        assertThat(LanguageFormats.dateTime(LocalDateTime.of(2026, 12, 15, 14, 5), Language.JA)).isEqualTo("2026/12/15 14:05");
        assertThat(LanguageFormats.date(null, Language.JA)).isEmpty();
    }

    @Test
    void shouldWriteAmountsWithTheCurrencysCodeAndDecimalsOnlyWhenThereAreSome() {
        assertThat(LanguageFormats.amount(new BigDecimal("1500000"), "JPY", Language.EN)).isEqualTo("JPY 1,500,000");
        assertThat(LanguageFormats.amount(new BigDecimal("1500000.00"), "JPY", Language.JA)).isEqualTo("JPY 1,500,000");
        assertThat(LanguageFormats.amount(new BigDecimal("25000.50"), "USD", Language.JA)).isEqualTo("USD 25,000.50");
        assertThat(LanguageFormats.amount(new BigDecimal("25000.5"), null, Language.EN)).isEqualTo("25,000.50");
        assertThat(LanguageFormats.amount(new BigDecimal("0.125"), "KWD", Language.EN)).isEqualTo("KWD 0.125");
        assertThat(LanguageFormats.amount(new BigDecimal("1250.5"), "JPY", Language.EN)).isEqualTo("JPY 1,250.5");
        assertThat(LanguageFormats.number(1234567, Language.JA)).isEqualTo("1,234,567");
        assertThat(LanguageFormats.amount(null, "JPY", Language.EN)).isEmpty();
    }

    @Test
    void shouldKnowTheOfficesLanguagesByTagAndLocale() {
        assertThat(Language.ofTag("ja")).contains(Language.JA);
        assertThat(Language.ofTag(" ja-JP ")).contains(Language.JA);
        assertThat(Language.ofTag("ja_JP")).contains(Language.JA);
        assertThat(Language.ofTag("EN")).contains(Language.EN);
        assertThat(Language.ofTag("xx")).isEmpty();
        assertThat(Language.ofTag("")).isEmpty();
        assertThat(Language.ofTag(null)).isEmpty();
        assertThat(Language.of(Locale.JAPAN)).isEqualTo(Language.JA);
        assertThat(Language.of(Locale.GERMANY)).isEqualTo(Language.EN);
        assertThat(Language.of(null)).isEqualTo(Language.EN);
        assertThat(Language.JA.tag()).isEqualTo("ja");
    }
}
