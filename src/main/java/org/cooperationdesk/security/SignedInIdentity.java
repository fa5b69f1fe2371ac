package org.cooperationdesk.security;

import java.io.Serializable;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who a signed-in user is for the engine: their id as the identity provider spells it, their groups and tenants, and
 * when these were read. It is the principal of the Spring Security authentication, so a session keeps it from one
 * request to the next and the engine's authentication is set from it without asking the database again
 * ({@link EngineAuthenticationFilter}); {@link IdentityRefreshFilter} reads it afresh once it is older than
 * {@code coopdesk.security.identity-refresh}.
 */
record SignedInIdentity(String userId, List<String> groups, List<String> tenants, Instant readAt)
        implements Principal, Serializable {

    /** Each of the user's Camunda groups becomes an authority {@code GROUP_<group id>}, e.g. {@code GROUP_managers}. */
    static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

    SignedInIdentity {
        groups = List.copyOf(groups);
        tenants = List.copyOf(tenants);
    }

    /** The user id: Spring Security's {@code Authentication.getName()} answers this. */
    @Override
    public String getName() {
        return userId;
    }

    List<GrantedAuthority> authorities() {
        return groups.stream().<GrantedAuthority>map(group -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + group))
                .toList();
    }

    /**
     * True once {@code refresh} has passed since the groups were read, and also when they were read "in the future":
     * a clock set back (or an engine clock moved by a test and reset) must not keep an old copy for longer.
     */
    boolean dueForRefresh(Instant now, Duration refresh) {
        return now.isBefore(readAt) || !now.isBefore(readAt.plus(refresh));
    }

    @Override
    public String toString() {
        return userId; // what a log line or an error page shows of the principal
    }
}
