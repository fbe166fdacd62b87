package io.upwell.engine.core.internal.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.time.Clock;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The system clock's periodic threads. Nothing here asserts how late a run may be (that depends on
 * the machine); only what the clock guarantees: never early, on a named daemon thread, and no more
 * runs once closed or after the task threw. The waits are guards against a hang, not timings.
 */
class SystemClockTest {
    private static final long PERIOD = 5_000_000L;
    private static final long HANG_GUARD_SECONDS = 30;

    private final SystemClock clock = new SystemClock();

    @Test
    void itIsTheWallsClockAndPeriodsArePositive() {
        assertFalse(clock.isVirtual());
        long before = System.nanoTime();
        long reading = clock.nanoTime();
        assertTrue(reading >= before && reading <= System.nanoTime(), "the clock reads System.nanoTime");
        assertThrows(IllegalArgumentException.class, () -> clock.every(0, "zero", () -> { }));
    }

    @Test
    void aTaskRunsNeverBeforeItsDeadlineOnANamedDaemonThreadUntilClosed() throws InterruptedException {
        CopyOnWriteArrayList<Long> runs = new CopyOnWriteArrayList<>();
        AtomicReference<Thread> runner = new AtomicReference<>();
        CountDownLatch fiveRuns = new CountDownLatch(5);
        long start = System.nanoTime();
        Clock.Scheduled scheduled = clock.every(PERIOD, "upwell-test-periodic", () -> {
            runner.set(Thread.currentThread());
            runs.add(System.nanoTime());
            fiveRuns.countDown();
        });
        assertTrue(fiveRuns.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        scheduled.close();
        Thread thread = runner.get();
        thread.join(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS));
        assertFalse(thread.isAlive(), "closing ends the thread");
        assertEquals("upwell-test-periodic", thread.getName());
        assertTrue(thread.isDaemon());
        for (int k = 0; k < 5; k++) {
            long due = start + (k + 1) * PERIOD;
            assertTrue(runs.get(k) >= due, "run " + k + " came " + (due - runs.get(k)) + " ns early");
        }
    }

    @Test
    void aTaskThatThrowsRunsNoMore() throws InterruptedException {
        AtomicReference<Thread> runner = new AtomicReference<>();
        CopyOnWriteArrayList<Long> runs = new CopyOnWriteArrayList<>();
        CountDownLatch ran = new CountDownLatch(1);
        clock.every(PERIOD, "upwell-test-failing", () -> {
            runner.set(Thread.currentThread());
            runs.add(System.nanoTime());
            ran.countDown();
            throw new IllegalStateException("boom");
        });
        assertTrue(ran.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        runner.get().join(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS));
        assertFalse(runner.get().isAlive());
        assertEquals(1, runs.size());
    }
}
