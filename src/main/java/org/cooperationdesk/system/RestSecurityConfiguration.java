package org.cooperationdesk.system;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic login against Camunda's identity service for the engine's REST API and the office's own
 * API. Anonymous calls get 401; the authenticated user and groups are then checked by the engine's
 * authorizations and by {@link CurrentUser}.
 */
@Configuration
class RestSecurityConfiguration {

    @Bean
    FilterRegistrationBean<Filter> restAuthenticationFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("cooperation-desk-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/*", "/actuator", "/desk/*");
        registration.setOrder(10);
        return registration;
    }
}
