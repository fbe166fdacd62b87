package io.upwell.engine.core.internal.loop;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Tick lateness in fixed buckets, recorded by the control thread without allocating or locking:
 * 10 µs buckets up to 1 ms, 1 ms buckets up to 1 s, and one bucket beyond. Percentiles come back
 * as the upper edge of their bucket, so they are never flattering.
 */
public final class LatenessHistogram {
    private static final long FINE_STEP = 10_000L;
    private static final int FINE_BUCKETS = 100;
    private static final long COARSE_STEP = 1_000_000L;
    private static final int COARSE_BUCKETS = 999;
    private static final int BUCKETS = FINE_BUCKETS + COARSE_BUCKETS + 1;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private volatile long total;
    private volatile long max;

    /** Called by the control thread only. */
    public void record(long latenessNanos) {
        long value = Math.max(0, latenessNanos);
        counts.incrementAndGet(bucket(value));
        total = total + 1;
        if (value > max) {
            max = value;
        }
    }

    public long count() {
        return total;
    }

    public long max() {
        return max;
    }

    /** The lateness at or under which {@code percent} of ticks ran. */
    public long percentile(double percent) {
        long n = total;
        if (n == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(percent / 100.0 * n);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(upperEdge(i), max);
            }
        }
        return max;
    }

    private static int bucket(long nanos) {
        if (nanos < FINE_STEP * FINE_BUCKETS) {
            return (int) (nanos / FINE_STEP);
        }
        long coarse = (nanos - FINE_STEP * FINE_BUCKETS) / COARSE_STEP;
        return coarse < COARSE_BUCKETS ? FINE_BUCKETS + (int) coarse : BUCKETS - 1;
    }

    private static long upperEdge(int bucket) {
        if (bucket < FINE_BUCKETS) {
            return (bucket + 1) * FINE_STEP;
        }
        if (bucket < BUCKETS - 1) {
            return FINE_STEP * FINE_BUCKETS + (bucket - FINE_BUCKETS + 1) * COARSE_STEP;
        }
        return Long.MAX_VALUE;
    }
}
