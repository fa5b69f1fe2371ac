package org.cooperationdesk.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is down or restarting, a call to the APIs (including the login check, which reads the
 * database) answers 503 with a message instead of a 500 page: the engine rolled the request's transaction back, so
 * the caller can try again. The pool replaces broken connections by itself, so the next request after the database
 * is back succeeds without restarting the application.
 */
@Configuration
class DatabaseUnavailableFilter {

    static final String MESSAGE =
            "The database cannot be reached just now; nothing was saved. Please try again in a moment.";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseUnavailable() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (RuntimeException | ServletException e) {
                    if (!databaseUnavailable(e) || response.isCommitted()) {
                        throw e;
                    }
                    LOG.warn("Database unavailable during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
                    response.resetBuffer();
                    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                    response.setHeader("Retry-After", "5");
                    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                    String path = request.getRequestURI().substring(request.getContextPath().length());
                    if (path.startsWith("/api/")) {
                        // The office API's one error shape (ApiExceptionHandler): problem details.
                        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                        Map<String, Object> problem = new LinkedHashMap<>();
                        problem.put("type", ApiExceptionHandler.DATABASE_UNAVAILABLE.toString());
                        problem.put("title", "Service Unavailable");
                        problem.put("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                        problem.put("detail", MESSAGE);
                        problem.put("instance", path);
                        problem.put(ApiExceptionHandler.ERRORS, List.of());
                        JSON.writeValue(response.getOutputStream(), problem);
                    } else {
                        // Camunda's REST API answers errors as {type, message}: so does this one.
                        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                        JSON.writeValue(response.getOutputStream(), Map.of("type", "DatabaseUnavailable", "message", MESSAGE));
                    }
                }
            }
        });
        registration.setName("cooperation-desk-database-unavailable");
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/*");
        // Outermost, before Spring Security's chain (order -100): also covers the password check of a login.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    static boolean databaseUnavailable(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.SocketException || cause instanceof java.io.EOFException
                    || cause instanceof SQLException && "Connection is closed".equals(cause.getMessage())) {
                return true; // a connection the database dropped, found while committing or rolling back
            }
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof ProcessEnginePersistenceException && connectionLost(cause)) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true; // connection exception, or the server shutting down
            }
        }
        return false;
    }

    private static boolean connectionLost(Throwable persistence) {
        for (Throwable cause = persistence.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause instanceof java.net.SocketException || cause instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }
}
