package org.cooperationdesk.desk;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A name the office's records hold in English and Japanese (a country, an organisation, a group of countries): the
 * page shows the one of the reader's language ({@code ${row.country.text}}), English when the other is missing.
 */
public record LocalName(String code, String english, String japanese) {

    public String getText() {
        return in(LocaleContextHolder.getLocale());
    }

    public String in(Locale locale) {
        if (Locale.JAPANESE.getLanguage().equals(locale.getLanguage()) && japanese != null && !japanese.isBlank()) {
            return japanese;
        }
        return english == null ? code : english;
    }
}
