package io.upwell.engine.core.internal.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SR-04: the dwell counts continuous vacuum as a therapist means it. The rise limit here is so high
 * that the command follows each request within one tick, so the times below are the times the
 * command spends above or below the 5 kPa threshold.
 */
@Tag("SR-04")
class EnvelopeDwellTest {
    private static final long TICK = 20_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long DWELL_LIMIT = 60 * SECOND;
    private static final long RECOVERY = EnvelopeChannel.DEFAULT_DWELL_RECOVERY_NANOS;

    private final EnvelopeChannel envelope = new EnvelopeChannel(50.0, 1e6, 10.0, DWELL_LIMIT, 5.0);
    private long now = 1_000 * SECOND;

    /** Requests {@code kpa} every tick for {@code nanos}; returns true if the dwell limit was reached meanwhile. */
    private boolean hold(double kpa, long nanos) {
        boolean reached = false;
        for (long elapsed = 0; elapsed < nanos; elapsed += TICK) {
            now += TICK;
            envelope.step(kpa, false, now, TICK);
            reached |= envelope.dwellExpiredNow();
        }
        return reached;
    }

    @Test
    void theDefaultRecoveryTimeIsFiveSeconds() {
        assertEquals(5 * SECOND, RECOVERY);
    }

    @Test
    void aPulsingTechniqueWithSubSecondDipsReachesTheDwellLimit() {
        boolean reached = false;
        long pulses = 0;
        while (!reached && pulses < 100) { // 9.5 s at 30 kPa, 0.5 s dip to ambient, for up to 1000 s
            reached = hold(30.0, 9_500_000_000L) || hold(0.0, 500_000_000L);
            pulses++;
        }
        assertTrue(reached, "brief dips below the threshold are not a release: the dwell limit is reached");
        assertEquals(7, pulses, "the dips count as time at the site: 60 s of the first vacuum is in the seventh pulse");
    }

    @Test
    void aDipJustShorterThanTheRecoveryTimeDoesNotResetTheDwell() {
        assertFalse(hold(30.0, 40 * SECOND));
        assertFalse(hold(0.0, RECOVERY - TICK));
        assertTrue(hold(30.0, 40 * SECOND), "40 s + 4.98 s + 40 s at one site passes the 60 s limit");
    }

    @Test
    void aReleaseLastingTheRecoveryTimeStartsTheDwellOver() {
        assertFalse(hold(30.0, 40 * SECOND));
        assertFalse(hold(0.0, RECOVERY));
        assertFalse(hold(30.0, 59 * SECOND), "after a full release the dwell counts again from zero");
        assertTrue(hold(30.0, 2 * SECOND));
    }

    @Test
    void theDwellLimitIsReachedAtExactlyTheLimitAndReportedOnce() {
        now += TICK;
        long firstVacuum = now;
        envelope.step(30.0, false, now, TICK);
        int reports = 0;
        while (now - firstVacuum < DWELL_LIMIT + 10 * SECOND) {
            now += TICK;
            envelope.step(30.0, false, now, TICK);
            if (envelope.dwellExpiredNow()) {
                reports++;
                assertEquals(DWELL_LIMIT, now - firstVacuum, "the limit is reached 60 s after the vacuum passed the threshold");
            }
        }
        assertEquals(1, reports);
        assertTrue(envelope.dwellExpired());
    }

    @Test
    void vacuumAtTheThresholdItselfIsNotDwell() {
        assertFalse(hold(5.0, 2 * DWELL_LIMIT), "5 kPa is not above the 5 kPa threshold");
        assertFalse(envelope.dwellExpired());
    }

    @Test
    void aPauseShorterThanTheRecoveryTimeDoesNotResetTheDwell() {
        assertFalse(hold(30.0, 40 * SECOND));
        for (long paused = 0; paused < 3 * SECOND; paused += TICK) { // paused: the session vents, no step
            now += TICK;
            envelope.vented();
        }
        assertEquals(0.0, envelope.command(), "venting drops the command to ambient");
        assertTrue(hold(30.0, 20 * SECOND), "resumed 3 s later, the cup is still on the same site");
    }

    @Test
    void aPauseLongerThanTheRecoveryTimeStartsTheDwellOver() {
        assertFalse(hold(30.0, 40 * SECOND));
        for (long paused = 0; paused < RECOVERY + SECOND; paused += TICK) {
            now += TICK;
            envelope.vented();
        }
        assertFalse(hold(30.0, 59 * SECOND), "the pause was long enough for the tissue to recover");
    }

    @Test
    void theDwellCountsOnAClockThatReadsNegative() {
        now = -10_000 * SECOND; // the engine clock's origin is arbitrary; System.nanoTime may be negative
        assertTrue(hold(30.0, DWELL_LIMIT + SECOND));
    }

    @Test
    void aRampOutCountsTowardsTheDwell() {
        assertFalse(hold(30.0, 58 * SECOND));
        boolean reached = false;
        for (int i = 0; i < 200; i++) { // 30 kPa falls at 10 kPa/s: above 5 kPa for 2.5 s more
            now += TICK;
            envelope.step(30.0, true, now, TICK);
            reached |= envelope.dwellExpiredNow();
        }
        assertTrue(reached, "the cup is still on the site while it ramps out");
    }

    @Test
    void withNoRecoveryTimeAnyReleaseStartsTheDwellOver() {
        EnvelopeChannel noRecovery = new EnvelopeChannel(50.0, 1e6, 10.0, DWELL_LIMIT, 5.0, 0);
        for (int cycle = 0; cycle < 3; cycle++) {
            for (long held = 0; held < 40 * SECOND; held += TICK) {
                now += TICK;
                noRecovery.step(30.0, false, now, TICK);
            }
            now += TICK;
            noRecovery.step(0.0, false, now, TICK);
        }
        assertFalse(noRecovery.dwellExpired(), "one tick at ambient is a release when no recovery time is asked for");
    }

    @Test
    void aNegativeRecoveryTimeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EnvelopeChannel(50.0, 10.0, 10.0, DWELL_LIMIT, 5.0, -1));
    }
}
