package org.cooperationdesk.notification;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;

/** What identifies one run of a mail step across its retries: the key its mails are sent under. */
public final class MailSteps {

    private MailSteps() {
    }

    /**
     * The job's id: the same on every retry of this step, different for every other step or visit. The job that runs
     * the step is the command's current job; each instance of a multi-instance step is a job of its own, so looking
     * it up by activity alone would find several, and an activity instance id is new on every retry.
     */
    public static String idempotencyKey(DelegateExecution execution) {
        CommandContext command = Context.getCommandContext();
        JobEntity job = command == null ? null : command.getCurrentJob();
        if (job != null && execution.getProcessInstanceId().equals(job.getProcessInstanceId())
                && execution.getCurrentActivityId().equals(job.getActivityId())) {
            return "job:" + job.getId();
        }
        // Not run by a job of its own (a step left synchronous): by instance and activity, as a step with input parameters runs
        // in a child execution of the job's.
        List<Job> jobs = execution.getProcessEngineServices().getManagementService().createJobQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .activityId(execution.getCurrentActivityId())
                .list();
        return jobs.size() == 1 ? "job:" + jobs.get(0).getId() : "activity:" + execution.getActivityInstanceId();
    }
}
