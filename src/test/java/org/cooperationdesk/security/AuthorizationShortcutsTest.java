package org.cooperationdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.cooperationdesk.ProcessTestSupport;
import org.cooperationdesk.system.FilterFunctions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Task lists that ask only for the reader's own tasks skip the per-task authorization join
 * ({@link AuthorizationShortcuts}); every other task list keeps Camunda's check, and the lists return what the full
 * check would.
 */
class AuthorizationShortcutsTest extends ProcessTestSupport {

    @Autowired
    private AuthorizationService authorizationService;
    @Autowired
    private FilterService filterService;

    private final List<String> tasks = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private String coordinatorsTask;
    private String coordinatorsAssignedTask;
    private String managersTask;
    private String managersAssignedTask;

    @BeforeEach
    void tasksOfBothGroups() {
        // Made unauthenticated, as the engine makes them: Camunda grants the candidate groups and the assignee READ.
        coordinatorsTask = task("Book the delegation's hotel", "coordinators", null);
        coordinatorsAssignedTask = task("Record the expert's answer", "coordinators", "coordinator");
        managersTask = task("Approve release", "managers", null);
        managersAssignedTask = task("Approve the extension", "managers", "manager");
    }

    @AfterEach
    void removeThem() {
        identityService.clearAuthentication();
        authorizations.forEach(authorizationService::deleteAuthorization);
        tasks.forEach(id -> taskService.deleteTask(id, true));
    }

    @Test
    void shouldListACoordinatorsOwnTasksWithoutThePerTaskJoin() {
        asCoordinator();

        assertThat(perTaskCheck(taskService.createTaskQuery().taskCandidateGroup("coordinators").includeAssignedTasks()))
                .as("the Coordination filter's query for a coordinator").isFalse();
        assertThat(perTaskCheck(taskService.createTaskQuery().taskAssignee("coordinator")))
                .as("My tasks for a coordinator").isFalse();
        assertThat(ids(taskService.createTaskQuery().taskCandidateGroup("coordinators").includeAssignedTasks()))
                .containsExactlyInAnyOrder(coordinatorsTask, coordinatorsAssignedTask);
        assertThat(ids(taskService.createTaskQuery().taskAssignee("coordinator"))).containsExactly(coordinatorsAssignedTask);
    }

    @Test
    void shouldKeepTheCheckForOtherPeoplesAndOtherGroupsTasks() {
        asCoordinator();

        assertThat(perTaskCheck(taskService.createTaskQuery().taskCandidateGroup("managers"))).isTrue();
        assertThat(perTaskCheck(taskService.createTaskQuery().taskAssignee("manager"))).isTrue();
        assertThat(perTaskCheck(taskService.createTaskQuery().taskCandidateGroupIn(List.of("coordinators", "managers"))))
                .isTrue();
        assertThat(perTaskCheck(taskService.createTaskQuery())).isTrue();
        assertThat(ids(taskService.createTaskQuery().taskCandidateGroup("managers").includeAssignedTasks())).isEmpty();
        assertThat(ids(taskService.createTaskQuery().taskAssignee("manager"))).isEmpty();
        assertThat(ids(taskService.createTaskQuery().taskCandidateGroupIn(List.of("coordinators", "managers"))))
                .containsExactly(coordinatorsTask);
        assertThat(ids(taskService.createTaskQuery())).containsExactlyInAnyOrder(coordinatorsTask, coordinatorsAssignedTask);
    }

    @Test
    void shouldKeepTheCheckWhenAQueryCombinesAlternatives() {
        asCoordinator();
        TaskQuery ownOrTheManagers = taskService.createTaskQuery().taskCandidateGroup("coordinators").includeAssignedTasks()
                .or().taskAssignee("manager").taskCandidateGroup("coordinators").endOr();

        assertThat(perTaskCheck(ownOrTheManagers)).isTrue();
        assertThat(ids(ownOrTheManagers)).doesNotContain(managersAssignedTask, managersTask);
    }

