package org.cooperationdesk.security;

import java.util.Set;

import jakarta.ws.rs.Path;
import org.camunda.bpm.admin.plugin.spi.impl.AbstractAdminPlugin;
import org.camunda.bpm.admin.resource.AbstractAdminPluginRootResource;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.camunda.bpm.welcome.plugin.spi.impl.AbstractWelcomePlugin;
import org.camunda.bpm.welcome.resource.AbstractWelcomePluginRootResource;

/**
 * A Camunda webapp plugin, the same for Tasklist, Cockpit, Admin and Welcome: its script
 * ({@code plugin-webapp/one-login/app/plugin.js}) sends a browser that would see the webapp's own login form (after
 * "Sign out", or when the session has expired) to the office's {@code /login}, which brings it back afterwards.
 * Each application finds its plugin through {@code META-INF/services}, and serves the script through the plugin's
 * root resource.
 */
public final class OneLoginWebappPlugin {

    static final String ID = "one-login";

    private OneLoginWebappPlugin() {
    }

    public static class Tasklist extends AbstractTasklistPlugin {
        @Override
        public String getId() {
            return ID;
        }

        @Override
        public Set<Class<?>> getResourceClasses() {
            return Set.of(TasklistResource.class);
        }
    }

    @Path("plugin/" + ID)
    public static class TasklistResource extends AbstractTasklistPluginRootResource {
        public TasklistResource() {
            super(ID);
        }
    }

    public static class Cockpit extends AbstractCockpitPlugin {
        @Override
        public String getId() {
            return ID;
        }

        @Override
        public Set<Class<?>> getResourceClasses() {
            return Set.of(CockpitResource.class);
        }
    }

    @Path("plugin/" + ID)
    public static class CockpitResource extends AbstractCockpitPluginRootResource {
        public CockpitResource() {
            super(ID);
        }
    }

    public static class Admin extends AbstractAdminPlugin {
        @Override
        public String getId() {
            return ID;
        }

        @Override
        public Set<Class<?>> getResourceClasses() {
            return Set.of(AdminResource.class);
        }
    }

    @Path("plugin/" + ID)
    public static class AdminResource extends AbstractAdminPluginRootResource {
        public AdminResource() {
            super(ID);
        }
    }

    public static class Welcome extends AbstractWelcomePlugin {
        @Override
        public String getId() {
            return ID;
        }

        @Override
        public Set<Class<?>> getResourceClasses() {
            return Set.of(WelcomeResource.class);
        }
    }

    @Path("plugin/" + ID)
    public static class WelcomeResource extends AbstractWelcomePluginRootResource {
        public WelcomeResource() {
            super(ID);
        }
    }
}
