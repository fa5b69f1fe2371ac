package org.cooperationdesk.language;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the office works in: Japanese for its staff, English for most of its partners. A person's language
 * is one of these; a request, a mail or a letter in any other language falls back to English.
 */
public enum Language {
    EN(Locale.ENGLISH),
    JA(Locale.JAPANESE);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The language's tag as cookies, settings and columns write it: {@code en}, {@code ja}. */
    public String tag() {
        return locale.getLanguage();
    }

    /** The language a tag names ({@code ja}, {@code ja-JP}, {@code EN}), if the office works in it. */
    public static Optional<Language> ofTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return Arrays.stream(values()).filter(value -> value.tag().equals(language)).findFirst();
    }

    /** The language of a locale; English for any language the office does not work in. */
    public static Language of(Locale locale) {
        return locale == null ? EN : ofTag(locale.toLanguageTag()).orElse(EN);
    }
}
