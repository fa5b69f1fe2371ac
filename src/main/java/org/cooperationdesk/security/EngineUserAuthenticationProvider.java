package org.cooperationdesk.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password (the login form and HTTP Basic alike) against the engine's identity service: its
 * users and groups in the database, or the directory when the {@code ldap} profile is on. The check is the engine's
 * own {@link IdentityService#checkPassword}, so its login throttling holds unchanged: after a wrong password the
 * engine refuses even the right one for a few seconds (longer after each further attempt), and locks the user after
 * {@code loginMaxAttempts}. A database that cannot be reached is not a wrong password: that exception passes, so the
 * caller gets 503 (DatabaseUnavailableFilter) instead of 401.
 */
@Component
class EngineUserAuthenticationProvider implements AuthenticationProvider {

    /** Each of the user's Camunda groups becomes an authority {@code GROUP_<group id>}, e.g. {@code GROUP_managers}. */
    static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

    private final IdentityService identityService;

    EngineUserAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
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
        User user = identityService.createUserQuery().userId(userId).singleResult();
        String id = user == null ? userId : user.getId(); // the directory's spelling of the id
        List<GrantedAuthority> authorities = identityService.createGroupQuery().groupMember(id).list().stream()
                .map(Group::getId).<GrantedAuthority>map(group -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + group))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(id, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
