package io.upwell.engine.core.bench;

import io.upwell.engine.core.internal.loop.LatenessHistogram;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The machine's own timer noise: a fixed-rate {@code LockSupport.parkNanos} loop with the control
 * thread's period, deadline rule and thread settings, doing no work. Its lateness goes into the
 * engine's own {@link LatenessHistogram}, so its percentiles have the same buckets as the engine's;
 * its CPU time per tick is what waking up alone costs.
 */
final class BareTimerLoop extends Thread {
    /** What one run of the loop measured: its lateness, and its own CPU time over all its ticks. */
    record Result(LatenessHistogram lateness, ThreadUsage usage) {
        double cpuMicrosPerTick() {
            return usage.cpuNanos() / 1000.0 / lateness.count();
        }
    }

    private final long periodNanos;
    private final long runNanos;
    private final LatenessHistogram lateness = new LatenessHistogram();
    private ThreadUsage usage;

    private BareTimerLoop(long periodNanos, Duration run) {
        super("bare-timer-loop");
        setDaemon(true);
        setPriority(Thread.MAX_PRIORITY);
        this.periodNanos = periodNanos;
        this.runNanos = run.toNanos();
    }

    /** Runs the loop for {@code run} and returns what it measured. */
    static Result measure(long periodNanos, Duration run) throws InterruptedException {
        BareTimerLoop loop = new BareTimerLoop(periodNanos, run);
        loop.start();
        loop.join();
        return new Result(loop.lateness, loop.usage);
    }

    @Override
    public void run() {
        ThreadUsage start = ThreadUsage.of(this);
        tickUntilTheEnd();
        usage = ThreadUsage.of(this).since(start);
    }

    private void tickUntilTheEnd() {
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
