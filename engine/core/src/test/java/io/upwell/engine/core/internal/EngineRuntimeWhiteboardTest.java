package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.upwell.api.device.DeviceState;
import io.upwell.api.session.EngineListener;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionState;
import io.upwell.devices.simulator.SimulatedDevice;
import io.upwell.devices.simulator.Simulators;
import io.upwell.engine.core.internal.clock.VirtualClock;
import io.upwell.engine.core.internal.journal.JsonLinesJournal;
import io.upwell.engine.core.internal.safety.LatchFile;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import io.upwell.engine.core.internal.settings.EngineSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the runtime hands from engine to engine (drivers, techniques, listeners, the latch), what a
 * stopped runtime does with a configuration, and what it records of configuration changes.
 */
class EngineRuntimeWhiteboardTest {
    @TempDir
    Path dir;
    EngineRuntime runtime;
    final List<VirtualClock> clocks = new ArrayList<>();
    final List<Engine> launched = new ArrayList<>();
    final SimulatedDevice simulator = Simulators.create();
    final ScriptedTechnique technique = new ScriptedTechnique(EngineFixture::holdProgram);
    final List<String> heard = new CopyOnWriteArrayList<>();
    final EngineListener listener = new EngineListener() {
        @Override
        public void deviceChanged(String deviceId, DeviceState from, DeviceState to, String reason) {
            heard.add(deviceId + " " + to);
        }
    };

    @BeforeEach
    void setUp() {
        runtime = new EngineRuntime(EngineSettings.defaults(dir, true), (settings, latch, alarmBook) -> {
            VirtualClock clock = new VirtualClock();
            clocks.add(clock);
            Engine engine = new Engine(settings, clock,
                    new JsonLinesJournal(settings.dataDirectory(), Duration.ofMillis(100), 1024), latch, alarmBook);
            engine.start(false);
            launched.add(engine);
            return EngineRuntime.Launched.of(engine, () -> { });
        }, engine -> () -> { });
    }

    @AfterEach
    void tearDown() {
        runtime.stop();
    }

    private static void awaitDevice(Engine engine, DeviceState state) {
        EngineFixture.await("sim-1 " + state, () -> engine.devices().stream()
                .anyMatch(d -> d.descriptor().id().equals("sim-1") && d.state() == state));
    }

    private void replaceTheEngine() {
        Engine before = runtime.engine();
        String answer = runtime.reconfigure(() -> EngineSettings.defaults(dir, true).toBuilder()
                .maxSessionMinutes(before.settings().maxSessionMinutes() == 20 ? 30 : 20).build());
        assertTrue(answer.contains("applied"), answer);
        assertNotSame(before, runtime.engine());
    }

    private List<JsonObject> engineRecords(String type) throws Exception {
        return SessionLifecycleTest.read(dir.resolve("engine.jsonl")).stream()
                .filter(r -> r.get("type").getAsString().equals(type)).toList();
    }

    @Test
    void driversTechniquesAndListenersAddedWhileRunningReachTheEngineAndEveryLaterOne() {
        runtime.start();
        runtime.addListener(listener);
        runtime.addDriver(simulator);
        runtime.addTechnique(technique, "test.module");
        awaitDevice(runtime.engine(), DeviceState.READY);
        EngineFixture.await("the technique described", () -> !runtime.engine().techniques().isEmpty());
        EngineFixture.await("the listener heard it", () -> heard.contains("sim-1 READY"));

        // Cleared before the replacement: the new engine may report its device ready before the
        // replacement returns, and clearing afterwards would lose that report.
        heard.clear();
        replaceTheEngine();
        Engine second = runtime.engine();
        awaitDevice(second, DeviceState.READY);
        EngineFixture.await("the technique described again", () -> !second.techniques().isEmpty());
        EngineFixture.await("the listener hears the new engine", () -> heard.contains("sim-1 READY"));
    }

    @Test
    void aDriverAndATechniqueRemovedLeaveTheEngineAndAreNotHandedOn() {
        runtime.addDriver(simulator);
        runtime.addTechnique(technique, "test.module");
        runtime.start();
        Engine first = runtime.engine();
        awaitDevice(first, DeviceState.READY);
        EngineFixture.await("the technique described", () -> !first.techniques().isEmpty());

        runtime.removeDriver(simulator);
        runtime.removeTechnique(technique);
        assertEquals(List.of(), first.devices());
        assertEquals(List.of(), first.techniques());

        runtime.addTechnique(new ScriptedTechnique("other", EngineFixture::holdProgram), "other.module");
        replaceTheEngine();
        Engine second = runtime.engine();
        EngineFixture.await("the other technique described", () -> !second.techniques().isEmpty());
        assertEquals(List.of("other"), second.techniques().stream().map(t -> t.descriptor().id()).toList(),
                "the removed technique was not handed on");
        assertEquals(List.of(), second.devices(), "the removed driver was not handed on");
    }

    @Test
    void aListenerRemovedHearsNeitherThisEngineNorTheNext() throws Exception {
        runtime.addListener(listener);
        runtime.start();
        runtime.removeListener(listener);
        runtime.addDriver(simulator);
        Engine first = runtime.engine();
        awaitDevice(first, DeviceState.READY);
        replaceTheEngine();
        awaitDevice(runtime.engine(), DeviceState.READY);
        runtime.stop(); // the engines' event threads finish what they were told
        assertEquals(List.of(), heard);
    }

    @Test
    void aStoppedRuntimeAppliesNoConfiguration() {
        runtime.start();
        Engine engine = runtime.engine();
        runtime.stop();
        runtime.stop();
        assertEquals("the engine is stopped; the configuration is not applied",
                runtime.reconfigure(() -> EngineSettings.defaults(dir, true).toBuilder().maxSessionMinutes(20).build()));
        assertEquals(1, launched.size(), "no engine was started for it");
        assertTrue(!engine.hasLiveSession());
    }

