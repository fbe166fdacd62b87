package io.upwell.engine.core.internal.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The runner advances the virtual clock by whole periods and stops at once when shut down, even in
 * the middle of a busy batch. A task on the clock shuts it down, so where it stops is exact.
 */
class VirtualTimeRunnerTest {
    private static final long PERIOD = 20_000_000L;
    private static final long HANG_GUARD_MILLIS = 30_000; // only against a hang; no timing is asserted

    private static long runUntilTick(int stopAt, boolean busy) throws InterruptedException {
        VirtualClock clock = new VirtualClock();
        VirtualTimeRunner runner = new VirtualTimeRunner(clock, PERIOD, () -> busy);
        AtomicInteger ticks = new AtomicInteger();
        clock.every(PERIOD, "counter", () -> {
            if (ticks.incrementAndGet() == stopAt) {
                runner.shutdown();
            }
        });
        assertTrue(runner.isDaemon(), "an engine on virtual time never keeps the JVM alive");
        assertEquals("upwell-virtual-time", runner.getName());
        runner.start();
        runner.join(HANG_GUARD_MILLIS);
        assertFalse(runner.isAlive());
        return clock.nanoTime();
    }

    @Test
    void whileBusyItStopsMidBatchAtTheTickThatShutItDown() throws InterruptedException {
        assertEquals(120 * PERIOD, runUntilTick(120, true));
    }

    @Test
    void whileIdleItAdvancesOnePeriodAtATime() throws InterruptedException {
        assertEquals(3 * PERIOD, runUntilTick(3, false));
    }
}
