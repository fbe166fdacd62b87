package io.upwell.devices.intervalvacuum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Whether a configured port can be a serial port at all: an absolute path that exists now and leads
 * (through any links, such as {@code /dev/serial/by-id/...} or a socat link) to a character device.
 * Checked when the configuration is applied, so that a typing mistake is refused at once with its
 * reason instead of showing up later as a device that never connects. Whether the node is a terminal
 * that can be opened is the serial line's to find out when it opens it.
 */
final class PortCheck {
    /** The file-type bits of a Unix mode, and the value for a character device (S_IFMT, S_IFCHR). */
    private static final int TYPE_MASK = 0170000;
    private static final int CHARACTER_DEVICE = 0020000;

    private PortCheck() {
    }

    /**
     * @param property the configuration property, for the message
     * @throws IllegalArgumentException naming the property, the value and what is wrong with it
     */
    static void check(String property, String port) {
        Path path = checkPath(property, port);
        if (!Files.exists(path)) {
            String dangling = Files.isSymbolicLink(path) ? " (it is a link to nothing)" : "";
            throw new IllegalArgumentException(property + " '" + port + "' does not exist" + dangling
                    + ": is the device plugged in, and is the path right? (ls -l /dev/serial/by-id lists USB serial ports)");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(property + " '" + port + "' is a directory, not a serial port");
        }
        if (Files.isRegularFile(path)) {
            throw new IllegalArgumentException(property + " '" + port + "' is a regular file, not a serial port");
        }
        Integer mode = unixMode(path);
        if (mode != null && (mode & TYPE_MASK) != CHARACTER_DEVICE) {
            throw new IllegalArgumentException(property + " '" + port + "' is not a character device, so not a serial port");
        }
    }

    /**
     * The port as a path, checked without looking at the file system: given, valid and absolute.
     *
     * @throws IllegalArgumentException naming the property, the value and what is wrong with it
     */
    static Path checkPath(String property, String port) {
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException(property + " is missing: set it to the serial port's absolute path, such as "
                    + "/dev/serial/by-id/usb-...-if00-port0 or /dev/ttyUSB0");
        }
        Path path;
        try {
            path = Path.of(port);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(property + " '" + port + "' is not a valid path: " + e.getReason(), e);
        }
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException(property + " '" + port + "' must be an absolute path, such as /dev/ttyUSB0");
        }
        return path;
    }

    /** The Unix mode of what the path leads to; null where the file system cannot tell (then only the checks above apply). */
    private static Integer unixMode(Path path) {
        try {
            return (Integer) Files.getAttribute(path, "unix:mode");
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException | ClassCastException e) {
            return null;
        }
    }
}
