package org.cooperationdesk.form;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Validates every form submission on the server, whatever the client: each user task and start event
 * that references a Camunda Form gets listeners that apply {@link FormSubmissionValidator}. No model
 * has to remember to declare them.
 */
@Component
class FormValidationPlugin extends AbstractProcessEnginePlugin {

    // Looked up when a form is submitted: the rules depend on services that depend on the engine itself.
    private final ObjectProvider<FormSubmissionValidator> validator;
    private final FormCatalog catalog;

    FormValidationPlugin(ObjectProvider<FormSubmissionValidator> validator, FormCatalog catalog) {
        this.validator = validator;
        this.catalog = catalog;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        listeners.add(new FormParseListener());
    }

    private final class FormParseListener extends AbstractBpmnParseListener {

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            String formId = userTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
            if (formId == null || !catalog.contains(formId)) {
                return;
            }
            TaskDefinition taskDefinition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            taskDefinition.addTaskListener(TaskListener.EVENTNAME_CREATE, task -> {
                // A task visited again (a weekly report, a new match) starts empty, never with last time's
                // answers; set to null rather than removed, so a variable local to a scope stays local.
                for (FormField field : catalog.editableFields(formId)) {
                    if (!field.keepsPreviousValue() && task.getExecution().getVariable(field.key()) != null) {
                        task.getExecution().setVariable(field.key(), null);
                    }
                }
            });
            // Each variable is read when a check needs it: execution.getVariables() would load and deserialise all
            // of them (JSON lists, every scope) at every completion.
            // Validated as the task's activity ends rather than in a complete task listener: the engine wraps
            // a task listener's exception (REST 500), while this one reaches the client as a 400 with its message.
            activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
                if (!execution.isCanceled()) {
                    validator.getObject().validate(formId, execution::getVariable, userOf(execution));
                }
            });
        }

        @Override
        public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
            String formId = startEventElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
            if (formId == null || !catalog.contains(formId)) {
                return;
            }
            startEventActivity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution ->
                    validator.getObject().validate(formId, execution::getVariable, userOf(execution)));
        }
    }

    private static String userOf(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
