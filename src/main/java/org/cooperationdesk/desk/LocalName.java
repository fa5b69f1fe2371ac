package org.cooperationdesk.desk;

import java.util.Locale;
import java.util.Set;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A name the office's records hold in English and Japanese (a country, an organisation, a group of countries): the
 * page shows the one of the reader's language ({@code ${row.country.text}}). A country whose Japanese name the
 * records lack has the JDK's (its ISO 3166 code); anything else missing in Japanese is shown in English.
 */
public record LocalName(String code, String english, String japanese) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public String getText() {
        return in(LocaleContextHolder.getLocale());
    }

    public String in(Locale locale) {
        if (Locale.JAPANESE.getLanguage().equals(locale.getLanguage())) {
            if (japanese != null && !japanese.isBlank()) {
                return japanese;
            }
            if (code != null && COUNTRIES.contains(code)) {
                return new Locale("", code).getDisplayCountry(Locale.JAPANESE);
            }
        }
        return english == null ? code : english;
    }
}
