package io.upwell.devices.simulator.internal;

import static io.upwell.api.device.ConnectionState.CONNECTED;
import static io.upwell.api.device.ConnectionState.CONNECTING;
import static io.upwell.api.device.ConnectionState.DISCONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.MagnetSupport;
import io.upwell.devices.simulator.Fault;
import io.upwell.engine.testkit.ManualClock;
import io.upwell.engine.testkit.RecordingLink;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class SimulatorDriverTest {
    private final ManualClock clock = new ManualClock();
    private final SimulatorDriver driver = new SimulatorDriver(SimulatorSettings.defaults());
    private final RecordingLink link = new RecordingLink(clock, 4);

    private void connectWithEngineRunning() {
        link.startEngineTicks();
        driver.connect(link);
    }

    private void run(Duration duration) {
        clock.advance(duration);
    }

    @Test
    void describesASimulatedUpwellDevice() {
        DeviceDescriptor descriptor = driver.descriptor();

        assertEquals("sim-1", descriptor.id());
        assertEquals("Upwell", descriptor.vendor());
        assertEquals("Simulator", descriptor.model());
        assertTrue(descriptor.simulated());
        assertEquals(70, descriptor.maxVacuumKpa());
        assertEquals(Duration.ofMillis(200), descriptor.quietTime());
        assertEquals(4, descriptor.channelCount());
        for (ChannelDescriptor channel : descriptor.channels()) {
            assertEquals(60, channel.maxVacuumKpa());
            assertEquals(MagnetSupport.NONE, channel.magnet());
        }
        assertEquals("sim-1", driver.deviceId());
    }

    @Test
    void connectReportsConnectingThenConnectedAndSteps100TimesASecondOnTheEngineClock() {
        driver.connect(link);

        assertEquals(List.of(CONNECTING, CONNECTED), link.connectionStates());
        assertTrue(clock.scheduledTaskNames().contains("sim-1-physics"), clock.scheduledTaskNames().toString());
        assertTrue(link.samples().isEmpty(), "sampled before its first step");

        run(Duration.ofMillis(10));
        for (int channel = 0; channel < 4; channel++) {
            assertEquals(1, link.samplesOf(channel).size());
        }
        run(Duration.ofMillis(990));
        for (int channel = 0; channel < 4; channel++) {
            assertEquals(100, link.samplesOf(channel).size());
        }
    }

    @Test
    void appliesTheFirstCommandItFindsVent() {
        connectWithEngineRunning();
        run(Duration.ofSeconds(1));
        for (int channel = 0; channel < 4; channel++) {
            assertEquals(0, driver.truePressureKpa(channel));
            assertEquals(0, link.lastSample(channel), 0.3);
        }
    }

    @Test
    void followsTheEngineCommandsChannelByChannel() {
        connectWithEngineRunning();
        link.commandHold(0, 40);
        link.commandHold(2, 25);
        run(Duration.ofSeconds(6));

        assertEquals(40, link.lastSample(0), 0.5);
        assertEquals(0, link.lastSample(1), 0.3);
        assertEquals(25, link.lastSample(2), 0.5);
        assertEquals(0, link.lastSample(3), 0.3);

        link.commandVent(0);
        run(Duration.ofMillis(500));
        assertEquals(0, link.lastSample(0), 0.3);
        assertEquals(25, link.lastSample(2), 0.5);
    }

    @Test
    void ventsByItselfWhenTheEngineCommandSequenceStandsStillAndFollowsAgainWhenItMoves() {
        connectWithEngineRunning();
        link.commandHold(0, 40);
        link.commandHold(1, 30);
        run(Duration.ofSeconds(6));

        link.stopEngineTicks();
        run(Duration.ofMillis(190));
        assertTrue(driver.truePressureKpa(0) > 39, "vented within the quiet time: " + driver.truePressureKpa(0));

        run(Duration.ofMillis(500));
        assertTrue(driver.truePressureKpa(0) < 0.5, "still holding after the quiet time: " + driver.truePressureKpa(0));
        assertTrue(driver.truePressureKpa(1) < 0.5, "still holding after the quiet time: " + driver.truePressureKpa(1));
        assertEquals(0, link.lastSample(0), 0.3, "samples keep coming while the device vents");

        link.startEngineTicks();
        run(Duration.ofSeconds(6));
        assertEquals(40, link.lastSample(0), 0.5);
        assertEquals(List.of(CONNECTING, CONNECTED), link.connectionStates(), "the failsafe is no connection change");
    }

    @Test
    void aNewConnectionGivesTheEngineAFullQuietTimeBeforeTheFailsafe() {
        // The engine has not ticked yet: the device must not hold anything it is told beyond the quiet time.
        driver.connect(link);
        link.commandHold(0, 40);
        run(Duration.ofMillis(200));
        double heldWhileFresh = driver.truePressureKpa(0);
        run(Duration.ofMillis(500));

        assertTrue(heldWhileFresh > 3, "did not follow commands within the quiet time: " + heldWhileFresh);
        assertTrue(driver.truePressureKpa(0) < 0.5, "held vacuum for an engine that never ticked");
    }

    @Test
    void disconnectVentsStopsThePhysicsAndIsIdempotent() {
        connectWithEngineRunning();
        link.commandHold(0, 40);
        run(Duration.ofSeconds(5));

        driver.disconnect();
        int samplesAtDisconnect = link.sampleCount();
        run(Duration.ofSeconds(1));
        driver.disconnect();

        assertFalse(clock.scheduledTaskNames().contains("sim-1-physics"), clock.scheduledTaskNames().toString());
        assertEquals(samplesAtDisconnect, link.sampleCount(), "samples after disconnect");
        assertEquals(List.of(CONNECTING, CONNECTED, DISCONNECTED), link.connectionStates());
        assertEquals(0, driver.truePressureKpa(0));
    }

    @Test
    void connectsAgainAfterDisconnect() {
        connectWithEngineRunning();
        driver.disconnect();
        RecordingLink second = new RecordingLink(clock, 4);

        driver.connect(second);
        second.startEngineTicks();
        second.commandHold(1, 30);
        run(Duration.ofSeconds(6));

        assertEquals(List.of(CONNECTING, CONNECTED), second.connectionStates());
        assertEquals(30, second.lastSample(1), 0.5);
    }

    @Test
    void refusesASecondConnectWhileConnected() {
        connectWithEngineRunning();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> driver.connect(new RecordingLink(clock, 4)));
        assertTrue(e.getMessage().contains("sim-1 is already connected"), e.getMessage());
    }

    @Test
    @Tag("SR-13")
    void theEmergencyStopButtonTellsTheEngineWhoPressedIt() {
        connectWithEngineRunning();
        driver.pressEmergencyStop();
        assertEquals(List.of("sim-1 button"), link.emergencyStops());
    }

    @Test
    void anEmergencyStopPressedWithoutAnEngineIsRefusedNotSwallowed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, driver::pressEmergencyStop);
        assertTrue(e.getMessage().contains("sim-1 is not connected"), e.getMessage());
    }

    @Test
    void channelsOutOfRangeAreRefusedNamingTheChannelAndTheRange() {
        IllegalArgumentException tooHigh = assertThrows(IllegalArgumentException.class, () -> driver.inject(Fault.LEAK, 4));
        assertEquals("channel 4 is out of range: sim-1 has channels 0..3, or -1 for every channel", tooHigh.getMessage());

        IllegalArgumentException tooLow = assertThrows(IllegalArgumentException.class, () -> driver.clear(Fault.LEAK, -2));
        assertTrue(tooLow.getMessage().startsWith("channel -2 is out of range"), tooLow.getMessage());

        IllegalArgumentException query = assertThrows(IllegalArgumentException.class, () -> driver.activeFaults(-1));
        assertEquals("channel -1 is out of range: sim-1 has channels 0..3", query.getMessage());
        assertThrows(IllegalArgumentException.class, () -> driver.activeFaults(4));
        assertThrows(IllegalArgumentException.class, () -> driver.truePressureKpa(4));
        // A device-wide fault is still refused for a channel that does not exist.
        assertThrows(IllegalArgumentException.class, () -> driver.inject(Fault.SILENCE, 9));
    }

    @Test
    void faultsAreInjectedPerChannelOrEveryChannelAndClearedTheSameWay() {
        driver.inject(Fault.LEAK, 1);
        driver.inject(Fault.NAN_SAMPLE, -1);

        assertEquals(Set.of(Fault.NAN_SAMPLE), driver.activeFaults(0));
        assertEquals(Set.of(Fault.LEAK, Fault.NAN_SAMPLE), driver.activeFaults(1));

        driver.clear(Fault.NAN_SAMPLE, 1);
        assertEquals(Set.of(Fault.LEAK), driver.activeFaults(1));
        assertEquals(Set.of(Fault.NAN_SAMPLE), driver.activeFaults(3));

        driver.clear(Fault.NAN_SAMPLE, -1);
        assertEquals(Set.of(), driver.activeFaults(3));
    }

    @Test
    void disconnectAndSilenceConcernTheWholeDeviceWhateverTheChannel() {
        driver.inject(Fault.SILENCE, 2);
        driver.inject(Fault.DISCONNECT, -1);
        for (int channel = 0; channel < 4; channel++) {
            assertEquals(Set.of(Fault.SILENCE, Fault.DISCONNECT), driver.activeFaults(channel));
        }
        driver.clear(Fault.SILENCE, 0);
        assertEquals(Set.of(Fault.DISCONNECT), driver.activeFaults(3));

        driver.inject(Fault.STUCK_SENSOR, 0);
        driver.clearAll();
        for (int channel = 0; channel < 4; channel++) {
            assertEquals(Set.of(), driver.activeFaults(channel));
        }
    }

    @Test
    void activeFaultsIsASnapshotThatCannotBeChanged() {
        driver.inject(Fault.LEAK, 0);
        Set<Fault> snapshot = driver.activeFaults(0);
        driver.clear(Fault.LEAK, 0);

        assertEquals(Set.of(Fault.LEAK), snapshot);
        assertThrows(UnsupportedOperationException.class, () -> snapshot.add(Fault.OVERSHOOT));
    }

    @Test
    void aMagnetIsDrivenAsTheCupAllows() {
        // Under a leak the magnet's better seal shows as a higher vacuum.
        assertTrue(pressureWithMagnet(MagnetSupport.LEVEL, 1.0) > pressureWithMagnet(MagnetSupport.NONE, 1.0) + 3);
        assertEquals(pressureWithMagnet(MagnetSupport.NONE, 0.0), pressureWithMagnet(MagnetSupport.ON_OFF, 0.4), 1e-9);
        assertEquals(pressureWithMagnet(MagnetSupport.LEVEL, 1.0), pressureWithMagnet(MagnetSupport.ON_OFF, 0.6), 1e-9);
        double half = pressureWithMagnet(MagnetSupport.LEVEL, 0.5);
        assertTrue(half > pressureWithMagnet(MagnetSupport.NONE, 1.0) && half < pressureWithMagnet(MagnetSupport.LEVEL, 1.0));
    }

    private double pressureWithMagnet(MagnetSupport support, double level) {
        ManualClock ownClock = new ManualClock();
        SimulatorDriver device = new SimulatorDriver(SimulatorSettings.defaults().withMagnet(support));
        RecordingLink ownLink = new RecordingLink(ownClock, 4);
        ownLink.commandMagnet(0, level);
        ownLink.startEngineTicks();
        device.connect(ownLink);
        device.inject(Fault.LEAK, 0);
        ownLink.commandHold(0, 40);
        ownClock.advance(Duration.ofSeconds(20));
        return device.truePressureKpa(0);
    }
}
