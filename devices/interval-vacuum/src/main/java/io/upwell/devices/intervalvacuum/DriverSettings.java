package io.upwell.devices.intervalvacuum;

import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.safety.HardLimits;
import io.upwell.devices.emulator.intervalvacuum.HoldingRegisters;
import io.upwell.devices.emulator.intervalvacuum.SerialSettings;
import io.upwell.devices.kit.serial.Parity;
import io.upwell.devices.kit.serial.StopBits;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything that defines one driven interval vacuum system, checked when made: what an
 * {@link IntervalVacuumConfig} becomes ({@link #from}), and what tests build directly. Each refusal is
 * an {@link IllegalArgumentException} whose message names the property and the value.
 *
 * @param deviceId            the engine's id for the device, without whitespace
 * @param port                the serial port's absolute path
 * @param baud                the line's speed
 * @param dataBits            bits per character, 5 to 8
 * @param parity              the parity bit
 * @param stopBits            one or two
 * @param unitId              the device's Modbus address, 1 to 247
 * @param expectedSerial      the serial number the handshake insists on; null when not checked
 * @param channels            the channels (valves) the device must report, 1 to 16
 * @param channelMaxVacuumKpa each channel's maximum, which the device must report
 * @param deviceMaxVacuumKpa  the pump's maximum, which the device must report
 * @param quietTime           the descriptor's quiet time; the device's watchdog timeout is set to it
 * @param commandPeriod       one command cycle (a write and a read)
 */
record DriverSettings(String deviceId, String port, int baud, int dataBits, Parity parity, StopBits stopBits, int unitId,
        String expectedSerial, int channels, double channelMaxVacuumKpa, double deviceMaxVacuumKpa, Duration quietTime,
        Duration commandPeriod) {
    static final int MIN_BAUD = 300;
    static final int MAX_BAUD = 1_000_000;
    /** The engine's floor for a quiet time, and the device watchdog's shortest timeout. */
    static final long MIN_QUIET_MILLIS = Math.max(100, HoldingRegisters.MIN_WATCHDOG_MS);
    static final long MAX_QUIET_MILLIS = DeviceDescriptor.MAX_QUIET_TIME.toMillis();
    /** Below this, two requests and their answers do not fit one cycle even over a pseudo-terminal. */
    static final long MIN_PERIOD_MILLIS = 20;

    DriverSettings {
        checkDeviceId(deviceId);
        PortCheck.checkPath("port", port);
        if (baud < MIN_BAUD || baud > MAX_BAUD) {
            throw new IllegalArgumentException("baud must be " + MIN_BAUD + " to " + MAX_BAUD + ", got " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("dataBits must be 5 to 8, got " + dataBits);
        }
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stopBits");
        if (!SerialSettings.isValidUnitId(unitId)) {
            throw new IllegalArgumentException("unitId must be " + SerialSettings.MIN_UNIT_ID + " to "
                    + SerialSettings.MAX_UNIT_ID + " (0 is broadcast, which no device answers), got " + unitId);
        }
        boolean serialGiven = expectedSerial != null && !expectedSerial.isBlank();
        if (serialGiven && (expectedSerial.length() > 8 || !expectedSerial.chars().allMatch(c -> c >= 0x21 && c <= 0x7E))) {
            throw new IllegalArgumentException("expectedSerial must be up to 8 printable ASCII characters without spaces, got '"
                    + expectedSerial + "'");
        }
        expectedSerial = serialGiven ? expectedSerial : null;
        if (channels < 1 || channels > HoldingRegisters.MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be 1 to " + HoldingRegisters.MAX_CHANNELS + ", got " + channels);
        }
        positiveAtMost("deviceMaxVacuumKpa", deviceMaxVacuumKpa, HardLimits.MAX_VACUUM_KPA);
        positiveAtMost("channelMaxVacuumKpa", channelMaxVacuumKpa, deviceMaxVacuumKpa);
        Objects.requireNonNull(quietTime, "quietTime");
        Objects.requireNonNull(commandPeriod, "commandPeriod");
        long quiet = quietTime.toMillis();
        if (quiet < MIN_QUIET_MILLIS || quiet > MAX_QUIET_MILLIS) {
            throw new IllegalArgumentException("quietTimeMillis must be " + MIN_QUIET_MILLIS + " to " + MAX_QUIET_MILLIS
                    + ", got " + quiet);
        }
        long period = commandPeriod.toMillis();
        if (period < MIN_PERIOD_MILLIS || 2 * period > quiet) {
            throw new IllegalArgumentException("commandPeriodMillis must be " + MIN_PERIOD_MILLIS
                    + " ms to half the quiet time (" + quiet / 2 + " ms), so that one lost answer does not make the device "
                    + "look silent, got " + period);
        }
    }

    /**
     * The factory settings of the register map for a device on {@code port}: 19200 baud 8N1, unit 1,
     * 4 channels of 60 kPa on a 70 kPa pump, quiet time 300 ms, a cycle every 100 ms; as the emulator's.
     */
    static DriverSettings defaults(String deviceId, String port) {
        return new DriverSettings(deviceId, port, SerialSettings.DEFAULT_BAUD_RATE, SerialSettings.DATA_BITS, Parity.NONE,
                StopBits.ONE, SerialSettings.DEFAULT_UNIT_ID, null, 4, 60, 70, Duration.ofMillis(300),
                Duration.ofMillis(100));
    }

    DriverSettings withUnitId(int newUnitId) {
        return new DriverSettings(deviceId, port, baud, dataBits, parity, stopBits, newUnitId, expectedSerial, channels,
                channelMaxVacuumKpa, deviceMaxVacuumKpa, quietTime, commandPeriod);
    }

    DriverSettings withExpectedSerial(String serial) {
        return new DriverSettings(deviceId, port, baud, dataBits, parity, stopBits, unitId, serial, channels,
                channelMaxVacuumKpa, deviceMaxVacuumKpa, quietTime, commandPeriod);
    }

    DriverSettings withChannels(int newChannels) {
        return new DriverSettings(deviceId, port, baud, dataBits, parity, stopBits, unitId, expectedSerial, newChannels,
                channelMaxVacuumKpa, deviceMaxVacuumKpa, quietTime, commandPeriod);
    }

    DriverSettings withCommandPeriod(Duration period) {
        return new DriverSettings(deviceId, port, baud, dataBits, parity, stopBits, unitId, expectedSerial, channels,
                channelMaxVacuumKpa, deviceMaxVacuumKpa, quietTime, period);
    }

    /** The kit's serial line settings. */
    io.upwell.devices.kit.serial.SerialSettings serialSettings() {
        return new io.upwell.devices.kit.serial.SerialSettings(port, baud, dataBits, parity, stopBits);
    }

    /** The device's watchdog timeout: the quiet time, so the device vents no later than the engine notices. */
    int watchdogTimeoutMillis() {
        return (int) quietTime.toMillis();
    }

    /**
     * Checks and converts a configuration; the port must exist now and be a character device.
     *
     * @throws IllegalArgumentException naming the first property that is wrong and its value
     */
    static DriverSettings from(IntervalVacuumConfig config) {
        String deviceId = read("deviceId", config::deviceId);
        checkDeviceId(deviceId);
        String port = read("port", config::port);
        PortCheck.check("port", port);
        return new DriverSettings(deviceId, port,
                read("baud", config::baud), read("dataBits", config::dataBits),
                parseParity(read("parity", config::parity)), parseStopBits(read("stopBits", config::stopBits)),
                read("unitId", config::unitId), read("expectedSerial", config::expectedSerial),
                read("channels", config::channels), read("channelMaxVacuumKpa", config::channelMaxVacuumKpa),
                read("deviceMaxVacuumKpa", config::deviceMaxVacuumKpa),
                Duration.ofMillis(read("quietTimeMillis", config::quietTimeMillis)),
                Duration.ofMillis(read("commandPeriodMillis", config::commandPeriodMillis)));
    }

    private static void checkDeviceId(String deviceId) {
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("deviceId is missing: set it to the engine's id for this device, such as iv-1");
        }
        if (deviceId.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("deviceId must have no whitespace, got '" + deviceId + "'");
        }
    }

    private static Parity parseParity(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (wanted) {
            case "none", "n" -> Parity.NONE;
            case "even", "e" -> Parity.EVEN;
            case "odd", "o" -> Parity.ODD;
            default -> throw new IllegalArgumentException("parity must be none, even or odd, got '" + text + "'");
        };
    }

    private static StopBits parseStopBits(String text) {
        String wanted = text == null ? "" : text.trim();
        return switch (wanted) {
            case "1" -> StopBits.ONE;
            case "2" -> StopBits.TWO;
            default -> throw new IllegalArgumentException("stopBits must be 1 or 2, got '" + text + "'");
        };
    }

    private static void positiveAtMost(String property, double value, double max) {
        if (!(value > 0) || value > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be above 0 and at most %s kPa, got %s",
                    property, max, value));
        }
    }

    /** Reads one typed property, so that a value Configuration Admin cannot convert is reported by name. */
    private static <T> T read(String property, Supplier<T> value) {
        try {
            return value.get();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(property + " has a value that cannot be read: " + e.getMessage(), e);
        }
    }
}
