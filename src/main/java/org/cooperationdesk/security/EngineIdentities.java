package org.cooperationdesk.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Reads a user's groups and tenants from the engine's identity service (its tables, or the directory with the
 * {@code ldap} profile): the one place that does, at login, on every HTTP Basic call and at each session's refresh.
 *
 * <p>Time is the engine's clock ({@link ClockUtil}), which Camunda's webapps read for their own copy of the groups as
 * well: one clock decides when both are due (and tests move both with {@code ClockUtil.setCurrentTime}).
 */
@Component
class EngineIdentities {

    private final IdentityService identityService;

    EngineIdentities(IdentityService identityService) {
        this.identityService = identityService;
    }

    /**
     * Right after the engine accepted {@code userId}'s password. The engine's own tables match ids exactly, so the id
     * is the one given (2 statements: groups, tenants); a directory may spell it otherwise (or a read-only provider may
     * compare ids without regard to case), so there its user is read for the id first (3).
     */
    SignedInIdentity afterPasswordCheck(String userId) {
        if (identityService.isReadOnly()) {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            return read(user == null ? userId : user.getId());
        }
        return read(userId);
    }

    /**
     * For a session whose copy is due: the user as the identity provider has them now (3 statements: the user,
     * groups, tenants), or empty if the user no longer exists. A user the engine has locked after wrong passwords
     * keeps the session: the lock guards the password against guessing, and ending the signed-in person's session
     * would let whoever guesses sign them out.
     */
    Optional<SignedInIdentity> reread(String userId) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            return Optional.empty();
        }
        return Optional.of(read(userId));
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** The user's groups and tenants now (2 statements), for a user known to exist. */
    SignedInIdentity read(String userId) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                .list().stream().map(Tenant::getId).toList();
        return new SignedInIdentity(userId, groups, tenants, now());
    }
}
