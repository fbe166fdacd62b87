package io.upwell.api.time;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The engine's monotonic clock, registered as a service by the engine core.
 * <p>
 * Only the core implements it. Real drivers talking to hardware keep their own I/O threads and
 * need nothing here but {@link #nanoTime()}; a simulated device schedules its physics with
 * {@link #every} so that under the virtual clock it advances exactly with virtual time.
 */
@ProviderType
public interface Clock {

    /** Monotonic time in nanoseconds; only differences are meaningful. */
    long nanoTime();

    /** True when time is virtual: it advances as fast as the engine can compute, not with the wall. */
    boolean isVirtual();

    /**
     * Runs {@code task} every {@code periodNanos}, starting one period from now.
     * <p>
     * Under the system clock the task runs on a thread of its own named {@code name}, never on the
     * control thread. Under the virtual clock it runs on the thread that advances virtual time, in
     * time order with every other scheduled task, so it must not block. A task that throws is
     * logged and cancelled.
     *
     * @return a handle that stops further runs
     */
    Scheduled every(long periodNanos, String name, Runnable task);

    /** A periodic task's handle. */
    @ProviderType
    interface Scheduled extends AutoCloseable {
        /** Stops further runs; idempotent. */
        @Override
        void close();
    }
}
