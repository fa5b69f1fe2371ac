package org.cooperationdesk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The year's paragraph for the white paper, drafted from the period's totals in English and in Japanese, for a person
 * to copy and edit: "In FY2008 the Ministry dispatched 12 experts to 5 countries (340 person-days), ...". The words are
 * in {@code i18n/draft.properties} and {@code draft_ja.properties} (one clause a key, singular and plural by
 * {@code choice}; Japanese has a {@code .last} form of each clause, which ends the sentence). Only what happened is
 * mentioned; a period with nothing reads as such.
 */
@Component
public class WhitePaperDraft {

    /** The paragraph in both languages. */
    public record Paragraphs(String english, String japanese) {
    }

    private final MessageSource words;

    public WhitePaperDraft() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/draft");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        this.words = source;
    }

    public Paragraphs of(Figures.Totals totals) {
        return new Paragraphs(paragraph(totals, Locale.ENGLISH), paragraph(totals, Locale.JAPANESE));
    }

    String paragraph(Figures.Totals totals, Locale locale) {
        ReportPeriod period = totals.period();
        String kind = period.kind().name();
        if (totals.isEmpty()) {
            return words.getMessage("draft.nothing." + kind, new Object[] {period.year()}, locale);
        }
        List<Clause> clauses = new ArrayList<>();
        if (totals.deployments() > 0) {
            clauses.add(new Clause("draft.dispatched", totals.experts(), totals.dispatchCountries(), totals.personDays()));
        } else if (totals.personDays() > 0) {
            clauses.add(new Clause("draft.continued." + kind, totals.personDays()));
        }
        if (totals.traineesAccepted() > 0 && totals.traineesCompleted() > 0) {
            clauses.add(new Clause("draft.trainedCompleted", totals.traineesAccepted(), totals.traineeCountries(),
                    totals.courses(), totals.traineesCompleted()));
        } else if (totals.traineesAccepted() > 0) {
            clauses.add(new Clause("draft.trained", totals.traineesAccepted(), totals.traineeCountries(), totals.courses()));
        } else if (totals.courses() > 0) {
            clauses.add(new Clause("draft.coursesOpen", totals.courses()));
        }
        if (totals.meetingsHeld() > 0) {
            clauses.add(new Clause("draft.meetings", totals.meetingsHeld(), totals.delegates(), totals.meetingCountries()));
        }
        boolean japanese = Locale.JAPANESE.getLanguage().equals(locale.getLanguage());
        if (totals.committedYen().signum() > 0) {
            clauses.add(new Clause("draft.committed", yen(totals.committedYen(), japanese), totals.committingOrganisations()));
        }
        if (totals.disbursedYen().signum() > 0) {
            clauses.add(new Clause("draft.disbursed", yen(totals.disbursedYen(), japanese), totals.disbursingOrganisations()));
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            Clause clause = clauses.get(i);
            boolean last = i == clauses.size() - 1;
            String text = last ? words.getMessage(clause.key() + ".last", clause.arguments(), null, locale) : null;
            texts.add(text != null ? text : words.getMessage(clause.key(), clause.arguments(), locale));
        }
        return words.getMessage("draft.sentence." + kind, new Object[] {period.year(), join(texts, locale)}, locale);
    }

    private static String yen(java.math.BigDecimal amount, boolean japanese) {
        return japanese ? YenWords.japanese(amount) : YenWords.english(amount);
    }

    /** "A", "A and B", "A, B, and C"; in Japanese the clauses follow each other with 「、」. */
    private String join(List<String> texts, Locale locale) {
        if (Locale.JAPANESE.getLanguage().equals(locale.getLanguage())) {
            return String.join("、", texts);
        }
        String and = words.getMessage("draft.and", null, locale);
        if (texts.size() == 1) {
            return texts.get(0);
        }
        if (texts.size() == 2) {
            return texts.get(0) + " " + and + " " + texts.get(1);
        }
        return String.join(", ", texts.subList(0, texts.size() - 1)) + ", " + and + " " + texts.get(texts.size() - 1);
    }

    private record Clause(String key, Object... arguments) {
    }
}
