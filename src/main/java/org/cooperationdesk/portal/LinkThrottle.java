package org.cooperationdesk.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down an address that keeps presenting links that open nothing (guessing, or a crawler replaying old mail):
 * after {@code coopdesk.portal.throttle.failures} such attempts within {@code window}, every further attempt from
 * that address is refused until the oldest leaves the window. Kept per node, in memory: a guesser who spreads its
 * attempts over two nodes gets twice the attempts, against tokens of 256 bits.
 */
@Component
public class LinkThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LinkThrottle.class);

    /** Too many failed attempts from this address lately: try again after {@code retryAfter}. */
    public static class SlowDownException extends RuntimeException {
        private final Duration retryAfter;

        SlowDownException(Duration retryAfter) {
            super("Too many attempts; retry after " + retryAfter.toSeconds() + " s");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** The token opened nothing (unknown, expired, revoked or replaced): one answer for all. */
    public static class DeadLinkException extends RuntimeException {
        DeadLinkException() {
            super("This link does not open anything");
        }
    }

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int allowedFailures;
    private final Duration window;

    LinkThrottle(Clock clock, @Value("${coopdesk.portal.throttle.failures:10}") int allowedFailures,
                 @Value("${coopdesk.portal.throttle.window:PT10M}") Duration window) {
        this.clock = clock;
        this.allowedFailures = allowedFailures;
        this.window = window;
    }

    /** @throws SlowDownException when the address has failed too often within the window */
    void check(String address) {
        Deque<Instant> recent = failures.get(address);
        if (recent == null) {
            return;
        }
        synchronized (recent) {
            Instant now = clock.instant();
            recent.removeIf(failure -> !failure.isAfter(now.minus(window)));
            if (recent.size() >= allowedFailures) {
                throw new SlowDownException(Duration.between(now, recent.peekFirst().plus(window)).plusSeconds(1));
            }
        }
    }

    /** Counts a failed attempt; the exception to throw for it. */
    DeadLinkException failed(String address) {
        Deque<Instant> recent = failures.computeIfAbsent(address, key -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(clock.instant());
            if (recent.size() == allowedFailures) {
                LOG.warn("Address {} presented {} links that open nothing within {}: slowed down", address, allowedFailures, window);
            }
        }
        return new DeadLinkException();
    }

    /** Forgets an address's failures (a test, or an admin who knows the address). */
    public void forget(String address) {
        failures.remove(address);
    }
}
