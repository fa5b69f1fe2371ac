package org.cooperationdesk.letter;

/**
 * The office's letters. Each is worded by a template {@code <language>/<template>.html} under the letter templates'
 * location (coopdesk.letters.templates) and carried by one mail step. identityDocuments: the letter shows passport
 * numbers, so it is for those who may see them (desk/Viewer: coordinators).
 */
public enum LetterKind {

    /** The formal invitation of a government to a meeting, carried by {@code meeting-invitation}. */
    NOTE_VERBALE("note-verbale", "note verbale", false),
    /** The invitation to nominate candidates for a course, carried by {@code course-announcement}. */
    COURSE_ANNOUNCEMENT("course-announcement", "course announcement", false),
    /** The delegates of one government with their passports, for the consulates; {@code visa-support-letter}. */
    VISA_SUPPORT_LETTER("visa-support-letter", "visa support letter", true),
    /** A nominee accepted for a course: {@code selection-notice}, and {@code replacement-notice} from the waiting list. */
    ACCEPTANCE_LETTER("acceptance-letter", "acceptance letter", false),
    /** A nominee not accepted, with the reason: {@code selection-notice}. */
    REGRET_LETTER("regret-letter", "regret letter", false),
    /**
     * A trainee's certificate of completion with its number: {@code certificate}. Bilingual: English and Japanese on
     * one page, from the English template's folder; kept with the language {@value #BILINGUAL}.
     */
    CERTIFICATE("certificate", "certificate of completion", false),
    /** An expert's deployment once every pre-deployment check is done: {@code deployment-confirmed}. */
    DEPLOYMENT_LETTER("deployment-letter", "deployment letter", false);

    /** The language a bilingual letter is kept with (table letter, column language): English and Japanese. */
    public static final String BILINGUAL = "en+ja";

    private final String template;
    private final String title;
    private final boolean identityDocuments;

    LetterKind(String template, String title, boolean identityDocuments) {
        this.template = template;
        this.title = title;
        this.identityDocuments = identityDocuments;
    }

    /** The template's file name without language and suffix, also the kind's part of the file name. */
    public String template() {
        return template;
    }

    /** The kind in words, for logs and incidents ("note verbale"); pages take theirs from i18n/desk. */
    public String title() {
        return title;
    }

    /** Whether the letter says everything in English and Japanese (the certificate). */
    public boolean bilingual() {
        return this == CERTIFICATE;
    }

    public boolean identityDocuments() {
        return identityDocuments;
    }
}
