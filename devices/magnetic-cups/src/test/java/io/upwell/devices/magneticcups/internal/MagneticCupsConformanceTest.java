package io.upwell.devices.magneticcups.internal;

import io.upwell.api.device.DeviceDriver;
import io.upwell.devices.conformance.DriverConformance;
import io.upwell.devices.conformance.DriverUnderTest;
import io.upwell.devices.conformance.LineFaults;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance kit against the driver, with the magnetic cup array emulated behind a real
 * pseudo-terminal pair: every check runs, the line broken by ending socat and restored by starting it
 * again, its traffic spoiled by the emulator's {@code corrupt} fault.
 */
class MagneticCupsConformanceTest extends DriverConformance {
    @TempDir
    Path dir;

    @Override
    protected DriverUnderTest open() throws Exception {
        EmulatedCups cups = EmulatedCups.start(dir);
        LineFaults faults = cups.lineFaults();
        return new DriverUnderTest() {
            @Override
            public DeviceDriver driver() {
                return cups.driver;
            }

            @Override
            public Optional<LineFaults> lineFaults() {
                return Optional.of(faults);
            }

            @Override
            public void close() {
                cups.close();
            }
        };
    }
}
