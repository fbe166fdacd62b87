package io.upwell.engine.core.internal;

import io.upwell.engine.core.internal.settings.EngineSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.DeviceState;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionState;
import io.upwell.devices.simulator.SimulatedDevice;
import io.upwell.devices.simulator.Simulators;
import io.upwell.engine.core.internal.clock.VirtualClock;
import io.upwell.engine.core.internal.device.DeviceSlot;
import io.upwell.engine.core.internal.journal.JsonLinesJournal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration changes while the engine runs (SR-17: bad configuration changes nothing). */
class EngineRuntimeTest {
    @TempDir
    Path dir;
    EngineRuntime runtime;
    final List<VirtualClock> clocks = new ArrayList<>();
    final List<Engine> published = new ArrayList<>();
    final List<Engine> withdrawn = new ArrayList<>();
    final SimulatedDevice simulator = Simulators.create();
    final ScriptedTechnique technique = new ScriptedTechnique(EngineFixture::holdProgram);

    @BeforeEach
    void setUp() {
        runtime = newRuntime();
        runtime.addDriver(simulator);
        runtime.addTechnique(technique, "test.module");
        runtime.start();
        awaitReady(runtime.engine());
    }

    /** A runtime as the engine component makes one, on the test's directory. */
    private EngineRuntime newRuntime() {
        return new EngineRuntime(EngineSettings.defaults(dir, true), (settings, latch, alarmBook) -> {
            VirtualClock clock = new VirtualClock();
            clocks.add(clock);
            Engine engine = new Engine(settings, clock,
                    new JsonLinesJournal(settings.dataDirectory(), Duration.ofMillis(100), 1024), latch, alarmBook);
            engine.start(false);
            return EngineRuntime.Launched.of(engine, () -> { });
        }, engine -> {
            published.add(engine);
            return () -> withdrawn.add(engine);
        });
    }

    @AfterEach
    void tearDown() {
        runtime.stop();
    }

    private static void awaitReady(Engine engine) {
        EngineFixture.await("sim-1 ready on the engine", () -> engine.devices().stream()
                .anyMatch(d -> d.descriptor().id().equals("sim-1") && d.state() == DeviceState.READY));
        EngineFixture.await("the technique described", () -> !engine.techniques().isEmpty());
    }

    private VirtualClock clock() {
        return clocks.get(clocks.size() - 1);
    }

    private Session startSession(Engine engine) throws Exception {
        return engine.start(EngineFixture.request(2, Map.of("targetKpa", 40.0, "holdSeconds", 30.0)));
    }

    @Test
    @Tag("SR-17")
    void aBadConfigurationIsRefusedByNameAndDisturbsNothing() throws Exception {
        Engine engine = runtime.engine();
        Session session = startSession(engine);
        clock().advance(Duration.ofSeconds(10));
        String answer = runtime.reconfigure(() -> EngineSettings.builder(dir).virtualClock(true)
                .controlRateHz(5000).build());
        assertTrue(answer.contains("rejected") && answer.contains("controlRateHz"), answer);
        assertSame(engine, runtime.engine(), "the same engine goes on");
        assertEquals(1, published.size(), "nothing was withdrawn or published again");
        clock().advance(Duration.ofSeconds(1));
        assertEquals(SessionState.RUNNING, session.state());
        DeviceSlot slot = engine.slots()[0];
        assertEquals(40.0, slot.targetKpa(0), 1e-9, "the session holds its level");
        assertNull(runtime.pending());
    }

    @Test
    void aGoodConfigurationWaitsForTheRunningSessionThenApplies() throws Exception {
        Engine first = runtime.engine();
        Session session = startSession(first);
        clock().advance(Duration.ofSeconds(10));
        EngineSettings slower = EngineSettings.defaults(dir, true).toBuilder().maxSessionMinutes(30).build();
        String answer = runtime.reconfigure(() -> slower);
        assertTrue(answer.contains("applies when the running session has ended"), answer);
        assertSame(first, runtime.engine());
        clock().advance(Duration.ofSeconds(2));
        assertEquals(SessionState.RUNNING, session.state(), "the session is not disturbed");

        clock().advance(Duration.ofSeconds(40)); // the 38 s program ends
        assertEquals(SessionState.ENDED, session.state());
        EngineFixture.await("the new configuration is applied", () -> runtime.pending() == null
                && runtime.engine() != first);
        Engine second = runtime.engine();
        assertNotSame(first, second);
        assertEquals(List.of(first), withdrawn, "the old engine was withdrawn");
        assertEquals(List.of(first, second), published);
        awaitReady(second);
        assertEquals(List.of("scripted"), second.techniques().stream().map(t -> t.descriptor().id()).toList(),
                "the new engine has every technique the old one had");
        assertEquals(30, second.settings().maxSessionMinutes());
    }

