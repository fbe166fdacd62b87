package io.upwell.engine.core.internal.clock;

import io.upwell.api.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The wall's monotonic clock; each periodic task gets a daemon {@link FixedRateThread} of its own. */
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
        FixedRateThread thread = new FixedRateThread(name, periodNanos, (due, now) -> task.run(),
                failure -> LOG.error("periodic task {} failed and is cancelled", name, failure));
        thread.start();
        return thread::shutdown;
    }
}
