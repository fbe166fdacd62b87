package io.upwell.engine.core.bench;

import io.upwell.engine.core.internal.loop.LatenessHistogram;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The machine's own timer noise: a fixed-rate {@code LockSupport.parkNanos} loop with the control
 * thread's period, deadline rule and thread settings, doing no work. Its lateness goes into the
 * engine's own {@link LatenessHistogram}, so its percentiles have the same buckets as the engine's.
 */
final class BareTimerLoop extends Thread {
    private final long periodNanos;
    private final long runNanos;
    private final LatenessHistogram lateness = new LatenessHistogram();

    private BareTimerLoop(long periodNanos, Duration run) {
        super("bare-timer-loop");
        setDaemon(true);
        setPriority(Thread.MAX_PRIORITY);
        this.periodNanos = periodNanos;
        this.runNanos = run.toNanos();
    }

    /** Runs the loop for {@code run} and returns its lateness. */
    static LatenessHistogram measure(long periodNanos, Duration run) throws InterruptedException {
        BareTimerLoop loop = new BareTimerLoop(periodNanos, run);
        loop.start();
        loop.join();
        return loop.lateness;
    }

    @Override
    public void run() {
        long end = System.nanoTime() + runNanos;
        long due = System.nanoTime() + periodNanos;
        while (due - end < 0) {
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(this, wait);
            }
            lateness.record(System.nanoTime() - due);
            due = nextDue(due);
        }
    }

    /** As the control thread: a tick more than a period behind is skipped, not run in a burst. */
    private long nextDue(long due) {
        long next = due + periodNanos;
        long now = System.nanoTime();
        if (now - next > periodNanos) {
            next = now - (now - next) % periodNanos + periodNanos;
        }
        return next;
    }
}
