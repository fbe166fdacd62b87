package io.upwell.devices.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.MagnetSupport;
import io.upwell.devices.conformance.pty.PseudoTerminalPair;
import io.upwell.devices.protocol.Ack;
import io.upwell.devices.protocol.ChannelInfo;
import io.upwell.devices.protocol.Fault;
import io.upwell.devices.protocol.FaultCode;
import io.upwell.devices.protocol.Hello;
import io.upwell.devices.protocol.HelloReply;
import io.upwell.devices.protocol.Magnet;
import io.upwell.devices.protocol.MagnetKind;
import io.upwell.devices.protocol.MessageType;
import io.upwell.devices.protocol.Nak;
import io.upwell.devices.protocol.NakReason;
import io.upwell.devices.protocol.Protocol;
import io.upwell.devices.protocol.Sample;
import io.upwell.devices.protocol.SetPoint;
import io.upwell.devices.protocol.Vent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The magnetic cup array's device side of docs/protocol.md, as a host sees it through the protocol's
 * own codec over a real pseudo-terminal pair: the handshake, commands and their answers, the sample
 * stream, the watchdog and the faults the device reports.
 */
class MagneticCupsOverPtyTest {
    private static final Duration BOUND = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private PseudoTerminalPair pty;
    private MagneticCupsEmulator device;
    private ProtocolHost host;

    /** Three cups: a level magnet, an on/off magnet and a plain cup. */
    private void start(UnaryOperator<EmulatorOptions> options) throws Exception {
        pty = PseudoTerminalPair.start(dir);
        device = MagneticCupsEmulator.start(options.apply(EmulatorOptions.magneticCupsOnPort(pty.deviceEnd().toString())
                .withChannels(3).withSeed(7).withSerialNumber("SN-0042")
                .withMagnets(List.of(MagnetSupport.LEVEL, MagnetSupport.ON_OFF, MagnetSupport.NONE))));
        host = new ProtocolHost(pty.hostEnd().toString());
    }

    private void start() throws Exception {
        start(UnaryOperator.identity());
    }

