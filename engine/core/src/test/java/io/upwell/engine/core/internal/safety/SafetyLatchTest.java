package io.upwell.engine.core.internal.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.engine.core.internal.safety.SafetyLatch.Cause;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("SR-13")
class SafetyLatchTest {

    @Test
    void eachCauseIsToldOnceUntilAcknowledged() {
        SafetyLatch latch = new SafetyLatch();
        assertFalse(latch.isSet());
        assertTrue(latch.latch(Cause.EMERGENCY_STOP), "the first press is news");
        assertFalse(latch.latch(Cause.EMERGENCY_STOP), "the second is not");
        assertTrue(latch.latch(Cause.FAULT), "another cause is news of its own");
        assertTrue(latch.isSet());
        assertTrue(latch.isLatched(Cause.FAULT));
        assertFalse(latch.isLatched(Cause.LOOP_STOPPED));
        assertEquals(EnumSet.of(Cause.EMERGENCY_STOP, Cause.FAULT), latch.causes());
    }

    @Test
    void acknowledgingClearsEveryCauseAtOnceAndAStopAfterItIsNewsAgain() {
        SafetyLatch latch = new SafetyLatch();
        latch.latch(Cause.EMERGENCY_STOP);
        latch.latch(Cause.LOOP_STOPPED);
        Set<Cause> was = latch.acknowledge();
        assertEquals(EnumSet.of(Cause.EMERGENCY_STOP, Cause.LOOP_STOPPED), was);
        assertFalse(latch.isSet());
        assertTrue(latch.acknowledge().isEmpty(), "nothing left");
        assertTrue(latch.latch(Cause.EMERGENCY_STOP), "a stop after the acknowledgement latches and is told");
        assertTrue(latch.isSet());
    }

    @Test
    @Tag("SR-13")
    void theGenerationCountsEveryCauseNewlyLatchedAndNothingElse() {
        SafetyLatch latch = new SafetyLatch();
        assertEquals(0, latch.generation());
        latch.latch(Cause.FAULT);
        latch.latch(Cause.FAULT); // already set: no news
        latch.latch(Cause.EMERGENCY_STOP);
        assertEquals(2, latch.generation());
        latch.acknowledge();
        assertEquals(2, latch.generation(), "clearing is no latching");
        latch.latch(Cause.LOOP_STOPPED);
        assertEquals(3, latch.generation());
        assertEquals(Set.of(Cause.LOOP_STOPPED), latch.causes(), "the count never spills into the causes");
    }

    @Test
    @Tag("SR-13")
    void aConditionalAcknowledgementClearsOnlyWhenNothingWasLatchedSince() {
        SafetyLatch latch = new SafetyLatch();
        latch.latch(Cause.FAULT);
        long seen = latch.generation();
        latch.latch(Cause.EMERGENCY_STOP); // pressed after the operator looked

        assertEquals(null, latch.acknowledgeIf(seen), "a stop latched since is not cleared");
        assertEquals(EnumSet.of(Cause.FAULT, Cause.EMERGENCY_STOP), latch.causes());

        assertEquals(EnumSet.of(Cause.FAULT, Cause.EMERGENCY_STOP), latch.acknowledgeIf(latch.generation()),
                "with the latest generation it clears and says what it cleared");
        assertFalse(latch.isSet());
    }
}
