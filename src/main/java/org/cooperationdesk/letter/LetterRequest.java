package org.cooperationdesk.letter;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.cooperationdesk.notification.Enclosure;

/**
 * A letter a mail carries, as its composer asks for it: the kind, the language of its template, the reference of the
 * record it belongs to (request, course or meeting: its page lists it), the person it is addressed to when it is
 * one (the person's page lists it too), the addressee's lines, a number (a certificate's), the file name and the
 * values its template reads. Made once by {@link Letters} under the mail step's key.
 */
public record LetterRequest(LetterKind kind, Locale language, String reference, Long personId, List<String> addressee,
                            String number, String fileName, Map<String, Object> values) implements Enclosure {

    /** The language of a letter unless its composer asks for another ({@link #in}). */
    public static final Locale ENGLISH = Locale.ENGLISH;

    private static final Pattern UNSAFE_IN_FILE_NAME = Pattern.compile("[^A-Za-z0-9._-]+");

    public LetterRequest {
        if (kind == null || language == null || reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("A letter needs a kind, a language and the reference of its record");
        }
        if (addressee == null || addressee.isEmpty() || addressee.stream().anyMatch(line -> line == null || line.isBlank())) {
            throw new IllegalArgumentException("A " + kind.title() + " needs an addressee");
        }
        addressee = List.copyOf(addressee);
        values = Map.copyOf(values);
        fileName = fileName == null ? defaultFileName(kind, reference, null) : fileName;
    }

    /** An English letter of this kind for the record, to the addressee's lines, with its template's values. */
    public static LetterRequest of(LetterKind kind, String reference, List<String> addressee, Map<String, Object> values) {
        return new LetterRequest(kind, ENGLISH, reference, null, addressee, null, null, values);
    }

    /** The same letter in one of the office's languages (its template {@code <language>/<kind>.html}). */
    public LetterRequest in(org.cooperationdesk.language.Language inLanguage) {
        return new LetterRequest(kind, inLanguage.locale(), reference, personId, addressee, number, fileName, values);
    }

    /** The same letter addressed to this person of the office's records (people/). */
    public LetterRequest toPerson(long id) {
        return new LetterRequest(kind, language, reference, id, addressee, number, fileName, values);
    }

    /** The same letter with its number (a certificate's), which also names its file. */
    public LetterRequest numbered(String letterNumber) {
        if (letterNumber == null || letterNumber.isBlank()) {
            throw new IllegalArgumentException("A " + kind.title() + " of " + reference + " has no number yet");
        }
        return new LetterRequest(kind, language, reference, personId, addressee, letterNumber,
                defaultFileName(kind, letterNumber, null), values);
    }

    /**
     * The same letter, its file told apart from the record's other letters of the kind by this suffix (a country
     * code, a nomination's id): {@code MT-2026-0003-note-verbale-KH.pdf}.
     */
    public LetterRequest fileNamedFor(String suffix) {
        return new LetterRequest(kind, language, reference, personId, addressee, number,
                defaultFileName(kind, number == null ? reference : number, suffix), values);
    }

    /**
     * The language the kept letter records: its template's ({@code en}, {@code ja}), {@value LetterKind#BILINGUAL}
     * for a letter in both (the certificate).
     */
    public String languageTag() {
        return kind.bilingual() ? LetterKind.BILINGUAL : language.toLanguageTag();
    }

    /** The addressee as one line, as a record's page lists it. */
    public String addresseeLine() {
        return String.join(", ", addressee);
    }

    @Override
    public String description() {
        return kind.title() + (number == null ? "" : " " + number) + " to " + addresseeLine();
    }

    /** ASCII letters, digits, dots, dashes and underscores only: a name every mail program and browser keeps. */
    private static String defaultFileName(LetterKind kind, String reference, String suffix) {
        String name = reference + "-" + kind.template() + (suffix == null ? "" : "-" + suffix);
        return UNSAFE_IN_FILE_NAME.matcher(name).replaceAll("-") + ".pdf";
    }
}
