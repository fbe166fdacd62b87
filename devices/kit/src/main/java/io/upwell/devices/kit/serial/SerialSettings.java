package io.upwell.devices.kit.serial;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a serial device is and how its line is framed. Checked when made: a value that cannot work
 * is refused with a message naming the setting and the value.
 *
 * @param path     the absolute path of the device: a node such as {@code /dev/ttyUSB0}, a stable link
 *                 such as {@code /dev/serial/by-id/usb-...}, or a link to a pseudo-terminal; it is
 *                 resolved afresh on every open
 * @param baud     the line speed, {@value #MIN_BAUD} to {@value #MAX_BAUD} baud
 * @param dataBits bits per character, 5 to 8
 * @param parity   the parity bit
 * @param stopBits the stop bits
 */
public record SerialSettings(String path, int baud, int dataBits, Parity parity, StopBits stopBits) {
    /** The slowest line speed accepted. */
    public static final int MIN_BAUD = 50;
    /** The fastest line speed accepted; USB serial adapters reach a few megabaud at most. */
    public static final int MAX_BAUD = 4_000_000;

    public SerialSettings {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("serial path must not be blank; give the device's path, such as /dev/ttyUSB0");
        }
        try {
            if (!Path.of(path).isAbsolute()) {
                throw new IllegalArgumentException("serial path must be absolute, such as /dev/ttyUSB0 or "
                        + "/dev/serial/by-id/<id>, got '" + path + "'");
            }
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("serial path '" + path + "' is not a valid path: " + e.getReason(), e);
        }
        if (baud < MIN_BAUD || baud > MAX_BAUD) {
            throw new IllegalArgumentException("serial line " + path + ": baud must be " + MIN_BAUD + " to " + MAX_BAUD
                    + ", got " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("serial line " + path + ": data bits must be 5 to 8, got " + dataBits);
        }
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stopBits");
    }

    /** The most common framing: 8 data bits, no parity, one stop bit (8N1). */
    public static SerialSettings of(String path, int baud) {
        return new SerialSettings(path, baud, 8, Parity.NONE, StopBits.ONE);
    }

    /** The same line at another path. */
    public SerialSettings withPath(String newPath) {
        return new SerialSettings(newPath, baud, dataBits, parity, stopBits);
    }

    /** The framing in the usual short notation, such as {@code 8N1} or {@code 7E2}. */
    public String framing() {
        return dataBits + String.valueOf(parity.letter()) + stopBits.notation();
    }

    @Override
    public String toString() {
        return path + " at " + baud + " baud " + framing();
    }
}
