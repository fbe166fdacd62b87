package io.upwell.devices.emulator;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits for a condition on real time, bounded: the serial tests cannot move time themselves. The
 * condition is checked again and again; the bound is generous because the machine is shared, and
 * nothing is ever asserted about how long it took.
 */
final class Await {
    /** A condition that may throw, as a Modbus read does. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    /**
     * Returns once {@code condition} holds.
     *
     * @throws AssertionError naming {@code what} (and the condition's last exception) after {@code limit}
     */
    static void until(String what, Duration limit, Condition condition) {
        long end = System.nanoTime() + limit.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
                last = null;
            } catch (AssertionError e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() - end > 0) {
                AssertionError failure = new AssertionError("not within " + limit + ": " + what
                        + (last == null ? "" : " (last attempt threw " + last + ")"));
                if (last != null) {
                    failure.initCause(last);
                }
                throw failure;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** A value that may not be there yet: null until it is. */
    @FunctionalInterface
    interface Value<T> {
        T get() throws Exception;
    }

    /**
     * Returns the value once {@code value} gives one that is not null.
     *
     * @throws AssertionError naming {@code what} after {@code limit}
     */
    static <T> T value(String what, Duration limit, Value<T> value) {
        Object[] found = new Object[1];
        until(what, limit, () -> {
            found[0] = value.get();
            return found[0] != null;
        });
        @SuppressWarnings("unchecked")
        T result = (T) found[0];
        return result;
    }
}
