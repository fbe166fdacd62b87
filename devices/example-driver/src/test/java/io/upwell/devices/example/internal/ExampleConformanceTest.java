package io.upwell.devices.example.internal;

import io.upwell.devices.conformance.pty.PseudoTerminalPair;
import io.upwell.api.device.DeviceDriver;
import io.upwell.devices.conformance.DriverConformance;
import io.upwell.devices.conformance.DriverUnderTest;
import io.upwell.devices.conformance.LineFaults;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance kit against the EX-2 driver, with the device emulated behind a real pseudo-terminal
 * pair: every check runs. The line is broken by ending socat (an unplugged cable) and restored by
 * starting it again on the same links (the cable plugged back: new terminals, which the emulator and
 * the driver each find again by path); the traffic is spoiled by the emulator flipping a bit in every
 * other line it sends.
 * <p>
 * This class is all a driver needs to be held to what the engine expects; the checks are inherited.
 */
class ExampleConformanceTest extends DriverConformance {
    @TempDir
    Path dir;

    @Override
    protected DriverUnderTest open() throws Exception {
        PseudoTerminalPair socat = PseudoTerminalPair.start(dir);
        Ex2Emulator device = Ex2Emulator.start(socat.deviceEnd().toString());
        ExampleDriver driver = new ExampleDriver(new ExampleSettings(socat.hostEnd().toString(), 115_200, "ex-1"));
        LineFaults faults = new LineFaults() {
            @Override
            public void breakLine() {
                socat.unplug();
            }

            @Override
            public void restoreLine() {
                socat.replug();
            }

            @Override
            public boolean canCorruptTraffic() {
                return true;
            }

            @Override
            public void corruptTraffic(boolean on) {
                device.corruptLines(on);
            }
        };
        return new DriverUnderTest() {
            @Override
            public DeviceDriver driver() {
                return driver;
            }

            @Override
            public Optional<LineFaults> lineFaults() {
                return Optional.of(faults);
            }

            @Override
            public void close() {
                try {
                    device.close();
                } finally {
                    socat.close();
                }
            }
        };
    }
}
