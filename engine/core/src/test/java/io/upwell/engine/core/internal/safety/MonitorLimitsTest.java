package io.upwell.engine.core.internal.safety;

import static io.upwell.engine.core.internal.safety.MonitorChannel.Verdict.LEAK;
import static io.upwell.engine.core.internal.safety.MonitorChannel.Verdict.OK;
import static io.upwell.engine.core.internal.safety.MonitorChannel.Verdict.OVER_VACUUM;
import static io.upwell.engine.core.internal.safety.MonitorChannel.Verdict.SENSOR_FAULT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.upwell.api.safety.HardLimits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The monitor's limits at their exact values: "more than" in SR-02, SR-06 and SR-07 means that the
 * value itself is still within. The frozen time is an hour here, so that exact, unchanging readings
 * are judged only by the limit under test.
 */
class MonitorLimitsTest {
    private static final long MS = 1_000_000L;
    private static final long TICK = 20 * MS;
    private static final long HOUR = 3_600_000 * MS;

    private MonitorChannel monitor = new MonitorChannel(40.0, 2.0, 10_000 * MS, HOUR);
    private long now = -3_000 * MS; // the engine clock's origin is arbitrary: it may read negative

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
    @Tag("SR-02")
    void overVacuumTripsOnlyAboveTheMarginAndOnlyAfterMoreThan200Millis() {
        assertEquals(OK, hold(40.0 + HardLimits.OVER_VACUUM_MARGIN_KPA, 40.0, 5_000), "exactly at the margin is within it");
        now += TICK;
        assertEquals(OK, monitor.check(42.8, true, 40.0, now), "the first reading over the margin starts the delay");
        long firstOver = now;
        assertEquals(OK, monitor.check(42.8, true, 40.0, firstOver + 200 * MS), "200 ms over the margin is tolerated");
        assertEquals(OVER_VACUUM, monitor.check(42.8, true, 40.0, firstOver + 200 * MS + 1));
        assertEquals("measured 42.8 kPa, limit 40.0 kPa plus 2.7 kPa margin", monitor.detail());
    }

    @Test
    @Tag("SR-02")
    void aReadingBackWithinTheMarginStartsTheOverVacuumDelayOver() {
        assertEquals(OK, hold(43.0, 40.0, 180));
        assertEquals(OK, hold(42.0, 40.0, 20));
        assertEquals(OK, hold(43.0, 40.0, 180), "the delay counts from the return over the margin");
        assertEquals(OVER_VACUUM, hold(43.0, 40.0, 60), "and trips once that run is longer than 200 ms");
    }

    @Test
    @Tag("SR-06")
    void aLeakIsATrackingErrorOfMoreThanTheThresholdForMoreThanTheDelay() {
        assertEquals(OK, hold(38.0, 40.0, 60_000), "an error of exactly 2 kPa is within the threshold");
        now += TICK;
        long firstError = now;
        assertEquals(OK, monitor.check(37.9, true, 40.0, firstError));
        assertEquals(OK, monitor.check(37.9, true, 40.0, firstError + 10_000 * MS), "10 s is within the delay");
        assertEquals(LEAK, monitor.check(37.9, true, 40.0, firstError + 10_000 * MS + 1));
        assertEquals("measured 37.9 kPa against 40.0 kPa commanded for 10 s", monitor.detail());
    }

    @Test
    @Tag("SR-06")
    void withOneKpaCommandedOrLessNothingCanLeak() {
        monitor = new MonitorChannel(40.0, 0.5, 10_000 * MS, HOUR);
        assertEquals(OK, hold(0.0, 1.0, 60_000), "1 kPa is not applied vacuum; its tracking error is no leak");
        assertEquals(LEAK, hold(0.0, 1.1, 10_100), "just above 1 kPa it is");
    }

    @Test
    @Tag("SR-07")
    void theLimitsOfPhysicalRangeAreThemselvesPlausible() {
        assertEquals(OK, monitor.check(MonitorChannel.MIN_PLAUSIBLE_KPA, true, 0.0, now));
        assertEquals(OK, monitor.check(MonitorChannel.MAX_PLAUSIBLE_KPA, true, 0.0, now + TICK));
        assertEquals(SENSOR_FAULT, monitor.check(Math.nextDown(MonitorChannel.MIN_PLAUSIBLE_KPA), true, 0.0, now + 2 * TICK));
        assertEquals(SENSOR_FAULT, monitor.check(Math.nextUp(MonitorChannel.MAX_PLAUSIBLE_KPA), true, 0.0, now + 3 * TICK));
        assertEquals("reading 101.00000000000001 kPa is not physically possible", monitor.detail());
    }
}
