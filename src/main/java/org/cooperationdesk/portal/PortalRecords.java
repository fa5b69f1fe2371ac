package org.cooperationdesk.portal;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * What a record's page shows of its partners' links (fragments/portal.html): each link with its state and last use,
 * the answers sent through them and their files.
 */
@Component("portalRecords")
public class PortalRecords {

    /** A link as a record's page lists it. */
    public record LinkRow(PartnerLink link, LinkState state, String lastUse, int uses) {
    }

    /** The partners' side of one record. */
    public record View(List<LinkRow> links, List<PartnerSubmission> submissions, List<StoredAttachment> files) {

        public boolean isEmpty() {
            return links.isEmpty() && submissions.isEmpty();
        }
    }

    private final PartnerLinks links;
    private final PartnerSubmissions submissions;
    private final Clock clock;

    PortalRecords(PartnerLinks links, PartnerSubmissions submissions, Clock clock) {
        this.links = links;
        this.submissions = submissions;
        this.clock = clock;
    }

    public View of(String reference) {
        List<LinkRow> rows = links.forReference(reference).stream().map(link -> {
            List<PartnerLinks.LinkUse> uses = links.uses(link.id());
            String last = uses.isEmpty() ? null : uses.get(0).usedAt() + " " + uses.get(0).address() + " " + uses.get(0).outcome();
            return new LinkRow(link, link.state(clock.instant()), last, uses.size());
        }).toList();
        return new View(rows, submissions.forReference(reference), submissions.attachmentsOf(reference));
    }
}