    /** HELLO and a live heartbeat: the device is armed and fed. */
    private HelloReply converse() {
        int from = host.count();
        host.send(Hello.current());
        HelloReply reply = host.await(HelloReply.class, from);
        host.startHeartbeats();
        return reply;
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        if (device != null) {
            device.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    @Test
    void helloIsAnsweredWithTheIdentityAndCapabilitiesThenSamplesFlow() throws Exception {
        start();
        Await.until("the device is listening", BOUND, () -> device.server().isOpen());
        assertEquals(0, host.count(), "nothing is sent before the first HELLO");

        HelloReply reply = converse();

        assertEquals("SN-0042", reply.deviceId());
        assertEquals(MagneticCupsEmulator.VENDOR, reply.vendor());
        assertEquals("MC-3", reply.model());
        assertEquals(7000, reply.maxVacuumCentiKpa());
        assertEquals(50, reply.sampleRateHz());
        assertEquals(250, reply.watchdogMillis());
        assertEquals(List.of(new ChannelInfo(6000, MagnetKind.LEVEL), new ChannelInfo(6000, MagnetKind.ON_OFF),
                new ChannelInfo(6000, MagnetKind.NONE)), reply.channels());
        int from = host.count();
        Sample sample = host.await(Sample.class, from);
        assertEquals(3, sample.channelCount());
        Await.until("a second of samples", BOUND, () -> host.all(Sample.class, from).size() >= 50);
        assertEquals(0, host.counters().errors(), "every frame the device sent is intact: " + host.counters());
    }

    @Test
    void aFrameWatcherIsToldOfEachFrameTakenAndQueuedInOrderUntilRemoved() throws Exception {
        start();
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        device.watchFrames(new FrameWatcher() {
            @Override
            public void received(io.upwell.devices.protocol.Message message, long nanoTime) {
                seen.add("in " + message.type());
            }

            @Override
            public void sent(io.upwell.devices.protocol.DeviceMessage message, long nanoTime) {
                seen.add("out " + message.type());
            }
        });
        converse();
        assertInstanceOf(io.upwell.devices.protocol.Ack.class, host.command(new SetPoint(0, 1000)));
        Await.until("the SET_POINT and its ACK seen", BOUND, () -> seen.contains("out ACK"));
        List<String> commands = seen.stream().filter(frame -> !frame.endsWith("SAMPLE") && !frame.endsWith("HEARTBEAT"))
                .toList();
        assertEquals(List.of("in HELLO", "out HELLO_REPLY", "in SET_POINT", "out ACK"), commands);

        device.watchFrames(null);
        int removedAt = host.count();
        // A frame queued as the watcher went may still be told: counted from two samples later.
        Await.until("two samples after the removal", BOUND, () -> host.all(Sample.class, removedAt).size() >= 2);
        int told = seen.size();
        int from = host.count();
        Await.until("three more samples", BOUND, () -> host.all(Sample.class, from).size() >= 3);
        assertEquals(told, seen.size(), "nothing told once removed");
    }

    @Test
    void commandsBeforeTheFirstHelloAreRefusedAsNotReady() throws Exception {
        start();
        Nak nak = assertInstanceOf(Nak.class, host.command(new SetPoint(0, 2000)));
        assertEquals(NakReason.NOT_READY, nak.reason());
        assertTrue(device.simulator().truePressureKpa(0) < 0.5, "nothing pulls");
    }

    @Test
    void aSetPointIsAcknowledgedAndTheCupFollowsThenVentReleasesIt() throws Exception {
        start();
        converse();
        assertInstanceOf(Ack.class, host.command(new SetPoint(0, 2000)));
        Await.until("channel 0 reads about 20 kPa", BOUND, () -> Math.abs(host.lastKpa(0) - 20) < 1);
        assertTrue(Math.abs(host.lastKpa(1)) < 1, "channel 1 was not told to pull");

        assertInstanceOf(Ack.class, host.command(new Vent(0)));
        Await.until("channel 0 released", BOUND, () -> host.lastKpa(0) < 1);
    }

    @Test
    void aMagnetLevelReachesTheCupAsItsKindAllows() throws Exception {
        start();
        converse();
        assertInstanceOf(Ack.class, host.command(new SetPoint(0, 1500)));
        assertInstanceOf(Ack.class, host.command(new SetPoint(1, 1500)));
        assertInstanceOf(Ack.class, host.command(new Magnet(0, 153)));
        assertInstanceOf(Ack.class, host.command(new Magnet(1, 20)));

        assertEquals(0.6, device.magnetDrive(0), 1e-9, "a level magnet follows the level");
        assertEquals(1.0, device.magnetDrive(1), 1e-9, "an on/off magnet is on at any level above 0");
        Nak plain = assertInstanceOf(Nak.class, host.command(new Magnet(2, 255)));
        assertEquals(NakReason.NOT_SUPPORTED, plain.reason());

        assertInstanceOf(Ack.class, host.command(new Vent(Protocol.ALL_CHANNELS)));
        assertEquals(0.0, device.magnetDrive(0), "a vented cup's magnet rests");
    }

    @Test
    void whatTheDeviceCannotDoIsRefusedWithTheReason() throws Exception {
        start();
        converse();
        assertEquals(NakReason.UNKNOWN_CHANNEL, ((Nak) host.command(new SetPoint(3, 1000))).reason());
        assertEquals(NakReason.UNKNOWN_CHANNEL, ((Nak) host.command(new Vent(9))).reason());
        assertInstanceOf(Ack.class, host.command(new SetPoint(1, 2000)));
        Nak tooMuch = assertInstanceOf(Nak.class, host.command(new SetPoint(1, 6001)));
        assertEquals(NakReason.OUT_OF_RANGE, tooMuch.reason());
        assertTrue(device.status().contains("1 vented"), "OUT_OF_RANGE vents the channel: " + device.status());

        int from = host.count();
        int sequence = host.nextSequence();
        host.sendRaw(io.upwell.devices.protocol.FrameEncoder.encode(sequence, new Vent(0)));
        byte[] unknown = {(byte) 0xA5, 0, 0, 0x42, (byte) sequence, 0, 0};
        int crc = io.upwell.devices.protocol.Crc16.of(unknown, 1, 4);
        unknown[5] = (byte) crc;
        unknown[6] = (byte) (crc >>> 8);
        host.sendRaw(unknown);
        Nak unknownType = Await.value("the NAK of an unknown type", BOUND,
                () -> host.all(Nak.class, from).stream().filter(n -> n.commandType() == 0x42).findFirst().orElse(null));
        assertEquals(NakReason.UNKNOWN_TYPE, unknownType.reason());
    }

    @Test
    void theWatchdogVentsEverythingWhenTheHeartbeatStandsStillAndReportsItUntilFed() throws Exception {
        start();
        converse();
        assertInstanceOf(Ack.class, host.command(new SetPoint(0, 2000)));
        Await.until("channel 0 pulls", BOUND, () -> host.lastKpa(0) > 10);
        int from = host.count();

        host.freezeHeartbeats(true); // the driver's thread lives on, the engine's loop does not

        Fault fault = host.await(Fault.class, from);
        assertEquals(FaultCode.WATCHDOG_VENT, fault.kind());
        assertTrue(fault.deviceWide());
        assertTrue(fault.detail() >= 250, "detail is the time since the last feed: " + fault.detail());
        Await.until("the cup released", BOUND, () -> device.simulator().truePressureKpa(0) < 1);
        Await.until("the fault repeated while it lasts", BOUND, () -> host.faults(from).size() >= 3);
        assertEquals(NakReason.FAULTED, ((Nak) host.command(new SetPoint(0, 2000))).reason(), "no vacuum while the fault lasts");

        host.freezeHeartbeats(false);
        Await.until("vacuum accepted again once the heartbeat moves", BOUND,
                () -> host.command(new SetPoint(0, 2000)) instanceof Ack);
        assertTrue(device.status().contains("watchdog-vent (ended)") || !device.status().contains("watchdog-vent"),
                device.status());
    }

    @Test
    void theEmergencyStopButtonVentsAndIsReportedAtLeastThreeTimes() throws Exception {
        start();
        converse();
        assertInstanceOf(Ack.class, host.command(new SetPoint(0, 2000)));
        Await.until("channel 0 pulls", BOUND, () -> host.lastKpa(0) > 10);
        int from = host.count();

        device.execute("estop");

        Await.until("three reports of the button", BOUND, () -> host.faults(from).size() >= 3);
        for (Fault fault : host.faults(from)) {
            assertEquals(FaultCode.EMERGENCY_STOP, fault.kind());
        }
        Await.until("the cup released", BOUND, () -> host.lastKpa(0) < 1);
    }

    @Test
    void corruptAndDropBytesSpoilEveryFrameTheHostReceivesUntilCleared() throws Exception {
        start();
        converse();
        device.execute("corrupt");
        long errors = host.counters().errors();
        int from = host.count();
        Await.until("the host counts bad frames", BOUND, () -> host.counters().errors() - errors >= 20);
        assertTrue(host.all(Sample.class, from).size() <= 1, "a corrupted frame is never a sample");
        device.execute("corrupt=off drop-bytes");
        long more = host.counters().errors();
        Await.until("the host counts short frames", BOUND, () -> host.counters().errors() - more >= 20);
        device.execute("clear");
        int clean = host.count();
        Await.until("samples again", BOUND, () -> host.all(Sample.class, clean).size() >= 10);
    }

    @Test
    void aSilentDeviceSendsNothingAndItsWatchdogStillVents() throws Exception {
        start();
        converse();
        assertInstanceOf(Ack.class, host.command(new SetPoint(0, 2000)));
        Await.until("channel 0 pulls", BOUND, () -> host.lastKpa(0) > 10);

        device.execute("silent");
        int from = host.count();
        // Its host's heartbeats no longer reach it: the device vents by itself, seen on the true pressure.
        Await.until("the silent device vents by itself", BOUND, () -> device.simulator().truePressureKpa(0) < 1);
        assertTrue(host.count() - from <= 2, "a silent device sends nothing (a frame in flight aside)");

        device.execute("silent=off");
        Await.until("the watchdog's fault, once the device talks again", BOUND,
                () -> host.faults(from).stream().anyMatch(f -> f.kind() == FaultCode.WATCHDOG_VENT));
    }

    @Test
    void aStallLosesCommandsUnansweredForItsDuration() throws Exception {
        start();
        converse();
        device.execute("stall=1");
        int from = host.count();
        int sequence = host.send(new SetPoint(0, 2000));
        Await.until("samples again after the stall", BOUND, () -> host.all(Sample.class, from).size() >= 5);
        assertTrue(host.all(Ack.class, from).stream().noneMatch(a -> a.commandSequence() == sequence),
                "the stalled command was never answered");
        assertTrue(device.status().contains("0 vented"), "nor applied: " + device.status());
    }

    @Test
    void anOverPressureReadbackReportsMoreThanThereIsAndTheDeviceProtectsOnTheTruth() throws Exception {
        start(options -> options.withFault(FaultCommand.parse("over-pressure=25")));
        converse();
        Await.until("channel 2 reads about 25 kPa", BOUND, () -> Math.abs(host.lastKpa(2) - 25) < 1);
        assertTrue(device.simulator().truePressureKpa(2) < 1, "the cup itself is at ambient");
        device.execute("over-pressure=off");
        Await.until("channel 2 reads ambient again", BOUND, () -> Math.abs(host.lastKpa(2)) < 1);
        assertTrue(host.faults(0).isEmpty(), "no over-pressure fault: the device judges what it measures");
    }

    @Test
    void refusedCommandsComeBackAsNakWithTheReasonAndChangeNothing() throws Exception {
        start(options -> options.withFault(FaultCommand.parse("refuse")));
        converse();
        assertEquals(NakReason.FAULTED, ((Nak) host.command(new SetPoint(0, 2000))).reason());
        device.execute("refuse=not-ready");
        assertEquals(NakReason.NOT_READY, ((Nak) host.command(new Vent(0))).reason());
        device.execute("refuse=200");
        assertEquals(200, ((Nak) host.command(new Vent(0))).reasonCode());
        device.execute("refuse=off");
        assertInstanceOf(Ack.class, host.command(new SetPoint(0, 2000)));
    }

    @Test
    void exitStopsTheDeviceWithTheGivenStatusAndVents() throws Exception {
        start();
        converse();
        assertInstanceOf(Ack.class, host.command(new SetPoint(0, 2000)));
        device.execute("exit=3");
        assertEquals(3, device.exited().get(5, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(device.status().contains("waiting for HELLO"), device.status());
    }

    /**
     * socat restarted: the same links lead to new terminals. The emulator reopens its path, forgets the
     * conversation it had (it vented when its line went) and answers a new host's HELLO.
     */
    @Test
    void theEmulatorReopensItsPortWhenTheLineComesBackAndWaitsForANewHello() throws Exception {
        start();
        converse();
        assertInstanceOf(Ack.class, host.command(new SetPoint(0, 2000)));
        host.close();
        pty.unplug();
        Await.until("the device saw its line go", BOUND, () -> !device.conversing());
        assertEquals(0.0, device.simulator().truePressureKpa(0), 1.0);
        pty.replug();
        host = new ProtocolHost(pty.hostEnd().toString());
        Await.until("the device reopened its path", BOUND, () -> device.server().isOpen());
        host.send(Hello.current());
        host.await(HelloReply.class, 0);
        assertTrue(device.status().contains("in a conversation"), device.status());
        assertEquals(MessageType.HELLO_REPLY, host.since(0).get(0).message().type());
    }

    @Test
    void aTypedLineSetsSeveralFaultsAtOnceOrNoneAtAll() throws Exception {
        start();
        assertEquals("applied: corrupt refuse=4", device.execute("corrupt refuse=4"));
        assertTrue(device.status().contains("line faults: corrupt refuse=4"), device.status());
        IllegalArgumentException wrong = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> device.execute("silent refuse=sulking"));
        assertTrue(wrong.getMessage().contains("'sulking' is neither a code 1..255 nor a NAK reason"), wrong.getMessage());
        assertTrue(!device.status().contains("silent"), "a line with a wrong word applies nothing");
        device.execute("clear");
        assertTrue(device.status().contains("line faults: none"), device.status());
    }
}
