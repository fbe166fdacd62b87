package io.upwell.engine.testkit;

import io.upwell.api.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The system clock, with periodic tasks on one daemon thread of its own: what a driver meets in a
 * running engine, for tests of drivers whose device is real or on a real line (a pseudo-terminal),
 * which know no time but the wall's. Prefer {@link ManualClock} wherever the device can be driven by
 * it. Close it to stop its thread.
 */
public final class WallClock implements Clock, AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "test-wall-clock");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public boolean isVirtual() {
        return false;
    }

    @Override
    public Scheduled every(long periodNanos, String name, Runnable task) {
        ScheduledFuture<?> future = scheduler.scheduleAtFixedRate(task, periodNanos, periodNanos,
                TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
