package org.cooperationdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.cooperationdesk.ProcessTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared Tasklist filters show each task's reference and country on its card: a new installation has them, an
 * installation from before gets them once at its next start, and a filter an admin changed keeps the admin's choice.
 */
class TasklistFiltersTest extends ProcessTestSupport {

    private static final List<String> SHARED = List.of(AccessSetup.FILTER_MY_TASKS, AccessSetup.FILTER_COORDINATION,
            AccessSetup.FILTER_APPROVALS);
    private static final List<Map<String, Object>> CARD_VARIABLES = List.of(
            Map.of("name", "reference", "label", "Reference"),
            Map.of("name", "countryName", "label", "Country"));

    @Autowired
    FilterService filterService;
    @Autowired
    AccessSetup accessSetup;

    @AfterEach
    void restoreTheSharedFilters() {
        for (String name : SHARED) {
            Filter filter = filter(name);
            Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
            properties.put(AccessSetup.VARIABLES, TaskCards.FILTER_VARIABLES);
            filterService.saveFilter(filter.setProperties(properties));
        }
        filterService.saveFilter(filter(AccessSetup.FILTER_APPROVALS).setQuery(todaysApprovals()));
    }

    @Test
    void theSharedFiltersShowTheReferenceAndTheCountryOnEachCard() {
        for (String name : SHARED) {
            assertThat(filter(name).getProperties()).as(name)
                    .containsEntry("variables", CARD_VARIABLES)
                    .containsKeys("description", "priority", "refresh");
        }
    }

    @Test
    void aFilterFromBeforeTheCardsGetsTheVariablesOnceAtTheNextStart() {
        Filter approvals = filter(AccessSetup.FILTER_APPROVALS);
        Map<String, Object> before = new LinkedHashMap<>(approvals.getProperties());
        before.remove("variables");
        before.put("description", "Releases and extensions (renamed by an admin)");
        filterService.saveFilter(approvals.setProperties(before));

        accessSetup.setUp();

        Map<String, Object> after = filter(AccessSetup.FILTER_APPROVALS).getProperties();
        assertThat(after).containsEntry("variables", CARD_VARIABLES)
                .as("the rest of the filter as it was").containsEntry("description", "Releases and extensions (renamed by an admin)")
                .containsEntry("priority", 10);
        assertThat(filterService.createFilterQuery().filterName(AccessSetup.FILTER_APPROVALS).count()).isOne();
    }

    @Test
    void variablesAnAdminChangedInTasklistStayAsTheAdminLeftThem() {
        List<Map<String, Object>> referenceOnly = List.of(Map.of("name", "reference", "label", "File"));
        Filter coordination = filter(AccessSetup.FILTER_COORDINATION);
        Map<String, Object> relabelled = new LinkedHashMap<>(coordination.getProperties());
        relabelled.put("variables", referenceOnly);
        filterService.saveFilter(coordination.setProperties(relabelled));
        Filter myTasks = filter(AccessSetup.FILTER_MY_TASKS);
        Map<String, Object> none = new LinkedHashMap<>(myTasks.getProperties());
        none.put("variables", List.of());
        filterService.saveFilter(myTasks.setProperties(none));

        accessSetup.setUp();
        accessSetup.setUp();

        assertThat(filter(AccessSetup.FILTER_COORDINATION).getProperties()).containsEntry("variables", referenceOnly);
        assertThat(filter(AccessSetup.FILTER_MY_TASKS).getProperties()).containsEntry("variables", List.of());
        assertThat(filter(AccessSetup.FILTER_APPROVALS).getProperties()).containsEntry("variables", CARD_VARIABLES);
    }

    @Test
    void theApprovalsOfAnEarlierVersionAskForTheReadersOwnGroupsAfterTheNextStart() {
        Filter approvals = filter(AccessSetup.FILTER_APPROVALS);
        filterService.saveFilter(approvals.setQuery(taskService.createTaskQuery()
                .taskCandidateGroupIn(List.of(Groups.MANAGERS, Groups.DIRECTORS)).includeAssignedTasks()));

        accessSetup.setUp();

        TaskQueryImpl query = filter(AccessSetup.FILTER_APPROVALS).getQuery();
        assertThat(query.getExpressions())
                .containsExactly(Map.entry("taskCandidateGroupIn", "${currentUserGroupsAmong('managers,directors')}"));
        assertThat(query.getCandidateGroupsInternal()).isNull();
        assertThat(query.isIncludeAssignedTasks()).isTrue();
        assertThat(filter(AccessSetup.FILTER_APPROVALS).getProperties()).containsEntry("variables", CARD_VARIABLES)
                .containsEntry("priority", 10);
    }

    @Test
    void anApprovalsQueryAnAdminChangedStaysAsTheAdminLeftIt() {
        Filter approvals = filter(AccessSetup.FILTER_APPROVALS);
        filterService.saveFilter(approvals.setQuery(taskService.createTaskQuery()
                .taskCandidateGroupIn(List.of(Groups.MANAGERS, Groups.DIRECTORS))));

        accessSetup.setUp();

        TaskQueryImpl query = filter(AccessSetup.FILTER_APPROVALS).getQuery();
        assertThat(query.getExpressions()).isEmpty();
        assertThat(query.getCandidateGroupsInternal()).containsExactly(Groups.MANAGERS, Groups.DIRECTORS);
        assertThat(query.isIncludeAssignedTasks()).isFalse();
    }

    private TaskQuery todaysApprovals() {
        return taskService.createTaskQuery()
                .taskCandidateGroupInExpression(FilterFunctions.tasksOfTheReadersGroupsAmong(List.of(Groups.MANAGERS, Groups.DIRECTORS)))
                .includeAssignedTasks();
    }

    private Filter filter(String name) {
        return filterService.createTaskFilterQuery().filterName(name).singleResult();
    }
}
