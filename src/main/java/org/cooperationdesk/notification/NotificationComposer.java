package org.cooperationdesk.notification;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Turns a template name and a process instance into a {@link Notification}; one composer per process. */
public interface NotificationComposer {

    Set<String> templates();

    Notification compose(String template, DelegateExecution execution);
}
