package org.cooperationdesk.dispatch;

import static org.cooperationdesk.dispatch.DispatchVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cooperationdesk.letter.LetterKind;
import org.cooperationdesk.letter.LetterRequest;
import org.cooperationdesk.language.Language;
import org.cooperationdesk.notification.Addressees;
import org.cooperationdesk.notification.Notification;
import org.cooperationdesk.notification.NotificationComposer;
import org.cooperationdesk.notification.OfficeDirectory;
import org.cooperationdesk.partner.Money;
import org.cooperationdesk.partner.PartnerRepository;
import org.cooperationdesk.people.Expert;
import org.cooperationdesk.system.Groups;
import org.springframework.stereotype.Component;

/**
 * Who gets each expert dispatch mail, what it says (wording in src/main/resources/mail/<language>/) and the letter it carries: the
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
    public List<Notification> compose(String template, DelegateExecution execution) {
        DispatchRequest request = dispatches.request(((Number) execution.getVariable(REQUEST_ID)).longValue());
        Number dispatchId = (Number) execution.getVariable(DISPATCH_ID);
        Expert expert = dispatchId == null ? null : dispatches.expertOf(dispatchId.longValue());
        Dispatch dispatch = dispatchId == null ? null : dispatches.dispatch(dispatchId.longValue());

        // The expert reads their correspondence language, the requesting body English, the office's people their own.
        Addressees readers = new Addressees();
        switch (template) {
            case "expert-offer", "sitrep-reminder" -> readers.add(expert.email(), expert.correspondenceLanguage());
            case "request-unfilled", "request-rejected" -> readers.add(request.requesterEmail(), Language.EN);
            case "approval-reminder" -> readers.addAll(office.emailsByLanguage(Groups.MANAGERS));
            case "approval-escalation" -> readers.addAll(office.emailsByLanguage(Groups.DIRECTORS));
            case "deployment-confirmed", "mission-closed", "stand-down" -> {
                if (expert != null) {
                    readers.add(expert.email(), expert.correspondenceLanguage());
                }
                readers.add(request.requesterEmail(), Language.EN);
            }
            default -> throw new IllegalArgumentException("Not a dispatch template: " + template);
        }
        List<Notification> mails = readers.mails(template, language -> values(template, language, execution, request,
                expert, dispatch));
        if (!template.equals("deployment-confirmed")) {
            return mails;
        }
        // The deployment letter in each mail's language: the expert's, kept on their page too; the requesting body's
        // English copy when the expert reads Japanese.
        return mails.stream().map(mail -> {
            boolean toExpert = mail.recipients().contains(expert.email());
            LetterRequest letter = LetterRequest.of(LetterKind.DEPLOYMENT_LETTER, request.reference(),
                            List.of(expert.fullName()), mail.values()).in(mail.language())
                    .fileNamedFor(dispatch.id() + (mail.language() == Language.EN ? "" : "-" + mail.language().tag()));
            return mail.carrying(toExpert ? letter.toPerson(expert.id()) : letter);
        }).toList();
    }

    private Map<String, Object> values(String template, Language language, DelegateExecution execution,
                                       DispatchRequest request, Expert expert, Dispatch dispatch) {
        Map<String, Object> values = new HashMap<>();
        values.put("requestReference", request.reference());
        values.put("requesterReference", request.requesterReference());
        values.put("requestingBody", partners.organisationName(request.requestingBody(), language));
        values.put("country", partners.countryName(request.countryCode(), language));
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
        switch (template) {
            // The coordinator's note is required on both ways to this mail (no suitable expert, no candidate).
            case "request-unfilled" -> values.put("note", "\n" + firstText(execution, language, MATCH_NOTE) + "\n");
            case "request-rejected" -> values.put("reason",
                    firstText(execution, language, SENIOR_RELEASE_COMMENT, RELEASE_COMMENT));
            case "stand-down" -> values.put("reason", firstText(execution, language, STAND_DOWN_REASON));
            default -> {
            }
        }
        return values;
    }

    private static void putIfPresent(Map<String, Object> values, String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    private static String firstText(DelegateExecution execution, Language language, String... names) {
        for (String name : names) {
            Object value = execution.getVariable(name);
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return language == Language.JA ? "理由の記載はありません" : "no reason was given";
    }
}
