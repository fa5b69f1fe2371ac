package org.cooperationdesk.system;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The office's roles in every installation (demo or production): the groups, what each may do, and the
 * shared Tasklist filters. Runs at every start and only adds what is missing, so an admin's changes in
 * Admin stay. Users themselves are managed in Admin (the demo profile adds demo users).
 *
 * <p>The shared filters show each task's reference and country on its card ({@link TaskCards#FILTER_VARIABLES}).
 * A filter created before cards showed them is given the variables once, when its properties have none; a filter
 * whose variables an admin has changed in Tasklist keeps them.
 *
 * <p>"Approvals" asks for the tasks of the reader's own approving groups ({@link FilterFunctions}): a manager's list
 * the managers' tasks, a director's the directors'. An installation whose "Approvals" still asks for both groups, as
 * it was first defined, gets the new query once; a query an admin has changed stays.
 */
@Component
class AccessSetup {

    /** Processes coordinators run; each is started from Tasklist or the office API. */
    static final List<String> COORDINATED_PROCESSES =
            List.of("ExpertDispatchProcess", "TraineeInvitationProcess", "MeetingOrganisationProcess", "ContributionProcess");

    static final String FILTER_MY_TASKS = "My tasks";
    static final String FILTER_COORDINATION = "Coordination";
    static final String FILTER_APPROVALS = "Approvals";
    /** The filter property Tasklist reads for the variables a task card shows. */
    static final String VARIABLES = "variables";

    private static final Logger LOG = LoggerFactory.getLogger(AccessSetup.class);

    private final IdentityService identityService;
    private final FirstAdministrator firstAdministrator;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    AccessSetup(IdentityService identityService, AuthorizationService authorizationService,
                FilterService filterService, TaskService taskService, JdbcClient jdbc,
                PlatformTransactionManager transactionManager, FirstAdministrator firstAdministrator) {
        this.identityService = identityService;
        this.firstAdministrator = firstAdministrator;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * In one transaction holding the {@code setup_lock} row: cluster nodes starting at the same moment take turns,
     * so the second finds what the first created instead of creating the groups and filters twice.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void setUp() {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select name from setup_lock where name = 'access-setup' for update").query(String.class).single();
            createMissing();
        });
    }

    private void createMissing() {
        firstAdministrator.createMissing();
        group(Groups.COORDINATORS, "Coordinators");
        group(Groups.MANAGERS, "Managers");
        group(Groups.DIRECTORS, "Directors (senior approval)");

        for (String group : List.of(Groups.COORDINATORS, Groups.MANAGERS, Groups.DIRECTORS)) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.USER, "*", Permissions.READ);
            grant(group, Resources.GROUP, "*", Permissions.READ);
            for (String process : COORDINATED_PROCESSES) {
                if (group.equals(Groups.COORDINATORS)) {
                    grant(group, Resources.PROCESS_DEFINITION, process,
                            Permissions.READ, Permissions.READ_HISTORY, Permissions.CREATE_INSTANCE);
                } else {
                    grant(group, Resources.PROCESS_DEFINITION, process, Permissions.READ, Permissions.READ_HISTORY);
                }
            }
        }
        grant(Groups.COORDINATORS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);

        TaskQuery mine = taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}");
        TaskQuery coordination = taskService.createTaskQuery().taskCandidateGroup(Groups.COORDINATORS).includeAssignedTasks();
        List<String> approvers = List.of(Groups.MANAGERS, Groups.DIRECTORS);
        TaskQuery approvals = taskService.createTaskQuery()
                .taskCandidateGroupInExpression(FilterFunctions.tasksOfTheReadersGroupsAmong(approvers))
                .includeAssignedTasks();
        String myTasks = filter(FILTER_MY_TASKS, mine, -10, "Tasks assigned to me");
        String coordinationFilter = filter(FILTER_COORDINATION, coordination, 0,
                "Requests, offers, bookings and reports for coordinators");
        String approvalsFilter = filter(FILTER_APPROVALS, approvals, 10, "Releases and extensions awaiting a manager");
        replaceFormerQuery(approvalsFilter,
                taskService.createTaskQuery().taskCandidateGroupIn(approvers).includeAssignedTasks(), approvals);
        for (String group : List.of(Groups.COORDINATORS, Groups.MANAGERS, Groups.DIRECTORS)) {
            grant(group, Resources.FILTER, myTasks, Permissions.READ);
        }
        grant(Groups.COORDINATORS, Resources.FILTER, coordinationFilter, Permissions.READ);
        grant(Groups.MANAGERS, Resources.FILTER, approvalsFilter, Permissions.READ);
        grant(Groups.DIRECTORS, Resources.FILTER, approvalsFilter, Permissions.READ);
    }

    private void group(String id, String name) {
        if (identityService.isReadOnly()) {
            // A directory (the ldap profile) holds the groups; they are checked, never created, from here.
            if (identityService.createGroupQuery().groupId(id).count() == 0) {
                LOG.warn("The directory has no group '{}': nobody can act as {} until it is added there", id, name);
            }
            return;
        }
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private String filter(String name, TaskQuery query, int priority, String description) {
        Filter existing = filterService.createTaskFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            Map<String, Object> properties = existing.getProperties() == null
                    ? new LinkedHashMap<>() : new LinkedHashMap<>(existing.getProperties());
            if (!properties.containsKey(VARIABLES)) {
                properties.put(VARIABLES, TaskCards.FILTER_VARIABLES);
                filterService.saveFilter(existing.setProperties(properties));
            }
            return existing.getId();
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put(VARIABLES, TaskCards.FILTER_VARIABLES);
        Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
        return filterService.saveFilter(filter).getId();
    }

    /**
     * A shared filter still asking what an earlier version defined is given today's query, once; a query an admin
     * has changed in Tasklist stays as the admin left it.
     */
    private void replaceFormerQuery(String filterId, TaskQuery former, TaskQuery today) {
        Filter filter = filterService.getFilter(filterId);
        JsonTaskQueryConverter json = new JsonTaskQueryConverter();
        // Through JSON and back, as the filter was stored, so that both carry the same defaults.
        var formerAsStored = json.toJsonObject(json.toObject(json.toJsonObject(former)));
        if (json.toJsonObject((TaskQuery) filter.getQuery()).equals(formerAsStored)) {
            LOG.info("Filter '{}' gets today's query", filter.getName());
            filterService.saveFilter(filter.setQuery(today));
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization != null) {
            return; // already there, perhaps adjusted by an admin: left as it is
        }
        authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
