package org.cooperationdesk.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The one delegate behind every mail step: {@code ${sendNotificationDelegate}} with an input parameter
 * {@code template}. The step must be asynchronous (asyncBefore) so a mail outage means retries.
 */
@Component("sendNotificationDelegate")
class SendNotificationDelegate implements JavaDelegate {

    static final String TEMPLATE = "template";

    private final NotificationService notifications;
    private final Map<String, NotificationComposer> composers = new HashMap<>();

    SendNotificationDelegate(NotificationService notifications, List<NotificationComposer> composers) {
        this.notifications = notifications;
        for (NotificationComposer composer : composers) {
            composer.templates().forEach(template -> {
                if (this.composers.put(template, composer) != null) {
                    throw new IllegalStateException("Two composers word the template " + template);
                }
            });
        }
    }

    @Override
    public void execute(DelegateExecution execution) {
        String template = (String) execution.getVariableLocal(TEMPLATE);
        NotificationComposer composer = composers.get(template);
        if (composer == null) {
            throw new IllegalStateException("No composer for mail template " + template);
        }
        List<Notification> mails = composer.compose(template, execution);
        notifications.send(mails, MailSteps.idempotencyKey(execution), execution.getProcessBusinessKey());
    }
}
