package org.cooperationdesk.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cooperationdesk.language.Language;
import org.cooperationdesk.portal.LinkPurpose;
import org.cooperationdesk.portal.LinkScope;
import org.cooperationdesk.portal.PartnerLink;
import org.cooperationdesk.portal.PartnerLinks;
import org.springframework.stereotype.Component;

/**
 * The personal links of a dispatch: what each opens and until when.
 * <ul>
 * <li>An offer: scope (EXPERT_OFFER, the request's reference, "&lt;expert id&gt;/offer-&lt;dispatch id&gt;"). The
 * dispatch row is the offer, so a later offer (another expert, or the same expert offered again) is another scope with
 * a link of its own, and an earlier offer's link can never answer it. It works until the offer lapses.</li>
 * <li>The mission's reports: scope (MISSION_REPORTS, the request's reference, the expert's id), one per request (a
 * request has one mission). It works until 30 days after the mission's planned end, and longer once it is extended.</li>
 * </ul>
 */
@Component
class DispatchLinks {

    /** How long after the mission's planned end the expert can still send reports (the end-of-mission report). */
    static final int REPORT_DAYS_AFTER_MISSION = 30;

    private static final Pattern OFFER_SUBJECT = Pattern.compile("(\\d+)/offer-(\\d+)");

    /** Whose offer a link answers: the expert, and the offer (the dispatch row). */
    record Offer(long expertId, long dispatchId) {
    }

    private final PartnerLinks links;

    DispatchLinks(PartnerLinks links) {
        this.links = links;
    }

    static LinkScope offerScope(String reference, long expertId, long dispatchId) {
        return new LinkScope(LinkPurpose.EXPERT_OFFER, reference, expertId + "/offer-" + dispatchId);
    }

    static LinkScope reportsScope(String reference, long expertId) {
        return LinkScope.of(LinkPurpose.MISSION_REPORTS, reference, expertId);
    }

    /** The offer an EXPERT_OFFER link answers; empty for a subject this room did not write. */
    static Optional<Offer> offerOf(PartnerLink link) {
        Matcher matcher = OFFER_SUBJECT.matcher(link.subject());
        return link.purpose() == LinkPurpose.EXPERT_OFFER && matcher.matches()
                ? Optional.of(new Offer(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))))
                : Optional.empty();
    }

    /** The expert whose reports a MISSION_REPORTS link takes; empty for a subject this room did not write. */
    static Optional<Long> reporterOf(PartnerLink link) {
        return link.purpose() == LinkPurpose.MISSION_REPORTS && link.subject().matches("\\d+")
                ? Optional.of(Long.parseLong(link.subject())) : Optional.empty();
    }

    /** The address of the offer's link for the offer mail, working until the offer lapses. */
    String offerUrl(String reference, long expertId, long dispatchId, String email, Language language, Instant lapses,
                    String issueKey) {
        return links.url(offerScope(reference, expertId, dispatchId), email, language, lapses, issueKey);
    }

    /** A link as a mail gives it: its address and the last day it works. */
    record Mailed(String url, LocalDate lastDay) {
    }

    /**
     * The mission's reports link for a mail to the expert, working at least until {@link #reportsExpiry} (every mail
     * of the mission carries the same link while it works).
     */
    Mailed reportsLink(String reference, long expertId, String email, Language language, LocalDate plannedEnd,
                       String issueKey) {
        LinkScope scope = reportsScope(reference, expertId);
        String url = links.url(scope, email, language, reportsExpiry(plannedEnd), issueKey);
        return new Mailed(url, links.live(scope).map(links::lastDay).orElse(plannedEnd.plusDays(REPORT_DAYS_AFTER_MISSION)));
    }

    Instant reportsExpiry(LocalDate plannedEnd) {
        return links.untilEndOf(plannedEnd.plusDays(REPORT_DAYS_AFTER_MISSION));
    }

    /**
     * An extended mission keeps its reports link working to the new end + 30 days. Only a link that still works is
     * extended: a revoked or expired one stays so (a coordinator sends a new one).
     */
    void keepReportsLinkUntil(String reference, long expertId, LocalDate plannedEnd) {
        LinkScope scope = reportsScope(reference, expertId);
        // url() moves a live link's expiry to a later one and issues nothing while the scope has a live link.
        links.live(scope).ifPresent(link -> links.url(scope, link.addressee(), link.language(), reportsExpiry(plannedEnd),
                "link:extension:" + link.id()));
    }
}
