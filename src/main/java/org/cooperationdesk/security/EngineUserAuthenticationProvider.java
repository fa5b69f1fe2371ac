package org.cooperationdesk.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password (the login form and HTTP Basic alike) against the engine's identity service: its
 * users and groups in the database, or the directory when the {@code ldap} profile is on. The check is the engine's
 * own {@link IdentityService#checkPassword}, so its login throttling holds unchanged: after a wrong password the
 * engine refuses even the right one for a few seconds (longer after each further attempt), and locks the user after
 * {@code loginMaxAttempts}. A database that cannot be reached is not a wrong password: that exception passes, so the
 * caller gets 503 (DatabaseUnavailableFilter) instead of 401.
 *
 * <p>The result's principal is the user's {@link SignedInIdentity} (groups and tenants, read here once), and each
 * group is an authority {@code GROUP_<group id>}, e.g. {@code GROUP_managers}. A session keeps them until
 * {@link IdentityRefreshFilter} reads them again; an HTTP Basic call uses them for itself alone.
 */
@Component
class EngineUserAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final EngineIdentities identities;

    EngineUserAuthenticationProvider(IdentityService identityService, EngineIdentities identities) {
        this.identityService = identityService;
        this.identities = identities;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String userId = attempt.getName();
        Object credentials = attempt.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        if (userId == null || userId.isBlank() || password.isEmpty() || !identityService.checkPassword(userId, password)) {
            // One message for an unknown user, a wrong password and a throttled or locked one: nothing to probe.
            throw new BadCredentialsException("Wrong user name or password, or too many attempts");
        }
        SignedInIdentity identity = identities.afterPasswordCheck(userId);
        return UsernamePasswordAuthenticationToken.authenticated(identity, null, identity.authorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
