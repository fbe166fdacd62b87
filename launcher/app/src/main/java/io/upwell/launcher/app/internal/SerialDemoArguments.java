package io.upwell.launcher.app.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code demo --port PATH --driver interval-vacuum|magnetic-cups [--baud N] [--unit-id N] [--channels N]
 * [--reconnect-wait SECONDS]}: the demo's session on a device on a serial line, checked. Every refusal
 * is one line that names the option and what is wrong with it.
 *
 * @param port          the device's path, made absolute against the working directory (a driver
 *                      reopens the line by this path, so a link such as socat's is kept, not resolved)
 * @param driver        the driver that speaks the device's protocol
 * @param baud          the line's speed
 * @param unitId        the device's Modbus address (interval vacuum system only; 1 otherwise)
 * @param channels      how many channels the device must report (the driver's handshake checks it)
 * @param reconnectWait how long to wait for a device lost mid-session to come back
 */
record SerialDemoArguments(Path port, DemoDriver driver, int baud, int unitId, int channels,
        Duration reconnectWait) {

    static final String USAGE = "demo --port PATH --driver interval-vacuum|magnetic-cups [--baud N] [--unit-id N]"
            + " [--channels N] [--reconnect-wait SECONDS]";

    /** What a device's factory settings are, unless the command line says otherwise. */
    static final int DEFAULT_CHANNELS = 4;
    static final int DEFAULT_UNIT_ID = 1;
    static final Duration DEFAULT_RECONNECT_WAIT = Duration.ofSeconds(60);

    /**
     * Reads the words after {@code demo}.
     *
     * @throws IllegalArgumentException naming the first thing that is wrong: an unknown or repeated option,
     *                                  a missing value, a number that is not one, an unknown driver, a
     *                                  port that does not exist or is no serial port
     */
    static SerialDemoArguments parse(List<String> words) {
        String port = null;
        String driverName = null;
        Integer baud = null;
        Integer unitId = null;
        Integer channels = null;
        Integer reconnectSeconds = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("--virtual")) {
                throw new IllegalArgumentException("--virtual runs the demo on the simulator only; a device on a"
                        + " serial line runs in real time, so leave --virtual out");
            }
            if (!word.startsWith("--")) {
                throw new IllegalArgumentException("unexpected '" + word + "'; usage: " + USAGE);
            }
            if (i + 1 >= words.size()) {
                throw new IllegalArgumentException(word + " needs a value; usage: " + USAGE);
            }
            String value = words.get(++i);
            switch (word) {
                case "--port" -> port = once(word, port, value);
                case "--driver" -> driverName = once(word, driverName, value);
                case "--baud" -> baud = once(word, baud, positive(word, value));
                case "--unit-id" -> unitId = once(word, unitId, positive(word, value));
                case "--channels" -> channels = once(word, channels, positive(word, value));
                case "--reconnect-wait" -> reconnectSeconds = once(word, reconnectSeconds, positive(word, value));
                default -> throw new IllegalArgumentException("unknown option '" + word + "'; usage: " + USAGE);
            }
        }
        if (port == null) {
            throw new IllegalArgumentException("--port PATH is required: the device's serial port; usage: " + USAGE);
        }
        if (driverName == null) {
            throw new IllegalArgumentException("--driver is required: interval-vacuum or magnetic-cups; usage: "
                    + USAGE);
        }
        DemoDriver driver = DemoDriver.of(driverName);
        if (unitId != null && !driver.addressed()) {
            throw new IllegalArgumentException("--unit-id is a Modbus address: the interval-vacuum driver's only;"
                    + " a " + driver + " device has none");
        }
        return new SerialDemoArguments(serialPort(port), driver, baud == null ? driver.defaultBaud() : baud,
                unitId == null ? DEFAULT_UNIT_ID : unitId, channels == null ? DEFAULT_CHANNELS : channels,
                Duration.ofSeconds(reconnectSeconds == null ? DEFAULT_RECONNECT_WAIT.toSeconds() : reconnectSeconds));
    }

    /** The port as a driver opens it: absolute, and there now (a missing one never connects). */
    private static Path serialPort(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("--port is empty: give the device's serial port, such as /dev/ttyUSB0");
        }
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("--port '" + text + "' is not a valid path: " + e.getReason());
        }
        path = path.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("--port " + path + " does not exist (is the device plugged in, or the"
                    + " program that makes the pseudo-terminal, such as socat, running?)");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("--port " + path + " is a directory, not a serial port");
        }
        if (Files.isRegularFile(path)) {
            throw new IllegalArgumentException("--port " + path + " is a regular file, not a serial port");
        }
        return path;
    }

    private static <T> T once(String option, T before, T value) {
        if (before != null) {
            throw new IllegalArgumentException(option + " is given twice; give it once");
        }
        return value;
    }

    private static int positive(String option, String text) {
        int number;
        try {
            number = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got '" + text + "'");
        }
        if (number < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + number);
        }
        return number;
    }
}
