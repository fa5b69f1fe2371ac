package org.cooperationdesk.benchmark.barerest;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.cooperationdesk.benchmark.BareEngine;
import org.cooperationdesk.benchmark.ServerCostFilter;
import org.cooperationdesk.benchmark.SqlStats;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/**
 * Benchmark only: what an office would run instead of Cooperation Desk with the same models, a bare Camunda 7.24
 * with its REST API and Tasklist (camunda-bpm-spring-boot-starter-rest and -webapp), started by the benchmark runner
 * in a JVM of its own ({@code java -cp <the runner's class path> ...BareRestServer}): two Camunda Spring Boot
 * applications in one JVM both register as engine "default" and the REST API answers from the wrong one.
 *
 * <p>The same deployment (every model, decision table and form), history full, job executor on with the starter's
 * defaults, JSON serialisation with Spin, a Hikari pool of 10, a database of its own, and the same authentication and
 * authorization as ours: authorization enabled, {@code defaultUserPermissionNameForTask: TASK_WORK},
 * {@code loginMaxAttempts: 10}, engine-rest guarded by Camunda's own {@link ProcessEngineAuthenticationFilter} with
 * HTTP Basic (the standard way), the users coordinator and manager (password = id) in coordinators and managers, and
 * the grants and shared filters of our {@code system/AccessSetup}, replicated here ({@link #setUp}) because that
 * class needs our Spring context. Every {@code ${...Delegate}}, {@code ${...Listener}}, {@code ${...Display}} is a
 * do-nothing bean ({@link BareEngine.NoopBeans}).
 *
 * <p>The shared class path carries our application.yaml, Flyway migrations and Spring Security: this server reads
 * {@code bare-rest} configuration files (there are none), runs no Flyway and leaves Spring Security's
 * auto-configuration out, so that only Camunda's filter guards {@code /engine-rest}. Outside engine-rest it answers
 * {@code /bench/sql} (the SQL counters, {@code POST /bench/sql/reset}) and {@code /bench/ready} (users, grants and
 * filters in place), for the runner only.
 *
 * <p>Deliberately no {@code @SpringBootApplication}, {@code @Configuration} or {@code @Component} here: our
 * application's component scan covers {@code org.cooperationdesk}, test classes included, and would take this
 * server's beans into ours (and into every Spring test). A primary source with {@code @Bean} methods and
 * {@code @EnableAutoConfiguration}, and a plain servlet for {@code /bench}, are invisible to that scan.
 */
@EnableAutoConfiguration(exclude = {SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        FlywayAutoConfiguration.class})
public class BareRestServer {

