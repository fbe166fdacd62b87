package io.upwell.engine.core.internal.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A fixed-rate thread shut down while it waits for its next deadline wakes, ends, and ticks no more. */
class FixedRateShutdownTest {

    @Test
    @Tag("SR-10")
    void aThreadShutDownWhileWaitingEndsAtOnceWithoutATick() throws Exception {
        AtomicInteger ticks = new AtomicInteger();
        FixedRateThread thread = new FixedRateThread("test-hour", 3_600_000_000_000L, (due, now) -> ticks.incrementAndGet(),
                t -> { });
        thread.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (thread.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000L); // until it waits for its first deadline, an hour away
        }
        assertEquals(Thread.State.TIMED_WAITING, thread.getState());
        thread.shutdown();
        thread.join(20_000);
        assertEquals(Thread.State.TERMINATED, thread.getState(), "woken, it saw the shutdown");
        assertEquals(0, ticks.get(), "and ran no tick it was not due");
    }
}
