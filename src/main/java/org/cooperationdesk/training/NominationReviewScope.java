package org.cooperationdesk.training;

import static org.cooperationdesk.portal.PortalVariables.RETURN_REASON;
import static org.cooperationdesk.portal.PortalVariables.REVIEW_DECISION;
import static org.cooperationdesk.portal.PortalVariables.REVIEW_TASK_NAME;
import static org.cooperationdesk.portal.PortalVariables.SUBMISSION_ID;
import static org.cooperationdesk.portal.PortalVariables.SUBMISSION_SUMMARY;
import static org.cooperationdesk.portal.PortalVariables.SUBMISSION_TITLE;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cooperationdesk.form.FormCatalog;
import org.cooperationdesk.form.FormField;
import org.cooperationdesk.form.ProcessValues;
import org.cooperationdesk.portal.PartnerSubmission;
import org.cooperationdesk.portal.PartnerSubmissions;
import org.springframework.stereotype.Component;

/**
 * Gives each review of a nomination sent online variables of its own. The message that starts a review leaves the
 * answer's variables in the nomination period, which every review shares: two nominations under review at once
 * (Cambodia's and Lao PDR's) would overwrite each other's there. So the review keeps its own copy, and holds the
 * coordinator's decision and the answered form's fields itself: completing the review and taking the answer as sent
 * write them here, never into the process's variables (the next "Record nomination" form starts as it did). The
 * nominating country's name, also its own, puts the country on the review's card in Tasklist (system/TaskCards).
 */
@Component("nominationReviewScopeListener")
class NominationReviewScope implements ExecutionListener {

    private static final List<String> SENT_WITH_THE_MESSAGE = List.of(SUBMISSION_ID, SUBMISSION_TITLE, SUBMISSION_SUMMARY,
            REVIEW_TASK_NAME);

    private final PartnerSubmissions submissions;
    private final FormCatalog forms;
    private final CourseLifecycle courses;

    NominationReviewScope(PartnerSubmissions submissions, FormCatalog forms, CourseLifecycle courses) {
        this.submissions = submissions;
        this.forms = forms;
        this.courses = courses;
    }

    @Override
    public void notify(DelegateExecution review) {
        for (String name : SENT_WITH_THE_MESSAGE) {
            review.setVariableLocal(name, review.getVariable(name));
        }
        review.setVariableLocal(REVIEW_DECISION, null);
        review.setVariableLocal(RETURN_REASON, null);
        PartnerSubmission sent = submissions.get(ProcessValues.id(review, SUBMISSION_ID));
        for (FormField field : forms.editableFields(sent.formId())) {
            review.setVariableLocal(field.key(), null);
        }
        review.setVariableLocal(TrainingVariables.COUNTRY_NAME, courses.countryName(sent.scope().subject()));
    }
}
