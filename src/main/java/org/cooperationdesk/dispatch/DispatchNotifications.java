package org.cooperationdesk.dispatch;

import static org.cooperationdesk.dispatch.DispatchVariables.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cooperationdesk.letter.LetterKind;
import org.cooperationdesk.letter.LetterRequest;
import org.cooperationdesk.notification.Notification;
import org.cooperationdesk.notification.NotificationComposer;
import org.cooperationdesk.notification.OfficeDirectory;
import org.cooperationdesk.partner.Money;
import org.cooperationdesk.partner.PartnerRepository;
import org.cooperationdesk.people.Expert;
import org.cooperationdesk.system.Groups;
import org.springframework.stereotype.Component;

/**
 * Who gets each expert dispatch mail, what it says (wording in src/main/resources/mail/) and the letter it carries: the
 * expert's deployment letter once every pre-deployment check is done (letter/).
 */
@Component
class DispatchNotifications implements NotificationComposer {

    private final DispatchService dispatches;
    private final PartnerRepository partners;
    private final OfficeDirectory office;

    DispatchNotifications(DispatchService dispatches, PartnerRepository partners, OfficeDirectory office) {
        this.dispatches = dispatches;
        this.partners = partners;
        this.office = office;
    }

    @Override
    public Set<String> templates() {
        return Set.of("expert-offer", "request-unfilled", "request-rejected", "approval-reminder",
                "approval-escalation", "deployment-confirmed", "sitrep-reminder", "mission-closed", "stand-down");
    }

    @Override
    public Notification compose(String template, DelegateExecution execution) {
        DispatchRequest request = dispatches.request(((Number) execution.getVariable(REQUEST_ID)).longValue());
        Number dispatchId = (Number) execution.getVariable(DISPATCH_ID);
        Expert expert = dispatchId == null ? null : dispatches.expertOf(dispatchId.longValue());
        Dispatch dispatch = dispatchId == null ? null : dispatches.dispatch(dispatchId.longValue());

        Map<String, Object> values = new HashMap<>();
        values.put("requestReference", request.reference());
        values.put("requesterReference", request.requesterReference());
        values.put("requestingBody", partners.organisationName(request.requestingBody()));
        values.put("country", partners.countryName(request.countryCode()));
        values.put("purpose", request.purpose());
        values.put("termsOfReference", request.termsOfReference());
        values.put("startDate", request.startDate());
        values.put("durationDays", request.durationDays());
        values.put("estimatedCost", Money.YEN.equals(request.estimatedCostCurrency()) ? request.estimatedCostText()
                : request.estimatedCostText() + ", " + Money.yen(request.estimatedCostYen()).text());
        if (expert != null) {
            values.put("expertName", expert.fullName());
        }
        if (dispatch != null) {
            putIfPresent(values, "departureDate", dispatch.departureDate());
            putIfPresent(values, "plannedReturnDate", dispatch.plannedReturnDate());
            putIfPresent(values, "returnDate", dispatch.returnDate());
            putIfPresent(values, "personDays", dispatch.personDays());
            putIfPresent(values, "travelBooking", dispatch.travelBooking());
            putIfPresent(values, "insurancePolicy", dispatch.insurancePolicy());
        }

        return switch (template) {
            case "expert-offer", "sitrep-reminder" -> new Notification(template, List.of(expert.email()), values);
            case "request-unfilled" -> {
                // The coordinator's note is required on both ways to this mail (no suitable expert, no candidate).
                values.put("note", "\n" + firstText(execution, MATCH_NOTE) + "\n");
                yield new Notification(template, List.of(request.requesterEmail()), values);
            }
            case "request-rejected" -> {
                values.put("reason", firstText(execution, SENIOR_RELEASE_COMMENT, RELEASE_COMMENT));
                yield new Notification(template, List.of(request.requesterEmail()), values);
            }
            case "approval-reminder" -> new Notification(template, office.emailsOf(Groups.MANAGERS), values);
            case "approval-escalation" -> new Notification(template, office.emailsOf(Groups.DIRECTORS), values);
            case "deployment-confirmed" -> new Notification(template, List.of(expert.email(), request.requesterEmail()), values)
                    .carrying(LetterRequest.of(LetterKind.DEPLOYMENT_LETTER, request.reference(), List.of(expert.fullName()),
                            values).toPerson(expert.id()).fileNamedFor(String.valueOf(dispatch.id())));
            case "mission-closed" -> new Notification(template, List.of(expert.email(), request.requesterEmail()), values);
            case "stand-down" -> {
                values.put("reason", firstText(execution, STAND_DOWN_REASON));
                List<String> recipients = new ArrayList<>();
                if (expert != null) {
                    recipients.add(expert.email());
                }
                recipients.add(request.requesterEmail());
                yield new Notification(template, recipients, values);
            }
            default -> throw new IllegalArgumentException("Not a dispatch template: " + template);
        };
    }

    private static void putIfPresent(Map<String, Object> values, String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    private static String firstText(DelegateExecution execution, String... names) {
        for (String name : names) {
            Object value = execution.getVariable(name);
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return "no reason was given";
    }
}
