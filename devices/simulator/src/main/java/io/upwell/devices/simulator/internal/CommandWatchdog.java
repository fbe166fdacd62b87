package io.upwell.devices.simulator.internal;

/**
 * Watches the link's command sequence. The engine advances it on every control tick; when it
 * stands still for longer than the device's quiet time, the engine has stopped, and a device that
 * keeps holding vacuum on its last command would hold it on a person with nobody in charge.
 */
final class CommandWatchdog {
    private final long quietTimeNanos;
    private long lastSequence;
    private long lastAdvanceNanos;

    CommandWatchdog(long quietTimeNanos) {
        this.quietTimeNanos = quietTimeNanos;
    }

    /** Starts watching afresh, as if the sequence had just advanced to {@code sequence}. */
    void restart(long sequence, long nowNanos) {
        lastSequence = sequence;
        lastAdvanceNanos = nowNanos;
    }

    /** Records the sequence seen now and says whether it has stood still for longer than the quiet time. */
    boolean isStale(long sequence, long nowNanos) {
        if (sequence != lastSequence) {
            restart(sequence, nowNanos);
            return false;
        }
        return nowNanos - lastAdvanceNanos > quietTimeNanos;
    }
}