    @Test
    void shouldKeepTheCheckWhileARevokeExists() {
        asCoordinator();
        TaskQuery before = taskService.createTaskQuery().taskCandidateGroup("coordinators").includeAssignedTasks();
        assertThat(ids(before)).as("no revoke yet, and known as such").contains(coordinatorsTask);
        identityService.clearAuthentication();
        Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId("coordinator");
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(coordinatorsTask);
        revoke.removePermission(Permissions.READ); // a revoke lists what it takes away
        authorizations.add(authorizationService.saveAuthorization(revoke).getId());
        asCoordinator();

        TaskQuery coordination = taskService.createTaskQuery().taskCandidateGroup("coordinators").includeAssignedTasks();
        assertThat(ids(coordination)).containsExactly(coordinatorsAssignedTask);
    }

    @Test
    void shouldLetADirectorListTheApprovalsOfBothGroupsWithoutThePerTaskJoin() {
        identityService.setAuthentication("director", List.of("managers", "directors"));

        TaskQuery approvals = taskService.createTaskQuery().taskCandidateGroupIn(List.of("managers", "directors"))
                .includeAssignedTasks();
        assertThat(perTaskCheck(approvals)).isFalse();
        assertThat(ids(approvals)).containsExactlyInAnyOrder(managersTask, managersAssignedTask);
    }

    @Test
    void shouldNotAskAboutRevokesWhileNoneExists() {
        asCoordinator();
        ids(taskService.createTaskQuery().taskCandidateGroup("coordinators")); // the engine learns there is none

        try (EngineStatements statements = EngineStatements.count()) {
            for (int i = 0; i < 3; i++) {
                assertThat(ids(taskService.createTaskQuery().taskCandidateGroup("coordinators"))).containsExactly(coordinatorsTask);
                assertThat(ids(taskService.createTaskQuery().taskCandidateGroup("managers"))).isEmpty();
            }
            assertThat(statements.takeAll()).as("six checked queries, no question about revokes")
                    .doesNotContain("AuthorizationEntity.selectRevokeAuthorization",
                            "AuthorizationEntity.selectAuthorizationCountByQueryCriteria")
                    .filteredOn("TaskEntity.selectTaskByQueryCriteria"::equals).hasSize(6);
        }
    }

    @Test
    void shouldCountARevokeWrittenThroughAnotherNodeWithinTheRefresh() {
        // Past any revoke another test saved through this node (each keeps the engine asking for a period).
        Instant later = Instant.now().plus(IdentityRefresh.DEFAULT).plusSeconds(1);
        try {
            ClockUtil.setCurrentTime(Date.from(later));
            asCoordinator();
            TaskQuery coordination = taskService.createTaskQuery().taskCandidateGroup("coordinators").includeAssignedTasks();
            assertThat(ids(coordination)).contains(coordinatorsTask); // no revoke, and known as such
            // Another node of the cluster writes a revoke: this engine sees only the row.
            jdbc.sql("""
                    insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)
                    values ('revoke-from-another-node', 1, 2, 'coordinator', 7, ?, ?)""")
                    .params(coordinatorsTask, ~Permissions.READ.getValue()).update();

            assertThat(ids(taskService.createTaskQuery().taskCandidateGroup("coordinators").includeAssignedTasks()))
                    .as("within the refresh period the engine still knows of no revoke").contains(coordinatorsTask);

            ClockUtil.setCurrentTime(Date.from(later.plus(IdentityRefresh.DEFAULT).plusSeconds(1)));

            assertThat(ids(taskService.createTaskQuery().taskCandidateGroup("coordinators").includeAssignedTasks()))
                    .as("after it, the revoke counts").containsExactly(coordinatorsAssignedTask);
        } finally {
            ClockUtil.reset();
            jdbc.sql("delete from ACT_RU_AUTHORIZATION where ID_ = 'revoke-from-another-node'").update();
        }
    }

