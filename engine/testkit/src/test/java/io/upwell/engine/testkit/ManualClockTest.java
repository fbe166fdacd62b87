package io.upwell.engine.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualClockTest {
    private final ManualClock clock = new ManualClock();
    private final List<String> calls = new ArrayList<>();

    private Runnable recording(String name) {
        return () -> calls.add(name + "@" + clock.nanoTime() / 1_000_000);
    }

    @Test
    void standsStillUntilAdvancedAndIsVirtual() {
        ManualClock started = new ManualClock(5_000L);
        assertEquals(5_000L, started.nanoTime());
        assertEquals(5_000L, started.nanoTime());
        started.advance(Duration.ofNanos(7));
        assertEquals(5_007L, started.nanoTime());
        assertTrue(started.isVirtual());
    }

    @Test
    void runsTasksInOrderOfDueTimeEachAtItsOwnTimeTiesInSchedulingOrder() {
        clock.every(20_000_000L, "a", recording("a"));
        clock.every(10_000_000L, "b", recording("b"));
        clock.advance(Duration.ofMillis(45));
        assertEquals(List.of("b@10", "a@20", "b@20", "b@30", "a@40", "b@40"), calls);
        assertEquals(45_000_000L, clock.nanoTime());
    }

    @Test
    void aTaskIsFirstDueOnePeriodAfterItWasScheduled() {
        clock.advance(Duration.ofMillis(3));
        clock.every(10_000_000L, "late", recording("late"));
        clock.advance(Duration.ofMillis(12));
        assertEquals(List.of("late@13"), calls);
    }

    @Test
    void aClosedTaskRunsNoMoreAndLeavesTheSchedule() {
        Clock.Scheduled handle = clock.every(10_000_000L, "closed", recording("closed"));
        clock.every(10_000_000L, "kept", recording("kept"));
        clock.advance(Duration.ofMillis(10));
        handle.close();
        handle.close();
        clock.advance(Duration.ofMillis(10));
        assertEquals(List.of("closed@10", "kept@10", "kept@20"), calls);
        assertEquals(List.of("kept"), clock.scheduledTaskNames());
    }

    @Test
    void aTaskMayScheduleAndCancelTasksWhileItRuns() {
        List<Clock.Scheduled> retry = new ArrayList<>();
        Clock.Scheduled[] self = new Clock.Scheduled[1];
        self[0] = clock.every(10_000_000L, "step", () -> {
            calls.add("step@" + clock.nanoTime() / 1_000_000);
            self[0].close();
            retry.add(clock.every(5_000_000L, "retry", recording("retry")));
        });
        clock.advance(Duration.ofMillis(21));
        assertEquals(List.of("step@10", "retry@15", "retry@20"), calls);
        assertEquals(List.of("retry"), clock.scheduledTaskNames());
    }

    @Test
    void aTaskThatThrowsIsCancelledAndFailsTheAdvanceAtItsDueTime() {
        IllegalStateException boom = new IllegalStateException("boom");
        clock.every(10_000_000L, "fails", () -> {
            throw boom;
        });
        AssertionError failure = assertThrows(AssertionError.class, () -> clock.advance(Duration.ofMillis(35)));
        assertTrue(failure.getMessage().contains("'fails'"), failure.getMessage());
        assertEquals(boom, failure.getCause());
        assertEquals(10_000_000L, clock.nanoTime());
        assertEquals(List.of(), clock.scheduledTaskNames());
        clock.advance(Duration.ofMillis(30));
        assertEquals(40_000_000L, clock.nanoTime());
    }

    @Test
    void advanceUntilStepsUntilTheConditionHoldsAndSaysHowLongItTook() {
        clock.every(10_000_000L, "tick", recording("tick"));
        Duration taken = clock.advanceUntil("three ticks", Duration.ofMillis(4), Duration.ofSeconds(1),
                () -> calls.size() == 3);
        assertEquals(Duration.ofMillis(32), taken, "checked after each 4 ms step");
        assertEquals(Duration.ZERO, clock.advanceUntil("already true", Duration.ofMillis(4), Duration.ZERO, () -> true));
    }

    @Test
    void advanceUntilFailsNamingWhatNeverHappenedAndStopsAtTheLimit() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> clock.advanceUntil("the moon", Duration.ofMillis(30), Duration.ofMillis(100), () -> false));
        assertEquals("not within PT0.1S of virtual time: the moon", failure.getMessage());
        assertEquals(100_000_000L, clock.nanoTime());
    }

    @Test
    void refusesToGoBackOrToScheduleWithoutAPeriod() {
        assertInstanceOf(IllegalArgumentException.class,
                assertThrows(RuntimeException.class, () -> clock.advance(Duration.ofNanos(-1))));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> clock.every(0, "never", () -> { }));
        assertTrue(zero.getMessage().contains("'never'"), zero.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> clock.advanceUntil("x", Duration.ZERO, Duration.ofSeconds(1), () -> false));
    }
}
