package org.cooperationdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The office's clock in tests: moves forward when a test says so (a mission lasting three weeks). */
public class MutableClock extends Clock {

    private final ZoneId zone = ZoneId.systemDefault();
    private Duration offset = Duration.ZERO;

    public synchronized void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    public synchronized void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized Instant instant() {
        return Instant.now().plus(offset);
    }
}
