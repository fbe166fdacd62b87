package io.upwell.devices.simulator.internal;

import java.util.concurrent.TimeUnit;

/**
 * Reconnection delays: 0.5 s, then doubling on each failed attempt up to 5 s, so that a device
 * that is gone for good costs one attempt every few seconds and one that blinks is back quickly.
 */
final class BackOff {
    static final long FIRST_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    static final long MAX_DELAY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private long nextDelayNanos = FIRST_DELAY_NANOS;

    /** The delay before the next attempt; each call doubles the one after, up to the cap. */
    long nextDelayNanos() {
        long delay = nextDelayNanos;
        nextDelayNanos = Math.min(nextDelayNanos * 2, MAX_DELAY_NANOS);
        return delay;
    }

    /** Starts again from the first delay, after a success. */
    void reset() {
        nextDelayNanos = FIRST_DELAY_NANOS;
    }
}
