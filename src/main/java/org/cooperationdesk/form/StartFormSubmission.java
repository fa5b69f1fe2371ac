package org.cooperationdesk.form;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Starts a process from its start form's fields sent to the office's API, as the Tasklist start form does:
 * only the form's own fields become variables, the same checks apply (400 with every field named, nothing
 * started), and the user who started it is recorded in the process.
 */
@Component
public class StartFormSubmission {

    private final RuntimeService runtimeService;
    private final FormCatalog forms;
    private final FormSubmissionValidator validator;

    StartFormSubmission(RuntimeService runtimeService, FormCatalog forms, FormSubmissionValidator validator) {
        this.runtimeService = runtimeService;
        this.forms = forms;
        this.validator = validator;
    }

    /**
     * @param initiatorVariable the process variable that names who started it (e.g. {@code requestedBy})
     * @throws InvalidSubmissionException naming every field that breaks a rule of the start form
     */
    public ProcessInstance start(String processKey, String startFormId, Map<String, Object> body,
                                 String initiatorVariable, String userId) {
        Map<String, Object> variables = forms.submittedValues(startFormId, body);
        validator.validate(startFormId, variables, userId);
        variables.put(initiatorVariable, userId);
        return runtimeService.startProcessInstanceByKey(processKey, variables);
    }
}
