package io.upwell.engine.core.internal.clock;

import io.upwell.api.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time that moves only when {@link #advance} is called. Periodic tasks run on the advancing thread,
 * in deadline order (ties in the order they were scheduled), so a run is deterministic: the same
 * schedule and the same advances give the same sequence of calls.
 */
public final class VirtualClock implements Clock {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualClock.class);

    private final Object lock = new Object();
    /** Replaced, never changed, under the lock: the advancing thread reads it without locking. */
    private volatile Task[] tasks = new Task[0];
    private volatile long now;

    public VirtualClock() {
        this(0L);
    }

    public VirtualClock(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public boolean isVirtual() {
        return true;
    }

    @Override
    public Scheduled every(long periodNanos, String name, Runnable task) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("period must be positive, got " + periodNanos + " ns");
        }
        Task scheduled;
        synchronized (lock) {
            scheduled = new Task(name, task, periodNanos, now + periodNanos);
            Task[] next = Arrays.copyOf(tasks, tasks.length + 1);
            next[next.length - 1] = scheduled;
            tasks = next;
        }
        return () -> cancel(scheduled);
    }

    /** Moves time forward, running every task that falls due on the way at its own due time. */
    public void advance(Duration duration) {
        advanceNanos(duration.toNanos());
    }

    /** As {@link #advance(Duration)}, in nanoseconds. */
    public void advanceNanos(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("virtual time cannot go back: " + nanos + " ns");
        }
        long target = now + nanos;
        while (true) {
            Task next = nextDue(target);
            if (next == null) {
                break;
            }
            now = next.due;
            next.due += next.period;
            try {
                next.runnable.run();
            } catch (RuntimeException | Error e) {
                LOG.error("periodic task {} failed and is cancelled", next.name, e);
                cancel(next);
            }
        }
        now = target;
    }

    private void cancel(Task task) {
        synchronized (lock) {
            task.cancelled = true;
            List<Task> kept = new ArrayList<>(Arrays.asList(tasks));
            kept.remove(task);
            tasks = kept.toArray(new Task[0]);
        }
    }

    /** Called on every step of virtual time: no lock, no allocation. */
    private Task nextDue(long target) {
        Task[] all = tasks;
        Task best = null;
        // tasks are in the order they were scheduled, so of equal due times the first found wins
        for (int i = 0; i < all.length; i++) {
            Task task = all[i];
            if (!task.cancelled && task.due <= target && (best == null || task.due < best.due)) {
                best = task;
            }
        }
        return best;
    }

    private static final class Task {
        final String name;
        final Runnable runnable;
        final long period;
        long due;
        volatile boolean cancelled;

        Task(String name, Runnable runnable, long period, long due) {
            this.name = name;
            this.runnable = runnable;
            this.period = period;
            this.due = due;
        }
    }
}
