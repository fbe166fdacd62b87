package io.upwell.devices.kit;

import java.time.Duration;
import java.util.Objects;

/**
 * Delays between reconnection attempts: the first delay, then doubling on each failed attempt up to
 * a cap, so that a device that is gone for good costs one attempt every cap and one that blinks is
 * back quickly.
 * <p>
 * Not thread-safe: the one thread that reconnects owns it.
 */
public final class BackOff {
    /** The simulator's and the serial line's first delay unless configured otherwise. */
    public static final Duration DEFAULT_FIRST = Duration.ofMillis(500);
    /** The simulator's and the serial line's longest delay unless configured otherwise. */
    public static final Duration DEFAULT_MAX = Duration.ofSeconds(5);

    private final long firstDelayNanos;
    private final long maxDelayNanos;
    private long nextDelayNanos;

    /** Delays of {@link #DEFAULT_FIRST} doubling up to {@link #DEFAULT_MAX}. */
    public BackOff() {
        this(DEFAULT_FIRST, DEFAULT_MAX);
    }

    /**
     * Delays of {@code first} doubling up to {@code max}.
     *
     * @throws IllegalArgumentException when {@code first} is not positive or {@code max} is shorter than it
     */
    public BackOff(Duration first, Duration max) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("the first back-off delay must be positive, got " + first);
        }
        if (max.compareTo(first) < 0) {
            throw new IllegalArgumentException(
                    "the longest back-off delay (" + max + ") must not be shorter than the first (" + first + ")");
        }
        this.firstDelayNanos = first.toNanos();
        this.maxDelayNanos = max.toNanos();
        this.nextDelayNanos = firstDelayNanos;
    }

    /** The delay before the next attempt, in nanoseconds; each call doubles the one after, up to the cap. */
    public long nextDelayNanos() {
        long delay = nextDelayNanos;
        // Doubling a long near its limit would overflow; the cap is reached long before that.
        nextDelayNanos = delay > maxDelayNanos / 2 ? maxDelayNanos : Math.min(delay * 2, maxDelayNanos);
        return delay;
    }

    /** Starts again from the first delay, after a success. */
    public void reset() {
        nextDelayNanos = firstDelayNanos;
    }

    /** The first delay. */
    public Duration first() {
        return Duration.ofNanos(firstDelayNanos);
    }

    /** The longest delay. */
    public Duration max() {
        return Duration.ofNanos(maxDelayNanos);
    }
}
