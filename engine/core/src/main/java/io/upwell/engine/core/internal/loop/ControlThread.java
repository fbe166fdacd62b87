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
    private volatile boolean running = true;

    public ControlThread(ControlLoop loop, long periodNanos) {
        super("upwell-control");
        setDaemon(true);
        setPriority(Thread.MAX_PRIORITY);
        this.loop = loop;
        this.periodNanos = periodNanos;
    }

    @Override
    public void run() {
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
