package io.upwell.devices.latencybench;

import java.util.Arrays;
import java.util.Locale;

/** Durations of one kind, collected from any thread, summarised as p50, p99 and max. */
final class Latencies {
    private final String name;
    private long[] nanos = new long[256];
    private int count;

    Latencies(String name) {
        this.name = name;
    }

    synchronized void add(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    synchronized int count() {
        return count;
    }

    String name() {
        return name;
    }

    /** A markdown table row: name, samples, p50, p99, max, in milliseconds. */
    synchronized String row() {
        if (count == 0) {
            throw new IllegalStateException(name + ": no samples were taken");
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |", name, count, millis(rank(sorted, 0.50)),
                millis(rank(sorted, 0.99)), millis(sorted[count - 1]));
    }

    /** The nearest-rank percentile. */
    private static long rank(long[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, nanos < 10_000_000 ? "%.3f ms" : "%.1f ms", nanos / 1e6);
    }
}
