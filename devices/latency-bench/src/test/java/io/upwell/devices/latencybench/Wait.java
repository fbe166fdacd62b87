package io.upwell.devices.latencybench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition by looking again every 0.2 ms; gives up, naming it, after a generous bound. */
final class Wait {
    static final Duration BOUND = Duration.ofSeconds(30);
    private static final long LOOK_AGAIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private Wait() {
    }

    static void until(String what, BooleanSupplier condition) {
        until(what, condition, () -> "");
    }

    static void until(String what, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("waited " + BOUND.toSeconds() + " s in vain for " + what + "; " + state.get());
            }
            LockSupport.parkNanos(LOOK_AGAIN_NANOS);
        }
    }
}
