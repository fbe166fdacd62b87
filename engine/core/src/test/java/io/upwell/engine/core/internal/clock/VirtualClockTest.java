package io.upwell.engine.core.internal.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

    @Test
    void runsTasksInDeadlineOrderAtTheirOwnTimes() {
        VirtualClock clock = new VirtualClock();
        List<String> calls = new ArrayList<>();
        clock.every(20_000_000L, "a", () -> calls.add("a@" + clock.nanoTime() / 1_000_000));
        clock.every(10_000_000L, "b", () -> calls.add("b@" + clock.nanoTime() / 1_000_000));
        clock.advance(Duration.ofMillis(45));
        assertEquals(List.of("b@10", "a@20", "b@20", "b@30", "a@40", "b@40"), calls,
                "ties run in the order they were scheduled");
        assertEquals(45_000_000L, clock.nanoTime());
    }

    @Test
    void aCancelledOrFailingTaskStops() {
        VirtualClock clock = new VirtualClock();
        int[] runs = new int[2];
        var handle = clock.every(10_000_000L, "cancel", () -> runs[0]++);
        clock.every(10_000_000L, "fails", () -> {
            runs[1]++;
            throw new IllegalStateException("boom");
        });
        clock.advance(Duration.ofMillis(30));
        handle.close();
        clock.advance(Duration.ofMillis(30));
        assertEquals(3, runs[0]);
        assertEquals(1, runs[1], "a task that throws is cancelled");
        assertTrue(clock.isVirtual());
    }

    @Test
    void aTaskDueExactlyAtTheTargetRunsBeforeTheAdvanceReturns() {
        VirtualClock clock = new VirtualClock(-5_000_000L); // any origin, negative too
        int[] runs = new int[1];
        clock.every(10_000_000L, "edge", () -> runs[0]++);
        clock.advanceNanos(10_000_000L);
        assertEquals(1, runs[0]);
        assertEquals(5_000_000L, clock.nanoTime());
    }

    @Test
    void timeNeverGoesBackAndPeriodsArePositive() {
        VirtualClock clock = new VirtualClock();
        assertThrows(IllegalArgumentException.class, () -> clock.advanceNanos(-1));
        clock.advanceNanos(0);
        assertEquals(0, clock.nanoTime(), "advancing by nothing is allowed");
        assertThrows(IllegalArgumentException.class, () -> clock.every(0, "zero", () -> { }));
        int[] runs = new int[1];
        clock.every(1, "shortest", () -> runs[0]++);
        clock.advanceNanos(3);
        assertEquals(3, runs[0]);
        assertEquals(3, clock.nanoTime());
    }
}
