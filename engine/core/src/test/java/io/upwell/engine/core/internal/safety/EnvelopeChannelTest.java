package io.upwell.engine.core.internal.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class EnvelopeChannelTest {
    private static final long TICK = 20_000_000L;
    private static final long MINUTE = 60_000_000_000L;

    private final EnvelopeChannel envelope = new EnvelopeChannel(50.0, 10.0, 10.0, 15 * MINUTE, 5.0);
    private long now;

    private double step(double requested) {
        now += TICK;
        return envelope.step(requested, false, now, TICK);
    }

    @Test
    @Tag("SR-01")
    void clampsARequestAboveTheLimitAndReportsTheEpisodeOnce() {
        int episodes = 0;
        double command = 0;
        for (int i = 0; i < 1000; i++) {
            command = step(75.0);
            assertTrue(command <= 50.0, "command " + command + " stays within the 50 kPa limit");
            episodes += envelope.clampStarted() ? 1 : 0;
        }
        assertEquals(50.0, command, 1e-9, "settles at the limit");
        assertEquals(1, episodes, "one clamp alarm for one continuous episode");
        step(40.0);
        step(80.0);
        assertTrue(envelope.clampStarted(), "a new episode after the request came back under the limit");
    }

    @Test
    @Tag("SR-03")
    void risesNoFasterThanTheRampLimitAndReleasesAtOnce() {
        double previous = 0;
        for (int i = 0; i < 300; i++) {
            double command = step(40.0);
            assertTrue(command - previous <= 10.0 * TICK / 1e9 + 1e-9,
                    "rise of " + (command - previous) + " kPa in one 20 ms tick is within 10 kPa/s");
            previous = command;
        }
        assertEquals(40.0, previous, 1e-9, "reaches the target after 4 s");
        assertEquals(0.0, step(0.0), "release may be immediate");
    }

    @Test
    @Tag("SR-03")
    void notANumberCountsAsAmbient() {
        step(20.0);
        assertEquals(0.0, step(Double.NaN));
        assertEquals(0.0, step(-5.0));
    }

    @Test
    @Tag("SR-04")
    void rampsOutAtTheDwellLimitAndDoesNotComeBack() {
        EnvelopeChannel shortDwell = new EnvelopeChannel(50.0, 10.0, 10.0, MINUTE, 5.0);
        long t = 0;
        boolean reported = false;
        double command = 0;
        // Dwell counts from the moment the command passes the 5 kPa threshold, 0.5 s into the 10 kPa/s rise.
        while (t < MINUTE + 1_000_000_000L) {
            t += TICK;
            command = shortDwell.step(30.0, false, t, TICK);
            reported |= shortDwell.dwellExpiredNow();
        }
        assertTrue(reported, "the dwell limit is reported");
        assertTrue(shortDwell.dwellExpired());
        assertTrue(command < 30.0, "the cup ramps out once the limit is reached");
        for (int i = 0; i < 500; i++) {
            t += TICK;
            command = shortDwell.step(30.0, false, t, TICK);
        }
        assertEquals(0.0, command, "it stays out for the rest of the session");
    }

    @Test
    @Tag("SR-04")
    void dwellCountsOnlyContinuousVacuumAboveTheThreshold() {
        EnvelopeChannel shortDwell = new EnvelopeChannel(50.0, 10.0, 10.0, MINUTE, 5.0);
        long t = 0;
        for (int cycle = 0; cycle < 3; cycle++) {
            for (long held = 0; held < 40_000_000_000L; held += TICK) {
                t += TICK;
                shortDwell.step(30.0, false, t, TICK);
            }
            for (long released = 0; released < EnvelopeChannel.DEFAULT_DWELL_RECOVERY_NANOS; released += TICK) {
                t += TICK;
                shortDwell.step(0.0, false, t, TICK); // released long enough to recover: continuity broken
            }
        }
        assertFalse(shortDwell.dwellExpired(), "three 40 s holds with 5 s releases between them are not a 60 s dwell");
    }

    @Test
    @Tag("SR-01")
    void aRequestExactlyAtTheLimitIsNotClamped() {
        for (int i = 0; i < 1000; i++) {
            step(50.0);
            assertFalse(envelope.clampStarted(), "50 kPa asked for under a 50 kPa limit is no clamp episode");
        }
        assertEquals(50.0, envelope.command(), 1e-9);
    }

    @Test
    void theCommandIsWhatTheLastStepReturned() {
        double returned = step(3.0);
        assertEquals(0.2, returned, 1e-9, "one 20 ms tick at 10 kPa/s");
        assertEquals(returned, envelope.command());
        assertEquals(50.0, envelope.limitKpa());
    }

    @Test
    void rampOutFallsAtTheRampOutRate() {
        for (int i = 0; i < 300; i++) {
            step(40.0);
        }
        now += TICK;
        double command = envelope.step(40.0, true, now, TICK);
        assertEquals(40.0 - 10.0 * 0.02, command, 1e-9);
    }
}
