package org.cooperationdesk.dispatch;

import static org.cooperationdesk.dispatch.DispatchVariables.*;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cooperationdesk.letter.LetterKind;
import org.cooperationdesk.letter.LetterRequest;
import org.cooperationdesk.language.Language;
import org.cooperationdesk.notification.Addressees;
import org.cooperationdesk.notification.MailSteps;
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
 * expert's deployment letter once every pre-deployment check is done (letter/). The mails that ask the expert for an
 * answer carry the expert's personal link ({@link DispatchLinks}): the offer, and the mission's reports (the deployment
 * confirmation, which therefore goes to the expert alone, and the situation report reminder).
 */
@Component
class DispatchNotifications implements NotificationComposer {

    private final DispatchService dispatches;
    private final PartnerRepository partners;
    private final OfficeDirectory office;
    private final DispatchLinks links;
    private final OfferDeadline offerDeadline;
    private final ZoneId zone;

    DispatchNotifications(DispatchService dispatches, PartnerRepository partners, OfficeDirectory office, DispatchLinks links,
                          OfferDeadline offerDeadline, java.time.Clock clock) {
        this.dispatches = dispatches;
        this.partners = partners;
        this.office = office;
        this.links = links;
        this.offerDeadline = offerDeadline;
        this.zone = clock.getZone();
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
        if (template.equals("deployment-confirmed")) {
            return deploymentConfirmed(execution, request, expert, dispatch);
        }

        // The expert reads their correspondence language, the requesting body English, the office's people their own.
        Addressees readers = new Addressees();
        switch (template) {
            case "expert-offer", "sitrep-reminder" -> readers.add(expert.email(), expert.correspondenceLanguage());
            case "request-unfilled", "request-rejected" -> readers.add(request.requesterEmail(), Language.EN);
            case "approval-reminder" -> readers.addAll(office.emailsByLanguage(Groups.MANAGERS));
            case "approval-escalation" -> readers.addAll(office.emailsByLanguage(Groups.DIRECTORS));
            case "mission-closed", "stand-down" -> {
                if (expert != null) {
                    readers.add(expert.email(), expert.correspondenceLanguage());
                }
                readers.add(request.requesterEmail(), Language.EN);
            }
            default -> throw new IllegalArgumentException("Not a dispatch template: " + template);
        }
        return readers.mails(template, language -> {
            Map<String, Object> values = values(template, language, execution, request, expert, dispatch);
            switch (template) {
                case "expert-offer" -> {
                    // The instant the step's input parameter took: the timer and the task fall due at it too. (An
                    // instance of the model before it, whose timer counts 72 hours itself: the same rule, from now.)
                    Date due = (Date) execution.getVariable(OFFER_ANSWER_DUE);
                    Instant lapses = (due != null ? due : offerDeadline.fromNow()).toInstant();
                    values.put("link", links.offerUrl(request.reference(), expert.id(), dispatch.id(), expert.email(),
                            language, lapses, linkKey(execution)));
                    values.put("answerBy", LocalDateTime.ofInstant(lapses, zone));
                }
                case "sitrep-reminder" -> putReportsLink(values, execution, request, expert, dispatch, language);
                default -> {
                }
            }
            return values;
        });
    }

    /**
     * The expert's confirmation carries their personal link for the mission's reports, so it goes to the expert alone;
     * the requesting body gets its own (deployment-confirmed-requester). The deployment letter in each mail's language:
     * the expert's, kept on their page too; the requesting body's English copy when the expert reads Japanese, the very
     * same letter when the expert reads English (one letter made per language of the step).
     */
    private List<Notification> deploymentConfirmed(DelegateExecution execution, DispatchRequest request, Expert expert,
                                                   Dispatch dispatch) {
        Language expertLanguage = expert.correspondenceLanguage();
        Map<String, Object> toExpert = values("deployment-confirmed", expertLanguage, execution, request, expert, dispatch);
        LetterRequest expertsLetter = LetterRequest.of(LetterKind.DEPLOYMENT_LETTER, request.reference(),
                        List.of(expert.fullName()), new HashMap<>(toExpert)).in(expertLanguage)
                .fileNamedFor(dispatch.id() + (expertLanguage == Language.EN ? "" : "-" + expertLanguage.tag()))
                .toPerson(expert.id());
        putReportsLink(toExpert, execution, request, expert, dispatch, expertLanguage);
        Map<String, Object> toRequester = values("deployment-confirmed", Language.EN, execution, request, expert, dispatch);
        LetterRequest requestersLetter = expertLanguage == Language.EN ? expertsLetter
                : LetterRequest.of(LetterKind.DEPLOYMENT_LETTER, request.reference(), List.of(expert.fullName()),
                        new HashMap<>(toRequester)).in(Language.EN).fileNamedFor(String.valueOf(dispatch.id()));
        List<Notification> mails = new ArrayList<>();
        mails.add(new Notification("deployment-confirmed", expertLanguage, List.of(expert.email()), toExpert)
                .carrying(expertsLetter));
        if (!request.requesterEmail().equalsIgnoreCase(expert.email())) {
            mails.add(new Notification("deployment-confirmed-requester", Language.EN, List.of(request.requesterEmail()),
                    toRequester).carrying(requestersLetter));
        }
        return mails;
    }

    /** The expert's link for the mission's reports, working until 30 days after the mission's planned end. */
    private void putReportsLink(Map<String, Object> values, DelegateExecution execution, DispatchRequest request,
                                Expert expert, Dispatch dispatch, Language language) {
        java.time.LocalDate plannedEnd = dispatch.plannedReturnDate() != null ? dispatch.plannedReturnDate()
                : request.plannedEndDate();
        DispatchLinks.Mailed link = links.reportsLink(request.reference(), expert.id(), expert.email(), language, plannedEnd,
                linkKey(execution));
        values.put("link", link.url());
        values.put("validUntil", link.lastDay());
    }

    /** A retried mail step mails the link it issued before. */
    private static String linkKey(DelegateExecution execution) {
        return "link:" + MailSteps.idempotencyKey(execution);
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
