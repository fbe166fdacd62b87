package io.upwell.devices.kit.driver;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Answers the decoder found, waiting for the driver thread's handshake or exchange to take them.
 * Bounded: when nobody takes them (a device that talks unasked), the oldest go, so the newest
 * answer is always there.
 */
final class Replies<R> {
    static final int CAPACITY = 64;
    /** How often a wait looks whether the driver is disconnecting. */
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final BlockingQueue<R> queue = new ArrayBlockingQueue<>(CAPACITY);

    /** From the decoder, on the line's reader thread. */
    void offer(R reply) {
        while (!queue.offer(reply)) {
            queue.poll();
        }
    }

    /** The next answer, waiting at most {@code timeoutNanos}; null when none came or {@code stop} turned true. */
    R await(long timeoutNanos, BooleanSupplier stop) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || stop.getAsBoolean()) {
                return queue.poll();
            }
            R reply = queue.poll(Math.min(left, SLICE_NANOS), TimeUnit.NANOSECONDS);
            if (reply != null) {
                return reply;
            }
        }
    }

    /** Forgets answers from before: a new opening starts a new conversation. */
    void clear() {
        queue.clear();
    }
}
