package org.cooperationdesk.security;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login in front of everything: a person signs in once at {@code /login} (the engine's users and groups, see
 * {@link EngineUserAuthenticationProvider}) and that session opens the office's pages, the Camunda webapps (through
 * {@link WebappSingleSignOn}) and the APIs; programs call the APIs with HTTP Basic instead. Signing out at
 * {@code /logout} (or with the webapps' own "Sign out") ends the session for all of them.
 *
 * <p>Who may do what is not decided here but where it was before: the engine's authorizations, the webapps' own
 * application rules (a coordinator cannot open Cockpit) and {@code CurrentUser} in the office API, all of which read
 * the engine's authentication that {@link EngineAuthenticationFilter} sets from the signed-in user. A session keeps the
 * user's groups for at most {@code coopdesk.security.identity-refresh} ({@link IdentityRefreshFilter}); HTTP Basic
 * reads them with every call's password check.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String LOGIN_PAGE = "/login";
    static final String LOGOUT = "/logout";
    static final String REALM = "Cooperation Desk";

    /** Called by programs as well as pages: HTTP Basic or the session, and 401 (never a redirect) when neither. */
    static final RequestMatcher APIS = anyOf("/engine-rest/**", "/api/**", "/actuator", "/actuator/**");
    /** Tasklist, Cockpit, Admin and Welcome: pages, scripts and their own API, which has its own CSRF protection. */
    static final RequestMatcher WEBAPPS = anyOf("/camunda/**");
    /**
     * Partners' pages, opened by a personal link without an account. No CSRF token either: the link in the address is
     * what a forged request would need, and a partner has no session to ride on.
     */
    static final RequestMatcher PARTNER_PAGES = anyOf("/portal/**");
    /** The webapps' own API, called by their scripts: a 401 there makes them show their login, which sends here. */
    static final RequestMatcher WEBAPP_API = anyOf("/camunda/api/**");
    /** The webapps' own login form posts here; nobody needs it, and it would put a second user into the session. */
    static final RequestMatcher WEBAPP_LOGIN = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/login/{app}");

    private static final RequestMatcher LOGIN_FORM = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, LOGIN_PAGE);
    private static final RequestMatcher LOGOUT_FORM = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, LOGOUT);

    /** Files the webapps and the login page load by name (the webapps' pages themselves end in "/"). */
    private static final Pattern STATIC_ASSET = Pattern.compile(".*/(camunda|css)/.*\\.(js|css|json|svg|png|gif|ico|woff2?|ttf|eot)$");

    @Bean
    SecurityFilterChain oneLogin(HttpSecurity http, EngineIdentities identities, Environment environment)
            throws Exception {
        BasicAuthenticationEntryPoint basicChallenge = new BasicAuthenticationEntryPoint();
        basicChallenge.setRealmName(REALM);
        basicChallenge.afterPropertiesSet();
        AuthenticationEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
        AuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE);

        HttpSessionRequestCache afterLogin = new HttpSessionRequestCache();
        // Only a page a person opened is worth returning to after signing in: not an API call, and not the icon or
        // script the browser fetched meanwhile (seen: signed in, sent to /favicon.ico).
        afterLogin.setRequestMatcher(request -> "GET".equals(request.getMethod()) && asksForAPage(request)
                && !APIS.matches(request) && !WEBAPP_API.matches(request) && !scriptCall(request));

        // The password check is the one AuthenticationProvider bean, EngineUserAuthenticationProvider, which Spring
        // Security picks up by itself (registering it here as well would check a wrong password twice).
        http
                .authorizeHttpRequests(requests -> requests
                        // The error page of a refused request (e.g. "Cockpit is for administrators") renders for its caller.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(anyOf(LOGIN_PAGE, "/css/**")).permitAll()
                        // Partners' pages: the personal link in the address is the key (portal/PartnerLinks).
                        .requestMatchers(PARTNER_PAGES).permitAll()
                        .requestMatchers(WEBAPP_LOGIN).denyAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(LOGIN_PAGE).failureUrl(LOGIN_PAGE + "?error"))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(basicChallenge))
                .logout(logout -> logout.logoutUrl(LOGOUT).logoutSuccessUrl(LOGIN_PAGE + "?logout")
                        .invalidateHttpSession(true).clearAuthentication(true))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken)
                        .csrfTokenRepository(new SessionTokensExceptForBasic()))
                // Pages and API answers are not to be stored (a shared computer's back button after signing out);
                // the webapps' scripts, styles and translations (4 MB, the same for everyone) may be, as before.
                .headers(headers -> headers.cacheControl(cacheControl -> cacheControl.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                request -> !STATIC_ASSET.matcher(request.getRequestURI()).matches(), new CacheControlHeadersWriter())))
                .requestCache(cache -> cache.requestCache(afterLogin))
                .exceptionHandling(refusal -> refusal
                        // A page's script (the mailbox, the webapps) gets a bare 401: a Basic challenge would make the
                        // browser pop up its own password dialog.
                        .defaultAuthenticationEntryPointFor(unauthorized, request -> scriptCall(request) || WEBAPP_API.matches(request))
                        .defaultAuthenticationEntryPointFor(basicChallenge, APIS)
                        // Pages (the office's /desk/**, the mailbox, the webapps' pages): the login page, and back after.
                        // HTTP Basic works on them too (a wrong password there is a 401 with a challenge).
                        .defaultAuthenticationEntryPointFor(loginPage, AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(SecurityConfiguration::refuse))
                // A session's groups are read again once coopdesk.security.identity-refresh has passed (a minute), before
                // any rule reads them; a deleted user is signed out there, and the handling above answers the request.
                .addFilterAfter(new IdentityRefreshFilter(identities, IdentityRefresh.from(environment)),
                        ExceptionTranslationFilter.class);
        return http.build();
    }

    private static final AccessDeniedHandler FORBIDDEN = new AccessDeniedHandlerImpl();

    /**
     * 403, except where a person's form outlived their session (and its CSRF token with it): the login form, or any
     * page form once signed out. The login page then asks them again, or says they are signed out, which they are.
     * A forged request against someone signed in stays a 403, and so does an API call.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException, ServletException {
        boolean staleForm = refused instanceof CsrfException
                && (LOGIN_FORM.matches(request) || !signedIn() && !APIS.matches(request));
        if (staleForm) {
            String why = LOGOUT_FORM.matches(request) ? "?logout" : "?expired";
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE + why);
        } else {
            FORBIDDEN.handle(request, response, refused);
        }
    }

    private static boolean signedIn() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken);
    }

    /**
     * Spring's CSRF token is needed by every state-changing request that rides on the session cookie: the login and
     * logout forms, the office's page forms and a page's script calling the APIs (header {@code X-CSRF-TOKEN}, from
     * {@code GET /api/session}). Exempt: the Camunda webapps (their own CSRF filter guards them, with their own
     * token), and a request that carries its own credentials (HTTP Basic), since no other site can make a browser
     * send those; a partner's page (its link is its key). An API call without a signed-in session is not asked for a token either, so that it gets its 401.
     */
    static boolean needsCsrfToken(HttpServletRequest request) {
        if (!CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request) || WEBAPPS.matches(request) || sendsBasic(request)
                || PARTNER_PAGES.matches(request)) {
            return false;
        }
        return !APIS.matches(request) || signedInSession(request);
    }

    /**
     * CSRF tokens live in the session, except that a request with HTTP Basic gets one that is not kept: it needs none,
     * and a program reading pages (a test, the benchmark) would otherwise leave a session behind at every call, since a
     * page's sign-out form asks for a token.
     */
    private static final class SessionTokensExceptForBasic implements CsrfTokenRepository {

        private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();

        @Override
        public CsrfToken generateToken(HttpServletRequest request) {
            return session.generateToken(request);
        }

        @Override
        public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
            if (!sendsBasic(request)) {
                session.saveToken(token, request, response);
            }
        }

        @Override
        public CsrfToken loadToken(HttpServletRequest request) {
            return session.loadToken(request);
        }
    }

    private static boolean sendsBasic(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private static boolean signedInSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
    }

    private static boolean asksForAPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /** fetch() or XMLHttpRequest from one of our pages, which mark their calls so (the mailbox, the office's pages). */
    private static boolean scriptCall(HttpServletRequest request) {
        return "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
    }

    private static RequestMatcher anyOf(String... patterns) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher[] matchers = new RequestMatcher[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            matchers[i] = paths.matcher(patterns[i]);
        }
        return matchers.length == 1 ? matchers[0] : new OrRequestMatcher(matchers);
    }
}
