package io.upwell.engine.core.internal.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.engine.core.internal.safety.VentWatch.Verdict;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A vented channel judged at the exact edges of its rules. */
class VentWatchTest {
    private static final long MS = 1_000_000L;
    private final VentWatch watch = new VentWatch(40.0); // over-vacuum above 42.7 kPa

    @Test
    @Tag("SR-07")
    void silenceIsNotJudgedHere() {
        assertEquals(Verdict.OK, watch.check(Double.NaN, false, 0));
        assertEquals(Verdict.OK, watch.checkHeld(50.0, false, 0));
    }

    @Test
    @Tag("SR-07")
    void impossibleReadingsAreSensorFaultsAtOnceAndToldOnce() {
        assertEquals(Verdict.SENSOR_FAULT, watch.check(Double.NaN, true, 0));
        assertEquals(Verdict.OK, watch.check(Double.NaN, true, 20 * MS), "once per episode");
        assertTrue(watch.detail().contains("NaN"), watch.detail());
        VentWatch other = new VentWatch(40.0);
        assertEquals(Verdict.OK, other.check(-10.0, true, 0), "-10 kPa is the edge of the plausible");
        assertEquals(Verdict.SENSOR_FAULT, other.check(-10.01, true, 20 * MS));
        VentWatch third = new VentWatch(40.0);
        assertEquals(Verdict.SENSOR_FAULT, third.check(101.01, true, 0));
    }

    @Test
    @Tag("SR-02")
    void overVacuumNeedsMoreThanTheMarginForMoreThanTheDelay() {
        assertEquals(Verdict.OK, watch.check(42.7, true, 0), "exactly limit plus margin is not over");
        assertEquals(Verdict.OK, watch.check(42.8, true, 10 * MS), "over: the delay starts");
        assertEquals(Verdict.OK, watch.check(42.8, true, 210 * MS), "200 ms over is not yet too long");
        assertEquals(Verdict.OVER_VACUUM, watch.check(42.8, true, 210 * MS + 1));
        assertTrue(watch.detail().contains("measured 42.8 kPa") && watch.detail().contains("limit 40.0 kPa"),
                watch.detail());
        assertEquals(Verdict.OK, watch.check(42.8, true, 400 * MS), "told once");
    }

    @Test
    @Tag("SR-02")
    void aDipBelowTheMarginStartsTheDelayAgain() {
        watch.check(50.0, true, 0);
        watch.check(50.0, true, 150 * MS);
        watch.check(42.0, true, 160 * MS);
        assertEquals(Verdict.OK, watch.check(50.0, true, 170 * MS));
        assertEquals(Verdict.OK, watch.check(50.0, true, 370 * MS));
        assertEquals(Verdict.OVER_VACUUM, watch.check(50.0, true, 371 * MS));
    }

    @Test
    @Tag("SR-07")
    void vacuumAboveTheResidualHeldLongerThanTheGraceIsNotReleased() {
        assertEquals(Verdict.OK, watch.checkHeld(5.0, true, 0), "5 kPa is what is left of a release");
        assertEquals(Verdict.OK, watch.checkHeld(5.1, true, 100 * MS), "held: the grace starts");
        assertEquals(Verdict.OK, watch.checkHeld(5.1, true, 2100 * MS), "two seconds are allowed");
        assertEquals(Verdict.NOT_RELEASED, watch.checkHeld(5.1, true, 2100 * MS + 1));
        assertTrue(watch.detail().contains("5.1 kPa still held 2000 ms"), watch.detail());
        assertEquals(Verdict.OK, watch.checkHeld(5.1, true, 3000 * MS), "told once");
    }

    @Test
    @Tag("SR-07")
    void aReleaseEndsTheEpisodeSoTheNextHoldIsToldAgain() {
        watch.checkHeld(30.0, true, 0);
        assertEquals(Verdict.NOT_RELEASED, watch.checkHeld(30.0, true, 3000 * MS));
        assertEquals(Verdict.OK, watch.checkHeld(1.0, true, 3100 * MS));
        watch.checkHeld(30.0, true, 3200 * MS);
        assertEquals(Verdict.NOT_RELEASED, watch.checkHeld(30.0, true, 5300 * MS));
    }

    @Test
    @Tag("SR-07")
    void applyingVacuumIsNoHoldAndRearmingTellsAPersistingConditionAgain() {
        watch.checkHeld(30.0, true, 0);
        watch.applying();
        assertEquals(Verdict.OK, watch.checkHeld(30.0, true, 2500 * MS), "the grace starts again after applying");
        assertEquals(Verdict.NOT_RELEASED, watch.checkHeld(30.0, true, 4600 * MS));
        watch.rearm();
        assertEquals(Verdict.NOT_RELEASED, watch.checkHeld(30.0, true, 4620 * MS), "told again after rearming");
    }

    @Test
    @Tag("SR-07")
    void theFullCheckAlsoJudgesHeldVacuum() {
        assertEquals(Verdict.OK, watch.check(30.0, true, 0));
        assertEquals(Verdict.NOT_RELEASED, watch.check(30.0, true, 2000 * MS + 1));
    }
}
