package org.cooperationdesk.security;

import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.cooperationdesk.system.Groups;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The {@code ldap} profile: users, passwords and groups come from the office's directory through Camunda's LDAP
 * identity provider plugin (read-only: users and groups are managed in the directory, not in Admin). Every setting is
 * under {@code coopdesk.ldap} ({@code application-ldap.yaml}, README "Login"). The one login is unchanged: the login
 * page and HTTP Basic check passwords through the engine, which asks the directory (a bind as the user).
 *
 * <p>The directory's group ids must be the office's ({@link Groups}): {@code coordinators}, {@code managers},
 * {@code directors} and {@code camunda-admin}, since the engine's authorizations (kept in the database), the webapps and
 * the office API all name them. The admin group is granted every permission at every start.
 */
@Configuration(proxyBeanMethods = false)
@Profile("ldap")
class DirectoryLogin {

    @Bean
    @ConfigurationProperties("coopdesk.ldap")
    LdapIdentityProviderPlugin ldapIdentityProvider() {
        return new LdapIdentityProviderPlugin();
    }

    /**
     * Without a database admin user (the starter's {@code camunda.bpm.admin-user} grants its group everything), the
     * directory's admin group gets its permissions here: Cockpit, Admin and the engine's whole API.
     */
    @Bean
    AdministratorAuthorizationPlugin directoryAdministrators() {
        AdministratorAuthorizationPlugin administrators = new AdministratorAuthorizationPlugin();
        administrators.setAdministratorGroupName(Groups.ADMINS);
        return administrators;
    }
}
