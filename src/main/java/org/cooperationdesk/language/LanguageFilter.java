package org.cooperationdesk.language;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.filter.OrderedFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides the language of every request, for the office's pages, the forms Tasklist fetches and the server's
 * messages alike: the {@code lang} parameter when a user switches (kept in the {@value #COOKIE} cookie for a year),
 * else that cookie, else the browser's Accept-Language, else English. The request then answers that language as its
 * locale, so Spring's locale (LocaleContextHolder, set by the request context filter that runs after this one) and
 * everything that reads it agree. Camunda's webapps choose their own language in the browser; their language script
 * keeps the cookie in step with it. The error page of a request (a 404 of the server) is in that request's language;
 * only the request itself sets the cookie.
 */
@Configuration(proxyBeanMethods = false)
public class LanguageFilter {

    /** The cookie that keeps a user's chosen language. */
    public static final String COOKIE = "coopdesk-lang";
    /** The parameter of a language switch: {@code ?lang=ja}. */
    public static final String PARAMETER = "lang";
    /** The request attribute naming the language the user chose with this request, if any. */
    public static final String CHOSEN = LanguageFilter.class.getName() + ".chosen";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> languageOfRequest() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Optional<Language> chosen = Language.ofTag(request.getParameter(PARAMETER));
                boolean errorPage = request.getDispatcherType() == DispatcherType.ERROR;
                chosen.filter(language -> !errorPage).ifPresent(language -> {
                    response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, language.tag())
                            .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
                            .maxAge(Duration.ofDays(365)).sameSite("Lax").secure(request.isSecure()).build().toString());
                    request.setAttribute(CHOSEN, language);
                });
                Language language = chosen.or(() -> fromCookie(request)).orElseGet(() -> fromBrowser(request));
                chain.doFilter(new InLanguage(request, language.locale()), response);
            }

            /** The server's error pages (an address with no page) answer in the language of the request that failed. */
            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }
        });
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        registration.setName("cooperation-desk-language");
        // Before the request context filter (-105), which hands the request's locale to Spring (LocaleContextHolder).
        registration.setOrder(OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 115);
        return registration;
    }

    static Optional<Language> fromCookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return Language.ofTag(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** The first of the browser's languages the office works in (Accept-Language in its order of preference). */
    static Language fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Language.EN;
        }
        for (Enumeration<Locale> locales = request.getLocales(); locales.hasMoreElements(); ) {
            Optional<Language> language = Language.ofTag(locales.nextElement().toLanguageTag());
            if (language.isPresent()) {
                return language.get();
            }
        }
        return Language.EN;
    }

    /** The request, answering its decided language as its locale. */
    private static final class InLanguage extends HttpServletRequestWrapper {
        private final Locale locale;

        InLanguage(HttpServletRequest request, Locale locale) {
            super(request);
            this.locale = locale;
        }

        @Override
        public Locale getLocale() {
            return locale;
        }

        @Override
        public Enumeration<Locale> getLocales() {
            return Collections.enumeration(java.util.List.of(locale));
        }
    }
}
