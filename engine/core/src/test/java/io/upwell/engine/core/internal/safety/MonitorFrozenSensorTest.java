package io.upwell.engine.core.internal.safety;

import static io.upwell.engine.core.internal.safety.MonitorChannel.Verdict.OK;
import static io.upwell.engine.core.internal.safety.MonitorChannel.Verdict.SENSOR_FAULT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SR-07: a reading that stands still is frozen after the frozen time (2 s here) if the command moved
 * more than 2 kPa meanwhile, and after five times that (10 s) during a steady hold, as long as vacuum
 * above 1 kPa is applied. Readings here are exact on purpose: a live sensor's noise moves them.
 */
@Tag("SR-07")
class MonitorFrozenSensorTest {
    private static final long MS = 1_000_000L;
    private static final long TICK = 20 * MS;

    private final MonitorChannel monitor = new MonitorChannel(40.0, 2.0, 10_000 * MS, 2_000 * MS);
    private long now = -7_000 * MS; // the engine clock's origin is arbitrary: it may read negative

    /** Feeds {@code kpa} each tick while {@code commanded}, for {@code millis}; returns the first verdict other than OK. */
    private MonitorChannel.Verdict hold(double kpa, double commanded, long millis) {
        for (long t = 0; t < millis; t += TICK / MS) {
            now += TICK;
            MonitorChannel.Verdict verdict = monitor.check(kpa, true, commanded, now);
            if (verdict != OK) {
                return verdict;
            }
        }
        return OK;
    }

    @Test
    void aReadingFrozenDuringASteadyHoldIsASensorFaultAfterFiveTimesTheFrozenTime() {
        assertEquals(OK, hold(40.0, 40.0, 20), "the first reading is a change");
        assertEquals(OK, hold(40.0, 40.0, 10_000), "unchanged for exactly 10 s is tolerated");
        assertEquals(SENSOR_FAULT, hold(40.0, 40.0, 20), "unchanged for longer than 10 s while holding is frozen");
        assertEquals("reading frozen at 40.00 kPa for 10020 ms while commanded 40.0 kPa", monitor.detail());
    }

    @Test
    void aCommandMovingMoreThanTwoKpaTripsAfterTheFrozenTime() {
        assertEquals(OK, hold(20.0, 20.0, 20));
        assertEquals(OK, hold(20.0, 22.5, 2_000), "the command moved 2.5 kPa; 2 s without a change is tolerated");
        assertEquals(SENSOR_FAULT, hold(20.0, 22.5, 20));
        assertEquals("reading frozen at 20.00 kPa for 2020 ms while commanded 22.5 kPa", monitor.detail());
    }

    @Test
    void aCommandMovingExactlyTwoKpaIsJudgedAsAHold() {
        assertEquals(OK, hold(20.0, 20.0, 20));
        assertEquals(OK, hold(20.0, 22.0, 9_000), "a 2 kPa move is not more than 2 kPa: only the 10 s hold rule applies");
        assertEquals(SENSOR_FAULT, hold(20.0, 22.0, 1_100));
    }

    @Test
    void aSensorStuckAtVacuumWhileTheChannelVentsIsASensorFault() {
        assertEquals(OK, hold(30.0, 30.0, 20));
        assertEquals(SENSOR_FAULT, hold(30.0, 0.0, 2_100), "the command fell 30 kPa and the reading did not follow");
    }

    @Test
    void oneKpaOrLessIsNotAppliedVacuumSoAStillReadingIsNoFault() {
        assertEquals(OK, hold(0.5, 1.0, 60_000), "commanded 1 kPa: nothing is applied, a resting gauge may stand still");
        assertEquals(OK, hold(0.4, 1.0, 20));
        assertEquals(OK, hold(0.4, 0.0, 60_000), "the command at the last change was 1 kPa: nothing was applied either");
    }

    @Test
    void aReadingThatChangesStartsTheFrozenTimeOver() {
        assertEquals(OK, hold(40.0, 40.0, 9_000));
        assertEquals(OK, hold(40.1, 40.0, 9_000));
        assertEquals(OK, hold(40.0, 40.0, 9_000));
    }
}
