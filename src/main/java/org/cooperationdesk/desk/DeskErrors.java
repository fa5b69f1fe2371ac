package org.cooperationdesk.desk;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every failure of a page under /desk as a page that says what happened, in the reader's language: 400 for a
 * parameter that makes no sense, 403 for a role that may not see the page, 404 for a missing record, 503 while the
 * database is away, 500 for the rest (logged, never shown as a stack trace). Ordered first so that the office API's
 * JSON problem details ({@code system/ApiExceptionHandler}) never answer a page.
 */
@ControllerAdvice(annotations = DeskPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeskErrors {

    private static final Logger LOG = LoggerFactory.getLogger(DeskErrors.class);

    @ExceptionHandler(DeskRefusal.class)
    ModelAndView refused(DeskRefusal e) {
        return page(e.status(), e.messageKey(), e.arguments());
    }

    /** A parameter or path variable of the wrong type ("page=two", an expert id "nakamura", an unknown status). */
    @ExceptionHandler(TypeMismatchException.class)
    ModelAndView mismatch(TypeMismatchException e) {
        return page(HttpStatus.BAD_REQUEST, "error.badRequest.parameter", e.getPropertyName(), String.valueOf(e.getValue()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e) {
        return page(HttpStatus.BAD_REQUEST, "error.badRequest.missing", e.getParameterName());
    }

    @ExceptionHandler(BindException.class)
    ModelAndView unbound(BindException e) {
        String field = e.getFieldError() == null ? e.getObjectName() : e.getFieldError().getField();
        Object value = e.getFieldError() == null ? "" : e.getFieldError().getRejectedValue();
        return page(HttpStatus.BAD_REQUEST, "error.badRequest.parameter", field, String.valueOf(value));
    }

    /** The engine refused a query (should not happen: pages read the engine as the application). */
    @ExceptionHandler(AuthorizationException.class)
    ModelAndView engineRefused(AuthorizationException e) {
        LOG.warn("The engine refused a page's query: {}", e.getMessage());
        return page(HttpStatus.FORBIDDEN, "error.forbidden.engine");
    }

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        return page(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status, DeskErrorPages.messageKey(e.getStatusCode().value()));
    }

    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
    ModelAndView databaseUnavailable(RuntimeException e) {
        LOG.warn("A page could not reach the database: {}", e.getMessage());
        return page(HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        LOG.error("A page failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected");
    }

    private static ModelAndView page(HttpStatus status, String messageKey, Object... arguments) {
        return new ModelAndView(DeskErrorPages.view(status.value()),
                Map.of("status", status.value(), "messageKey", messageKey, "arguments", arguments), status);
    }
}
