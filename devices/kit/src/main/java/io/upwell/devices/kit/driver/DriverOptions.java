package io.upwell.devices.kit.driver;

import io.upwell.api.device.DeviceDescriptor;
import io.upwell.devices.kit.serial.LineOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SerialDeviceDriver} paces its device and its line.
 *
 * @param pollPeriod how often the driver reads the engine's commands and hands them to the protocol's
 *                   {@code exchange}: the device's pace (a controller that takes ten commands a second
 *                   wants 100 ms). It must be shorter than the device's quiet time, or a device that
 *                   answers only when asked would always look silent
 * @param line       the serial line's back-off and write queue
 */
public record DriverOptions(Duration pollPeriod, LineOptions line) {
    /** The default pace: 20 exchanges a second. */
    public static final Duration DEFAULT_POLL_PERIOD = Duration.ofMillis(50);

    public DriverOptions {
        Objects.requireNonNull(pollPeriod, "pollPeriod");
        Objects.requireNonNull(line, "line");
        if (pollPeriod.isNegative() || pollPeriod.isZero() || pollPeriod.compareTo(DeviceDescriptor.MAX_QUIET_TIME) >= 0) {
            throw new IllegalArgumentException("the poll period must be above 0 and below "
                    + DeviceDescriptor.MAX_QUIET_TIME.toMillis() + " ms, got " + pollPeriod.toMillis() + " ms");
        }
    }

    /** Every 50 ms, with the line's defaults. */
    public static DriverOptions defaults() {
        return new DriverOptions(DEFAULT_POLL_PERIOD, LineOptions.defaults());
    }

    public DriverOptions withPollPeriod(Duration period) {
        return new DriverOptions(period, line);
    }

    public DriverOptions withLine(LineOptions options) {
        return new DriverOptions(pollPeriod, options);
    }
}
