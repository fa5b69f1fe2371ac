package org.cooperationdesk.portal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cooperationdesk.form.FormValues;
import org.springframework.stereotype.Component;

/** "Record the answer returned": the partner's page shows the reason and takes a corrected answer. */
@Component("returnPartnerSubmissionDelegate")
class ReturnPartnerSubmissionDelegate implements JavaDelegate {

    private final PartnerSubmissions submissions;

    ReturnPartnerSubmissionDelegate(PartnerSubmissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(PortalVariables.SUBMISSION_ID)).longValue();
        submissions.returnWith(id, FormValues.text(execution.getVariable(PortalVariables.RETURN_REASON)).trim(),
                ReviewerOf.execution(execution));
    }
}
