package io.upwell.engine.core.internal.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhaseTest {

    @Test
    void vacuumMayBeHeldFromRampToReleaseAndWhileRampingOut() {
        for (byte phase : new byte[] {Phase.RAMP, Phase.HOLD, Phase.PULSE, Phase.WAVE, Phase.RELEASE, Phase.RAMP_OUT}) {
            assertTrue(Phase.isApplying(phase), Phase.name(phase));
        }
        for (byte phase : new byte[] {Phase.IDLE, Phase.DONE, Phase.VENT, Phase.LEAK, Phase.DWELL_LIMIT}) {
            assertFalse(Phase.isApplying(phase), Phase.name(phase));
        }
    }

    @Test
    void everyPhaseHasItsNameAndAnythingElseIsUnknown() {
        assertEquals("idle", Phase.name(Phase.IDLE));
        assertEquals("release", Phase.name(Phase.RELEASE));
        assertEquals("ramp-out", Phase.name(Phase.RAMP_OUT));
        assertEquals("dwell-limit", Phase.name(Phase.DWELL_LIMIT));
        assertEquals("unknown", Phase.name((byte) (Phase.DWELL_LIMIT + 1)));
        assertEquals("unknown", Phase.name((byte) -1));
    }
}