    static final SqlStats SQL = new SqlStats();
    static final AtomicBoolean READY = new AtomicBoolean();

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(List.of("--spring.config.name=bare-rest"));
        arguments.addAll(List.of(args));
        SpringApplication application = new SpringApplication(BareRestServer.class);
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.flyway.enabled", "false");
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("logging.level.root", "WARN");
        defaults.put("spring.datasource.hikari.maximum-pool-size", "10");
        defaults.put("camunda.bpm.database.schema-update", "true");
        defaults.put("camunda.bpm.authorization.enabled", "true");
        defaults.put("camunda.bpm.default-serialization-format", "application/json");
        defaults.put("camunda.bpm.history-level", "full");
        defaults.put("camunda.bpm.job-execution.enabled", "true");
        defaults.put("camunda.bpm.deployment-resource-pattern[0]", "classpath*:processes/**/*.bpmn");
        defaults.put("camunda.bpm.deployment-resource-pattern[1]", "classpath*:processes/**/*.dmn");
        defaults.put("camunda.bpm.deployment-resource-pattern[2]", "classpath*:forms/**/*.form");
        defaults.put("camunda.bpm.generic-properties.properties.defaultUserPermissionNameForTask", "TASK_WORK");
        defaults.put("camunda.bpm.generic-properties.properties.loginMaxAttempts", "10");
        defaults.put("management.endpoints.enabled-by-default", "false");
        // The first administrator, as ours has one (FirstAdministrator): without one the webapps open their set-up page.
        defaults.put("camunda.bpm.admin-user.id", "admin");
        defaults.put("camunda.bpm.admin-user.password", "admin");
        application.setDefaultProperties(defaults);
        application.run(arguments.toArray(String[]::new));
    }

    /** Every delegate, listener and display of the models a do-nothing bean, resolved as on the bare Java engine. */
    @Bean
    static AbstractProcessEnginePlugin noopBeans() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setBeans(new BareEngine.NoopBeans());
                // The Spring starter's expression manager resolves the application context's beans; the engine's
                // own, made in init from the beans above, resolves the do-nothing ones (and currentUser()).
                configuration.setExpressionManager(null);
            }
        };
    }

    /** Camunda's own authentication on the REST API, with HTTP Basic: what the Camunda docs give for Spring Boot. */
    @Bean
    static FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-auth");
        registration.addInitParameter("authentication-provider",
                "org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider");
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    @Bean
    static FilterRegistrationBean<ServerCostFilter> serverCost() {
        return ServerCostFilter.registration();
    }

    @Bean
    static BeanPostProcessor countedDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && "dataSource".equals(name) ? SQL.wrap(dataSource) : bean;
            }
        };
    }

    /** The runner's endpoints, outside engine-rest and unauthenticated (the server listens for the runner only). */
    @Bean
    static ServletRegistrationBean<HttpServlet> benchEndpoints() {
        HttpServlet servlet = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                if ("/bench/sql".equals(request.getRequestURI())) {
                    response.setContentType("application/json");
                    new ObjectMapper().writeValue(response.getOutputStream(), SQL.all());
                } else if ("/bench/ready".equals(request.getRequestURI())) {
                    response.setStatus(READY.get() ? 200 : 503);
                    response.getWriter().write(READY.get() ? "ready" : "setting up");
                } else {
                    response.sendError(404);
                }
            }

            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                if ("/bench/sql/reset".equals(request.getRequestURI())) {
                    SQL.reset();
                    response.setStatus(204);
                } else {
                    response.sendError(404);
                }
            }
        };
        ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(servlet, "/bench/*");
        registration.setName("bench");
        return registration;
    }

    /** Users, groups, grants and shared filters as ours has them (our AccessSetup and demo users), on a fresh database. */
    @EventListener(ApplicationReadyEvent.class)
    public void setUp(ApplicationReadyEvent ready) {
        // Looked up here, not injected: the engine's configuration depends on this class's plugin bean.
        ProcessEngine engine = ready.getApplicationContext().getBean(ProcessEngine.class);
        IdentityService identity = engine.getIdentityService();
        for (String[] group : List.of(new String[] {"coordinators", "Coordinators"}, new String[] {"managers", "Managers"},
                new String[] {"directors", "Directors (senior approval)"})) {
            if (identity.createGroupQuery().groupId(group[0]).count() == 0) {
                Group created = identity.newGroup(group[0]);
                created.setName(group[1]);
                created.setType("WORKFLOW");
                identity.saveGroup(created);
            }
        }
        for (String[] user : List.of(new String[] {"coordinator", "coordinators"}, new String[] {"manager", "managers"})) {
            if (identity.createUserQuery().userId(user[0]).count() == 0) {
                User created = identity.newUser(user[0]);
                created.setFirstName(user[0]);
                created.setLastName("Bench");
                created.setPassword(user[0]);
                identity.saveUser(created);
                identity.createMembership(user[0], user[1]);
            }
        }
        List<String> processes = List.of("ExpertDispatchProcess", "TraineeInvitationProcess", "MeetingOrganisationProcess",
                "ContributionProcess");
        for (String group : List.of("coordinators", "managers", "directors")) {
            grant(engine, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(engine, group, Resources.USER, "*", Permissions.READ);
            grant(engine, group, Resources.GROUP, "*", Permissions.READ);
            for (String process : processes) {
                if (group.equals("coordinators")) {
                    grant(engine, group, Resources.PROCESS_DEFINITION, process, Permissions.READ, Permissions.READ_HISTORY,
                            Permissions.CREATE_INSTANCE);
                } else {
                    grant(engine, group, Resources.PROCESS_DEFINITION, process, Permissions.READ, Permissions.READ_HISTORY);
                }
            }
        }
        grant(engine, "coordinators", Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);

        var tasks = engine.getTaskService();
        TaskQuery mine = tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}");
        TaskQuery coordination = tasks.createTaskQuery().taskCandidateGroup("coordinators").includeAssignedTasks();
        TaskQuery approvals = tasks.createTaskQuery().taskCandidateGroupIn(List.of("managers", "directors"))
                .includeAssignedTasks();
        String myTasks = filter(engine, "My tasks", mine, -10, "Tasks assigned to me");
        String coordinationFilter = filter(engine, "Coordination", coordination, 0,
                "Requests, offers, bookings and reports for coordinators");
        String approvalsFilter = filter(engine, "Approvals", approvals, 10, "Releases and extensions awaiting a manager");
        for (String group : List.of("coordinators", "managers", "directors")) {
            grant(engine, group, Resources.FILTER, myTasks, Permissions.READ);
        }
        grant(engine, "coordinators", Resources.FILTER, coordinationFilter, Permissions.READ);
        grant(engine, "managers", Resources.FILTER, approvalsFilter, Permissions.READ);
        grant(engine, "directors", Resources.FILTER, approvalsFilter, Permissions.READ);
        READY.set(true);
    }

    private static String filter(ProcessEngine engine, String name, TaskQuery query, int priority, String description) {
        FilterService filters = engine.getFilterService();
        Filter existing = filters.createTaskFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            return existing.getId();
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        // Our TaskCards.FILTER_VARIABLES: the reference and country on each task card.
        properties.put("variables", List.of(Map.of("name", "reference", "label", "Reference"),
                Map.of("name", "countryName", "label", "Country")));
        return filters.saveFilter(filters.newTaskFilter(name).setQuery(query).setProperties(properties)).getId();
    }

    private static void grant(ProcessEngine engine, String groupId, Resource resource, String resourceId, Permission... permissions) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        if (authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
                .count() > 0) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
