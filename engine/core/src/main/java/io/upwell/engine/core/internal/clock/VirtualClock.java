package io.upwell.engine.core.internal.clock;

import io.upwell.api.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
    private final List<Task> tasks = new ArrayList<>();
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
            tasks.add(scheduled);
        }
        return () -> {
            synchronized (lock) {
                scheduled.cancelled = true;
                tasks.remove(scheduled);
            }
        };
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
                synchronized (lock) {
                    next.cancelled = true;
                    tasks.remove(next);
                }
            }
        }
        now = target;
    }

    private Task nextDue(long target) {
        synchronized (lock) {
            Task best = null;
            // tasks is in the order they were scheduled, so of equal due times the first found wins
            for (Task task : tasks) {
                if (!task.cancelled && task.due <= target && (best == null || task.due < best.due)) {
                    best = task;
                }
            }
            return best;
        }
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
