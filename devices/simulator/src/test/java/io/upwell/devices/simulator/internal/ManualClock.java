package io.upwell.devices.simulator.internal;

import io.upwell.api.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A clock that moves only when a test advances it, running periodic tasks at their due times in
 * due order (ties in the order they were scheduled) on the test's thread. A test fixture, smaller
 * than the core's VirtualClock but with the same contract.
 */
final class ManualClock implements Clock {
    private final List<Task> tasks = new ArrayList<>();
    private long now;
    private long scheduledSoFar;

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
        Task scheduled = new Task(periodNanos, now + periodNanos, scheduledSoFar++, name, task);
        tasks.add(scheduled);
        return () -> tasks.remove(scheduled);
    }

    void advance(Duration duration) {
        long target = now + duration.toNanos();
        while (true) {
            Task next = tasks.stream()
                    .filter(t -> t.due <= target)
                    .min(Comparator.comparingLong((Task t) -> t.due).thenComparingLong(t -> t.order))
                    .orElse(null);
            if (next == null) {
                break;
            }
            now = next.due;
            next.due += next.period;
            next.runnable.run();
        }
        now = target;
    }

    /** The names of the tasks still scheduled. */
    List<String> scheduledNames() {
        return tasks.stream().map(t -> t.name).toList();
    }

    private static final class Task {
        final long period;
        final long order;
        final String name;
        final Runnable runnable;
        long due;

        Task(long period, long due, long order, String name, Runnable runnable) {
            this.period = period;
            this.due = due;
            this.order = order;
            this.name = name;
            this.runnable = runnable;
        }
    }
}
