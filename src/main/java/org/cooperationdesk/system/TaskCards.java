package org.cooperationdesk.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * What a task card in Tasklist shows besides the task's name and dates: the record's reference and, where the task
 * concerns one country, that country's name. Tasklist shows the variables its filter lists ({@link #FILTER_VARIABLES})
 * but looks for them only on the task, the task's own execution and the process instance, so a country named in a
 * sub process (each country's delegation, each trainee's place) would stay hidden behind a task that is a scope of
 * its own. Every user task therefore gets both values as task-local variables when it is created:
 * <ul>
 *   <li>{@value #REFERENCE}: the process's business key, which each register step sets to the record's reference;</li>
 *   <li>{@value #COUNTRY_NAME}: the {@code countryName} the task sees, which each room sets where its work concerns one
 *   country (a dispatch, one country's delegation, one trainee's place, a contribution to one country).</li>
 * </ul>
 * Local to the task, they go when it ends and never reach a form's submission or the process's own variables.
 */
@Component
class TaskCards extends AbstractProcessEnginePlugin {

    static final String REFERENCE = "reference";
    static final String COUNTRY_NAME = "countryName";

    /** The {@code variables} property of the shared filters: name and label of each value a card shows. */
    static final List<Map<String, String>> FILTER_VARIABLES = List.of(
            Map.of("name", REFERENCE, "label", "Reference"),
            Map.of("name", COUNTRY_NAME, "label", "Country"));

    private static final TaskListener SHOW_ON_CARD = TaskCards::showOnCard;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, SHOW_ON_CARD);
            }
        });
    }

    private static void showOnCard(DelegateTask task) {
        if (task.getExecution() == null) {
            return; // a task created outside a process (Tasklist's "Create task") has no record
        }
        String reference = task.getExecution().getProcessBusinessKey();
        if (reference != null) {
            task.setVariableLocal(REFERENCE, reference);
        }
        Object country = task.getExecution().getVariable(COUNTRY_NAME);
        if (country instanceof String name && !name.isBlank()) {
            task.setVariableLocal(COUNTRY_NAME, name);
        }
    }
}
