package io.upwell.devices.magneticcups.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.ConnectionState;
import io.upwell.engine.testkit.RecordingLink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver against the emulated magnetic cup array over a real pseudo-terminal pair, for what the
 * conformance kit does not look at: magnets, the handshake's refusals, the device's faults, and a
 * device that refuses every command.
 */
class MagneticCupsOverPtyTest {
    @TempDir
    Path dir;
    private final SystemClock clock = new SystemClock();
    private EmulatedCups cups;
    private RecordingLink link;

    private void connect(UnaryOperator<io.upwell.devices.emulator.EmulatorOptions> device, String serial) throws Exception {
        cups = EmulatedCups.start(dir, device, serial);
        link = new RecordingLink(clock, EmulatedCups.MAGNETS.size());
        link.startEngineTicks();
        cups.driver.connect(link);
    }

    private void connected() throws Exception {
        connect(UnaryOperator.identity(), "MC000001");
        Await.until("CONNECTED", () -> lastState() == ConnectionState.CONNECTED, () -> link.connectionChanges().toString());
    }

    @AfterEach
    void stop() {
        try {
            if (cups != null) {
                cups.driver.disconnect();
                cups.close();
            }
        } finally {
            clock.close();
        }
    }

    @Test
    void aMagnetLevelReachesTheEmulatedCup() throws Exception {
        connected();
        link.commandHold(0, 20);
        link.commandMagnet(0, 0.6);
        link.commandHold(2, 20);
        link.commandMagnet(2, 0.7);

        Await.until("cup 0's magnet at 0.6", () -> Math.abs(cups.emulator.magnetDrive(0) - 0.6) < 1e-9,
                cups.emulator::status);
        Await.until("cup 2's on/off magnet on", () -> cups.emulator.magnetDrive(2) == 1.0, cups.emulator::status);
        Await.until("cup 0 near 20 kPa", () -> link.samplesOf(0).size() > 0 && Math.abs(link.lastSample(0) - 20) < 2,
                cups.emulator::status);

        link.commandMagnet(0, 0.2);
        link.commandMagnet(2, 0.3);
        Await.until("cup 0's magnet at 0.2", () -> Math.abs(cups.emulator.magnetDrive(0) - 51 / 255.0) < 1e-9,
                cups.emulator::status);
        Await.until("cup 2's on/off magnet off below 0.5", () -> cups.emulator.magnetDrive(2) == 0.0, cups.emulator::status);

        link.commandVent(0);
        Await.until("cup 0 vented, its magnet at rest", () -> cups.emulator.magnetDrive(0) == 0.0, cups.emulator::status);
    }

    @Test
    void aLostLineIsReopenedAfterTheConfiguredFirstDelay() throws Exception {
        cups = EmulatedCups.start(dir, UnaryOperator.identity(), "MC000001", Duration.ofMillis(30), Duration.ofMillis(60));
        link = new RecordingLink(clock, EmulatedCups.MAGNETS.size());
        link.startEngineTicks();
        cups.driver.connect(link);
        Await.until("CONNECTED", () -> lastState() == ConnectionState.CONNECTED, () -> link.connectionChanges().toString());

        cups.lineFaults().breakLine();
        Await.until("the loss reported", () -> link.connectionStates().contains(ConnectionState.DISCONNECTED),
                () -> link.connectionChanges().toString());
        String loss = link.connectionChanges().stream().filter(c -> c.state() == ConnectionState.DISCONNECTED)
                .findFirst().orElseThrow().reason();
        assertTrue(loss.endsWith("; next attempt in 30 ms"), "the configured first delay, not the kit's 500 ms: " + loss);

        cups.lineFaults().restoreLine();
        Await.until("CONNECTED again", () -> link.connectionStates().stream()
                .filter(state -> state == ConnectionState.CONNECTED).count() == 2, () -> link.connectionChanges().toString());
    }

    @Test
    void anotherDeviceOnThePortIsRefusedNamingBothSerialNumbers() throws Exception {
        connect(UnaryOperator.identity(), "MC000002");
        Await.until("a refusal", () -> link.connectionChanges().stream()
                .anyMatch(c -> c.state() == ConnectionState.DISCONNECTED && c.reason().contains("serial number")),
                () -> link.connectionChanges().toString());
        String reason = link.connectionChanges().stream().filter(c -> c.reason().contains("serial number")).findFirst()
                .orElseThrow().reason();
        assertTrue(reason.contains("its serial number is 'MC000001', configured 'MC000002'"), reason);
        assertFalse(link.connectionStates().contains(ConnectionState.CONNECTED), "never connected");
        assertTrue(cups.emulator.simulator().truePressureKpa(0) < 0.5, "and never commanded");
    }

