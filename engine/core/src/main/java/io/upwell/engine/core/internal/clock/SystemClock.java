package io.upwell.engine.core.internal.clock;

import io.upwell.api.time.Clock;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The wall's monotonic clock; each periodic task gets a daemon thread of its own. */
public final class SystemClock implements Clock {
    private static final Logger LOG = LoggerFactory.getLogger(SystemClock.class);

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public boolean isVirtual() {
        return false;
    }

    @Override
    public Scheduled every(long periodNanos, String name, Runnable task) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("period must be positive, got " + periodNanos + " ns");
        }
        PeriodicThread thread = new PeriodicThread(periodNanos, name, task);
        thread.start();
        return thread::cancel;
    }

    /**
     * Runs a task at fixed rate against absolute deadlines, so lateness does not accumulate. A
     * tick that falls more than one period behind is skipped rather than run in a burst.
     */
    private static final class PeriodicThread extends Thread {
        private final long periodNanos;
        private final Runnable task;
        private volatile boolean cancelled;

        PeriodicThread(long periodNanos, String name, Runnable task) {
            super(name);
            setDaemon(true);
            this.periodNanos = periodNanos;
            this.task = task;
        }

        void cancel() {
            cancelled = true;
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            long deadline = System.nanoTime() + periodNanos;
            while (!cancelled) {
                long wait;
                while (!cancelled && (wait = deadline - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(this, wait);
                }
                if (cancelled) {
                    return;
                }
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.error("periodic task {} failed and is cancelled", getName(), e);
                    return;
                }
                deadline += periodNanos;
                long now = System.nanoTime();
                if (now - deadline > periodNanos) {
                    deadline = now + periodNanos;
                }
            }
        }
    }
}
