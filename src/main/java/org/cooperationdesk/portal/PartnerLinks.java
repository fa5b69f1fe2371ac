package org.cooperationdesk.portal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.cooperationdesk.language.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal links (table {@code partner_link}): issued for a scope when a mail asks a partner for an answer, opened by
 * the partner's page, revoked or replaced by a coordinator. A link's token is the HMAC-SHA256 of its issue key under
 * the application's link key ({@code coopdesk.portal.link-key}): unguessable without the key, the same on every retry
 * of the mail step that issued it, and computable again to mail the same link; only its SHA-256 is stored. Every use
 * is logged ({@code partner_link_use}) in a transaction of its own, whatever becomes of the request.
 */
@Service
public class PartnerLinks {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerLinks.class);
    private static final String COLUMNS = """
            id, purpose, reference, subject, addressee, language, issued_at, issued_by, expires_at, revoked_at, revoked_by,
            replaced_at""";

    /** A use of a link as its record's page lists it. */
    public record LinkUse(Instant usedAt, String address, String action, String outcome) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LinkThrottle throttle;
    private final TransactionTemplate ownTransaction;
    private final SecretKeySpec linkKey;
    private final String baseUrl;

    PartnerLinks(JdbcClient jdbc, Clock clock, LinkThrottle throttle, PlatformTransactionManager transactionManager,
                 @Value("${coopdesk.portal.link-key}") String linkKey,
                 @Value("${coopdesk.portal.base-url}") String baseUrl) {
        if (linkKey == null || linkKey.length() < 32) {
            throw new IllegalStateException("coopdesk.portal.link-key (COOPDESK_PORTAL_LINK_KEY) must be at least 32 characters");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.throttle = throttle;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.linkKey = new SecretKeySpec(linkKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * The address of the scope's link for a mail that asks for an answer: the live link of the scope when there is
     * one (every mail of the scope carries the same link; its expiry moves to {@code expiresAt} when that is later),
     * else a new one under {@code issueKey}, the mail step's idempotency key, so that a retried step mails the same link.
     */
    @Transactional
    public String url(LinkScope scope, String addressee, Language language, Instant expiresAt, String issueKey) {
        Optional<PartnerLink> live = live(scope);
        if (live.isPresent()) {
            PartnerLink link = live.get();
            if (expiresAt.isAfter(link.expiresAt())) {
                jdbc.sql("update partner_link set expires_at = ? where id = ?").params(Timestamp.from(expiresAt), link.id()).update();
            }
            jdbc.sql("update partner_link set addressee = ? where id = ?").params(addressee, link.id()).update();
            return urlOf(link);
        }
        Optional<PartnerLink> sameStep = byIssueKey(issueKey);
        if (sameStep.isPresent()) {
            return urlOf(sameStep.get());
        }
        return urlOf(insert(scope, addressee, language, expiresAt, issueKey, "system"));
    }

    /**
     * A new link for the scope of this one (the old one was forwarded to the wrong person, or has expired): the
     * scope's earlier links stop working. It is valid until {@code expiresAt}.
     */
    @Transactional
    public PartnerLink renew(PartnerLink previous, Instant expiresAt, String issuedBy) {
        Instant now = clock.instant();
        jdbc.sql("update partner_link set replaced_at = ? where reference = ? and purpose = ? and subject = ? and replaced_at is null")
                .params(Timestamp.from(now), previous.reference(), previous.purpose().name(), previous.subject()).update();
        PartnerLink renewed = insert(previous.scope(), previous.addressee(), previous.language(), expiresAt,
                "renewal:" + UUID.randomUUID(), issuedBy);
        LOG.info("Link {} of {} {} {} replaced by link {} ({})", previous.id(), previous.purpose(), previous.reference(),
                previous.subject(), renewed.id(), issuedBy);
        return renewed;
    }

    /** The link stops working at once; the partner gets the page every dead link gets. */
    @Transactional
    public void revoke(long linkId, String revokedBy) {
        jdbc.sql("update partner_link set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), revokedBy, linkId).update();
        LOG.info("Link {} revoked by {}", linkId, revokedBy);
    }

    /** The live link of a scope, if there is one. */
    public Optional<PartnerLink> live(LinkScope scope) {
        Instant now = clock.instant();
        return forScope(scope).stream().filter(link -> link.isLive(now)).findFirst();
    }

    /** Every link of a scope, the newest first. */
    public List<PartnerLink> forScope(LinkScope scope) {
        return jdbc.sql("select " + COLUMNS + " from partner_link where reference = ? and purpose = ? and subject = ? order by id desc")
                .params(scope.reference(), scope.purpose().name(), scope.subject()).query(PartnerLinks::link).list();
    }

    /** Every link issued for a record, the newest first. */
    public List<PartnerLink> forReference(String reference) {
        return jdbc.sql("select " + COLUMNS + " from partner_link where reference = ? order by id desc")
                .param(reference).query(PartnerLinks::link).list();
    }

    public Optional<PartnerLink> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from partner_link where id = ?").param(id).query(PartnerLinks::link).optional();
    }

    /** The address to mail for a link, computed again from its issue key. */
    public String urlOf(PartnerLink link) {
        String issueKey = jdbc.sql("select issue_key from partner_link where id = ?").param(link.id()).query(String.class).single();
        return baseUrl + PortalController.PATH + token(issueKey);
    }

    /**
     * The live link a token opens, the use logged with its time and address. A token that is unknown, expired, revoked
     * or replaced is refused alike; an address that keeps presenting such tokens is slowed down.
     *
     * @throws LinkThrottle.DeadLinkException when the token opens nothing
     * @throws LinkThrottle.SlowDownException when the address has failed too often lately
     */
    public PartnerLink open(String token, String address, String action) {
        String hash = sha256(token == null ? "" : token);
        throttle.check(address);
        Optional<PartnerLink> link = token == null || token.length() > 100 ? Optional.empty()
                : jdbc.sql("select " + COLUMNS + " from partner_link where token_hash = ?").param(hash)
                .query(PartnerLinks::link).optional();
        Instant now = clock.instant();
        String outcome = link.map(found -> found.state(now).name()).orElse("UNKNOWN");
        logUse(link.map(PartnerLink::id).orElse(null), hash, address, action, outcome);
        if (link.isEmpty() || !link.get().isLive(now)) {
            throw throttle.failed(address);
        }
        return link.get();
    }

    /** Notes what came of a use of a live link (a refused form, an answer received) beside its opening. */
    public void logOutcome(PartnerLink link, String address, String action, String outcome) {
        logUse(link.id(), "", address, action, outcome);
    }

    /** Every use of a link, the latest first. */
    public List<LinkUse> uses(long linkId) {
        return jdbc.sql("select used_at, address, action, outcome from partner_link_use where link_id = ? order by id desc")
                .param(linkId).query((rs, row) -> new LinkUse(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4))).list();
    }

    /** A link that serves a deadline works to the end of that day, in the office's time zone. */
    public Instant untilEndOf(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }

    /** The last day a link works, as its mails and pages say it. */
    public LocalDate lastDay(PartnerLink link) {
        return LocalDate.ofInstant(link.expiresAt().minusSeconds(1), clock.getZone());
    }

    /** A new link for a scope whose deadline has passed works this long, so that a coordinator can still ask. */
    public Instant renewalExpiry(LocalDate deadline) {
        LocalDate today = LocalDate.now(clock);
        return untilEndOf(deadline != null && !deadline.isBefore(today.plusDays(RENEWAL_DAYS)) ? deadline : today.plusDays(RENEWAL_DAYS));
    }

    /** Days a renewed link works at least. */
    static final int RENEWAL_DAYS = 7;

    private void logUse(Long linkId, String hash, String address, String action, String outcome) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                        insert into partner_link_use (link_id, token_hint, used_at, address, action, outcome)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(linkId, hash.length() > 12 ? hash.substring(0, 12) : hash, Timestamp.from(clock.instant()),
                        truncate(address, 64), action, outcome).update());
    }

    private PartnerLink insert(LinkScope scope, String addressee, Language language, Instant expiresAt, String issueKey,
                               String issuedBy) {
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into partner_link (purpose, reference, subject, issue_key, token_hash, addressee, language,
                                                  issued_at, issued_by, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(scope.purpose().name(), scope.reference(), scope.subject(), issueKey, sha256(token(issueKey)),
                        addressee, language.tag(), Timestamp.from(now), issuedBy, Timestamp.from(expiresAt))
                .update();
        return byIssueKey(issueKey).orElseThrow();
    }

    private Optional<PartnerLink> byIssueKey(String issueKey) {
        return jdbc.sql("select " + COLUMNS + " from partner_link where issue_key = ?").param(issueKey)
                .query(PartnerLinks::link).optional();
    }

    private String token(String issueKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(linkKey);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(issueKey.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String truncate(String text, int length) {
        String value = text == null ? "unknown" : text;
        return value.length() > length ? value.substring(0, length) : value;
    }

    private static PartnerLink link(ResultSet rs, int row) throws SQLException {
        return new PartnerLink(rs.getLong("id"),
                new LinkScope(LinkPurpose.valueOf(rs.getString("purpose")), rs.getString("reference"), rs.getString("subject")),
                rs.getString("addressee"), Language.ofTag(rs.getString("language")).orElse(Language.EN),
                rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by"), rs.getTimestamp("expires_at").toInstant(),
                instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_by"), instant(rs.getTimestamp("replaced_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
