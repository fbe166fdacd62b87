package io.upwell.engine.core.internal.clock;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The one fixed-rate loop of the engine, for the control thread and for the system clock's
 * periodic tasks: ticks against absolute deadlines so lateness never accumulates, hands each tick
 * its due time so lateness is measured rather than guessed, and skips ticks more than a period
 * behind (keeping the phase) instead of running them in a burst.
 */
public final class FixedRateThread extends Thread {

    /** One tick: when it was due and when it runs, both on {@link System#nanoTime()}. */
    public interface Tick {
        void run(long dueNanos, long nowNanos);
    }

    private final long periodNanos;
    private final Tick tick;
    private final Consumer<Throwable> onDeath;
    private volatile boolean running = true;

    /**
     * @param onDeath told, on this thread as it dies, of whatever escaped a tick; the thread then ends
     */
    public FixedRateThread(String name, long periodNanos, Tick tick, Consumer<Throwable> onDeath) {
        super(name);
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("period must be positive, got " + periodNanos + " ns");
        }
        setDaemon(true);
        this.periodNanos = periodNanos;
        this.tick = tick;
        this.onDeath = onDeath;
    }

    @Override
    public void run() {
        try {
            tickUntilShutdown();
        } catch (Throwable death) {
            onDeath.accept(death);
        }
    }

    private void tickUntilShutdown() {
        long due = System.nanoTime() + periodNanos;
        while (running) {
            long wait;
            while (running && (wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(this, wait);
            }
            if (!running) {
                return;
            }
            tick.run(due, System.nanoTime());
            due = nextDue(due, System.nanoTime(), periodNanos);
        }
    }

    /** The next deadline after a tick due at {@code due}: one period on, or the next one in phase if far behind. */
    static long nextDue(long due, long now, long periodNanos) {
        long next = due + periodNanos;
        if (now - next > periodNanos) {
            next = now - (now - next) % periodNanos + periodNanos;
        }
        return next;
    }

    /** Stops after the tick under way, if any. */
    public void shutdown() {
        running = false;
        LockSupport.unpark(this);
    }
}
