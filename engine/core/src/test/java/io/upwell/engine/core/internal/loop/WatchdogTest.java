package io.upwell.engine.core.internal.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("SR-10")
class WatchdogTest {
    private static final long MS = 1_000_000L;

    private final AtomicLong ticks = new AtomicLong();
    private final AtomicInteger stopped = new AtomicInteger();
    private final AtomicInteger stillStopped = new AtomicInteger();
    private final Watchdog watchdog = new Watchdog(ticks::get, 100 * MS, stopped::incrementAndGet,
            stillStopped::incrementAndGet);

    @Test
    void theLoopIsStoppedOnlyAfterMoreThanTheTimeoutWithoutATick() {
        assertFalse(watchdog.check(0));
        assertFalse(watchdog.check(100 * MS), "exactly the timeout is not yet too long");
        assertFalse(watchdog.loopStopped());
        assertTrue(watchdog.check(100 * MS + 1));
        assertTrue(watchdog.loopStopped());
        assertEquals(1, stopped.get());
        assertEquals(0, stillStopped.get());
    }

    @Test
    void whileTheLoopStaysStoppedEveryCheckKeepsItSafeAndATickRearmsIt() {
        watchdog.check(0);
        watchdog.check(200 * MS);
        watchdog.check(210 * MS);
        watchdog.check(220 * MS);
        assertEquals(1, stopped.get(), "announced once");
        assertEquals(2, stillStopped.get(), "held safe at every later check");
        ticks.incrementAndGet();
        assertFalse(watchdog.check(230 * MS));
        assertFalse(watchdog.loopStopped(), "ticks again");
        assertFalse(watchdog.check(330 * MS), "the timeout counts again from the last progress");
        assertTrue(watchdog.check(331 * MS), "a second stop is caught too");
        assertEquals(2, stopped.get());
    }

    @Test
    void itsOwnThreadNoticesAStoppedLoopAndKeepsItSafeUntilStopped() throws Exception {
        CountDownLatch announced = new CountDownLatch(1);
        CountDownLatch heldSafe = new CountDownLatch(3);
        Watchdog threaded = new Watchdog(() -> 0, 50 * MS, announced::countDown, heldSafe::countDown);
        threaded.start();
        Thread thread = threaded.thread();
        assertTrue(thread.isDaemon(), "never keeps the JVM alive");
        assertEquals("upwell-watchdog", thread.getName());
        try {
            assertTrue(announced.await(10, TimeUnit.SECONDS), "the watchdog thread declared the loop stopped");
            assertTrue(heldSafe.await(10, TimeUnit.SECONDS), "and went on holding it safe");
            assertTrue(threaded.loopStopped());
        } finally {
            threaded.stop();
        }
        thread.join(10_000);
        assertFalse(thread.isAlive(), "stopping ends the thread");
    }

    @Test
    void itChecksFiveTimesPerTimeoutButNoMoreThanOnceAMillisecond() {
        assertEquals(20 * MS, new Watchdog(() -> 0, 100 * MS, () -> { }, () -> { }).checkIntervalNanos());
        assertEquals(MS, new Watchdog(() -> 0, 2 * MS, () -> { }, () -> { }).checkIntervalNanos());
    }
}
