package org.cooperationdesk.portal;

import java.util.Set;

import org.cooperationdesk.form.FormRules;
import org.cooperationdesk.form.FormSubmission;
import org.springframework.stereotype.Component;

/** A returned answer says what to correct: the partner has nothing else to go on. */
@Component
class ReviewRules implements FormRules {

    @Override
    public Set<String> formIds() {
        return Set.of(PortalVariables.FORM_REVIEW_SUBMISSION);
    }

    @Override
    public void check(FormSubmission form) {
        form.requireReasonWhen(PortalVariables.REVIEW_DECISION, PortalVariables.RETURNED, PortalVariables.RETURN_REASON,
                "when.returningAnswer");
    }
}
