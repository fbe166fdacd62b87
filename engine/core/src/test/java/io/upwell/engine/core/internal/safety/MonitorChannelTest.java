package io.upwell.engine.core.internal.safety;

import static io.upwell.engine.core.internal.safety.MonitorChannel.Verdict.LEAK;
import static io.upwell.engine.core.internal.safety.MonitorChannel.Verdict.OK;
import static io.upwell.engine.core.internal.safety.MonitorChannel.Verdict.OVER_VACUUM;
import static io.upwell.engine.core.internal.safety.MonitorChannel.Verdict.SENSOR_FAULT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class MonitorChannelTest {
    private static final long MS = 1_000_000L;
    private final MonitorChannel monitor = new MonitorChannel(40.0, 2.0, 10_000 * MS, 2_000 * MS);

    /** Feeds a noisy reading around {@code kpa} each 20 ms for {@code millis}; returns the first non-OK verdict. */
    private MonitorChannel.Verdict feed(long[] now, double kpa, double commanded, long millis) {
        for (long t = 0; t < millis; t += 20) {
            now[0] += 20 * MS;
            double noise = ((now[0] / (20 * MS)) % 2 == 0) ? 0.03 : -0.03;
            MonitorChannel.Verdict v = monitor.check(kpa + noise, true, commanded, now[0]);
            if (v != OK) {
                return v;
            }
        }
        return OK;
    }

    @Test
    @Tag("SR-02")
    void overVacuumBeyondMarginForMoreThan200MillisTrips() {
        long[] now = {0};
        assertEquals(OK, feed(now, 42.5, 40.0, 5000), "2.5 kPa over the limit is within the 2.7 kPa margin");
        assertEquals(OK, feed(now, 43.0, 40.0, 200), "over the margin for 200 ms is tolerated");
        assertEquals(OVER_VACUUM, feed(now, 43.0, 40.0, 40), "just past 200 ms it trips");
        assertTrue(monitor.detail().contains("43."), monitor.detail());
    }

    @Test
    @Tag("SR-02")
    void overVacuumIsJudgedEvenWhenNothingIsCommanded() {
        long[] now = {0};
        assertEquals(OVER_VACUUM, feed(now, 50.0, 0.0, 300), "a device pulling vacuum while vented is caught");
    }

    @Test
    @Tag("SR-06")
    void trackingErrorBeyondThresholdForLongerThanTheDelayIsALeak() {
        long[] now = {0};
        assertEquals(OK, feed(now, 35.0, 40.0, 10_000), "a 5 kPa error for 10 s is still within the delay");
        assertEquals(LEAK, feed(now, 35.0, 40.0, 100));
    }

    @Test
    @Tag("SR-06")
    void aRecoveredSealResetsTheLeakTimer() {
        long[] now = {0};
        assertEquals(OK, feed(now, 35.0, 40.0, 8_000));
        assertEquals(OK, feed(now, 39.0, 40.0, 1_000));
        assertEquals(OK, feed(now, 35.0, 40.0, 8_000), "the delay counts from the error's return");
    }

    @Test
    @Tag("SR-07")
    void impossibleReadingsAreSensorFaultsAtOnce() {
        assertEquals(SENSOR_FAULT, monitor.check(Double.NaN, true, 10.0, 0));
        assertEquals(SENSOR_FAULT, monitor.check(120.0, true, 10.0, 0));
        assertEquals(SENSOR_FAULT, monitor.check(-30.0, true, 10.0, 0));
    }

    @Test
    @Tag("SR-07")
    void aReadingFrozenWhileCommandsMoveIsASensorFault() {
        long now = 0;
        MonitorChannel.Verdict verdict = OK;
        double commanded = 0;
        for (int i = 0; i < 200 && verdict == OK; i++) { // command ramps up 10 kPa/s, reading stuck
            now += 20 * MS;
            commanded = Math.min(40, commanded + 0.2);
            verdict = monitor.check(12.34, true, commanded, now);
        }
        assertEquals(SENSOR_FAULT, verdict);
        assertTrue(now > 2_000 * MS && now <= 2_400 * MS, "trips just after the 2 s frozen time, at " + now / MS + " ms");
    }

    @Test
    @Tag("SR-07")
    void aQuietButLiveSensorDuringAHoldIsNotFrozen() {
        long[] now = {0};
        assertEquals(OK, feed(now, 40.0, 40.0, 60_000));
    }

    @Test
    void noSampleYetIsNotJudgedHere() {
        assertEquals(OK, monitor.check(Double.NaN, false, 40.0, 0), "silence is the device check's business (SR-08)");
    }
}
