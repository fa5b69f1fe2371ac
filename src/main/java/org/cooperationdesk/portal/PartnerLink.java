package org.cooperationdesk.portal;

import java.time.Instant;

import org.cooperationdesk.language.Language;

/** A personal link as kept (never its token): whom it was sent to, in which language, until when. */
public record PartnerLink(long id, LinkScope scope, String addressee, Language language, Instant issuedAt,
                          String issuedBy, Instant expiresAt, Instant revokedAt, String revokedBy, Instant replacedAt) {

    public LinkState state(Instant now) {
        if (revokedAt != null) {
            return LinkState.REVOKED;
        }
        if (replacedAt != null) {
            return LinkState.REPLACED;
        }
        return now.isBefore(expiresAt) ? LinkState.LIVE : LinkState.EXPIRED;
    }

    public boolean isLive(Instant now) {
        return state(now) == LinkState.LIVE;
    }

    public String reference() {
        return scope.reference();
    }

    public String subject() {
        return scope.subject();
    }

    public LinkPurpose purpose() {
        return scope.purpose();
    }
}
