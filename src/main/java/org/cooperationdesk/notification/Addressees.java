package org.cooperationdesk.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.cooperationdesk.language.Language;

/**
 * The readers of one mail step with the language each reads: staff their own ({@link OfficeDirectory}), partners
 * English, an expert their correspondence language. {@link #mails} words one mail per language, each to that
 * language's readers, in the order the languages first appear. An address listed twice keeps its first language.
 */
public final class Addressees {

    private final Map<Language, List<String>> byLanguage = new LinkedHashMap<>();
    private final Set<String> seen = new LinkedHashSet<>();

    public Addressees add(String email, Language language) {
        if (email != null && !email.isBlank() && seen.add(email)) {
            byLanguage.computeIfAbsent(language, l -> new ArrayList<>()).add(email);
        }
        return this;
    }

    public Addressees addAll(Collection<String> emails, Language language) {
        emails.forEach(email -> add(email, language));
        return this;
    }

    /** Readers already sorted by language ({@link OfficeDirectory#emailsByLanguage}). */
    public Addressees addAll(Map<Language, List<String>> emails) {
        emails.forEach((language, addresses) -> addAll(addresses, language));
        return this;
    }

    /** One mail per language; {@code values} gives each language's values (texts in that language). */
    public List<Notification> mails(String template, Function<Language, Map<String, Object>> values) {
        if (byLanguage.isEmpty()) {
            throw new IllegalArgumentException("A notification " + template + " needs at least one recipient");
        }
        List<Notification> mails = new ArrayList<>();
        byLanguage.forEach((language, emails) -> mails.add(new Notification(template, language, emails, values.apply(language))));
        return mails;
    }
}
