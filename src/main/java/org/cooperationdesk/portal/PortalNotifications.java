package org.cooperationdesk.portal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cooperationdesk.language.Language;
import org.cooperationdesk.notification.Notification;
import org.cooperationdesk.notification.NotificationComposer;
import org.cooperationdesk.notification.MailSteps;
import org.springframework.stereotype.Component;

/**
 * The portal's mails, in the link's language: a returned answer (mail step "submission-returned" of any process that
 * reviews answers: the reason and the same link), and a coordinator's "send the link again" or "send a new link".
 */
@Component
public class PortalNotifications implements NotificationComposer {

    private final PartnerSubmissions submissions;
    private final PartnerLinks links;
    private final PortalTargets targets;

    PortalNotifications(PartnerSubmissions submissions, PartnerLinks links, PortalTargets targets) {
        this.submissions = submissions;
        this.links = links;
        this.targets = targets;
    }

    @Override
    public Set<String> templates() {
        return Set.of(PortalVariables.TEMPLATE_SUBMISSION_RETURNED);
    }

    @Override
    public List<Notification> compose(String template, DelegateExecution execution) {
        long id = ((Number) execution.getVariable(PortalVariables.SUBMISSION_ID)).longValue();
        PartnerSubmission returned = submissions.get(id);
        PartnerLink sentWith = links.find(returned.linkId()).orElseThrow();
        // The same link while it works; a new one (under this step's key, so a retry mails the same) when it was revoked.
        String url = links.url(returned.scope(), sentWith.addressee(), sentWith.language(),
                sentWith.expiresAt(), "link:" + MailSteps.idempotencyKey(execution));
        PartnerLink link = links.live(returned.scope()).orElse(sentWith);
        Map<String, Object> values = values(link, url);
        values.put("receivedOn", LocalDate.ofInstant(returned.receivedAt(), java.time.ZoneId.systemDefault()));
        values.put("reason", returned.returnReason() == null ? "" : returned.returnReason());
        return List.of(new Notification(template, link.language(), List.of(link.addressee()), values));
    }

    /** The mail of a coordinator's "send again" ({@code replaced} false) or "new link" (true). */
    Notification linkMail(PartnerLink link, boolean replaced) {
        Map<String, Object> values = values(link, links.urlOf(link));
        values.put("replacedNote", !replaced ? "" : link.language() == Language.JA
                ? "以前お送りしたリンクは使えなくなりました。" : "The link we sent before no longer works.");
        return new Notification(PortalVariables.TEMPLATE_PARTNER_LINK, link.language(), List.of(link.addressee()), values);
    }

    private Map<String, Object> values(PartnerLink link, String url) {
        PortalTarget target = targets.of(link.purpose());
        Map<String, Object> values = new HashMap<>();
        values.put("what", target.describe(link, link.language()));
        values.put("addressee", target.addresseeName(link, link.language()));
        values.put("link", url);
        values.put("validUntil", links.lastDay(link));
        return values;
    }
}
