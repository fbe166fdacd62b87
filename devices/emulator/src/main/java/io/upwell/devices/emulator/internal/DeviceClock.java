package io.upwell.devices.emulator.internal;

import io.upwell.api.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulated device's clock: the system's monotonic time, with every periodic task on ONE thread.
 * <p>
 * The engine's system clock gives each task a thread of its own; this one deliberately does not. A
 * device's firmware is one loop: the controller tick that turns registers into valve and pump commands
 * and the simulator's physics step that follows them must never overlap, or the physics could read half
 * of one tick's commands and half of the next's, a combination the device never produced. On one
 * thread they take turns.
 */
public final class DeviceClock implements Clock, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceClock.class);

    private final ScheduledExecutorService thread;

    /** A clock whose tasks run on a daemon thread named {@code threadName}. */
    public DeviceClock(String threadName) {
        Objects.requireNonNull(threadName, "threadName");
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public boolean isVirtual() {
        return false;
    }

    /** Runs {@code task} every period on the device thread; a task that throws is logged and cancelled. */
    @Override
    public Scheduled every(long periodNanos, String name, Runnable task) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("period of task '" + name + "' must be positive, got " + periodNanos + " ns");
        }
        Objects.requireNonNull(task, "task");
        AtomicReference<ScheduledFuture<?>> handle = new AtomicReference<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        Runnable guarded = () -> {
            if (cancelled.get()) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("device task '{}' threw and is cancelled: the emulated device no longer runs it", name, e);
                cancelled.set(true);
                ScheduledFuture<?> future = handle.get();
                if (future != null) {
                    future.cancel(false);
                }
            }
        };
        handle.set(thread.scheduleAtFixedRate(guarded, periodNanos, periodNanos, TimeUnit.NANOSECONDS));
        return () -> {
            cancelled.set(true);
            handle.get().cancel(false);
        };
    }

    /** Stops the device thread; tasks still scheduled never run again. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
