package io.upwell.devices.kit.driver;

import static io.upwell.api.device.ConnectionState.CONNECTED;
import static io.upwell.api.device.ConnectionState.CONNECTING;
import static io.upwell.api.device.ConnectionState.DISCONNECTED;
import static io.upwell.api.device.ConnectionState.NEGOTIATING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.devices.conformance.pty.PseudoTerminalPair;
import io.upwell.devices.kit.serial.LineOptions;
import io.upwell.devices.kit.serial.SerialSettings;
import io.upwell.devices.kit.testing.Await;
import io.upwell.engine.testkit.RecordingLink.ConnectionChange;
import io.upwell.engine.testkit.RecordingLink;
import io.upwell.engine.testkit.WallClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver base with a tiny protocol ({@link LineProtocolDriver}) against a device at the far end
 * of a real pseudo-terminal pair ({@link FakeDevice}), and the test kit's {@link RecordingLink} as
 * the engine on a real-time clock. What the base sends is observed on the wire, at the device.
 */
@Timeout(120) // only against a hang; every wait below is an awaited condition
class SerialDeviceDriverTest {
    private static final String ALL_VENT = "CMD V V V V";
    private static final DeviceDescriptor DESCRIPTOR = new DeviceDescriptor("pump-7", "Acme", "VX-4",
            IntStream.range(0, 4).mapToObj(ch -> ChannelDescriptor.plain(ch, 60)).toList(), 70, false,
            Duration.ofSeconds(1));
    private static final DriverOptions OPTIONS = DriverOptions.defaults().withPollPeriod(Duration.ofMillis(20))
            .withLine(LineOptions.defaults().withBackOff(Duration.ofMillis(20), Duration.ofMillis(160)));

    @TempDir
    Path dir;

    private final List<LineProtocolDriver> drivers = new ArrayList<>();
    private WallClock clock;
    private RecordingLink link;
    private PseudoTerminalPair cable;
    private FakeDevice device;

    @BeforeEach
    void plugInADevice() {
        clock = new WallClock();
        link = new RecordingLink(clock, 4);
        cable = PseudoTerminalPair.start(dir);
        device = new FakeDevice("pump-7", "VX-4", 4);
        device.plugInto(cable.deviceEnd());
    }

    @AfterEach
    void unplug() {
        drivers.forEach(LineProtocolDriver::disconnect);
        device.close();
        cable.close();
        link.stopEngineTicks();
        clock.close();
    }

    @Test
    void theFirstCommandIsVentWhateverTheLinkSaysThenTheDeviceFollowsTheLink() {
        link.commandHold(0, 30); // asked for before the device is even there
        link.startEngineTicks();
        LineProtocolDriver driver = driverOn(cable.hostEnd());

        driver.connect(link);

        awaitConnections(1);
        assertEquals(List.of(CONNECTING, NEGOTIATING, CONNECTED), link.connectionStates());
        assertEquals("pump-7: connected to VX-4 on " + cable.hostNode(), last(CONNECTED).reason());
        Await.until("the device told to hold 30 kPa on channel 0",
                () -> device.commands().contains("CMD H30.0 V V V"), () -> "commands " + device.commands());
        assertEquals(ALL_VENT, device.commands().get(0), "vent first, before anything the link says");
        assertEquals(1, device.hellos());

        link.commandHold(2, 45.5);
        Await.until("the device told to hold 45.5 kPa on channel 2",
                () -> device.commands().contains("CMD H30.0 V H45.5 V"), () -> "commands " + device.commands());
        Await.until("the device's measurement of channel 2 at the engine", () -> lastSample(2) == 45.5,
                () -> link.samples().toString());
        assertTrue(driver.lineCounters().frames() > 0, driver.lineCounters().toString());
        assertTrue(driver.lineCounters().bytesSent() > 0, driver.lineCounters().toString());
    }

