package org.cooperationdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.cooperationdesk.MutableClock;
import org.cooperationdesk.language.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Personal links: unguessable and never stored, the same link on every mail of a scope and on a retried mail step,
 * dead when expired, revoked or replaced (and told apart only in the office's log), and an address that keeps
 * presenting dead links slowed down.
 */
class PartnerLinksTest {

    static final String KEY = "a-test-link-key-of-at-least-32-characters";
    static final LinkScope CAMBODIA = new LinkScope(LinkPurpose.MEETING_DELEGATION, "MT-2026-0001", "KH");
    static final LinkScope THAILAND = new LinkScope(LinkPurpose.MEETING_DELEGATION, "MT-2026-0001", "TH");

    final PortalDatabase database = new PortalDatabase();
    final MutableClock clock = new MutableClock();
    final LinkThrottle throttle = new LinkThrottle(clock, 10, Duration.ofMinutes(10));
    PartnerLinks links;
    Instant deadline;

    @BeforeEach
    void links() {
        links = new PartnerLinks(database.jdbc, clock, throttle, database.transactions, KEY, "https://desk.example/");
        deadline = links.untilEndOf(LocalDate.now(clock).plusDays(10));
    }

    String mail(LinkScope scope, String step) {
        return links.url(scope, "focal@mfa.gov.kh", Language.EN, deadline, "link:job:" + step);
    }

    static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    PartnerLink open(String url) {
        return links.open(token(url), "203.0.113.7", "OPEN");
    }

    @Test
    void shouldMakeAnUnguessableLinkAndKeepOnlyItsHash() {
        String url = mail(CAMBODIA, "1");

        assertThat(url).matches("https://desk\\.example/portal/[A-Za-z0-9_-]{43}");
        List<Map<String, Object>> rows = database.jdbc.sql("select * from partner_link").query().listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).values()).noneMatch(value -> value != null && value.toString().contains(token(url)));
        assertThat(rows.get(0).get("TOKEN_HASH") != null ? rows.get(0).get("TOKEN_HASH") : rows.get(0).get("token_hash"))
                .isEqualTo(PartnerLinks.sha256(token(url)));
    }

    @Test
    void shouldMailTheSameLinkOnARetryAndOnEveryMailOfTheScope() {
        String invitation = mail(CAMBODIA, "1");

        assertThat(mail(CAMBODIA, "1")).as("the same step retried").isEqualTo(invitation);
        assertThat(mail(CAMBODIA, "2")).as("the reminder").isEqualTo(invitation);
        assertThat(mail(THAILAND, "3")).as("another country's").isNotEqualTo(invitation);
        assertThat(database.jdbc.sql("select count(*) from partner_link").query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void shouldMakeTheSameLinkAgainWhenTheStepThatMadeItRolledBack() {
        String sent = mail(CAMBODIA, "1");
        database.jdbc.sql("delete from partner_link").update();

        assertThat(mail(CAMBODIA, "1")).isEqualTo(sent);
        assertThat(open(sent).scope()).isEqualTo(CAMBODIA);
    }

    @Test
    void shouldOpenOnlyItsScopeAndLogTheUse() {
        String cambodia = mail(CAMBODIA, "1");
        mail(THAILAND, "2");

        PartnerLink opened = open(cambodia);

        assertThat(opened.scope()).isEqualTo(CAMBODIA);
        assertThat(links.uses(opened.id())).singleElement().satisfies(use -> {
            assertThat(use.address()).isEqualTo("203.0.113.7");
            assertThat(use.action()).isEqualTo("OPEN");
            assertThat(use.outcome()).isEqualTo("LIVE");
            assertThat(use.usedAt()).isNotNull();
        });
    }

    @Test
    void shouldExtendTheLinkWhenALaterDeadlineIsMailed() {
        String url = mail(CAMBODIA, "1");
        Instant postponed = deadline.plus(Duration.ofDays(30));

        assertThat(links.url(CAMBODIA, "focal@mfa.gov.kh", Language.EN, postponed, "link:job:9")).isEqualTo(url);
        clock.advance(Duration.ofDays(20));

        assertThat(open(url).expiresAt()).isEqualTo(postponed);
    }

    @Test
    void shouldWorkToTheEndOfTheDeadlineDay() {
        LocalDate lastDay = LocalDate.now(clock).plusDays(10);
        PartnerLink link = open(mail(CAMBODIA, "1"));

        assertThat(links.lastDay(link)).isEqualTo(lastDay);
        assertThat(link.expiresAt()).isEqualTo(lastDay.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }

    @Test
    void shouldRefuseALinkKeyTooShortToBeSecret() {
        assertThatThrownBy(() -> new PartnerLinks(database.jdbc, clock, throttle, database.transactions, "short", "http://x"))
                .hasMessageContaining("COOPDESK_PORTAL_LINK_KEY");
    }

    @Nested
    class DeadLinks {

        @Test
        void shouldRefuseAnExpiredLink() {
            String url = mail(CAMBODIA, "1");
            clock.advance(Duration.ofDays(11));

            assertThatThrownBy(() -> open(url)).isInstanceOf(LinkThrottle.DeadLinkException.class);
            assertThat(outcomes()).containsExactly("EXPIRED");
        }

        @Test
        void shouldRefuseARevokedLink() {
            String url = mail(CAMBODIA, "1");
            links.revoke(links.live(CAMBODIA).orElseThrow().id(), "coordinator");

            assertThatThrownBy(() -> open(url)).isInstanceOf(LinkThrottle.DeadLinkException.class);
            assertThat(links.live(CAMBODIA)).isEmpty();
            assertThat(outcomes()).containsExactly("REVOKED");
        }

        @Test
        void shouldRefuseAReplacedLinkAndOpenItsSuccessor() {
            String old = mail(CAMBODIA, "1");
            PartnerLink renewed = links.renew(links.live(CAMBODIA).orElseThrow(), deadline, "coordinator");

            assertThatThrownBy(() -> open(old)).isInstanceOf(LinkThrottle.DeadLinkException.class);
            assertThat(links.urlOf(renewed)).isNotEqualTo(old);
            assertThat(open(links.urlOf(renewed)).id()).isEqualTo(renewed.id());
            assertThat(mail(CAMBODIA, "5")).as("later mails carry the new link").isEqualTo(links.urlOf(renewed));
        }

        @Test
        void shouldRefuseAnUnknownTokenAndKeepOnlyAHintOfIt() {
            String guess = "A".repeat(43);

            assertThatThrownBy(() -> links.open(guess, "203.0.113.7", "OPEN")).isInstanceOf(LinkThrottle.DeadLinkException.class);
            Map<String, Object> use = database.jdbc.sql("select link_id, token_hint, outcome from partner_link_use").query().singleRow();
            assertThat(use.values()).containsNull().contains("UNKNOWN").doesNotContain(guess);
        }

        @Test
        void shouldSlowDownAnAddressThatKeepsPresentingDeadLinks() {
            String good = mail(CAMBODIA, "1");
            for (int i = 0; i < 10; i++) {
                String guess = "guess" + i;
                assertThatThrownBy(() -> links.open(guess, "203.0.113.7", "OPEN")).isInstanceOf(LinkThrottle.DeadLinkException.class);
            }

            assertThatThrownBy(() -> open(good)).isInstanceOf(LinkThrottle.SlowDownException.class)
                    .satisfies(slow -> assertThat(((LinkThrottle.SlowDownException) slow).retryAfter()).isPositive()
                            .isLessThanOrEqualTo(Duration.ofMinutes(10).plusSeconds(1)));
            assertThat(links.open(token(good), "198.51.100.1", "OPEN").scope()).as("another address").isEqualTo(CAMBODIA);

            clock.advance(Duration.ofMinutes(11));
            assertThat(open(good).scope()).isEqualTo(CAMBODIA);
        }

        private List<String> outcomes() {
            return database.jdbc.sql("select outcome from partner_link_use order by id").query(String.class).list();
        }
    }
}
