package io.upwell.devices.kit;

/**
 * Watches the link's command sequence. The engine advances it on every control tick; when it
 * stands still for longer than the device's quiet time, the engine has stopped, and a device that
 * keeps holding vacuum on its last command would hold it on a person with nobody in charge. The
 * driver that asks {@link #isStale} vents every channel while it answers true.
 * <p>
 * Not thread-safe and allocation-free: the one thread that applies commands owns it and hands it
 * the time, in the engine clock's nanoseconds.
 */
public final class CommandWatchdog {
    private final long quietTimeNanos;
    private long lastSequence;
    private long lastAdvanceNanos;

    /**
     * @param quietTimeNanos how long the sequence may stand still before the engine counts as stopped
     * @throws IllegalArgumentException when it is not positive
     */
    public CommandWatchdog(long quietTimeNanos) {
        if (quietTimeNanos <= 0) {
            throw new IllegalArgumentException("the quiet time must be positive, got " + quietTimeNanos + " ns");
        }
        this.quietTimeNanos = quietTimeNanos;
    }

    /**
     * Starts watching afresh, as if the sequence had just advanced to {@code sequence}: a new
     * connection gives the engine a full quiet time to show that its commands advance.
     */
    public void restart(long sequence, long nowNanos) {
        lastSequence = sequence;
        lastAdvanceNanos = nowNanos;
    }

    /** Records the sequence seen now and says whether it has stood still for longer than the quiet time. */
    public boolean isStale(long sequence, long nowNanos) {
        if (sequence != lastSequence) {
            restart(sequence, nowNanos);
            return false;
        }
        return nowNanos - lastAdvanceNanos > quietTimeNanos;
    }

    /** The quiet time this watchdog allows, in nanoseconds. */
    public long quietTimeNanos() {
        return quietTimeNanos;
    }
}
