package io.upwell.devices.intervalvacuum;

import io.upwell.engine.testkit.WallClock;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.ConnectionState;
import io.upwell.devices.emulator.FaultCommand;
import io.upwell.engine.testkit.RecordingLink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the conformance kit does not check and this device adds: who the device is, the one pump, its
 * emergency-stop button and its latched faults; against the emulator over a socat pseudo-terminal pair,
 * in real time.
 */
class DriverOverPtyTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final WallClock clock = new WallClock();
    private EmulatorBench bench;
    private IntervalVacuumDriver driver;
    private RecordingLink link;

    @AfterEach
    void tearDown() {
        try {
            if (driver != null) {
                driver.disconnect();
            }
        } finally {
            if (bench != null) {
                bench.close();
            }
            clock.close();
        }
    }

    @Test
    void channelsOnTheOnePumpHoldTheLowestLevelAskedFor() throws IOException {
        connect(settings -> settings);
        link.commandHold(0, 30);
        link.commandHold(1, 20);

        Await.until("channels 0 and 1 both near 20 kPa, the lower level", BOUND,
                () -> near(0, 20) && near(1, 20), this::lastReadings);
        int from = link.sampleCount();
        Await.until("40 more samples", BOUND, () -> link.sampleCount() - from >= 40);
        for (RecordingLink.Sample sample : link.samples().subList(from, link.sampleCount())) {
            if (sample.channel() == 0) {
                assertTrue(sample.kpa() < 20 + 2.7, "channel 0 at " + sample.kpa() + " kPa on a pump held at 20");
            }
        }
    }

    @Test
    void theDevicesEmergencyStopReachesTheEngineAndOnlyThePowerCycleClearsIt() throws IOException {
        connect(settings -> settings);
        link.commandHold(0, 20);
        Await.until("channel 0 near 20 kPa", BOUND, () -> near(0, 20), this::lastReadings);

        bench.emulator().apply(FaultCommand.parse("estop"));

        Await.until("the emergency stop reported", BOUND, () -> !link.emergencyStops().isEmpty());
        assertTrue(link.emergencyStops().get(0).contains("iv-test emergency-stop button"), link.emergencyStops().toString());
        Await.until("channel 0 vented, and still reported", BOUND, () -> link.lastSample(0) < 5);
        assertFalse(lastReason(ConnectionState.DISCONNECTED).contains("refused"), "still connected after the stop");

        link.commandHold(0, 20); // the operator acknowledged in the engine and resumes: the device still refuses
        Await.until("the refusal reported", BOUND, () -> lastReason(ConnectionState.DISCONNECTED)
                .contains("the device refused the commands: exception 04 (SERVER DEVICE FAILURE) to function 16; it has "
                        + "latched emergency stop"), this::states);
        Await.until("the handshake refusing the latched device", BOUND, () -> lastReason(ConnectionState.DISCONNECTED)
                .contains("the device has latched emergency stop and keeps every channel vented until that is cleared at "
                        + "the device"), this::states);

        bench.powerCycle();
        Await.until("connected again after the device was powered off and on", Duration.ofSeconds(30),
                () -> lastState() == ConnectionState.CONNECTED, this::states);
        Await.until("channel 0 following again", BOUND, () -> near(0, 20), this::lastReadings);
    }

    @Test
    void aWatchdogVentFromTheHostsSilenceIsClearedByTheNextHandshake() throws IOException {
        connect(settings -> settings);
        link.commandHold(0, 20);
        Await.until("channel 0 near 20 kPa", BOUND, () -> near(0, 20), this::lastReadings);

        bench.unplug(); // the device stays on: its watchdog runs out and latches a watchdog vent
        Await.until("DISCONNECTED", BOUND, () -> lastState() == ConnectionState.DISCONNECTED, this::states);
        Await.until("the device latched its watchdog vent", BOUND,
                () -> bench.emulator().status().contains("watchdog vent"), () -> bench.emulator().status());
        bench.plugIn();

        Await.until("CONNECTED again", Duration.ofSeconds(30), () -> lastState() == ConnectionState.CONNECTED, this::states);
        Await.until("channel 0 following again", BOUND, () -> near(0, 20), this::lastReadings);
    }

    @Test
    void aDeviceWithAnotherSerialNumberIsNeverConnected() throws IOException {
        connect(settings -> settings.withExpectedSerial("IV999999"), false);

        Await.until("the handshake refusing the device", BOUND, () -> lastReason(ConnectionState.DISCONNECTED)
                .contains("the handshake failed: not the configured device: its serial number is 'IV000001', configured "
                        + "'IV999999'"), this::states);
        Await.until("refused a second time", BOUND, () -> count(ConnectionState.DISCONNECTED) >= 2, this::states);
        assertFalse(link.connectionStates().contains(ConnectionState.CONNECTED), states());
    }

    @Test
    void aDeviceWithOtherChannelsIsNeverConnected() throws IOException {
        connect(settings -> settings.withChannels(2), false);

        Await.until("the kit refusing the device", BOUND, () -> lastReason(ConnectionState.DISCONNECTED)
                .contains("not the configured device: it has 4 channels, configured 2"), this::states);
        assertFalse(link.connectionStates().contains(ConnectionState.CONNECTED), states());
    }

    @Test
    void anotherUnitIdGetsNoAnswerAndTheReasonSaysWhatToCheck() throws IOException {
        connect(settings -> settings.withUnitId(2), false);

        Await.until("the handshake giving up", BOUND, () -> lastReason(ConnectionState.DISCONNECTED)
                .contains("no valid answer from Modbus unit 2 on " + bench.hostEnd()), this::states);
        assertTrue(lastReason(ConnectionState.DISCONNECTED).contains("are the unit id, baud rate and framing its own?"));
        assertFalse(link.connectionStates().contains(ConnectionState.CONNECTED), states());
    }

    // ------------------------------------------------------------------ helpers

    private void connect(UnaryOperator<DriverSettings> setup) throws IOException {
        connect(setup, true);
    }

    private void connect(UnaryOperator<DriverSettings> setup, boolean awaitConnected) throws IOException {
        bench = EmulatorBench.start(dir);
        DriverSettings settings = setup.apply(DriverSettings.defaults("iv-test", bench.hostEnd()));
        driver = new IntervalVacuumDriver(settings);
        link = new RecordingLink(clock, settings.channels());
        link.startEngineTicks();
        driver.connect(new EngineLink(link, settings.channels()));
        if (awaitConnected) {
            Await.until("CONNECTED", BOUND, () -> lastState() == ConnectionState.CONNECTED, this::states);
        }
    }

    private boolean near(int channel, double kpa) {
        return !link.samplesOf(channel).isEmpty() && Math.abs(link.lastSample(channel) - kpa) <= 2;
    }

    private ConnectionState lastState() {
        List<ConnectionState> states = link.connectionStates();
        return states.isEmpty() ? null : states.get(states.size() - 1);
    }

    private long count(ConnectionState state) {
        return link.connectionStates().stream().filter(state::equals).count();
    }

    private String lastReason(ConnectionState state) {
        List<RecordingLink.ConnectionChange> changes = link.connectionChanges();
        for (int i = changes.size() - 1; i >= 0; i--) {
            if (changes.get(i).state() == state) {
                return changes.get(i).reason();
            }
        }
        return "";
    }

    private String states() {
        return "connection changes: " + link.connectionChanges();
    }

    private String lastReadings() {
        StringBuilder text = new StringBuilder("last readings:");
        for (int ch = 0; ch < driver.descriptor().channelCount(); ch++) {
            text.append(' ').append(ch).append('=').append(link.samplesOf(ch).isEmpty() ? "none" : link.lastSample(ch));
        }
        return text + "; " + states();
    }
}
