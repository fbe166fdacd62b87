package io.upwell.devices.kit.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens a serial port by its configured path, resolving the path on every call.
 * <p>
 * The path is resolved here rather than by jSerialComm for three reasons: {@code getCommPort}
 * resolves a link once, so a handle kept across a reconnection may lead to a node that now belongs to
 * another device; for a path that does not exist it quietly tries {@code /dev/<name>} instead, which
 * may open the wrong port; and its errors are numbers. Each failure here is a sentence that names the
 * path (and the node it led to).
 */
final class PortOpener {
    /**
     * jSerialComm's read timeout: reads wait at most this long for a first byte, so the reader thread
     * sees a close or a restart within it. It sets the terminal's VTIME, in tenths of a second: below
     * 100 ms a read would not wait at all and the reader would spin.
     */
    static final int READ_TIMEOUT_MILLIS = 100;
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int ENOENT = 2;
    private static final int EPERM = 1;
    private static final int EAGAIN = 11;
    private static final int EACCES = 13;
    private static final int EBUSY = 16;
    private static final int ENOTTY = 25;

    private PortOpener() {
    }

    /** Opens the port the settings' path leads to now, configured and ready to read and write. */
    static OpenPort open(SerialSettings settings, long generation) throws SerialLineException {
        Path path = Path.of(settings.path());
        Path device = resolve(path);
        String where = describe(path, device);
        checkKind(where, device);
        SerialPort port;
        try {
            port = SerialPort.getCommPort(device.toString());
        } catch (SerialPortInvalidPortException e) {
            throw new SerialLineException(where + " vanished while it was being opened", e);
        }
        port.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(settings.stopBits()),
                parity(settings.parity()));
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        // Semi-blocking reads with a timeout leave the descriptor blocking: writes wait for room in the
        // device's buffer on the writer thread instead of spinning, and reads return what has arrived.
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MILLIS, 0);
        if (!port.openPort(0)) {
            throw new SerialLineException("cannot open " + where + ": "
                    + whyNotOpened(device, port.getLastErrorCode(), port.getLastErrorLocation()));
        }
        // What the device sent while no host had the line open (answers to an earlier host's requests,
        // reports of faults it raised meanwhile) answers nobody now; a driver must not take it for news.
        port.flushIOBuffers();
        return new OpenPort(port, device.toString(), generation);
    }

    /** The node the path leads to now. */
    static Path resolve(Path path) throws SerialLineException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new SerialLineException("no serial port at " + path + ": the path does not exist"
                    + " (is the device plugged in, or the program that makes the pseudo-terminal running?)");
        }
        try {
            return path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new SerialLineException("no serial port at " + path + ": it is a link to " + target(path)
                    + ", which does not exist", e);
        } catch (IOException e) {
            throw new SerialLineException("cannot resolve the serial path " + path + ": " + e, e);
        }
    }

    private static void checkKind(String where, Path device) throws SerialLineException {
        if (Files.isDirectory(device)) {
            throw new SerialLineException(where + " is a directory, not a serial port");
        }
        if (Files.isRegularFile(device)) {
            throw new SerialLineException(where + " is a regular file, not a serial port");
        }
        Integer mode = unixMode(device);
        if (mode != null && (mode & S_IFMT) != S_IFCHR) {
            throw new SerialLineException(where + " is not a character device, so not a serial port");
        }
    }

    private static Integer unixMode(Path device) {
        try {
            return (Integer) Files.getAttribute(device, "unix:mode");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null; // not a Unix file system: jSerialComm's own open will tell
        }
    }

    static String whyNotOpened(Path device, int code, int nativeLine) {
        switch (code) {
            case ENOENT:
                // jSerialComm uses 2 also for "this process has it open already".
                return Files.exists(device)
                        ? "it is already open in this program (serial ports open exclusively)"
                        : "it vanished while it was being opened";
            case EAGAIN:
                return "another program has it open (serial ports open exclusively)";
            case EACCES:
            case EPERM:
                return "permission denied: the user running the engine may not use it"
                        + " (on Debian, add that user to the dialout group)";
            case EBUSY:
                return "the device is busy";
            case ENOTTY:
                return "it is not a serial port (not a terminal)";
            default:
                return "jSerialComm error " + code + " (native line " + nativeLine + ")";
        }
    }

    /** The path as configured, and the node it led to when they differ: both matter to whoever reads the log. */
    static String describe(Path path, Path device) {
        return path.equals(device) ? path.toString() : path + " (" + device + ")";
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "a path";
        }
    }

    private static int stopBits(StopBits stopBits) {
        switch (stopBits) {
            case ONE_POINT_FIVE:
                return SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO:
                return SerialPort.TWO_STOP_BITS;
            default:
                return SerialPort.ONE_STOP_BIT;
        }
    }

    private static int parity(Parity parity) {
        switch (parity) {
            case ODD:
                return SerialPort.ODD_PARITY;
            case EVEN:
                return SerialPort.EVEN_PARITY;
            case MARK:
                return SerialPort.MARK_PARITY;
            case SPACE:
                return SerialPort.SPACE_PARITY;
            default:
                return SerialPort.NO_PARITY;
        }
    }
}
