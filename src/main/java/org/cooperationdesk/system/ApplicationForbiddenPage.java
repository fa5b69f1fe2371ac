package org.cooperationdesk.system;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * A user logged into Tasklist who opens Cockpit or Admin by its address gets a page saying what these are for and
 * leading back to Tasklist, instead of the server's bare "Forbidden". Only those applications' own pages, asked for
 * by a browser (HTML), get it: the webapps' API calls under /camunda/api keep Camunda's JSON errors, which Tasklist
 * and Cockpit read (an error page for every 403 once stalled Tasklist).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApplicationForbiddenPage implements ErrorViewResolver {

    private static final Pattern APPLICATION_PAGE = Pattern.compile("^/camunda/app/(cockpit|admin)/.*");

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>%1$s is for administrators - Cooperation Desk</title>
            <style>body{font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.5;color:#333}
            a.button{display:inline-block;padding:.5em 1em;background:#b5152b;color:#fff;text-decoration:none;border-radius:3px}</style>
            </head>
            <body>
            <h1>%1$s is for administrators</h1>
            <p>%2$s is where the office's administrators (group <code>camunda-admin</code>) %3$s. Your account may not
            open it. Coordinators, managers and directors do their work in Tasklist.</p>
            <p><a class="button" href="/camunda/app/tasklist/default/">Go to Tasklist</a></p>
            <p>Need access? Ask an administrator to add you to the group in Admin.</p>
            </body>
            </html>
            """;

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Matcher page = uri == null ? null : APPLICATION_PAGE.matcher(uri.toString());
        if (status != HttpStatus.FORBIDDEN || page == null || !page.matches()) {
            return null;
        }
        boolean cockpit = page.group(1).equals("cockpit");
        String html = PAGE.formatted(cockpit ? "Cockpit" : "Admin", cockpit ? "Cockpit" : "Admin",
                cockpit ? "watch running processes and retry failures" : "manage users, groups and authorizations");
        View view = (viewModel, viewRequest, response) -> {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
        };
        ModelAndView forbidden = new ModelAndView(view);
        forbidden.setStatus(HttpStatus.FORBIDDEN);
        return forbidden;
    }
}
