package org.cooperationdesk.security;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether any REVOKE authorization may exist, known for {@code coopdesk.security.identity-refresh} at a time.
 *
 * <p>Camunda's default ({@code authorizationCheckRevokes: auto}) asks the database before every authorization-checked
 * command whether a revoke applies to the user: one statement per command, a third of what a Tasklist poll costs. The
 * office gives rights by grants only, so the answer is almost always no. Here it is asked once per refresh period for
 * the whole engine ("is there any revoke at all?"); while none exists, commands skip the question and Camunda's checks
 * leave revokes out, exactly as Camunda does when it finds none. Once one exists, every command asks as before.
 *
 * <p>A revoke saved through this node counts at once, from the moment it is written, and for a whole period after it
 * (so that a check racing with its transaction cannot declare it absent). One saved through another node of a cluster
 * counts at that node's next question, within the period: the same minute in which a group change reaches signed-in
 * users ({@link IdentityRefresh}). With {@code PT0S} every command asks, as Camunda does.
 */
final class RevokesInUse {

    private final Duration period;
    /** When the last question found no revoke anywhere; null: unknown, or a revoke may exist. */
    private Instant noneFoundAt;
    /** Until when a revoke written on this node keeps every command asking. */
    private Instant savedHereUntil;

    RevokesInUse(Duration period) {
        this.period = period;
    }

    /** True when no revoke exists, as known within the period. */
    synchronized boolean knownAbsent(Instant now) {
        return noneFoundAt != null && !now.isBefore(noneFoundAt) && now.isBefore(noneFoundAt.plus(period));
    }

    /** Whether the engine-wide question may be asked now (not while a revoke written here is settling). */
    synchronized boolean mayAsk(Instant now) {
        return !period.isZero() && (savedHereUntil == null || !now.isBefore(savedHereUntil) || now.isBefore(savedHereUntil.minus(period)));
    }

    /** The answer of the engine-wide question asked at {@code now}. */
    synchronized void answered(Instant now, boolean anyRevoke) {
        noneFoundAt = anyRevoke || !mayAsk(now) ? null : now;
    }

    /** A revoke is being written through this node. */
    synchronized void savedHere(Instant now) {
        noneFoundAt = null;
        savedHereUntil = now.plus(period);
    }
}
