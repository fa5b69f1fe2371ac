package org.cooperationdesk.system;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;

/**
 * A user logged into Tasklist who opens Cockpit or Admin by its address gets a page saying what these are for and
 * leading back to Tasklist, instead of the server's bare "Forbidden". Only those applications' own pages, asked for
 * by a browser (HTML), get it: the webapps' API calls under /camunda/api keep Camunda's JSON errors, which Tasklist
 * and Cockpit read (an error page for every 403 once stalled Tasklist). In the reader's language (i18n/desk,
 * {@code error.application.*}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApplicationForbiddenPage implements ErrorViewResolver {

    private static final Pattern APPLICATION_PAGE = Pattern.compile("^/camunda/app/(cockpit|admin)/.*");

    /** Where the office's administrators are (the text shows it as code). */
    private static final String ADMIN_GROUP = "camunda-admin";
    private static final String GROUP_MARK = "@@group@@";

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="%1$s">
            <head><meta charset="utf-8"><title>%2$s - %3$s</title>
            <style>body{font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.5;color:#333}
            a.button{display:inline-block;padding:.5em 1em;background:#b5152b;color:#fff;text-decoration:none;border-radius:3px}</style>
            </head>
            <body>
            <h1>%2$s</h1>
            <p>%4$s</p>
            <p><a class="button" href="/camunda/app/tasklist/default/">%5$s</a></p>
            <p>%6$s</p>
            </body>
            </html>
            """;

    private final MessageSource messages;

    ApplicationForbiddenPage(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Matcher page = uri == null ? null : APPLICATION_PAGE.matcher(uri.toString());
        if (status != HttpStatus.FORBIDDEN || page == null || !page.matches()) {
            return null;
        }
        boolean cockpit = page.group(1).equals("cockpit");
        String application = cockpit ? "Cockpit" : "Admin";
        // the request's language (language/LanguageFilter: English or Japanese)
        Locale locale = LocaleContextHolder.getLocale();
        String what = HtmlUtils.htmlEscape(messages.getMessage("error.application.what", new Object[] {application,
                GROUP_MARK, messages.getMessage(cockpit ? "error.application.cockpit" : "error.application.admin", null,
                locale)}, locale)).replace(GROUP_MARK, "<code>" + ADMIN_GROUP + "</code>");
        String html = PAGE.formatted(HtmlUtils.htmlEscape(locale.getLanguage()),
                text("error.application.title", locale, application), text("desk.title", locale), what, text("error.application.tasklist", locale),
                text("error.application.access", locale));
        View view = (viewModel, viewRequest, response) -> {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
        };
        ModelAndView forbidden = new ModelAndView(view);
        forbidden.setStatus(HttpStatus.FORBIDDEN);
        return forbidden;
    }

    /** A text of i18n/desk, escaped for the page. */
    private String text(String key, Locale locale, Object... arguments) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, arguments.length == 0 ? null : arguments, locale));
    }
}
