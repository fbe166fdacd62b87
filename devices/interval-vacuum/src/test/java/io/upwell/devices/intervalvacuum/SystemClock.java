package io.upwell.devices.intervalvacuum;

import io.upwell.api.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Real time, with periodic tasks on a thread of their own (the test kit's RecordingLink advances its
 * command sequence with them): a driver on real I/O threads cannot run on a manual clock.
 */
final class SystemClock implements Clock, AutoCloseable {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "test-engine-clock");
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
        ScheduledFuture<?> future = executor.scheduleAtFixedRate(task, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
