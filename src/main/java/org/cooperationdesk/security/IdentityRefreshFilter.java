package org.cooperationdesk.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in session's groups and tenants at most {@code coopdesk.security.identity-refresh} old (one minute
 * by default): within that time a request reads nothing about its user from the database; once it has passed, the
 * next request reads the user, the groups and the tenants again (3 statements) and the session keeps the new copy,
 * Spring Security's {@code GROUP_} authorities included. A user who no longer exists loses the session there and
 * then: the request goes on unauthenticated and gets what anyone signed out gets (401 from the APIs, the login page
 * for pages and webapps).
 *
 * <p>Time-based, so it holds across nodes: a change made through node A is read by node B's sessions at their next
 * refresh, as the database is shared and nothing is announced between nodes. An HTTP Basic call has just been
 * authenticated (its copy is from this request), so it is never due here.
 *
 * <p>In Spring Security's chain after {@code ExceptionTranslationFilter} and before {@code AuthorizationFilter}:
 * authorization rules see the refreshed authorities, and a refusal becomes the usual 401 or login page.
 */
final class IdentityRefreshFilter extends OncePerRequestFilter {

    private final EngineIdentities identities;
    private final Duration refresh;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    IdentityRefreshFilter(EngineIdentities identities, Duration refresh) {
        this.identities = identities;
        this.refresh = refresh;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof SignedInIdentity identity
                && identity.dueForRefresh(EngineIdentities.now(), refresh)) {
            Optional<SignedInIdentity> now = identities.reread(identity.userId());
            if (now.isPresent()) {
                UsernamePasswordAuthenticationToken refreshed = UsernamePasswordAuthenticationToken.authenticated(
                        now.get(), null, now.get().authorities());
                refreshed.setDetails(signedIn.getDetails());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(refreshed);
                SecurityContextHolder.setContext(context);
                if (request.getSession(false) != null) {
                    sessions.saveContext(context, request, response);
                }
            } else {
                endSession(request);
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }

    /** The webapps' copy of the user goes with the session. A parallel request may have ended it already. */
    private static void endSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // nothing left to end
            }
        }
    }
}
