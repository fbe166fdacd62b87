package io.upwell.devices.intervalvacuum;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition on real time, bounded: the serial tests cannot move time themselves. The bound
 * is generous because the machine is shared; nothing is asserted about how long it took.
 */
final class Await {

    private Await() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} after {@code limit}. */
    static void until(String what, Duration limit, BooleanSupplier condition) {
        until(what, limit, condition, () -> "");
    }

    /** As {@link #until(String, Duration, BooleanSupplier)}, with what {@code state} says added to a failure. */
    static void until(String what, Duration limit, BooleanSupplier condition, Supplier<String> state) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                String now = state.get();
                throw new AssertionError("not within " + limit.toMillis() + " ms: " + what + (now.isEmpty() ? "" : "; " + now));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
