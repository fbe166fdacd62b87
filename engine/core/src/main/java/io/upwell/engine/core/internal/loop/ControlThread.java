package io.upwell.engine.core.internal.loop;

import java.util.concurrent.locks.LockSupport;

/**
 * The core-owned control thread under the system clock: ticks at a fixed rate against absolute
 * deadlines so lateness never accumulates, and hands each tick its due time so lateness is
 * measured, not guessed. A tick more than a period behind is skipped, not run in a burst.
 */
public final class ControlThread extends Thread {
    private final ControlLoop loop;
    private final long periodNanos;
    private final java.util.function.Consumer<Throwable> onDeath;
    private volatile boolean running = true;

    /**
     * @param onDeath told, on this thread as it dies, when something escaped the loop (the loop
     *                catches every throwable of a tick, so only a failure of that handling itself
     *                gets here); the watchdog is the backstop if even this cannot run
     */
    public ControlThread(ControlLoop loop, long periodNanos, java.util.function.Consumer<Throwable> onDeath) {
        super("upwell-control");
        setDaemon(true);
        setPriority(Thread.MAX_PRIORITY);
        this.loop = loop;
        this.periodNanos = periodNanos;
        this.onDeath = onDeath;
    }

    @Override
    public void run() {
        try {
            tickUntilShutdown();
        } catch (Throwable death) {
            onDeath.accept(death);
            throw death;
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
            loop.tick(due, System.nanoTime());
            due += periodNanos;
            long now = System.nanoTime();
            if (now - due > periodNanos) {
                due = now - (now - due) % periodNanos + periodNanos;
            }
        }
    }

    public void shutdown() {
        running = false;
        LockSupport.unpark(this);
    }
}
