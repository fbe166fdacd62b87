package io.upwell.devices.kit.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for what threads of the code under test (and socat) do, by looking again and again until
 * it holds. The deadline only keeps a broken test from hanging: it is generous, and no test measures
 * how long anything took.
 */
public final class Await {
    /** Far longer than anything here takes on a loaded machine. */
    public static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final long LOOK_AGAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private Await() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} when it has not by the deadline. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, condition, () -> "");
    }

    /** As {@link #until(String, BooleanSupplier)}; a failure also shows {@code state}, as it was at the deadline. */
    public static void until(String what, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + DEADLINE.toSeconds() + " s for " + what + " in vain; " + state.get());
            }
            LockSupport.parkNanos(LOOK_AGAIN_NANOS);
        }
    }
}
