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
 * engine exception the same way; this mapper gives the refused start the 400 (same body, same message) and
 * leaves every other error to Camunda's own handler.
 */
@Provider
@Priority(Priorities.USER - 100)
class EngineRestFormErrors implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidSubmissionException && exception.getStatus() != Response.Status.BAD_REQUEST) {
                return camunda.toResponse(new RestException(Response.Status.BAD_REQUEST, (Exception) cause, exception.getMessage()));
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
