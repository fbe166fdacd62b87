package io.upwell.engine.testkit;

import io.upwell.api.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The engine's {@link Clock} as a test drives it: time stands still until the test advances it.
 * <p>
 * On the way to the new time every periodic task that falls due runs on the advancing thread, at
 * its own due time ({@link #nanoTime()} reads that time while it runs), in order of due time; tasks
 * due at the same instant run in the order they were scheduled. The same schedule and the same
 * advances therefore give the same calls, every run. These are the semantics of the engine's own
 * virtual clock, under which previews and the core's tests run.
 * <p>
 * One difference is deliberate: the engine's clock logs a task that throws and cancels it; this
 * clock cancels it too, then fails the test at once by throwing an {@link AssertionError} from the
 * advance, with the task's exception as its cause, so that no failure of the code under test goes
 * unseen.
 * <p>
 * Tasks may be scheduled and cancelled from any thread, also from inside a running task (a driver
 * that reconnects with back-off does both); time is advanced by one thread, the test's.
 */
public final class ManualClock implements Clock {
    private final Object lock = new Object();
    private final List<Task> tasks = new ArrayList<>();
    private volatile long now;
    private long scheduledSoFar;

    /** A clock that starts at zero nanoseconds. */
    public ManualClock() {
        this(0L);
    }

    /** A clock that starts at {@code startNanos}; only differences are meaningful, as for the engine's clock. */
    public ManualClock(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** Always true: this clock's time is virtual. */
    @Override
    public boolean isVirtual() {
        return true;
    }

    /**
     * Runs {@code task} every {@code periodNanos} of this clock's time, the first time one period
     * from now.
     *
     * @throws IllegalArgumentException for a period that is not positive
     */
    @Override
    public Scheduled every(long periodNanos, String name, Runnable task) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("period of task '" + name + "' must be positive, got " + periodNanos + " ns");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        Task scheduled;
        synchronized (lock) {
            scheduled = new Task(name, task, periodNanos, now + periodNanos, scheduledSoFar++);
            tasks.add(scheduled);
        }
        return () -> cancel(scheduled);
    }

    /**
     * Moves time forward by {@code duration}, running every task that falls due on the way.
     *
     * @throws IllegalArgumentException for a negative duration: time never goes back
     * @throws AssertionError           when a task throws; the task is cancelled and time stays at its due time
     */
    public void advance(Duration duration) {
        advanceNanos(duration.toNanos());
    }

    /** As {@link #advance(Duration)}, in nanoseconds. */
    public void advanceNanos(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("time cannot go back: advance by " + nanos + " ns");
        }
        long target = now + nanos;
        for (Task next = nextDueBy(target); next != null; next = nextDueBy(target)) {
            now = next.due;
            next.due += next.period;
            try {
                next.runnable.run();
            } catch (RuntimeException | Error e) {
                cancel(next);
                throw new AssertionError("periodic task '" + next.name + "' threw at " + now
                        + " ns; the engine would log it and cancel the task, so it would run no more", e);
            }
        }
        now = target;
    }

    /**
     * Advances time one {@code step} at a time until {@code condition} holds, checking it before
     * each step, and returns how much time that took: for what a test expects to happen "soon"
     * without naming the exact instant.
     *
     * @param what      what the test waits for, for the failure message
     * @param step      how far each step moves time, for example the engine's 20 ms control period
     * @param limit     how much time may pass before the test fails
     * @param condition checked on the test's thread between steps
     * @throws AssertionError           naming {@code what} when {@code limit} has passed and it still does not hold
     * @throws IllegalArgumentException for a step that is not positive or a negative limit
     */
    public Duration advanceUntil(String what, Duration step, Duration limit, BooleanSupplier condition) {
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive, got " + step);
        }
        if (limit.isNegative()) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        long start = now;
        long end = start + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (now >= end) {
                throw new AssertionError("not within " + limit + " of virtual time: " + what);
            }
            advanceNanos(Math.min(step.toNanos(), end - now));
        }
        return Duration.ofNanos(now - start);
    }

    /** The names of the tasks still scheduled, in the order they were scheduled. */
    public List<String> scheduledTaskNames() {
        synchronized (lock) {
            return tasks.stream().map(task -> task.name).toList();
        }
    }

    private void cancel(Task task) {
        synchronized (lock) {
            task.cancelled = true;
            tasks.remove(task);
        }
    }

    private Task nextDueBy(long target) {
        synchronized (lock) {
            Task best = null;
            for (Task task : tasks) {
                if (!task.cancelled && task.due <= target
                        && (best == null || task.due < best.due || (task.due == best.due && task.order < best.order))) {
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
        final long order;
        long due;
        volatile boolean cancelled;

        Task(String name, Runnable runnable, long period, long due, long order) {
            this.name = name;
            this.runnable = runnable;
            this.period = period;
            this.due = due;
            this.order = order;
        }
    }
}
