package org.cooperationdesk.notification;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Turns a template name and a process instance into the mails of one mail step: one {@link Notification}, or one per
 * language when its readers read different languages (at most one per language). One composer per process.
 */
public interface NotificationComposer {

    Set<String> templates();

    List<Notification> compose(String template, DelegateExecution execution);
}
