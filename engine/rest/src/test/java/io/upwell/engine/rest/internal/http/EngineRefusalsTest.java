package io.upwell.engine.rest.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's refusals, in the words the core writes them, as problem documents. */
class EngineRefusalsTest {

    private static Problem problem(String message) {
        return EngineRefusals.of(message).problem();
    }

    @Test
    void refusalsAboutTheEnginesStateAreConflicts() {
        for (String message : new String[] {
            "an emergency stop or fault is latched; the operator must acknowledge it first",
            "another session is being started",
            "session 20261124-1 is RUNNING; stop it before starting another",
            "session 20261124-1 is ENDED; only a running session can pause",
            "session 20261124-1 is ENDED; it can no longer be commanded",
            "session s-1 was paused by a fault (leak); the operator must acknowledge it before resuming",
            "the journal cannot write; no session can start",
            "control loop is not ticking; every channel stays vented and the latch stays set until the loop ticks"}) {
            assertEquals(409, problem(message).status(), message);
            assertEquals(message, problem(message).detail());
        }
    }

    @Test
    void aRefusedRequestIs422WithEachProblemUnderItsField() {
        String message = "session request refused: cup 1 (sim-1 channel 9): the device has channels 0..3; "
                + "cup 2 (nope channel 0): no device 'nope'; connected: [sim-1]; "
                + "parameter 'targetKpa' = 90 kPa: must be 8 to 60 kPa; "
                + "cup 0: parameter 'holdSeconds' applies to the whole session; it cannot be set for one cup; "
                + "technique 'static-cupping' has no parameter 'speed'; it has [targetKpa, holdSeconds]; "
                + "cup 3 (sim-1 channel 3): technique 'lymph' is meant for calf, not face; "
                + "cup 0 (mc-1 channel 0): no screening given; without screening only a simulated device may be used";
        Problem problem = problem(message);
        assertEquals(422, problem.status());
        assertEquals(List.of("cups[1].channel", "cups[2].device", "parameters.targetKpa", "cups[0].overrides.holdSeconds",
                "parameters.speed", "cups[3].site.region", "screening"),
                problem.errors().stream().map(FieldError::field).toList());
        assertEquals("cup 2 (nope channel 0): no device 'nope'; connected: [sim-1]", problem.errors().get(1).message());
    }

    @Test
    void anUnknownTechniqueNamesTheTechniqueField() {
        Problem problem = problem("unknown technique 'cupping'; available: [static-cupping]");
        assertEquals(422, problem.status());
        assertEquals(List.of(new FieldError("technique", "unknown technique 'cupping'; available: [static-cupping]")),
                problem.errors());
    }

    @Test
    void otherRefusalsAre422WithoutFields() {
        Problem problem = problem("sim-1 and sim-2 share one pump, which holds one vacuum at a time");
        assertEquals(422, problem.status());
        assertEquals(List.of(), problem.errors());
    }
}
