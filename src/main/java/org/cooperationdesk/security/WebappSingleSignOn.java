package org.cooperationdesk.security;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist, Cockpit, Admin and Welcome take the session of {@code /login} (Camunda's "container-based
 * authentication"), and their "Sign out" ends it. The webapps' login form is never shown: the {@code one-login}
 * webapp plugin ({@link OneLoginWebappPlugin}) sends a browser that would see it to {@code /login} instead.
 *
 * <p>Filter order: Spring Security's chain first (order -100, it finds the user), then these two, then the webapps'
 * own filters, which Camunda's starter always registers after every Spring filter registration (their
 * authentication, their application rules and their CSRF check).
 */
@Configuration(proxyBeanMethods = false)
class WebappSingleSignOn {

    private static final Pattern WEBAPP_LOGOUT = Pattern.compile("/api/admin/auth/user/[^/]+/logout");

    private final String webappPath;

    WebappSingleSignOn(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        this.webappPath = webappPath;
    }

    @Bean
    FilterRegistrationBean<Filter> webappContainerAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("cooperation-desk-webapp-single-sign-on");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSessionWebappAuthentication.class.getName());
        registration.addUrlPatterns(webappPath + "/app/*", webappPath + "/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * The webapps' "Sign out" posts to their logout resource, which only forgets the webapps' copy of the user.
     * Once that succeeded (so past Camunda's own CSRF check: no other site can sign anyone out), the whole session
     * ends as at {@code /logout}; the webapp then shows its login route, which the plugin turns into {@code /login}.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webappLogoutEndsTheSession() {
        SecurityContextLogoutHandler endSession = new SecurityContextLogoutHandler();
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(request, response);
                String path = request.getRequestURI().substring(request.getContextPath().length() + webappPath.length());
                if ("POST".equals(request.getMethod()) && WEBAPP_LOGOUT.matcher(path).matches()
                        && response.getStatus() < 300) {
                    endSession.logout(request, response, SecurityContextHolder.getContext().getAuthentication());
                }
            }
        });
        registration.setName("cooperation-desk-webapp-logout");
        registration.addUrlPatterns(webappPath + "/api/admin/auth/user/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }
}
