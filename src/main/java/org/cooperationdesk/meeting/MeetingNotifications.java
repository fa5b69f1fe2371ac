package org.cooperationdesk.meeting;

import static org.cooperationdesk.meeting.MeetingVariables.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cooperationdesk.form.FormValues;
import org.cooperationdesk.letter.GovernmentAddress;
import org.cooperationdesk.letter.LetterKind;
import org.cooperationdesk.letter.LetterRequest;
import org.cooperationdesk.language.Language;
import org.cooperationdesk.notification.Addressees;
import org.cooperationdesk.notification.MailSteps;
import org.cooperationdesk.notification.Notification;
import org.cooperationdesk.notification.NotificationComposer;
import org.cooperationdesk.notification.Recipient;
import org.cooperationdesk.notification.OfficeDirectory;
import org.cooperationdesk.partner.PartnerRepository;
import org.cooperationdesk.portal.LinkPurpose;
import org.cooperationdesk.portal.LinkScope;
import org.cooperationdesk.portal.PartnerLinks;
import org.cooperationdesk.system.Groups;
import org.springframework.stereotype.Component;

/**
 * Who gets each meeting mail, what it says (wording in src/main/resources/mail/<language>/) and the letter it carries: the note
 * verbale to each government invited, the visa support letter of each delegation that needs one (letter/).
 */
@Component
class MeetingNotifications implements NotificationComposer {

    /** A member of a delegation as the visa support letter lists them. */
    record VisaApplicant(String fullName, String role, String passportNumber) {
    }

    private final MeetingService meetings;
    private final OfficeDirectory office;
    private final PartnerRepository partners;
    private final PartnerLinks links;

    MeetingNotifications(MeetingService meetings, OfficeDirectory office, PartnerRepository partners, PartnerLinks links) {
        this.meetings = meetings;
        this.office = office;
        this.partners = partners;
        this.links = links;
    }

    @Override
    public Set<String> templates() {
        return Set.of("meeting-invitation", "delegation-reminder", "delegation-escalation", "visa-support-letter",
                "chair-summary", "meeting-postponed", "meeting-cancelled");
    }

    /**
     * The governments, delegates and consulates read English; the managers told of a government's silence
     * (delegation-escalation) each read their own language.
     */
    @Override
    public List<Notification> compose(String template, DelegateExecution execution) {
        if (template.equals("delegation-escalation")) {
            Meeting meeting = meetings.meeting(MeetingDelegates.meetingId(execution));
            String country = FormValues.text(execution.getVariable(COUNTRY_CODE));
            return new Addressees().addAll(office.emailsByLanguage(Groups.MANAGERS)).mails(template, language -> {
                Map<String, Object> values = values(meeting, language);
                values.put("country", partners.countryName(country, language));
                return values;
            });
        }
        return List.of(english(template, execution));
    }

    private Map<String, Object> values(Meeting meeting, Language language) {
        Map<String, Object> values = new HashMap<>();
        values.put("meetingReference", meeting.reference());
        values.put("title", meeting.title());
        values.put("theme", meeting.theme());
        values.put("venue", meeting.venue());
        values.put("hostCountry", partners.countryName(meeting.hostCountry(), language));
        values.put("startDate", meeting.startDate());
        values.put("endDate", meeting.endDate());
        values.put("nominationDeadline", meeting.nominationDeadline());
        values.put("delegateQuota", meeting.delegateQuota());
        return values;
    }

