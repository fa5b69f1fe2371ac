package org.cooperationdesk.language;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Spring's locale for a request (messages, templates, validation): the language {@link LanguageFilter} decided, unless
 * a handler decided otherwise for this request ({@link #use}: a partner's page speaks its record's language).
 */
@Component("localeResolver")
public class RequestLanguage implements LocaleResolver {

    private static final String DECIDED = RequestLanguage.class.getName() + ".decided";

    /** This request answers in this language, whatever the browser asks. */
    public static void use(HttpServletRequest request, Language language) {
        request.setAttribute(DECIDED, language);
        LocaleContextHolder.setLocale(language.locale());
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Object decided = request.getAttribute(DECIDED);
        return decided instanceof Language language ? language.locale() : request.getLocale();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language is chosen with the language switch (LanguageFilter)");
    }
}
