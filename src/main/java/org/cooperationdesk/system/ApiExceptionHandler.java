package org.cooperationdesk.system;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.cooperationdesk.form.FieldError;
import org.cooperationdesk.form.InvalidSubmissionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The office API's errors as JSON a client can act on: which field, and why. */
@RestControllerAdvice(basePackages = "org.cooperationdesk")
class ApiExceptionHandler {

    record ErrorBody(String message, List<FieldError> errors) {
    }

    @ExceptionHandler(InvalidSubmissionException.class)
    ResponseEntity<ErrorBody> invalid(InvalidSubmissionException e) {
        return ResponseEntity.badRequest().body(new ErrorBody(e.getMessage(), e.errors()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new ErrorBody("The request body is not valid JSON", List.of()));
    }

    /** The database is down or restarting: nothing was saved, and the caller may simply try again. */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
    ResponseEntity<ErrorBody> databaseUnavailable(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(new ErrorBody(DatabaseUnavailableFilter.MESSAGE, List.of()));
    }

    /** A refused request says why ("MT-2026-0003 is already closed"), never a stack trace. */
    @ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
    ResponseEntity<Map<String, String>> refused(org.springframework.web.server.ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode())
                .body(Map.of("message", e.getReason() == null ? e.getStatusCode().toString() : e.getReason()));
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Map<String, String>> forbidden(AuthorizationException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", e.getMessage()));
    }
}
