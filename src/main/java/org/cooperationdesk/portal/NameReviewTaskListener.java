package org.cooperationdesk.portal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cooperationdesk.form.FormValues;
import org.springframework.stereotype.Component;

/**
 * Names a review task after the answer it reviews ("Review delegation of Cambodia"), so that a coordinator's list tells
 * the countries apart; the diagram keeps its general label ("Review delegation").
 */
@Component("nameReviewTaskListener")
class NameReviewTaskListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String name = FormValues.text(task.getVariable(PortalVariables.REVIEW_TASK_NAME));
        if (name != null && !name.isBlank()) {
            task.setName(name);
        }
    }
}
