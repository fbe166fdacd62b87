package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.DeviceState;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionState;
import io.upwell.engine.core.internal.clock.VirtualClock;
import io.upwell.engine.core.internal.settings.EngineSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A control tick that fails latches and vents, and the latch cannot be cleared until a tick succeeds (SR-10). */
@Tag("SR-10")
class FailingTickTest {
    @TempDir
    Path dir;
    final VirtualClock clock = new VirtualClock();
    final RecordingJournal journal = new RecordingJournal();
    Engine engine;

    @AfterEach
    void tearDown() {
        engine.close();
    }

    @Test
    void whileTicksFailTheLatchStaysAndOnceOneSucceedsItMayBeCleared() throws Exception {
        engine = new Engine(EngineSettings.defaults(dir, true), clock, journal);
        engine.addDriver(new ScriptedDevice("sim-1", 4));
        engine.addTechnique(new ScriptedTechnique(EngineFixture::holdProgram), "test.module");
        engine.start(false);
        EngineFixture.await("sim-1 ready", () -> engine.devices().stream().anyMatch(d -> d.state() == DeviceState.READY));
        EngineFixture.await("the technique described", () -> !engine.techniques().isEmpty());
        Session session = engine.start(EngineFixture.request(1, Map.of("targetKpa", 30.0, "holdSeconds", 60.0)));
        journal.failSamples = true; // the next journaled sample throws inside the tick
        long end = clock.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (!engine.latched() && clock.nanoTime() < end) {
            clock.advanceNanos(EngineFixture.TICK);
        }
        assertTrue(engine.latched(), "the failing tick latched");
        assertEquals(SessionState.ABORTED, session.state());
        assertEquals("the control loop's ticks are failing", engine.safety().loopProblem());
        SessionException refused = assertThrows(SessionException.class, () -> engine.acknowledge("ann"));
        assertTrue(refused.getMessage().startsWith("the control loop's ticks are failing"), refused.getMessage());

        clock.advanceNanos(EngineFixture.TICK); // no session left to sample: this tick succeeds
        assertNull(engine.safety().loopProblem());
        engine.acknowledge("ann");
        assertFalse(engine.latched());
    }
}
