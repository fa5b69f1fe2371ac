package org.cooperationdesk.form;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A form the server refuses is the client's mistake on every path of the engine's REST API. Camunda answers
 * 400 for {@code submit-form} but 500 for {@code POST /process-definition/.../start}, where it wraps every
 * engine exception the same way; this mapper gives every refused submission the 400 with the refusal's own message,
 * in the user's language, without the engine's English frame ("Cannot instantiate process definition
 * ExpertDispatchProcess:1:…: "), which Tasklist would show its user as is; it leaves every other error to Camunda's
 * own handler.
 */
@Provider
@Priority(Priorities.USER - 100)
class EngineRestFormErrors implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidSubmissionException refusal) {
                return camunda.toResponse(new RestException(Response.Status.BAD_REQUEST, refusal, refusal.getMessage()));
            }
        }
        return camunda.toResponse(exception);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        ResourceConfigCustomizer engineRestFormErrors() {
            return config -> config.register(EngineRestFormErrors.class);
        }
    }
}
