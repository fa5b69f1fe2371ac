package org.cooperationdesk.language;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The language switch of every page ({@code fragments/layout.html}, {@code login.html}), for the templates as
 * {@code @languageLinks}: 日本語 | English, each a link to the page the reader is on with {@code lang=ja} or
 * {@code lang=en} and the page's other parameters kept (its search, filters, sort and page), the language the page
 * is in marked current. An error page links to the address that failed, so switching shows the same error in the
 * other language.
 */
@Component("languageLinks")
public class LanguageLinks {

    /** RequestDispatcher.ERROR_QUERY_STRING of Servlet 6.1. */
    static final String ERROR_QUERY_STRING = "jakarta.servlet.error.query_string";

    /** A language of the switch: its tag, its name in itself, where it leads, whether the page is in it. */
    public record Link(String tag, String name, String href, boolean current) {
    }

    /** The languages' names as each writes its own. */
    static String name(Language language) {
        return switch (language) {
            case JA -> "日本語";
            case EN -> "English";
        };
    }

    /** Japanese first, then English: the office's order. */
    public List<Link> links() {
        Language current = Language.of(LocaleContextHolder.getLocale());
        HttpServletRequest request = currentRequest();
        List<Link> links = new ArrayList<>();
        for (Language language : List.of(Language.JA, Language.EN)) {
            links.add(new Link(language.tag(), name(language), request == null ? "?" + LanguageFilter.PARAMETER + "="
                    + language.tag() : href(request, language), language == current));
        }
        return links;
    }

    /** The address of the page in a language: its path, its parameters but lang, then lang. */
    static String href(HttpServletRequest request, Language language) {
        String path = attribute(request, RequestDispatcher.ERROR_REQUEST_URI);
        String query = path == null ? null : errorQuery(request);
        if (path == null) {
            path = attribute(request, RequestDispatcher.FORWARD_REQUEST_URI);
            query = path == null ? null : attribute(request, RequestDispatcher.FORWARD_QUERY_STRING);
        }
        if (path == null) {
            path = request.getRequestURI();
            query = request.getQueryString();
        }
        // "//host/page" would lead elsewhere: a path starts with one slash
        path = "/" + (path == null ? "" : path.replaceFirst("^/+", ""));
        StringBuilder href = new StringBuilder(path).append('?');
        if (query != null && !query.isEmpty()) {
            Arrays.stream(query.split("&"))
                    .filter(pair -> !pair.isEmpty() && !pair.split("=", 2)[0].equals(LanguageFilter.PARAMETER))
                    .forEach(pair -> href.append(pair).append('&'));
        }
        return href.append(LanguageFilter.PARAMETER).append('=').append(language.tag()).toString();
    }

    /** The query of the request that failed: Servlet 6.1 names it; before, its parameters still answer. */
    private static String errorQuery(HttpServletRequest request) {
        String query = attribute(request, ERROR_QUERY_STRING);
        if (query != null) {
            return query;
        }
        StringBuilder parameters = new StringBuilder();
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                parameters.append(parameters.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return parameters.toString();
    }

    private static String attribute(HttpServletRequest request, String name) {
        Object value = request.getAttribute(name);
        return value == null ? null : value.toString();
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
