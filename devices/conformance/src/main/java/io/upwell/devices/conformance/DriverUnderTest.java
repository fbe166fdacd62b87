package io.upwell.devices.conformance;

import io.upwell.api.device.DeviceDriver;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One driver for one test, with whatever stands behind it (a device, an emulator on a
 * pseudo-terminal, a simulator), ready to be connected. Closed after the test, the driver
 * disconnected first by the kit.
 */
@ConsumerType
public interface DriverUnderTest extends AutoCloseable {

    DeviceDriver driver();

    /** How the test can break the driver's line or spoil its traffic; empty when it cannot. */
    default Optional<LineFaults> lineFaults() {
        return Optional.empty();
    }

    /** Stops what stands behind the driver (an emulator, a pseudo-terminal pair). */
    @Override
    void close() throws Exception;
}