    @Test
    @Tag("SR-17")
    void aHeldBackConfigurationIsShownAndAnUnchangedOneCancelsIt() throws Exception {
        runtime.addDriver(simulator);
        runtime.addTechnique(technique, "test.module");
        runtime.start();
        Engine first = runtime.engine();
        awaitDevice(first, DeviceState.READY);
        EngineFixture.await("the technique described", () -> !first.techniques().isEmpty());
        Session session = first.start(EngineFixture.request(1, Map.of("targetKpa", 30.0, "holdSeconds", 10.0)));
        EngineSettings shorter = EngineSettings.defaults(dir, true).toBuilder().maxSessionMinutes(20).build();
        runtime.reconfigure(() -> shorter);
        assertSame(shorter, runtime.pending());

        assertEquals("configuration unchanged", runtime.reconfigure(() -> EngineSettings.defaults(dir, true)));
        assertNull(runtime.pending(), "going back to the running configuration cancels the held-back one");
        session.stop();
        clocks.get(0).advance(Duration.ofSeconds(30));
        assertEquals(SessionState.ENDED, session.state());
        runtime.stop();
        assertEquals(List.of(first), launched, "the engine was never replaced");
        assertEquals(1, engineRecords("configuration-pending").size());
    }

    @Test
    @Tag("SR-17")
    void aRejectedConfigurationIsRecordedWithItsReason() throws Exception {
        runtime.start();
        String answer = runtime.reconfigure(() -> EngineSettings.builder(dir).virtualClock(true)
                .controlRateHz(5000).build());
        runtime.stop();
        List<JsonObject> rejected = engineRecords("configuration-rejected");
        assertEquals(1, rejected.size());
        String reason = rejected.get(0).get("reason").getAsString();
        assertTrue(reason.startsWith("controlRateHz"), reason);
        assertTrue(answer.endsWith(reason), answer);
    }

    @Test
    @Tag("SR-13")
    void theLatchFileFollowsTheLatchBothWays() throws Exception {
        runtime.start();
        Path file = dir.resolve(LatchFile.NAME);
        runtime.engine().emergencyStop("test");
        EngineFixture.await("the latch is on disk", () -> Files.exists(file));
        assertEquals(java.util.Set.of(SafetyLatch.Cause.EMERGENCY_STOP), new LatchFile(dir).read());
        runtime.engine().acknowledge("therapist");
        EngineFixture.await("the acknowledged latch leaves the disk", () -> !Files.exists(file));
    }

    @Test
    @Tag("SR-13")
    void aLatchSetJustBeforeTheStopReachesTheDisk() throws Exception {
        runtime.start();
        runtime.engine().emergencyStop("test");
        runtime.stop();
        assertEquals(java.util.Set.of(SafetyLatch.Cause.EMERGENCY_STOP), new LatchFile(dir).read(),
                "stopping brings the latch file up to date");
    }

    @Test
    void removingOneTechniqueKeepsTheOthersForTheNextEngine() {
        ScriptedTechnique other = new ScriptedTechnique("other", EngineFixture::holdProgram);
        runtime.addTechnique(technique, "test.module");
        runtime.addTechnique(other, "other.module");
        runtime.start();
        runtime.removeTechnique(technique);
        replaceTheEngine();
        Engine second = runtime.engine();
        EngineFixture.await("the other technique described", () -> !second.techniques().isEmpty());
        assertEquals(List.of("other"), second.techniques().stream().map(t -> t.descriptor().id()).toList());
    }

    @Test
    void stoppingEndsTheRuntimesOwnThread() {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        runtime.start();
        EngineFixture.await("the runtime's thread runs", () -> Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> !before.contains(t) && t.getName().startsWith("upwell-runtime")));
        Thread own = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.getName().startsWith("upwell-runtime")).findFirst().orElseThrow();
        runtime.stop();
        EngineFixture.await("the runtime's thread ended", () -> !own.isAlive());
    }

    @Test
    @Tag("SR-17")
    void aConfigurationTheEngineCannotStartWithIsRecordedByTheEngineThatRunsOn() throws Exception {
        runtime.start();
        Path unusable = Files.writeString(dir.resolve("a-file"), "not a directory");
        String answer = runtime.reconfigure(() -> EngineSettings.builder(unusable).virtualClock(true).build());
        runtime.stop();
        List<JsonObject> rejected = engineRecords("configuration-rejected");
        assertEquals(1, rejected.size());
        assertEquals(answer, rejected.get(0).get("reason").getAsString());
    }

    @Test
    void aLaunchedEngineStopsThenRunsWhatComesAfter() throws Exception {
        Engine engine = new Engine(EngineSettings.defaults(dir.resolve("other"), true), new VirtualClock(),
                new JsonLinesJournal(dir.resolve("other"), Duration.ofMillis(100), 1024));
        engine.start(false);
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        EngineRuntime.Launched launched = EngineRuntime.Launched.of(engine, () -> order.add("after close, engine "
                + (engineRecordsIn(dir.resolve("other")).isEmpty() ? "running" : "stopped")));
        assertSame(engine, launched.engine());
        launched.close();
        assertEquals(List.of("after close, engine stopped"), order);
    }

    private static List<JsonObject> engineRecordsIn(Path directory) {
        try {
            return SessionLifecycleTest.read(directory.resolve("engine.jsonl")).stream()
                    .filter(r -> r.get("type").getAsString().equals("engine-stop")).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
