package org.cooperationdesk.form;

import java.util.Set;

/**
 * Rules of a form that its JSON cannot express: rules that span fields or need the office's records
 * (an expert who exists and is available, dates in order). Implementations are Spring beans.
 */
public interface FormRules {

    /** The form ids these rules apply to. */
    Set<String> formIds();

    /** Called after the form's declared checks; report problems with {@link FormSubmission#reject}. */
    void check(FormSubmission submission);
}
