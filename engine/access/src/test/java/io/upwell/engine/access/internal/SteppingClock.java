package io.upwell.engine.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand: no test of timeouts or back-off waits for real time. */
final class SteppingClock extends Clock {
    private Instant now;

    SteppingClock(Instant start) {
        this.now = start;
    }

    static SteppingClock atEpochDay() {
        return new SteppingClock(Instant.parse("2026-11-24T08:00:00Z"));
    }

    synchronized void advance(Duration step) {
        now = now.plus(step);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
