package io.upwell.engine.core.internal;

import io.upwell.engine.core.internal.settings.EngineSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.upwell.api.device.DeviceState;
import io.upwell.api.session.Session;
import io.upwell.devices.simulator.SimulatedDevice;
import io.upwell.devices.simulator.SimulatorOptions;
import io.upwell.devices.simulator.Simulators;
import io.upwell.engine.core.internal.clock.VirtualClock;
import io.upwell.engine.core.internal.device.DeviceSlot;
import io.upwell.engine.core.internal.journal.JsonLinesJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("SR-16")
class RecoveryTest {
    @TempDir
    Path dir;

    @Test
    void afterACrashTheEnginesFirstActIsToVentEveryDeviceAndMarkTheUnfinishedSession() throws Exception {
        String crashed;
        EngineFixture first = new EngineFixture(dir);
        Session session = first.start(2, Map.of("targetKpa", 40.0, "holdSeconds", 300.0));
        first.advance(Duration.ofSeconds(10));
        crashed = session.id();
        Path file = dir.resolve("sessions").resolve(crashed + ".jsonl");
        EngineFixture.await("the running session's records reach the disk without a close", () -> {
            try {
                return Files.exists(file) && Files.readAllLines(file).stream().anyMatch(l -> l.contains("\"sample\""));
            } catch (java.io.IOException e) {
                return false;
            }
        });
        // The process "dies": nothing is closed, the session never ends. A new engine starts on the same directory.

        EngineSettings settings = EngineSettings.defaults(dir, true);
        Engine second = new Engine(settings, new VirtualClock(), new JsonLinesJournal(dir, Duration.ofMillis(100), 1024));
        SimulatedDevice simulator = Simulators.create(SimulatorOptions.defaults().withId("sim-1"));
        second.addDriver(simulator);
        EngineFixture.await("the device is found", () -> second.devices().size() == 1);
        DeviceSlot slot = second.slots()[0];
        for (int ch = 0; ch < slot.channels(); ch++) {
            assertTrue(slot.vent(ch), "a device found before start sees vent first on channel " + ch);
        }
        second.start(false);
        for (int ch = 0; ch < slot.channels(); ch++) {
            assertTrue(slot.isForcedVent(ch), "start force-vents every device it finds, channel " + ch);
        }
        EngineFixture.await("ready", () -> second.devices().get(0).state() == DeviceState.READY);
        second.close();

        List<JsonObject> records = SessionLifecycleTest.read(file);
        JsonObject last = records.get(records.size() - 1);
        assertEquals("recovered", last.get("type").getAsString(), "the crashed session is marked, not left dangling");
        List<JsonObject> engine = SessionLifecycleTest.read(dir.resolve("engine.jsonl"));
        JsonObject start = engine.stream().filter(r -> r.get("type").getAsString().equals("engine-start"))
                .reduce((a, b) -> b).orElseThrow();
        assertTrue(start.getAsJsonArray("unfinishedSessions").toString().contains(crashed), start.toString());
        assertTrue(start.getAsJsonArray("ventedDevices").toString().contains("sim-1"), start.toString());
        first.simulator.disconnect();
    }
}
