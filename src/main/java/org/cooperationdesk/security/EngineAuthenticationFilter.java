package org.cooperationdesk.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For the length of a request to the APIs or the office's pages, the engine knows the signed-in user (session or HTTP
 * Basic) with their groups and tenants, exactly as Camunda's own REST login filter set it before: the engine's
 * authorizations and {@code CurrentUser} read it. The groups and tenants are those of the user's
 * {@link SignedInIdentity}, read at login (or by this HTTP Basic call's password check) and again by
 * {@link IdentityRefreshFilter} once {@code coopdesk.security.identity-refresh} (at most a minute) has passed, so a
 * request within that minute reads nothing about its user from the database. An admin who takes someone out of
 * {@code managers} takes the right away within that minute for a session, at once for HTTP Basic.
 * (The Camunda webapps keep their own copy in the session, which {@link IdentityRefresh} sets to the same minute.)
 */
@Configuration(proxyBeanMethods = false)
class EngineAuthenticationFilter {

    /**
     * Where the old REST login filter was: inside Spring Security's chain (which has found the user), inside
     * DatabaseUnavailableFilter and TaskCompletionConflictFilter (which check as the system), outside the filters that
     * need the user (FormSubmissionFilter, ActuatorSecurity at 11, DeployedFormOptionsFilter at 12).
     */
    static final int ORDER = 10;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineAuthentication(IdentityService identityService, EngineIdentities identities) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
                if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken) {
                    chain.doFilter(request, response); // Spring Security has let it through unauthenticated: /error
                    return;
                }
                // Another kind of authentication (none today) is read afresh: the engine must never run unauthenticated.
                SignedInIdentity identity = signedIn.getPrincipal() instanceof SignedInIdentity kept ? kept
                        : identities.read(signedIn.getName());
                identityService.setAuthentication(identity.userId(), identity.groups(), identity.tenants());
                try {
                    chain.doFilter(request, response);
                } finally {
                    identityService.clearAuthentication();
                }
            }
        });
        registration.setName("cooperation-desk-engine-authentication");
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/*", "/actuator", "/desk/*", "/desk");
        registration.setOrder(ORDER);
        return registration;
    }
}