    @Test
    void aDeviceThatIsNotTheConfiguredOneIsRefusedAndNeverCommanded() {
        device.answerAs("pump-9", "VX-2", 2);
        link.startEngineTicks();
        LineProtocolDriver driver = driverOn(cable.hostEnd());

        driver.connect(link);

        Await.until("a second handshake after the back-off", () -> device.hellos() >= 2, () -> link.connectionChanges().toString());
        Await.until("the refusal reported", () -> !reasons(DISCONNECTED).isEmpty(), () -> link.connectionChanges().toString());
        assertEquals("pump-7: refused the device on " + cable.hostNode() + ": not the configured device: it says it is "
                + "'pump-9', configured 'pump-7'; it is model 'VX-2', configured 'VX-4'; it has 2 channels, configured 4; "
                + "next attempt in 20 ms", reasons(DISCONNECTED).get(0));
        assertFalse(link.connectionStates().contains(CONNECTED));
        assertEquals(List.of(), device.commands(), "a refused device is never commanded, not even to vent");
        assertEquals(List.of(), link.samples());
    }

    @Test
    void whileTheEnginesCommandsStandStillTheDriverVentsByItself() {
        link.startEngineTicks();
        LineProtocolDriver driver = driverOn(cable.hostEnd());
        driver.connect(link);
        awaitConnections(1);
        link.commandHold(0, 35);
        Await.until("the device holding 35 kPa", () -> lastCommand().equals("CMD H35.0 V V V"),
                () -> "commands " + device.commands());

        link.stopEngineTicks(); // the engine stops; its last command still says hold

        Await.until("the device vented by the driver", () -> lastCommand().equals(ALL_VENT),
                () -> "commands " + device.commands());
        assertEquals(35, link.targetKpa(0), "the link still says hold: the vent is the driver's own");
        assertEquals(List.of(CONNECTING, NEGOTIATING, CONNECTED), link.connectionStates(),
                "the line is fine; only the engine stopped");

        int before = device.commands().size();
        link.startEngineTicks();
        Await.until("the device following the link again", () -> lastCommand().equals("CMD H35.0 V V V")
                && device.commands().size() > before, () -> "commands " + device.commands());
    }

    @Test
    void aDeviceThatFallsSilentIsReportedAndNegotiatedAgain() {
        link.startEngineTicks();
        LineProtocolDriver driver = driverOn(cable.hostEnd());
        driver.connect(link);
        awaitConnections(1);

        device.silent(true);

        Await.until("the silence reported", () -> !reasons(DISCONNECTED).isEmpty(), () -> link.connectionChanges().toString());
        String silence = reasons(DISCONNECTED).get(0);
        assertTrue(silence.startsWith("pump-7: the device on " + cable.hostNode() + " said nothing for "), silence);
        assertTrue(silence.endsWith(" ms, longer than its quiet time of 1000 ms; next attempt in 20 ms"), silence);

        device.silent(false);

        awaitConnections(2);
        assertTrue(device.hellos() >= 2, "negotiated again: " + device.hellos() + " handshakes");
    }

    @Test
    void anAnswerWatcherIsToldOfEachAnswerWithTheFrameItAnswersUntilItIsRemoved() {
        LineProtocolDriver driver = driverOn(cable.hostEnd());
        List<String> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        driver.watchAnswers((sent, answer, nanos) -> answers.add(new String(sent, StandardCharsets.US_ASCII).trim()
                + " -> " + answer + (nanos > 0 ? "" : " (no time)")));
        driver.connect(link);
        awaitConnections(1);
        assertEquals(List.of("HELLO -> ID pump-7 VX-4 4"), answers, "the handshake's one answer, timed");

        driver.watchAnswers(null);
        device.unplug();
        cable.replug();
        device.plugInto(cable.deviceEnd());
        awaitConnections(2);
        assertEquals(1, answers.size(), "nothing told once the watcher is removed: " + answers);
    }

