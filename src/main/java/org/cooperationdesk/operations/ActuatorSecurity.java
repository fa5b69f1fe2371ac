package org.cooperationdesk.operations;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cooperationdesk.system.CurrentUser;
import org.cooperationdesk.system.Groups;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Health and metrics are for admins: /actuator/* needs a login (HTTP Basic or the session, 401 otherwise, see
 * security/SecurityConfiguration) by a member of camunda-admin (403 otherwise).
 */
@Configuration
class ActuatorSecurity {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> actuatorAdminsOnly(CurrentUser currentUser) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (currentUser.id() == null) {
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                } else if (!currentUser.groups().contains(Groups.ADMINS)) {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN, "Health and metrics are for admins");
                } else {
                    chain.doFilter(request, response);
                }
            }
        });
        registration.setName("cooperation-desk-actuator-admins");
        registration.addUrlPatterns("/actuator/*", "/actuator");
        registration.setOrder(11); // after the engine authentication filter (order 10), which has set the user
        return registration;
    }
}
