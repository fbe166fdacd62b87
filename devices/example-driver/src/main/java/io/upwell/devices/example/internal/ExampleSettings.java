package io.upwell.devices.example.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * One EX-2's configuration, checked. Every value that cannot work is refused here, before a driver
 * exists, with a message that names the property and the value: a typing mistake in a configuration
 * file shows as one line in the log, not as a device that never connects.
 *
 * @param port     the device's absolute path; when checked, it existed and was a character device
 * @param baud     the line speed, one of {@link #BAUDS}
 * @param deviceId the engine's id for the device
 */
record ExampleSettings(String port, int baud, String deviceId) {
    /** The line speeds the EX-2's firmware can be set to. */
    static final List<Integer> BAUDS = List.of(9600, 19_200, 38_400, 57_600, 115_200);
    /** The file-type bits of a Unix mode, and their value for a character device (S_IFMT, S_IFCHR). */
    private static final int TYPE_BITS = 0170000;
    private static final int CHARACTER_DEVICE = 0020000;

    /** @throws IllegalArgumentException naming the property that is wrong and its value */
    ExampleSettings {
        checkPort(port);
        if (!BAUDS.contains(baud)) {
            throw new IllegalArgumentException("baud must be one of " + BAUDS + " (what the EX-2 can be set to), got "
                    + baud);
        }
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("deviceId is missing: give the engine's id for this device, such as ex-1");
        }
        if (deviceId.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("deviceId must not contain spaces, got '" + deviceId + "'");
        }
    }

    /**
     * The configuration Declarative Services activated the component with, checked.
     *
     * @throws IllegalArgumentException naming the first property that is wrong and its value; the
     *                                  component then stays inactive and Declarative Services logs it
     */
    static ExampleSettings from(ExampleConfig config) {
        return new ExampleSettings(read("port", config::port), read("baud", config::baud),
                read("deviceId", config::deviceId));
    }

    /** An absolute path that leads, now, to a character device: a serial port or a pseudo-terminal. */
    private static void checkPort(String port) {
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException("port is missing: give the device's absolute path, such as "
                    + "/dev/serial/by-id/usb-Example_EX-2_SN00042-if00 or /dev/ttyUSB0");
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
            throw new IllegalArgumentException("port '" + port + "' does not exist: is the device plugged in, and is the "
                    + "path right? (ls -l /dev/serial/by-id lists USB serial ports)");
        }
        if (Files.isDirectory(path) || Files.isRegularFile(path)) {
            throw new IllegalArgumentException("port '" + port + "' is a " + (Files.isDirectory(path) ? "directory" : "regular file")
                    + ", not a serial port");
        }
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            if ((mode & TYPE_BITS) != CHARACTER_DEVICE) {
                throw new IllegalArgumentException("port '" + port + "' is not a character device, so not a serial port");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not a Unix file system: opening the port will tell.
        }
    }

    /** Reads one property, naming it when Declarative Services could not convert its value to the property's type. */
    private static <T> T read(String property, Supplier<T> value) {
        try {
            return value.get();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(property + " has a value that is not of its type: " + e.getMessage(), e);
        }
    }
}
