package io.upwell.devices.latencybench;

import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.MagnetSupport;
import io.upwell.devices.conformance.pty.PseudoTerminalPair;
import io.upwell.devices.emulator.EmulatorOptions;
import io.upwell.devices.emulator.MagneticCupsEmulator;
import io.upwell.devices.magneticcups.internal.MagneticCupsDriver;
import io.upwell.devices.magneticcups.internal.MagneticCupsSettings;
import io.upwell.devices.protocol.Ack;
import io.upwell.devices.protocol.DeviceMessage;
import io.upwell.devices.protocol.FrameDecoder;
import io.upwell.devices.protocol.MessageType;
import io.upwell.devices.protocol.SetPoint;
import io.upwell.engine.testkit.RecordingLink;
import io.upwell.engine.testkit.WallClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * (b) The magnetic cup array's driver against its emulator over a socat pair: each time the engine's
 * set point for cup 0 changes, the driver sends SET_POINT at its next exchange and the device answers
 * ACK. Timed by the kit's {@code watchAnswers}, from the driver queueing the SET_POINT frame to the
 * decoded ACK echoing its sequence number: the driver's threads, the codec and the line both ways, and
 * the device's own handling.
 */
final class MagneticCupsAcks {
    static final String DEVICE_ID = "mc-bench";
    static final int CUPS = 4;

    private MagneticCupsAcks() {
    }

    static MagneticCupsDriver driver(Path port) {
        return new MagneticCupsDriver(new MagneticCupsSettings(port.toString(), MagneticCupsSettings.DEFAULT_BAUD,
                DEVICE_ID, "", Collections.nCopies(CUPS, MagnetSupport.LEVEL), 60, Duration.ofMillis(200)));
    }

    static MagneticCupsEmulator emulator(Path port) throws IOException {
        return MagneticCupsEmulator.start(EmulatorOptions.magneticCupsOnPort(port.toString()).withSeed(3));
    }

    static Latencies measure(Path dir, int warmUp, int samples) throws IOException {
        Latencies acks = new Latencies("magnetic cup array: SET_POINT queued to ACK decoded (driver thread's view)");
        try (PseudoTerminalPair pair = PseudoTerminalPair.start(dir);
                MagneticCupsEmulator device = emulator(pair.deviceEnd());
                WallClock clock = new WallClock()) {
            MagneticCupsDriver driver = driver(pair.hostEnd());
            RecordingLink link = new RecordingLink(clock, CUPS);
            AtomicInteger taken = new AtomicInteger();
            driver.watchAnswers((sent, answer, nanos) -> {
                if (isAckOfSetPoint(sent, answer)) {
                    int n = taken.incrementAndGet();
                    if (n > warmUp) {
                        acks.add(nanos);
                    }
                }
            });
            link.startEngineTicks();
            driver.connect(link);
            try {
                Wait.until("the driver CONNECTED", () -> link.connectionStates().contains(ConnectionState.CONNECTED),
                        () -> link.connectionChanges().toString());
                for (int i = 0; i < warmUp + samples; i++) {
                    int before = taken.get();
                    link.commandHold(0, i % 2 == 0 ? 10 : 11); // a change the driver must send
                    Wait.until("the ACK of set point " + (i + 1), () -> taken.get() > before, device::status);
                }
            } finally {
                driver.disconnect();
                link.stopEngineTicks();
            }
        }
        return acks;
    }

    /** The answer acknowledges the frame sent last, and that frame was a SET_POINT. */
    private static boolean isAckOfSetPoint(byte[] sent, DeviceMessage answer) {
        if (!(answer instanceof Ack ack) || ack.commandType() != MessageType.SET_POINT.code()) {
            return false;
        }
        int[] sequence = {-1};
        boolean[] setPoint = {false};
        new FrameDecoder((seq, message) -> {
            sequence[0] = seq;
            setPoint[0] = message instanceof SetPoint;
        }).feed(sent);
        return setPoint[0] && sequence[0] == ack.commandSequence();
    }
}