    @Test
    void aReconnectedDeviceIsVentedFirstAndResumesNothingByItself() {
        link.startEngineTicks();
        LineProtocolDriver driver = driverOn(cable.hostEnd());
        driver.connect(link);
        awaitConnections(1);
        link.commandHold(0, 40);
        Await.until("the device holding 40 kPa", () -> lastCommand().equals("CMD H40.0 V V V"),
                () -> "commands " + device.commands());
        int seen = device.commands().size();
        device.silent(true); // nothing else written meanwhile, so the driver reads exactly what follows
        // Two more commands: the device has surely written its last answer (it answers in order).
        Await.until("two unanswered commands", () -> device.commands().size() >= seen + 2,
                () -> "commands " + device.commands());
        device.sendRaw("S 9"); // half a frame as the cable is pulled: the decoder must not keep it
        Await.until("everything the device sent read", () -> driver.lineCounters().bytesReceived() == device.bytesSent(),
                driver.lineCounters()::toString);
        device.unplug();
        cable.unplug(); // the cable is pulled
        Await.until("the loss reported", () -> !reasons(DISCONNECTED).isEmpty(), () -> link.connectionChanges().toString());
        assertTrue(reasons(DISCONNECTED).get(0).startsWith("pump-7: lost " + cable.hostEnd()), reasons(DISCONNECTED).get(0));
        link.commandVent(0); // what the engine does on DISCONNECTED: force the device's channels to vent

        cable.replug(); // plugged in again: new nodes behind the same links
        device.silent(false);
        device.plugInto(cable.deviceEnd());

        awaitConnections(2);
        assertEquals("pump-7: connected to VX-4 on " + cable.hostNode(), last(CONNECTED).reason());
        Await.until("five commands after the reconnection", () -> device.commands().size() >= 5,
                () -> "commands " + device.commands());
        assertTrue(device.commands().stream().allMatch(ALL_VENT::equals),
                "nothing but vent until the link says otherwise: " + device.commands());

        link.commandHold(0, 25); // the operator acknowledged and resumed
        Await.until("the device told what the link says now", () -> lastCommand().equals("CMD H25.0 V V V"),
                () -> "commands " + device.commands());
        assertFalse(device.commands().contains("CMD H40.0 V V V"), "the old hold never comes back by itself");
        assertEquals(0, driver.lineCounters().checksumErrors(), "the half frame was forgotten when the line reopened");
        assertTrue(driver.lineCounters().losses() >= 1, driver.lineCounters().toString());
        assertEquals(2, driver.lineCounters().opens(), driver.lineCounters().toString());
    }

    @Test
    void aPathThatIsNotThereYetIsReportedNamingItUntilTheDeviceAppears() {
        Path late = dir.resolve("late");
        late.toFile().mkdirs();
        link.startEngineTicks();
        LineProtocolDriver driver = driverOn(late.resolve("host"));

        driver.connect(link); // returns: the line is tried on the driver's threads, not here

        Await.until("two failed attempts reported", () -> reasons(DISCONNECTED).size() >= 2, () -> link.connectionChanges().toString());
        assertEquals("pump-7: no serial port at " + late.resolve("host") + ": the path does not exist (is the device "
                + "plugged in, or the program that makes the pseudo-terminal running?); next attempt in 20 ms",
                reasons(DISCONNECTED).get(0));
        assertEquals("pump-7: opening " + late.resolve("host") + " at 115200 baud 8N1", link.connectionChanges().get(0).reason());

        try (PseudoTerminalPair lateCable = PseudoTerminalPair.start(late)) {
            device.unplug();
            device.plugInto(lateCable.deviceEnd());
            awaitConnections(1);
            assertEquals("pump-7: connected to VX-4 on " + lateCable.hostNode(), last(CONNECTED).reason());
            driver.disconnect();
        }
    }

    @Test
    void disconnectVentsTheDeviceAndSaysSo() {
        link.startEngineTicks();
        LineProtocolDriver driver = driverOn(cable.hostEnd());
        driver.connect(link);
        awaitConnections(1);
        link.commandHold(1, 30);
        Await.until("the device holding 30 kPa", () -> lastCommand().equals("CMD V H30.0 V V"),
                () -> "commands " + device.commands());

        driver.disconnect();

        Await.until("the last vent at the device", () -> lastCommand().equals(ALL_VENT),
                () -> "commands " + device.commands());
        assertEquals("pump-7: disconnected by the engine", last(DISCONNECTED).reason());
        assertEquals(DISCONNECTED, link.connectionStates().get(link.connectionStates().size() - 1));
        driver.disconnect(); // idempotent
        driver.connect(link); // and connectable again
        awaitConnections(2);
    }

