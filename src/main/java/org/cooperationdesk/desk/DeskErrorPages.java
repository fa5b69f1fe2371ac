package org.cooperationdesk.desk;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error pages (templates/error/) for what goes wrong under /desk before or after a page's controller runs: an
 * address that names no page (404), a method a page does not take (405), a template that fails. Other paths keep
 * what they had (the webapps' own errors, the API's JSON).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DeskErrorPages implements ErrorViewResolver {

    static final String PATH = "/desk";

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String desk = request.getContextPath() + PATH;
        if (uri == null || !(uri.toString().equals(desk) || uri.toString().startsWith(desk + "/"))) {
            return null;
        }
        Map<String, Object> page = new HashMap<>();
        page.put("status", status.value());
        page.put("messageKey", messageKey(status.value()));
        page.put("arguments", new Object[0]);
        return new ModelAndView(view(status.value()), page, status);
    }

    static String view(int status) {
        return switch (status) {
            case 400, 403, 404 -> "error/" + status;
            default -> "error/error";
        };
    }

    static String messageKey(int status) {
        return switch (status) {
            case 400 -> "error.badRequest";
            case 401 -> "error.unauthorized";
            case 403 -> "error.forbidden";
            case 404 -> "error.notFound";
            case 405 -> "error.methodNotAllowed";
            case 503 -> "error.unavailable";
            default -> "error.unexpected";
        };
    }
}
