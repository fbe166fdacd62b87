package io.upwell.devices.magneticcups.internal;

import io.upwell.api.device.MagnetSupport;
import io.upwell.devices.conformance.LineFaults;
import io.upwell.devices.conformance.pty.PseudoTerminalPair;
import io.upwell.devices.emulator.EmulatorOptions;
import io.upwell.devices.emulator.MagneticCupsEmulator;
import io.upwell.devices.kit.BackOff;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A magnetic cup array emulated on one end of a socat pseudo-terminal pair, and a driver configured for the other
 * end: what the tests of this bundle connect. Its {@link LineFaults} break the line as an unplugged
 * cable does (socat ended: both terminals gone) and restore it as a cable plugged in again (socat
 * started on the same links: new terminals, which the emulator and the driver each find by path), and
 * spoil the device's frames with the emulator's {@code corrupt} fault.
 */
final class EmulatedCups implements AutoCloseable {
    /** Two cups with a level magnet and one with an on/off magnet, as configured on both sides. */
    static final List<MagnetSupport> MAGNETS = List.of(MagnetSupport.LEVEL, MagnetSupport.LEVEL, MagnetSupport.ON_OFF);

    final PseudoTerminalPair pty;
    final MagneticCupsEmulator emulator;
    final MagneticCupsDriver driver;

    private EmulatedCups(PseudoTerminalPair pty, MagneticCupsEmulator emulator, MagneticCupsDriver driver) {
        this.pty = pty;
        this.emulator = emulator;
        this.driver = driver;
    }

    /** The emulator with {@code device} applied to its options, and the driver with {@code expectedSerial}. */
    static EmulatedCups start(Path dir, UnaryOperator<EmulatorOptions> device, String expectedSerial) throws Exception {
        return start(dir, device, expectedSerial, BackOff.DEFAULT_FIRST, BackOff.DEFAULT_MAX);
    }

    /** As {@link #start(Path, UnaryOperator, String)}, the driver reconnecting with the given back-off. */
    static EmulatedCups start(Path dir, UnaryOperator<EmulatorOptions> device, String expectedSerial,
            Duration reconnectFirst, Duration reconnectMax) throws Exception {
        PseudoTerminalPair pty = PseudoTerminalPair.start(dir);
        MagneticCupsEmulator emulator = null;
        try {
            emulator = MagneticCupsEmulator.start(device.apply(EmulatorOptions.magneticCupsOnPort(pty.deviceEnd().toString())
                    .withChannels(MAGNETS.size()).withMagnets(MAGNETS).withSeed(11)));
            MagneticCupsDriver driver = new MagneticCupsDriver(new MagneticCupsSettings(pty.hostEnd().toString(),
                    MagneticCupsSettings.DEFAULT_BAUD, "mc-1", expectedSerial, MAGNETS, 60, Duration.ofMillis(200),
                    reconnectFirst, reconnectMax));
            return new EmulatedCups(pty, emulator, driver);
        } catch (Exception | Error e) {
            if (emulator != null) {
                emulator.close();
            }
            pty.close();
            throw e;
        }
    }

    static EmulatedCups start(Path dir) throws Exception {
        return start(dir, UnaryOperator.identity(), "MC000001");
    }

    LineFaults lineFaults() {
        return new LineFaults() {
            @Override
            public void breakLine() {
                pty.unplug();
            }

            @Override
            public void restoreLine() {
                pty.replug();
            }

            @Override
            public boolean canCorruptTraffic() {
                return true;
            }

            @Override
            public void corruptTraffic(boolean on) {
                emulator.faults().corruptFrames(on);
            }
        };
    }

    @Override
    public void close() {
        try {
            emulator.close();
        } finally {
            pty.close();
        }
    }
}
