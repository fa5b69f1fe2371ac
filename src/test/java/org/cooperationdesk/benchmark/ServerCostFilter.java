package org.cooperationdesk.benchmark;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Benchmark only, registered in both measured servers (ours through the runner's SpringApplication, the bare REST
 * server in its own JVM), never in the application: times each request on the server, from before authentication to
 * the last byte written into the buffer, and counts the SQL statements {@link SqlStats} sees on the request's thread.
 * Both go back in headers, {@code Server-Timing: app;dur=<ms>} and {@code X-Bench-Sql: <statements>}, so that the
 * client records per user action what the server spent. The body is buffered so that the headers can still be set
 * after the request has run (a redirect or an error sent by the server commits early and carries no figures).
 */
public final class ServerCostFilter implements Filter {

    static final String TIMING = "Server-Timing";
    static final String STATEMENTS = "X-Bench-Sql";

    /** The registration: first of all filters, so that authentication and authorization are inside the figures. */
    public static FilterRegistrationBean<ServerCostFilter> registration() {
        FilterRegistrationBean<ServerCostFilter> registration = new FilterRegistrationBean<>(new ServerCostFilter());
        registration.setName("benchServerCost");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)
                || http.getRequestURI().startsWith("/bench/") || http.getRequestURI().startsWith("/camunda/app/")) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(httpResponse);
        SqlStats.countThisThread();
        long begin = System.nanoTime();
        try {
            chain.doFilter(request, buffered);
        } finally {
            long nanos = System.nanoTime() - begin;
            long statements = SqlStats.stopCountingThisThread();
            if (!httpResponse.isCommitted()) {
                httpResponse.setHeader(TIMING, String.format(Locale.ROOT, "app;dur=%.3f", nanos / 1e6));
                httpResponse.setHeader(STATEMENTS, String.valueOf(statements));
            }
            buffered.copyBodyToResponse();
        }
    }
}
