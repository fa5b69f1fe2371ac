package org.cooperationdesk.system;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.CommandContextFunctions;
import org.springframework.stereotype.Component;

/**
 * Functions the shared Tasklist filters may use in their expressions, next to Camunda's own {@code currentUser()} and
 * {@code currentUserGroups()}.
 *
 * <p>{@value #CURRENT_USER_GROUPS_AMONG}{@code ('managers,directors')}: those of the listed groups the reader is in, or
 * all of them when the reader is in none (an administrator, who then sees what Camunda's check lets them see). The
 * "Approvals" filter uses it so that a manager's list asks for the managers' tasks and a director's for the
 * directors' (both for someone in both): each reader's own tasks, which the engine lists without joining every task
 * with every authorization (see {@code security/AuthorizationShortcuts}), where asking everyone for both groups made
 * a manager's list take seconds at ten thousand open tasks on PostgreSQL (docs/benchmarks.md). A manager never saw
 * the directors' tasks anyway: only the candidate group may read a task.
 */
@Component
public class FilterFunctions extends AbstractProcessEnginePlugin {

    static final String CURRENT_USER_GROUPS_AMONG = "currentUserGroupsAmong";

    /** The expression of a filter that lists the tasks of the reader's groups among {@code groups}. */
    static String tasksOfTheReadersGroupsAmong(List<String> groups) {
        return "${" + CURRENT_USER_GROUPS_AMONG + "('" + String.join(",", groups) + "')}";
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        try {
            Method function = FilterFunctions.class.getMethod(CURRENT_USER_GROUPS_AMONG, String.class);
            configuration.getExpressionManager().addFunction(CURRENT_USER_GROUPS_AMONG, function);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Evaluated by the engine inside a command, for the authenticated reader; public for the expression language. */
    public static List<String> currentUserGroupsAmong(String commaSeparatedGroups) {
        List<String> among = Arrays.stream(commaSeparatedGroups.split(",")).map(String::trim)
                .filter(group -> !group.isEmpty()).toList();
        List<String> readersGroups = CommandContextFunctions.currentUserGroups();
        List<String> own = readersGroups == null ? List.of() : among.stream().filter(readersGroups::contains).toList();
        return own.isEmpty() ? among : own;
    }
}
