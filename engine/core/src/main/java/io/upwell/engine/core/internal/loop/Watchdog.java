package io.upwell.engine.core.internal.loop;

import java.util.function.LongSupplier;

/**
 * The independent check that the control loop is alive (SR-10): if the tick counter stands still
 * for longer than the timeout of wall time, {@code onStopped} runs once, from the watchdog's own
 * thread, and {@code whileStopped} runs on every later check until ticks resume: a dead loop is
 * held in the safe state for as long as it is dead, not vented once and forgotten. It re-arms when
 * ticks resume, so a later stop is caught too.
 * <p>
 * {@link #check(long)} holds the logic and is called by tests with chosen times; {@link #start()}
 * runs it on a daemon thread against {@link System#nanoTime()}.
 */
public final class Watchdog {
    private final LongSupplier tickCount;
    private final long timeoutNanos;
    private final Runnable onStopped;
    private final Runnable whileStopped;
    private long lastCount = -1;
    private long lastProgress;
    private volatile boolean fired;
    private volatile Thread thread;

    public Watchdog(LongSupplier tickCount, long timeoutNanos, Runnable onStopped, Runnable whileStopped) {
        this.tickCount = tickCount;
        this.timeoutNanos = timeoutNanos;
        this.onStopped = onStopped;
        this.whileStopped = whileStopped;
    }

    /** Returns true if this check declared the loop stopped (once per stop). */
    public synchronized boolean check(long wallNanos) {
        long count = tickCount.getAsLong();
        if (count != lastCount) {
            lastCount = count;
            lastProgress = wallNanos;
            fired = false;
            return false;
        }
        if (fired) {
            whileStopped.run();
            return false;
        }
        if (wallNanos - lastProgress > timeoutNanos) {
            fired = true;
            onStopped.run();
            return true;
        }
        return false;
    }

    /** True from the check that found the loop stopped until a later check sees ticks again. */
    public boolean loopStopped() {
        return fired;
    }

    /** How often the thread checks: five times per timeout, at most once a millisecond. */
    long checkIntervalNanos() {
        return Math.max(1_000_000L, timeoutNanos / 5);
    }

    /** The checking thread while it runs, or null. */
    Thread thread() {
        return thread;
    }

    public void start() {
        long interval = checkIntervalNanos();
        Thread t = new Thread(() -> {
            while (thread == Thread.currentThread()) {
                check(System.nanoTime());
                java.util.concurrent.locks.LockSupport.parkNanos(this, interval);
            }
        }, "upwell-watchdog");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    public void stop() {
        Thread t = thread;
        thread = null;
        java.util.concurrent.locks.LockSupport.unpark(t); // wakes it to see it is no longer wanted; null: never started
    }
}