    @Test
    void aGoodConfigurationAppliesAtOnceWhenIdleAndAnUnchangedOneIsIgnored() {
        Engine first = runtime.engine();
        assertEquals("configuration unchanged", runtime.reconfigure(() -> EngineSettings.defaults(dir, true)));
        assertSame(first, runtime.engine());
        String answer = runtime.reconfigure(() -> EngineSettings.defaults(dir, true).toBuilder().maxSessionMinutes(20).build());
        assertTrue(answer.contains("applied"), answer);
        assertNotSame(first, runtime.engine());
        awaitReady(runtime.engine());
    }

    @Test
    @Tag("SR-13")
    void anEmergencyStopOutlivesAConfigurationChangeApplied() throws Exception {
        Engine first = runtime.engine();
        first.emergencyStop("test");
        String answer = runtime.reconfigure(() -> EngineSettings.defaults(dir, true).toBuilder().maxSessionMinutes(20).build());
        assertTrue(answer.contains("applied"), answer);
        Engine second = runtime.engine();
        assertNotSame(first, second);
        awaitReady(second);
        assertTrue(second.latched(), "the new engine starts latched: only an operator clears the latch");
        for (int ch = 0; ch < second.slots()[0].channels(); ch++) {
            assertTrue(second.slots()[0].vent(ch), "every link of the new engine reads vent, channel " + ch);
        }
        SessionException refused = assertThrows(SessionException.class, () -> startSession(second));
        assertTrue(refused.getMessage().contains("acknowledge"), refused.getMessage());
        second.acknowledge("therapist");
        Session session = startSession(second);
        clock().advance(Duration.ofSeconds(3));
        assertEquals(SessionState.RUNNING, session.state());
    }

    @Test
    @Tag("SR-13")
    void aConfigurationHeldBackUntilAnEmergencyStopEndedTheSessionDoesNotClearIt() throws Exception {
        Engine first = runtime.engine();
        Session session = startSession(first);
        clock().advance(Duration.ofSeconds(10));
        runtime.reconfigure(() -> EngineSettings.defaults(dir, true).toBuilder().maxSessionMinutes(20).build());
        first.emergencyStop("test"); // aborts the session: the held-back configuration applies now
        assertEquals(SessionState.ABORTED, session.state());
        EngineFixture.await("the held-back configuration is applied", () -> runtime.engine() != first);
        Engine second = runtime.engine();
        awaitReady(second);
        assertTrue(second.latched(), "still latched after the engine was replaced");
        assertThrows(SessionException.class, () -> startSession(second));
    }

    @Test
    @Tag("SR-13")
    void aLatchOutlivesTheRuntimeItselfABundleRestartOrACrash() throws Exception {
        runtime.engine().emergencyStop("test");
        Path file = dir.resolve(io.upwell.engine.core.internal.safety.LatchFile.NAME);
        EngineFixture.await("the latch is on disk", () -> java.nio.file.Files.exists(file));
        runtime.stop(); // the engine's bundle restarts: a new component, a new runtime

        runtime = newRuntime();
        runtime.addDriver(simulator);
        runtime.addTechnique(technique, "test.module");
        runtime.start();
        Engine restarted = runtime.engine();
        awaitReady(restarted);
        assertTrue(restarted.latched(), "still latched after the restart");
        assertThrows(SessionException.class, () -> startSession(restarted));
        restarted.acknowledge("therapist");
        EngineFixture.await("the acknowledged latch leaves the disk", () -> !java.nio.file.Files.exists(file));
        startSession(restarted);
    }

    @Test
    @Tag("SR-17")
    void aConfigurationTheEngineCannotStartWithIsRefusedAndTheEngineRunsOnThePreviousOne() throws Exception {
        Path unusable = java.nio.file.Files.writeString(dir.resolve("a-file"), "not a directory");
        String answer = runtime.reconfigure(() -> EngineSettings.builder(unusable).virtualClock(true).build());
        assertTrue(answer.contains("rejected") && answer.contains("could not start")
                && answer.contains("previous configuration"), answer);
        Engine running = runtime.engine();
        awaitReady(running);
        assertEquals(dir, running.settings().dataDirectory(), "the previous configuration is back");
        Session session = startSession(running);
        clock().advance(Duration.ofSeconds(2));
        assertEquals(SessionState.RUNNING, session.state(), "the engine works");
    }
}
