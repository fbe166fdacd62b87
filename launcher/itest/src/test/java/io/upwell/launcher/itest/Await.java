package io.upwell.launcher.itest;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition by polling it. The bound only decides when to give up; no test asserts
 * anything about how long a condition took to become true, so a slow, shared build machine makes
 * a test slower, never red.
 */
public final class Await {

    /** How long a condition may take before the test fails; generous on purpose. */
    public static final Duration DEFAULT_BOUND = Duration.ofSeconds(30);

    private static final long POLL_INTERVAL_NANOS = Duration.ofMillis(5).toNanos();

    private Await() {
    }

    /** Waits until {@code condition} is true, failing with {@code what} if it never becomes true. */
    public static void until(String what, BooleanSupplier condition) {
        value(what, () -> condition.getAsBoolean(), Boolean::booleanValue);
    }

    /**
     * Polls {@code probe} until its value satisfies {@code accepted} and returns that value. On
     * timeout the failure names {@code what} and the last value seen, which is usually enough to
     * tell why it never happened.
     */
    public static <T> T value(String what, Supplier<T> probe, Predicate<? super T> accepted) {
        return value(what, DEFAULT_BOUND, probe, accepted, String::valueOf);
    }

    /** As {@link #value(String, Supplier, Predicate)}, describing the last value seen with {@code describe} on timeout. */
    public static <T> T value(String what, Supplier<T> probe, Predicate<? super T> accepted,
            Function<? super T, String> describe) {
        return value(what, DEFAULT_BOUND, probe, accepted, describe);
    }

    public static <T> T value(String what, Duration bound, Supplier<T> probe, Predicate<? super T> accepted,
            Function<? super T, String> describe) {
        long deadline = System.nanoTime() + bound.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (true) {
            try {
                last = probe.get();
                lastError = null;
                if (accepted.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                // A probe may race with a service coming or going; keep polling, report it if it persists.
                lastError = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                String seen = lastError != null ? "the last poll threw " + lastError
                        : "last value seen: " + describe.apply(last);
                throw new AssertionError(
                        "never became true within " + bound.toSeconds() + " s: " + what + "; " + seen, lastError);
            }
            LockSupport.parkNanos(POLL_INTERVAL_NANOS);
        }
    }
}
