package org.cooperationdesk.letter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What a letter template reads as {@code letter}: its kind, the record's reference, the addressee's lines, its number
 * (a certificate's, else null), the day it is issued, and dates as the letter's language writes them
 * ({@code ${letter.date(startDate)}}: "5 March 2027").
 */
public record LetterView(LetterKind kind, String reference, List<String> addressee, String number, LocalDate issued,
                         Locale language) {

    /** A date as the letter's language writes it in a letter. */
    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        DateTimeFormatter format = Locale.JAPANESE.getLanguage().equals(language.getLanguage())
                ? DateTimeFormatter.ofPattern("uuuu年M月d日", language)
                : DateTimeFormatter.ofPattern("d MMMM uuuu", language);
        return format.format(date);
    }

    /** A date as Japanese writes it, "2027年3月5日", for the Japanese lines of a bilingual letter. */
    public String dateJa(LocalDate date) {
        return org.cooperationdesk.language.LanguageFormats.date(date, org.cooperationdesk.language.Language.JA);
    }

    /** The day of issue in Japanese. */
    public String getIssuedTextJa() {
        return dateJa(issued);
    }

    /** The day of issue as {@link #date} writes it. */
    public String getIssuedText() {
        return date(issued);
    }
}
