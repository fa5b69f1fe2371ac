package org.cooperationdesk.form;

import java.text.MessageFormat;
import java.time.LocalDate;

import org.cooperationdesk.language.Language;
import org.cooperationdesk.language.LanguageFormats;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The server's refusals (a form to correct, a choice taken meanwhile, a task completed by someone else) in the language
 * of the request: {@code i18n/validation.properties} and {@code i18n/validation_ja.properties}, one key per meaning.
 * <p>
 * A refusal is rendered where it is made, in the request's thread: {@link LocaleContextHolder} holds the language the
 * {@code LanguageFilter} decided (also inside the engine command that validates a Tasklist submission); without a
 * request (a job, a plain unit test) it is English. Dates are written as {@link LanguageFormats#date} writes them in
 * that language ("15 December 2026", "2026年12月15日"); numbers as they are ("1000", never "1,000").
 * <p>
 * The bundle is read by a Spring {@link ResourceBundleMessageSource} of its own, set up as Spring Boot sets up the
 * application's (UTF-8, no fallback to the server's locale). It is not the application context's MessageSource on
 * purpose: refusals are made by rules and value objects that are not beans ({@link FormSubmission},
 * {@link SubmissionShape}, the schedule and selection rules), and a holder set at start-up would be global state
 * shared, and overwritten, by every Spring context of a JVM (the test suite runs several). The texts are the same
 * files either way ({@code spring.messages.basename} lists {@code i18n/validation} too, for the office's pages).
 * <p>
 * Every pattern is a {@link MessageFormat}, with or without arguments: an apostrophe is written {@code ''}.
 */
public final class ValidationMessages {

    /** The bundle's base name, as {@code spring.messages.basename} lists it. */
    public static final String BASENAME = "i18n/validation";

    private static final ResourceBundleMessageSource BUNDLE = new ResourceBundleMessageSource();

    static {
        BUNDLE.setBasename(BASENAME);
        BUNDLE.setDefaultEncoding("UTF-8");
        BUNDLE.setFallbackToSystemLocale(false);
    }

    private ValidationMessages() {
    }

    /** The language of the refusals made now: the request's, English without a request. */
    public static Language language() {
        return LocaleContextHolder.getLocaleContext() == null ? Language.EN : Language.of(LocaleContextHolder.getLocale());
    }

    /**
     * The message {@code key} in the request's language.
     *
     * @throws org.springframework.context.NoSuchMessageException when the bundle has no such key
     */
    public static String render(String key, Object... arguments) {
        return render(language(), key, arguments);
    }

    /** The message {@code key} in {@code language}, its dates written as that language writes them. */
    public static String render(Language language, String key, Object... arguments) {
        // Without arguments Spring hands the pattern over as written (no MessageFormat): always format it here instead.
        String pattern = BUNDLE.getMessage(key, null, language.locale());
        Object[] shown = new Object[arguments == null ? 0 : arguments.length];
        for (int i = 0; i < shown.length; i++) {
            shown[i] = shown(arguments[i], language);
        }
        return new MessageFormat(pattern, language.locale()).format(shown);
    }

    private static Object shown(Object argument, Language language) {
        if (argument instanceof LocalDate date) {
            return LanguageFormats.date(date, language);
        }
        if (argument instanceof Number number) {
            return number instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : number.toString();
        }
        return argument == null ? "" : argument;
    }
}
