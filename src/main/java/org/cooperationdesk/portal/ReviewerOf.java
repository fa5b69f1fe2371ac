package org.cooperationdesk.portal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who decided on an answer: the coordinator who completed the review task (the step runs in that same call). */
final class ReviewerOf {

    private ReviewerOf() {
    }

    static String execution(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null || current.getUserId() == null ? "system" : current.getUserId();
    }
}