    private Notification english(String template, DelegateExecution execution) {
        Meeting meeting = meetings.meeting(MeetingDelegates.meetingId(execution));
        Map<String, Object> values = new HashMap<>();
        values.put("meetingReference", meeting.reference());
        values.put("title", meeting.title());
        values.put("theme", meeting.theme());
        values.put("venue", meeting.venue());
        values.put("hostCountry", meetings.countryName(meeting.hostCountry()));
        values.put("startDate", meeting.startDate());
        values.put("endDate", meeting.endDate());
        values.put("nominationDeadline", meeting.nominationDeadline());
        values.put("delegateQuota", meeting.delegateQuota());
        String country = FormValues.text(execution.getVariable(COUNTRY_CODE));
        if (country != null) {
            values.put("country", meetings.countryName(country));
        }

        return switch (template) {
            case "meeting-invitation" -> {
                String channel = meetings.channelAddress(country);
                LetterRequest letter = noteVerbale(meeting, country, values);
                values.put("link", delegationLink(meeting, country, channel, execution));
                yield new Notification(template, List.of(channel), values).carrying(letter);
            }
            case "delegation-reminder" -> {
                String channel = meetings.channelAddress(country);
                values.put("link", delegationLink(meeting, country, channel, execution));
                yield new Notification(template, List.of(channel), values);
            }
            case "visa-support-letter" -> {
                List<String> recipients = new ArrayList<>();
                List<String> names = new ArrayList<>();
                List<VisaApplicant> applicants = new ArrayList<>();
                meetings.delegates(meeting.id()).stream().filter(d -> d.countryCode().equals(country)
                        && d.isRegistered()).forEach(d -> {
                            recipients.add(d.email());
                            names.add("  " + d.fullName() + ", passport " + d.passportNumber());
                            applicants.add(new VisaApplicant(d.fullName(),
                                    Delegate.HEAD.equals(d.role()) ? "Head of delegation" : "Delegate", d.passportNumber()));
                        });
                recipients.add(meetings.channelAddress(country));
                values.put("delegates", String.join("\n", names));
                Map<String, Object> letter = new HashMap<>(values);
                letter.put("members", List.copyOf(applicants));
                yield new Notification(template, recipients, values).carrying(LetterRequest.of(
                        LetterKind.VISA_SUPPORT_LETTER, meeting.reference(), List.of("To the consular authorities concerned"),
                        letter).fileNamedFor(country));
            }
            case "chair-summary", "meeting-postponed", "meeting-cancelled" -> {
                values.put("chairSummary", nonNull(execution.getVariable(CHAIR_SUMMARY)));
                values.put("recommendations", nonNull(execution.getVariable(RECOMMENDATIONS)));
                values.put("reason", nonNull(execution.getVariable(
                        template.equals("meeting-postponed") ? POSTPONEMENT_REASON : CANCELLATION_REASON)));
                String key = FormValues.text(execution.getVariable(RECIPIENT_KEY));
                yield new Notification(template, List.of(addressOf(key, values)), values);
            }
            default -> throw new IllegalArgumentException("Not a meeting template: " + template);
        };
    }

    /**
     * The government's personal link for its delegation to this meeting (portal/), in English as governments read it,
     * working to the end of the answer deadline: the same link in every mail of the round (a postponed meeting's new
     * round moves its expiry to the new deadline), and the same again on a retry of this mail step.
     */
    private String delegationLink(Meeting meeting, String country, String channel, DelegateExecution execution) {
        return links.url(LinkScope.of(LinkPurpose.MEETING_DELEGATION, meeting.reference(), country), channel, Language.EN,
                links.untilEndOf(meeting.nominationDeadline()), "link:" + MailSteps.idempotencyKey(execution));
    }

    /** The formal invitation of a government, addressed through the channel the office writes to. */
    private LetterRequest noteVerbale(Meeting meeting, String country, Map<String, Object> values) {
        GovernmentAddress address = GovernmentAddress.of(partners.country(country).orElseThrow());
        Map<String, Object> letter = new HashMap<>(values);
        letter.put("counterpart", address.counterpart());
        return LetterRequest.of(LetterKind.NOTE_VERBALE, meeting.reference(), address.lines(), letter)
                .fileNamedFor(country);
    }

    private String addressOf(String key, Map<String, Object> values) {
        Recipient recipient = Recipient.parse(key);
        if (recipient.kind() == Recipient.Kind.DELEGATE) {
            Delegate delegate = meetings.delegate(recipient.recordId());
            values.put("addressee", delegate.fullName());
            return delegate.email();
        }
        values.put("addressee", "colleagues");
        return recipient.kind() == Recipient.Kind.COUNTRY ? meetings.channelAddress(recipient.id()) : recipient.id();
    }

    private static String nonNull(Object value) {
        return value == null ? "" : value.toString();
    }
}
