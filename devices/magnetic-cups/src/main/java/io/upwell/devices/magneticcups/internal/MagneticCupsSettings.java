package io.upwell.devices.magneticcups.internal;

import io.upwell.api.device.MagnetSupport;
import io.upwell.api.safety.HardLimits;
import io.upwell.devices.kit.BackOff;
import io.upwell.devices.protocol.Protocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One magnetic cup array's configuration, checked: what the component activates with. Every value that
 * cannot work is refused here, before a driver exists, with a message naming the property and the
 * value, so that a typing mistake in a configuration file shows as one line in the log rather than as a
 * device that never connects.
 *
 * @param port            the device's absolute path; it existed as a character device when checked
 * @param baud            the line speed
 * @param deviceId        the engine's id for the device
 * @param serial          the serial number the device must report; empty for any
 * @param magnets         each cup's magnet, one per channel
 * @param maxVacuumKpa    the most the engine may ask of any cup, and of the device
 * @param quietTime       how long the device may say nothing
 * @param reconnectFirst  the wait before reopening a lost line; it doubles after each failed attempt
 * @param reconnectMax    the longest wait between attempts; a line that stayed open this long starts
 *                        again from {@code reconnectFirst} when it is lost
 */
public record MagneticCupsSettings(String port, int baud, String deviceId, String serial, List<MagnetSupport> magnets,
        double maxVacuumKpa, Duration quietTime, Duration reconnectFirst, Duration reconnectMax) {
    /** The line speed docs/protocol.md recommends. */
    public static final int DEFAULT_BAUD = 115_200;
    static final int MIN_BAUD = 50;
    static final int MAX_BAUD = 4_000_000;
    static final long MIN_QUIET_MILLIS = 100;
    static final long MAX_QUIET_MILLIS = 1000;
    static final long MIN_RECONNECT_MILLIS = 10;
    static final long MAX_RECONNECT_MILLIS = 60_000;
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;

    public MagneticCupsSettings {
        checkPort(port);
        if (baud < MIN_BAUD || baud > MAX_BAUD) {
            throw new IllegalArgumentException("baud must be " + MIN_BAUD + " to " + MAX_BAUD + ", got " + baud);
        }
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("deviceId is required: the engine's id for this device, such as mc-1");
        }
        if (deviceId.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("deviceId must not contain spaces, got '" + deviceId + "'");
        }
        serial = serial == null ? "" : serial.trim();
        if (serial.getBytes(StandardCharsets.UTF_8).length > Protocol.MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("serial must be at most " + Protocol.MAX_TEXT_BYTES
                    + " bytes of UTF-8 (the protocol's longest device id), got '" + serial + "'");
        }
        magnets = List.copyOf(magnets);
        if (magnets.isEmpty() || magnets.size() > Protocol.MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be 1 to " + Protocol.MAX_CHANNELS + ", got " + magnets.size());
        }
        if (!(maxVacuumKpa > 0) || maxVacuumKpa > HardLimits.MAX_VACUUM_KPA) {
            throw new IllegalArgumentException("maxVacuumKpa must be above 0 and at most " + HardLimits.MAX_VACUUM_KPA
                    + " kPa (the engine's hard limit), got " + maxVacuumKpa);
        }
        long quiet = quietTime.toMillis();
        if (quiet < MIN_QUIET_MILLIS || quiet > MAX_QUIET_MILLIS) {
            throw new IllegalArgumentException("quietTimeMillis must be " + MIN_QUIET_MILLIS + " to " + MAX_QUIET_MILLIS
                    + " ms, got " + quiet);
        }
        long first = reconnectFirst.toMillis();
        if (first < MIN_RECONNECT_MILLIS || first > MAX_RECONNECT_MILLIS) {
            throw new IllegalArgumentException("reconnectFirstMillis must be " + MIN_RECONNECT_MILLIS + " to "
                    + MAX_RECONNECT_MILLIS + " ms, got " + first);
        }
        long longest = reconnectMax.toMillis();
        if (longest < first || longest > MAX_RECONNECT_MILLIS) {
            throw new IllegalArgumentException("reconnectMaxMillis must be reconnectFirstMillis (" + first + ") to "
                    + MAX_RECONNECT_MILLIS + " ms, got " + longest);
        }
    }

    /** Settings that reconnect with the kit's default back-off (0.5 s doubling to 5 s). */
    public MagneticCupsSettings(String port, int baud, String deviceId, String serial, List<MagnetSupport> magnets,
            double maxVacuumKpa, Duration quietTime) {
        this(port, baud, deviceId, serial, magnets, maxVacuumKpa, quietTime, BackOff.DEFAULT_FIRST, BackOff.DEFAULT_MAX);
    }

    /**
     * The configuration, checked.
     *
     * @throws IllegalArgumentException naming the first property that is wrong and its value; the
     *                                  component then stays inactive and Declarative Services logs it
     */
    public static MagneticCupsSettings from(MagneticCupsConfig config) {
        int channels = read("channels", config::channels);
        if (channels < 1 || channels > Protocol.MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be 1 to " + Protocol.MAX_CHANNELS + ", got " + channels);
        }
        return new MagneticCupsSettings(read("port", config::port), read("baud", config::baud),
                read("deviceId", config::deviceId), read("serial", config::serial),
                magnets(read("magnets", config::magnets), channels), read("maxVacuumKpa", config::maxVacuumKpa),
                Duration.ofMillis(read("quietTimeMillis", config::quietTimeMillis)),
                Duration.ofMillis(read("reconnectFirstMillis", config::reconnectFirstMillis)),
                Duration.ofMillis(read("reconnectMaxMillis", config::reconnectMaxMillis)));
    }

    /** How many cups the device must have. */
    public int channels() {
        return magnets.size();
    }

    /**
     * Reads {@code magnets}: one kind for every cup, or one per cup separated by commas.
     *
     * @throws IllegalArgumentException naming the kind that is wrong, or the count that does not fit
     */
    static List<MagnetSupport> magnets(String text, int channels) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("magnets must name NONE, ON_OFF or LEVEL, got an empty value");
        }
        List<MagnetSupport> kinds = new ArrayList<>();
        for (String part : text.split(",")) {
            String name = part.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                kinds.add(MagnetSupport.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("magnets: '" + part.trim() + "' is not NONE, ON_OFF or LEVEL (in '"
                        + text + "')", e);
            }
        }
        if (kinds.size() == 1) {
            return Collections.nCopies(channels, kinds.get(0));
        }
        if (kinds.size() != channels) {
            throw new IllegalArgumentException("magnets must give one kind for every cup or one per cup (" + channels
                    + "), got " + kinds.size() + ": '" + text + "'");
        }
        return kinds;
    }

    /** The path must be absolute and lead, now, to a character device: a serial port or a pseudo-terminal. */
    private static void checkPort(String port) {
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException("port is required: give the device's absolute path, such as /dev/ttyUSB0"
                    + " or /dev/serial/by-id/<id>");
        }
        Path path;
        try {
            path = Path.of(port);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("port '" + port + "' is not a valid path: " + e.getReason(), e);
        }
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("port must be an absolute path, such as /dev/ttyUSB0, got '" + port + "'");
        }
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("port '" + port + "' does not exist (is the device plugged in, or the "
                    + "program that makes the pseudo-terminal running?)");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("port '" + port + "' is a directory, not a serial port");
        }
        if (Files.isRegularFile(path)) {
            throw new IllegalArgumentException("port '" + port + "' is a regular file, not a serial port");
        }
        Integer mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return; // not a Unix file system: opening the port will tell
        }
        if ((mode & S_IFMT) != S_IFCHR) {
            throw new IllegalArgumentException("port '" + port + "' is not a character device, so not a serial port");
        }
    }

    /** Reads one property, naming it when Declarative Services cannot convert its value. */
    private static <T> T read(String property, Supplier<T> value) {
        try {
            return value.get();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(property + " has a value that is not of its type: " + e.getMessage(), e);
        }
    }
}
