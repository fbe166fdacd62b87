package io.upwell.engine.core.internal.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class PhaseTest {

    @Test
    void vacuumMayBeHeldFromRampToReleaseAndWhileRampingOut() {
        EnumSet<Phase> applying = EnumSet.of(Phase.RAMP, Phase.HOLD, Phase.PULSE, Phase.WAVE, Phase.RELEASE,
                Phase.RAMP_OUT);
        for (Phase phase : Phase.values()) {
            if (applying.contains(phase)) {
                assertTrue(phase.isApplying(), phase.label());
            } else {
                assertFalse(phase.isApplying(), phase.label());
            }
        }
    }

    @Test
    void everyPhaseHasTheLabelPeopleAreShown() {
        assertEquals("idle", Phase.IDLE.label());
        assertEquals("release", Phase.RELEASE.label());
        assertEquals("ramp-out", Phase.RAMP_OUT.label());
        assertEquals("dwell-limit", Phase.DWELL_LIMIT.label());
    }
}
