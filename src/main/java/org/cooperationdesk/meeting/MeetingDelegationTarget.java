package org.cooperationdesk.meeting;

import static org.cooperationdesk.meeting.MeetingOrganisationProcess.FORM_RECORD_DELEGATION;
import static org.cooperationdesk.meeting.MeetingOrganisationProcess.MESSAGE_DELEGATION_SENT_ONLINE;
import static org.cooperationdesk.meeting.MeetingOrganisationProcess.PROCESS_KEY;
import static org.cooperationdesk.meeting.MeetingVariables.COUNTRY_CODE;
import static org.cooperationdesk.meeting.MeetingVariables.DELEGATION_ANSWER;
import static org.cooperationdesk.meeting.MeetingVariables.MEETING_ID;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.cooperationdesk.language.Language;
import org.cooperationdesk.language.LanguageFormats;
import org.cooperationdesk.partner.PartnerRepository;
import org.cooperationdesk.portal.AttachmentKind;
import org.cooperationdesk.portal.AttachmentSlot;
import org.cooperationdesk.portal.LinkPurpose;
import org.cooperationdesk.portal.PartnerLink;
import org.cooperationdesk.portal.PartnerSubmission;
import org.cooperationdesk.portal.PartnerSubmissions;
import org.cooperationdesk.portal.PortalAnswer;
import org.cooperationdesk.portal.PortalPage;
import org.cooperationdesk.portal.PortalRefusal;
import org.cooperationdesk.portal.PortalTarget;
import org.cooperationdesk.portal.PortalVariables;
import org.cooperationdesk.portal.SubmissionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A government's delegation to one meeting, sent by its focal point through the personal link of the invitation
 * (purpose MEETING_DELEGATION, subject = the country's ISO code): the page asks for the record-delegation form, with
 * the note verbale, while that country's "Record delegation" waits; what arrives goes to a coordinator's review
 * ("Review delegation of Cambodia") through that country's execution only.
 */
@Component
class MeetingDelegationTarget implements PortalTarget {

    private static final Logger LOG = LoggerFactory.getLogger(MeetingDelegationTarget.class);
    static final String SLOT_OFFICIAL_LETTER = "officialLetter";
    static final String SLOT_PASSPORTS = "passports";

    private final MeetingRecords records;
    private final PartnerRepository partners;
    private final PartnerSubmissions submissions;
    private final RuntimeService runtimeService;
    private final MeetingReferences references;
    private final MessageSource messages;
    private final Clock clock;

    MeetingDelegationTarget(MeetingRecords records, PartnerRepository partners, PartnerSubmissions submissions,
                            RuntimeService runtimeService, MeetingReferences references, MessageSource messages, Clock clock) {
        this.records = records;
        this.partners = partners;
        this.submissions = submissions;
        this.runtimeService = runtimeService;
        this.references = references;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Set<LinkPurpose> purposes() {
        return Set.of(LinkPurpose.MEETING_DELEGATION);
    }

    @Override
    public PortalPage page(PartnerLink link) {
        Language language = Language.of(LocaleContextHolder.getLocale());
        Optional<Meeting> found = records.meetingByReference(link.reference());
        String country = partners.countryName(link.subject(), language);
        if (found.isEmpty()) {
            return PortalPage.closed(message("portal.meeting.title", country, link.reference()),
                    "portal.closed.noLongerAwaited").build();
        }
        Meeting meeting = found.get();
        String title = message("portal.meeting.title", country, meeting.title());
        Optional<PartnerSubmission> latest = submissions.latest(link.scope());
        boolean underReview = latest.map(PartnerSubmission::status).orElse(null) == SubmissionStatus.RECEIVED;
        PortalPage.Builder page;
        if (!underReview && awaitingExecution(link).isPresent()) {
            page = PortalPage.asking(title, FORM_RECORD_DELEGATION)
                    .context(MEETING_ID, meeting.id())
                    .slot(AttachmentSlot.required(SLOT_OFFICIAL_LETTER, AttachmentKind.OFFICIAL_LETTER)
                            .requiredWhen(DELEGATION_ANSWER, "nominated"))
                    .slot(AttachmentSlot.optional(SLOT_PASSPORTS, AttachmentKind.PASSPORT_COPY, true));
            latest.filter(answer -> answer.status() == SubmissionStatus.RETURNED).ifPresent(returned -> page
                    .notice("portal.notice.returned", LanguageFormats.date(dayOf(returned), language),
                            returned.returnReason() == null ? "" : returned.returnReason())
                    .prefill(returned.values()));
        } else {
            page = PortalPage.closed(title, underReview ? "portal.closed.underReview"
                    : latest.filter(answer -> answer.status() == SubmissionStatus.ACCEPTED).isPresent()
                    ? "portal.closed.accepted" : "portal.closed.noLongerAwaited");
        }
        return page
                .fact(message("portal.meeting.fact.meeting"), meeting.title() + " (" + meeting.reference() + ")")
                .fact(message("portal.meeting.fact.theme"), meeting.theme())
                .fact(message("portal.meeting.fact.venue"), message("portal.meeting.venue", meeting.venue(),
                        partners.countryName(meeting.hostCountry(), language)))
                .fact(message("portal.meeting.fact.dates"), message("portal.meeting.dates",
                        LanguageFormats.date(meeting.startDate(), language), LanguageFormats.date(meeting.endDate(), language)))
                .fact(message("portal.meeting.fact.quota"), message("portal.meeting.quota",
                        LanguageFormats.number(meeting.delegateQuota(), language)))
                .deadline(meeting.nominationDeadline())
                .sent(submissions.forScope(link.scope()))
                .build();
    }

    /**
     * Keeps the answer for review and tells that country's execution, and no other: the answer's scope is the link's,
     * whatever the form carried.
     */
    @Override
    public void receive(PartnerLink link, PortalAnswer answer) {
        String executionId = awaitingExecution(link).orElseThrow(() -> new PortalRefusal("portal.refused.notAsked"));
        Meeting meeting = records.meetingByReference(link.reference()).orElseThrow();
        // A new delegation round (the meeting postponed for want of delegates) asks again after an accepted answer.
        boolean askedAgain = submissions.latest(link.scope()).map(PartnerSubmission::status).orElse(null)
                == SubmissionStatus.ACCEPTED;
        PartnerSubmission received = askedAgain ? submissions.receiveAnother(link, answer) : submissions.receive(link, answer);
        String country = partners.countryName(link.subject(), Language.EN);
        Map<String, Object> variables = new HashMap<>();
        variables.put(PortalVariables.SUBMISSION_ID, received.id());
        variables.put(PortalVariables.SUBMISSION_TITLE, "Delegation of " + country + " to " + meeting.reference());
        variables.put(PortalVariables.SUBMISSION_SUMMARY, inEnglish(() -> submissions.summary(received)));
        variables.put(PortalVariables.REVIEW_TASK_NAME, "Review delegation of " + country);
        try {
            references.asOffice(() -> runtimeService.messageEventReceived(MESSAGE_DELEGATION_SENT_ONLINE, executionId, variables));
        } catch (ProcessEngineException gone) {
            // The coordinator recorded the answer (or the deadline passed) a moment ago: nothing is kept.
            LOG.info("Delegation of {} to {} sent online is no longer awaited: {}", link.subject(), link.reference(),
                    gone.getMessage());
            throw new PortalRefusal("portal.refused.notAsked");
        }
    }

    @Override
    public String describe(PartnerLink link, Language language) {
        String country = partners.countryName(link.subject(), language);
        String meeting = records.meetingByReference(link.reference())
                .map(found -> found.title() + (language == Language.JA ? "（" + found.reference() + "）" : " (" + found.reference() + ")"))
                .orElse(link.reference());
        return language == Language.JA ? meeting + "への" + country + "の代表団"
                : "the delegation of " + country + " to " + meeting;
    }

    @Override
    public String addresseeName(PartnerLink link, Language language) {
        String country = partners.countryName(link.subject(), language);
        return language == Language.JA ? country + " ご担当者" : "colleagues of " + country;
    }

    /**
     * The execution whose "Record delegation" waits for this country's answer (its "Delegation sent online"
     * subscription), in the link's meeting: found by the country of its scope, never by the message alone, which every
     * invited country's execution subscribes to.
     */
    private Optional<String> awaitingExecution(PartnerLink link) {
        return references.asOffice(() -> runtimeService.createExecutionQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(link.reference())
                .messageEventSubscriptionName(MESSAGE_DELEGATION_SENT_ONLINE)
                .list().stream()
                .filter(execution -> link.subject().equals(runtimeService.getVariable(execution.getId(), COUNTRY_CODE)))
                .map(execution -> execution.getId())
                .findFirst());
    }

    private LocalDate dayOf(PartnerSubmission returned) {
        return LocalDate.ofInstant(returned.decidedAt() == null ? returned.receivedAt() : returned.decidedAt(), clock.getZone());
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    /** The review task reads English, as its name and title do, whichever language the partner's page was in. */
    private static <T> T inEnglish(Supplier<T> call) {
        LocaleContext before = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        try {
            return call.get();
        } finally {
            LocaleContextHolder.setLocaleContext(before);
        }
    }
}