    @Test
    void theProtocolCountsFramesChecksumErrorsAndResyncsOnTheLinesCounters() {
        link.startEngineTicks();
        LineProtocolDriver driver = driverOn(cable.hostEnd());
        driver.connect(link);
        awaitConnections(1);

        device.sendRaw("S 1.0 2.0 3.0 4.0*00\n"); // a measurement whose checksum is wrong
        device.sendRaw("x".repeat(LineProtocolDriver.MAX_LINE + 50) + "\n"); // noise: the decoder must resync

        Await.until("a checksum error and a resync counted", () -> driver.lineCounters().checksumErrors() == 1
                && driver.lineCounters().resyncs() == 1, driver.lineCounters()::toString);
        assertTrue(driver.lineCounters().frames() > 0);
        assertFalse(link.samplesOf(0).contains(1.0), "a frame with a bad checksum is thrown away");
    }

    @Test
    void theDevicesOwnButtonStopsTheEngine() {
        link.startEngineTicks();
        LineProtocolDriver driver = driverOn(cable.hostEnd());
        driver.connect(link);
        awaitConnections(1);

        device.send("ESTOP");

        Await.until("the emergency stop at the engine", () -> !link.emergencyStops().isEmpty(), () -> link.emergencyStops().toString());
        assertEquals(List.of("pump-7 button"), link.emergencyStops());
    }

    @Test
    void aSecondConnectIsRefused() {
        LineProtocolDriver driver = driverOn(cable.hostEnd());
        driver.connect(link);
        assertEquals("pump-7 is already connected; disconnect it first",
                assertThrows(IllegalStateException.class, () -> driver.connect(link)).getMessage());
    }

    @Test
    void aPollPeriodThatIsNotShorterThanTheQuietTimeIsRefused() {
        DeviceDescriptor quick = new DeviceDescriptor("pump-8", "Acme", "VX-4", DESCRIPTOR.channels(), 70, false,
                Duration.ZERO);
        SerialSettings serial = SerialSettings.of(cable.hostEnd().toString(), 9600);
        DriverOptions slow = DriverOptions.defaults().withPollPeriod(Duration.ofMillis(100));
        assertEquals("device pump-8: the poll period (100 ms) must be shorter than the quiet time (100 ms), or a device"
                + " that answers only when asked would look silent",
                assertThrows(IllegalArgumentException.class, () -> new LineProtocolDriver(quick, serial, slow))
                        .getMessage());
        assertEquals("the poll period must be above 0 and below 1000 ms, got 0 ms",
                assertThrows(IllegalArgumentException.class, () -> slow.withPollPeriod(Duration.ZERO)).getMessage());
    }

    private LineProtocolDriver driverOn(Path path) {
        LineProtocolDriver driver = new LineProtocolDriver(DESCRIPTOR, SerialSettings.of(path.toString(), 115200),
                OPTIONS);
        drivers.add(driver);
        return driver;
    }

    private void awaitConnections(int count) {
        Await.until(count + " CONNECTED report(s)",
                () -> link.connectionStates().stream().filter(CONNECTED::equals).count() >= count,
                () -> link.connectionChanges().toString());
    }

    private List<String> reasons(ConnectionState state) {
        return link.connectionChanges().stream().filter(c -> c.state() == state).map(ConnectionChange::reason).toList();
    }

    private ConnectionChange last(ConnectionState state) {
        List<ConnectionChange> changes = link.connectionChanges().stream().filter(c -> c.state() == state).toList();
        return changes.get(changes.size() - 1);
    }

    private String lastCommand() {
        List<String> commands = device.commands();
        return commands.isEmpty() ? "" : commands.get(commands.size() - 1);
    }

    private double lastSample(int channel) {
        List<Double> values = link.samplesOf(channel);
        return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
    }
}