    @Test
    void shouldGiveEachApproverTheApprovalsOfTheirOwnGroupsWithoutThePerTaskJoin() {
        String directorsTask = task("Approve release (senior)", "directors", null);
        Filter approvals = filterService.createTaskFilterQuery().filterName("Approvals").singleResult();

        identityService.setAuthentication("manager", List.of("managers"));
        try (EngineStatements statements = EngineStatements.count()) {
            assertThat(ids(filterService.list(approvals.getId()))).as("a manager's Approvals")
                    .containsExactlyInAnyOrder(managersTask, managersAssignedTask);
            assertThat(filterService.count(approvals.getId())).isEqualTo(2);
            assertThat(statements.takeSqlOf("TaskEntity.selectTaskByQueryCriteria")).as("the list's SQL").isNotEmpty()
                    .noneMatch(sql -> sql.contains("ACT_RU_AUTHORIZATION"));
        }

        identityService.setAuthentication("director", List.of("directors"));
        try (EngineStatements statements = EngineStatements.count()) {
            assertThat(ids(filterService.list(approvals.getId()))).as("a director's Approvals").containsExactly(directorsTask);
            assertThat(statements.takeSqlOf("TaskEntity.selectTaskByQueryCriteria")).isNotEmpty()
                    .noneMatch(sql -> sql.contains("ACT_RU_AUTHORIZATION"));
        }

        identityService.setAuthentication("director", List.of("managers", "directors"));
        assertThat(ids(filterService.list(approvals.getId()))).as("someone in both groups")
                .containsExactlyInAnyOrder(managersTask, managersAssignedTask, directorsTask);
    }

    @Test
    void shouldAskForEveryApproversTasksWhenTheReaderIsInNoneOfTheirGroups() {
        identityService.setAuthentication("admin", List.of("camunda-admin"));
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();

        List<String> groups = configuration.getCommandExecutorTxRequired()
                .execute(context -> FilterFunctions.currentUserGroupsAmong("managers, directors"));

        assertThat(groups).as("Camunda's check then decides").containsExactly("managers", "directors");
        identityService.setAuthentication("manager", List.of("coordinators", "managers"));
        List<String> own = configuration.getCommandExecutorTxRequired()
                .execute(context -> FilterFunctions.currentUserGroupsAmong("managers,directors"));
        assertThat(own).containsExactly("managers");
    }

    @Test
    void shouldCheckAnOfficeUsersGroupsWithoutFilteringThemFirst() {
        asCoordinator();
        try (EngineStatements statements = EngineStatements.count()) {
            assertThat(ids(taskService.createTaskQuery().taskCandidateGroup("coordinators"))).containsExactly(coordinatorsTask);
            assertThat(statements.takeAll()).contains("TaskEntity.selectTaskByQueryCriteria")
                    .doesNotContain("AuthorizationEntity.selectAuthorizedGroupIds");
        }
        List<String> directoryGroups = new ArrayList<>(List.of("coordinators"));
        for (int i = 0; i < AuthorizationShortcuts.GROUPS_CHECKED_AS_THEY_ARE; i++) {
            directoryGroups.add("directory-group-" + i);
        }
        identityService.setAuthentication("coordinator", directoryGroups);
        try (EngineStatements statements = EngineStatements.count()) {
            assertThat(ids(taskService.createTaskQuery().taskCandidateGroup("coordinators"))).containsExactly(coordinatorsTask);
            assertThat(statements.takeAll()).as("a large directory's user: Camunda's filter")
                    .contains("AuthorizationEntity.selectAuthorizedGroupIds");
        }
    }

    private void asCoordinator() {
        identityService.setAuthentication("coordinator", List.of("coordinators"));
    }

    private String task(String name, String candidateGroup, String assignee) {
        identityService.clearAuthentication();
        Task task = taskService.newTask();
        task.setName(name);
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), candidateGroup);
        if (assignee != null) {
            taskService.setAssignee(task.getId(), assignee);
        }
        tasks.add(task.getId());
        return task.getId();
    }

    private static List<String> ids(TaskQuery query) {
        return ids(query.list());
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::getId).toList();
    }

    /** Whether the engine would join the query with the authorizations, for the authenticated user. */
    private boolean perTaskCheck(TaskQuery query) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            TaskQueryImpl task = (TaskQueryImpl) query;
            context.getAuthorizationManager().configureTaskQuery(task);
            return task.getAuthCheck().getShouldPerformAuthorizatioCheck(); // what the mappings read
        });
    }
}
