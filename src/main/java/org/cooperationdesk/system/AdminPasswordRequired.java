package org.cooperationdesk.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Production refuses to start without an admin password. Spring's property binding keeps an unresolvable
 * placeholder as literal text, so without this check the admin would get the password "${COOPDESK_ADMIN_PASSWORD}".
 * A process engine plugin, so that it fails before the engine starts (system/FirstAdministrator creates the admin). With the ldap
 * profile the first admin is a member of the directory's admin group: nothing is created, no password is asked for.
 */
@Component
@Profile("prod & !ldap")
class AdminPasswordRequired extends AbstractProcessEnginePlugin {

    AdminPasswordRequired(@Value("${coopdesk.admin.password}") String password) {
        // @Value resolves placeholders strictly: a missing COOPDESK_ADMIN_PASSWORD fails here, naming it.
        if (password.isBlank()) {
            throw new IllegalStateException("COOPDESK_ADMIN_PASSWORD must not be empty");
        }
    }
}