    @Test
    void aDeviceWithOtherMagnetsIsRefused() throws Exception {
        connect(options -> options.withMagnets(List.of(io.upwell.api.device.MagnetSupport.LEVEL)), "");
        Await.until("a refusal", () -> link.connectionChanges().stream()
                .anyMatch(c -> c.reason().contains("cup 2's magnet is LEVEL, configured ON_OFF")),
                () -> link.connectionChanges().toString());
        assertFalse(link.connectionStates().contains(ConnectionState.CONNECTED));
    }

    @Test
    void theDevicesEmergencyStopReachesTheEngineOnceThoughReportedThreeTimes() throws Exception {
        connected();
        link.commandHold(0, 20);
        Await.until("cup 0 pulls", () -> link.samplesOf(0).size() > 0 && link.lastSample(0) > 10);

        cups.emulator.execute("estop");

        Await.until("the engine told", () -> !link.emergencyStops().isEmpty());
        // This test's engine latches nothing and still says hold: the driver must not pull again by itself.
        Await.until("cup 0 released", () -> link.lastSample(0) < 1);
        // The device repeats the report at least three times, 500 ms apart: wait until it is done.
        Await.until("the device's reports are over", () -> !cups.emulator.status().contains("emergency-stop"),
                cups.emulator::status);
        assertEquals(List.of("mc-1 button"), link.emergencyStops());
    }

    /**
     * The host goes away mid-conversation and the device's watchdog vents and reports it while nobody
     * listens. Those reports are about a host that was not there: a host that comes back talks to the
     * device again without an emergency stop (the line discards what arrived while it was closed, and a
     * report heard before the HELLO is answered is only logged, FaultsBeforeHandshakeTest).
     */
    @Test
    void aDeviceWhoseWatchdogVentedWhileNoHostListenedIsTalkedToAgainWithoutAnEmergencyStop() throws Exception {
        connected();
        cups.driver.disconnect();
        Await.until("the device's watchdog vents", () -> cups.emulator.status().contains("watchdog-vent"),
                cups.emulator::status);

        RecordingLink again = new RecordingLink(clock, EmulatedCups.MAGNETS.size());
        again.startEngineTicks();
        cups.driver.connect(again);
        Await.until("CONNECTED again", () -> again.connectionStates().contains(ConnectionState.CONNECTED),
                () -> again.connectionChanges().toString());
        Await.until("the device's reports are over", () -> !cups.emulator.status().contains("watchdog-vent"),
                cups.emulator::status);

        assertEquals(List.of(), again.emergencyStops());
        again.commandHold(0, 20);
        Await.until("cup 0 pulls: the device follows the new host", () -> again.samplesOf(0).size() > 0
                && again.lastSample(0) > 10, cups.emulator::status);
    }

    /** The engine's loop stops while the line and the driver live on: the heartbeats no longer feed the watchdog. */
    @Test
    void aWatchdogFaultInAConversationStillStopsTheEngine() throws Exception {
        connected();
        link.stopEngineTicks();
        Await.until("the engine told", () -> !link.emergencyStops().isEmpty(), cups.emulator::status);
        assertTrue(link.emergencyStops().get(0).startsWith("mc-1 fault WATCHDOG_VENT on every cup"),
                link.emergencyStops().toString());
    }

    @Test
    void anyOtherFaultStopsTheEngineNamingIt() throws Exception {
        connected();
        cups.emulator.execute("sim:nan-sample@1");
        Await.until("the engine told", () -> !link.emergencyStops().isEmpty());
        assertEquals("mc-1 fault SENSOR_FAULT on cup 1 (detail 0)", link.emergencyStops().get(0));
        Await.until("the reading the device could not take arrives as NaN",
                () -> link.samplesOf(1).stream().anyMatch(v -> Double.isNaN(v)));
    }

    @Test
    void aDeviceThatRefusesEveryCommandIsTalkedToAfreshAndNeverFollowed() throws Exception {
        connect(options -> options.withFault(io.upwell.devices.emulator.FaultCommand.parse("refuse")), "MC000001");
        Await.until("connected, then dropped for the refusals", () -> link.connectionChanges().stream()
                .anyMatch(c -> c.reason().contains("the device refused 5 commands in a row")),
                () -> link.connectionChanges().toString());
        cups.emulator.execute("refuse=off");
        Await.until("CONNECTED again", () -> lastState() == ConnectionState.CONNECTED);
        link.commandHold(1, 15);
        Await.until("cup 1 follows once commands are taken", () -> link.samplesOf(1).size() > 0
                && Math.abs(link.lastSample(1) - 15) < 2);
    }

    private ConnectionState lastState() {
        List<ConnectionState> states = link.connectionStates();
        return states.isEmpty() ? null : states.get(states.size() - 1);
    }
}
