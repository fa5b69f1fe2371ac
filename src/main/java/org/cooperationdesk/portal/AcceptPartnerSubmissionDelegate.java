package org.cooperationdesk.portal;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cooperationdesk.form.FormCatalog;
import org.cooperationdesk.form.FormField;
import org.springframework.stereotype.Component;

/**
 * "Take the answer as sent": the accepted answer's values become the process's variables exactly as the coordinator's
 * form would have set them (only the fields that form declares), and the process goes on as after that form.
 */
@Component("acceptPartnerSubmissionDelegate")
class AcceptPartnerSubmissionDelegate implements JavaDelegate {

    private final PartnerSubmissions submissions;
    private final FormCatalog forms;

    AcceptPartnerSubmissionDelegate(PartnerSubmissions submissions, FormCatalog forms) {
        this.submissions = submissions;
        this.forms = forms;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(PortalVariables.SUBMISSION_ID)).longValue();
        PartnerSubmission accepted = submissions.accept(id, ReviewerOf.execution(execution));
        Map<String, Object> values = new HashMap<>();
        for (FormField field : forms.editableFields(accepted.formId())) {
            if (accepted.values().containsKey(field.key())) {
                values.put(field.key(), accepted.values().get(field.key()));
            }
        }
        execution.setVariables(values);
    }
}
