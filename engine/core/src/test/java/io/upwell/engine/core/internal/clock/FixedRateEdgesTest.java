package io.upwell.engine.core.internal.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The fixed-rate loop at its edges: exactly one period behind, and the due times it hands each tick. */
class FixedRateEdgesTest {
    private static final long P = 20_000_000L;

    @Test
    @Tag("SR-10")
    void aTickExactlyOnePeriodBehindIsStillRunNotSkipped() {
        assertEquals(P, FixedRateThread.nextDue(0, 2 * P, P), "one period behind: the next tick is due at once");
        assertEquals(3 * P, FixedRateThread.nextDue(0, 2 * P + 1, P), "more than a period behind: skipped in phase");
    }

    @Test
    @Tag("SR-10")
    void farBehindTheNextDeadlineKeepsThePhaseOfAnyOrigin() {
        long due = 7_000;
        long now = due + 10 * P + P / 3;
        long next = FixedRateThread.nextDue(due, now, P);
        assertEquals(due + 11 * P, next);
        assertTrue(next > now && next - now <= P, "the first deadline in phase after now");
    }

    @Test
    @Tag("SR-10")
    void eachTickIsHandedItsDeadlineWhichItNeverPrecedesAndTheDeadlinesKeepThePhase() throws Exception {
        List<long[]> ticks = new CopyOnWriteArrayList<>();
        FixedRateThread thread = new FixedRateThread("test-phase", 2_000_000L,
                (due, now) -> ticks.add(new long[] {due, now}), t -> { });
        long started = System.nanoTime();
        thread.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (ticks.size() < 5 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000L);
        }
        thread.shutdown();
        thread.join(20_000);
        assertEquals(Thread.State.TERMINATED, thread.getState(), "shut down, the thread ends");
        assertTrue(ticks.size() >= 5, "ticked: " + ticks.size());
        long first = ticks.get(0)[0];
        assertTrue(first - started >= 2_000_000L, "the first tick is due a period after the start");
        for (long[] tick : ticks) {
            assertTrue(tick[1] >= tick[0], "never before its deadline");
            assertEquals(0, (tick[0] - first) % 2_000_000L, "deadlines in phase");
        }
        for (int i = 1; i < ticks.size(); i++) {
            assertTrue(ticks.get(i)[0] > ticks.get(i - 1)[0], "deadlines move on");
        }
    }
}
