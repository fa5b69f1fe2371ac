package org.cooperationdesk.system;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Production's first administrator (COOPDESK_ADMIN_USER, COOPDESK_ADMIN_PASSWORD): the user, the camunda-admin group
 * and every permission of that group, created once and only where missing. It runs inside {@link AccessSetup}'s
 * transaction holding the setup lock, so cluster nodes starting at the same moment on an empty database take turns;
 * the starter's own {@code camunda.bpm.admin-user} created the user on every node at once, and the second node died
 * on the duplicate. Not in the demo (its admin comes from the starter, one node) nor with a directory (ldap profile).
 */
@Component
class FirstAdministrator {

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final String userId;
    private final String password;

    FirstAdministrator(IdentityService identityService, AuthorizationService authorizationService,
                       @Value("${coopdesk.admin.id:}") String userId, @Value("${coopdesk.admin.password:}") String password) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.userId = userId;
        this.password = password;
    }

    /** Creates what is missing; an administrator changed or removed from the group later in Admin is left as it is. */
    void createMissing() {
        if (userId.isBlank() || password.isBlank() || identityService.isReadOnly()) {
            return;
        }
        if (identityService.createGroupQuery().groupId(Groups.ADMINS).count() == 0) {
            Group group = identityService.newGroup(Groups.ADMINS);
            group.setName("Administrators");
            group.setType("SYSTEM");
            identityService.saveGroup(group);
        }
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setFirstName("Administrator");
            user.setLastName("");
            user.setPassword(password);
            identityService.saveUser(user);
            identityService.createMembership(userId, Groups.ADMINS);
        }
        for (Resources resource : Resources.values()) {
            if (authorizationService.createAuthorizationQuery().groupIdIn(Groups.ADMINS).resourceType(resource)
                    .resourceId(ANY).count() == 0) {
                Authorization all = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                all.setGroupId(Groups.ADMINS);
                all.setResource(resource);
                all.setResourceId(ANY);
                all.addPermission(Permissions.ALL);
                authorizationService.saveAuthorization(all);
            }
        }
    }
}
