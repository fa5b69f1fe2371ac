package org.cooperationdesk.system;

import java.net.URI;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.cooperationdesk.form.FieldError;
import org.cooperationdesk.form.InvalidSubmissionException;
import org.cooperationdesk.form.ValidationMessages;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the office API in one shape, RFC 9457 problem details ({@code application/problem+json}):
 * {@code type}, {@code title}, {@code status}, {@code detail} (what to do about it, never a stack trace),
 * {@code instance} (the path called) and {@code errors}, the fields at fault with their label and reason
 * ({@code [{field, label, message}]}, empty when no field is at fault).
 */
@RestControllerAdvice(basePackages = "org.cooperationdesk")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** Problem types of the office API; any other error is {@code about:blank} with the HTTP status as its title. */
    static final URI INVALID_SUBMISSION = URI.create("https://cooperation-desk.example/problems/invalid-submission");
    static final URI DATABASE_UNAVAILABLE = URI.create("https://cooperation-desk.example/problems/database-unavailable");

    static final String ERRORS = "errors";

    @ExceptionHandler(InvalidSubmissionException.class)
    ResponseEntity<Object> invalid(InvalidSubmissionException e, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.errors());
        problem.setType(INVALID_SUBMISSION);
        problem.setTitle(ValidationMessages.render("submission.title"));
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ValidationMessages.render("request.notJson"), List.of());
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /** The database is down or restarting: nothing was saved, and the caller may simply try again. */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
    ResponseEntity<Object> databaseUnavailable(RuntimeException e, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailableFilter.MESSAGE, List.of());
        problem.setType(DATABASE_UNAVAILABLE);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return handleExceptionInternal(e, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    /** A refused request says why ("MT-2026-0003 is already closed"): 403, 404, 409 and the like. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Object> refused(ResponseStatusException e, WebRequest request) {
        String detail = e.getReason() == null ? HttpStatus.valueOf(e.getStatusCode().value()).getReasonPhrase() : e.getReason();
        ProblemDetail problem = problem(e.getStatusCode(), detail, List.of());
        return handleExceptionInternal(e, problem, e.getHeaders(), e.getStatusCode(), request);
    }

    /**
     * A stand-down, cancellation or suspension that arrives when the process no longer waits for it (it is already
     * being cancelled, or has moved past the point where it applies): a conflict with the record's state, not a failure.
     */
    @ExceptionHandler(org.camunda.bpm.engine.MismatchingMessageCorrelationException.class)
    ResponseEntity<Object> handleNothingWaits(org.camunda.bpm.engine.MismatchingMessageCorrelationException e, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT,
                "Nothing waits for this any more: the record has moved on or is being closed", List.of());
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Object> forbidden(AuthorizationException e, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    /** Spring's own errors (wrong method, media type, missing parameter) get the {@code errors} member too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
                                                          HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null
                || !problem.getProperties().containsKey(ERRORS))) {
            problem.setProperty(ERRORS, List.of());
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ProblemDetail problem(HttpStatusCode status, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty(ERRORS, errors);
        return problem;
    }
}
