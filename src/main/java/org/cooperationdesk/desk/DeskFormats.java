package org.cooperationdesk.desk;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.cooperationdesk.language.Language;
import org.cooperationdesk.language.LanguageFormats;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, times, numbers and amounts as the reader's language writes them (the request's language, see
 * language/LanguageFilter), for the templates as {@code @formats}; the formats themselves are
 * {@link LanguageFormats}'s, shared with mails and letters. Tables and lists write dates short ("15 Dec 2026",
 * "2026/12/15"), running text long ("15 December 2026", "2026年12月15日"); amounts keep their currency's code
 * ("JPY 1,500,000"), with decimals only when the amount has some. Null gives an empty text.
 */
@Component("formats")
public class DeskFormats {

    /** The languages the roster records by their English name ("english", "tagalog"), by that name in lower case. */
    private static final Map<String, Locale> LANGUAGES = languagesByEnglishName();

    private final Clock clock;

    DeskFormats(Clock clock) {
        this.clock = clock;
    }

    /** A date in a table, a list or a record's data: "15 Dec 2026", "2026/12/15". */
    public String date(LocalDate date) {
        return LanguageFormats.shortDate(date, language());
    }

    /** A date in running text: "15 December 2026", "2026年12月15日". */
    public String longDate(LocalDate date) {
        return LanguageFormats.date(date, language());
    }

    /** A moment on the office's clock: "15 Dec 2026, 14:05", "2026/12/15 14:05". */
    public String dateTime(LocalDateTime time) {
        return LanguageFormats.dateTime(time, language());
    }

    /** A moment (a change's time) on the office's clock. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime(LocalDateTime.ofInstant(instant, clock.getZone()));
    }

    public String number(Number number) {
        return LanguageFormats.number(number, language());
    }

    /** "JPY 1,500,000", "USD 25,000.50". */
    public String amount(BigDecimal amount, String currency) {
        return LanguageFormats.amount(amount, currency, language());
    }

    public String yen(BigDecimal amount) {
        return amount(amount, "JPY");
    }

    /**
     * A language the records name in English ("english", "tagalog") in the reader's language ("英語", "タガログ語";
     * "English"); a name the JDK does not know stays as recorded.
     */
    public String languageName(String name) {
        if (name == null) {
            return "";
        }
        Locale known = LANGUAGES.get(name.trim().toLowerCase(Locale.ROOT));
        if (known == null) {
            return name;
        }
        return known.getDisplayLanguage(language().locale());
    }

    /** Languages as {@link #languageName} writes them, in a list as the reader's language joins one: ", " or "、". */
    public String languageNames(Collection<String> names) {
        if (names == null) {
            return "";
        }
        return names.stream().map(this::languageName)
                .collect(Collectors.joining(language() == Language.JA ? "、" : ", "));
    }

    private static Language language() {
        return Language.of(LocaleContextHolder.getLocale());
    }

    private static Map<String, Locale> languagesByEnglishName() {
        Map<String, Locale> languages = new TreeMap<>();
        for (String code : Locale.getISOLanguages()) {
            Locale locale = new Locale(code);
            String english = locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (!english.equals(code)) {
                languages.putIfAbsent(english, locale);
            }
        }
        return Map.copyOf(languages);
    }
}
