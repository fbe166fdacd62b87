package io.upwell.devices.example.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EX-2's wire protocol: lines of ASCII text, each {@code <body>*<XX>\n}, where {@code XX} is the
 * exclusive or of every byte of the body in two upper-case hex digits (as NMEA does). A CR before the
 * LF is allowed. The host sends
 * <pre>
 * HELLO              who are you?  The device answers HI and starts its sample stream.
 * SET &lt;ch&gt; &lt;kPa&gt;      hold this vacuum on channel ch (0-based), in kPa below ambient, one decimal
 * VENT &lt;ch&gt;           open channel ch to the air, pump off
 * </pre>
 * and the device
 * <pre>
 * HI &lt;model&gt; &lt;channels&gt; &lt;max kPa&gt; &lt;serial&gt; &lt;firmware&gt;
 * S &lt;ch&gt; &lt;kPa&gt;        a measurement, every 50 ms for every channel, up to two decimals; NAN when the
 *                    sensor gives none
 * ESTOP              its own stop button was pressed; it has vented every channel
 * ERR &lt;text&gt;         it refused the host's last line (bad checksum, unknown command, out of range)
 * </pre>
 * The device vents every channel by itself when it hears no valid line for 250 ms: the host sends
 * every channel's command every poll period, so that a silent host is a stopped one.
 * <p>
 * Replace this class with your device's protocol. Whatever it is, keep the two rules of this one: a
 * byte sequence is either a message or a counted error (never an exception that escapes), and the
 * numbers on the wire are checked before they become readings.
 */
final class ExampleProtocol {
    /** The longest line either side sends, without its end; longer ones are garbage to skip. */
    static final int MAX_LINE = 64;

    private static final Pattern FRAMED = Pattern.compile("([\\x20-\\x29\\x2B-\\x7E]+)\\*([0-9A-F]{2})");
    private static final String KPA = "(-?\\d{1,3}(?:\\.\\d{1,2})?|NAN)";
    private static final Pattern HI = Pattern.compile("HI (\\S+) (\\d{1,2}) (\\d{1,3}(?:\\.\\d)?) (\\S+) (\\S+)");
    private static final Pattern SAMPLE = Pattern.compile("S (\\d{1,2}) " + KPA);

    private ExampleProtocol() {
    }

    // ---- what the host sends ----

    static byte[] hello() {
        return line("HELLO");
    }

    /** SET with the level rounded to 0.1 kPa; the caller has capped it to the channel's maximum. */
    static byte[] set(int channel, double kpa) {
        return line(String.format(Locale.ROOT, "SET %d %.1f", channel, kpa));
    }

    static byte[] vent(int channel) {
        return line("VENT " + channel);
    }

    // ---- framing ----

    /** {@code body} framed: its checksum appended and the line ended. */
    static byte[] line(String body) {
        return (body + '*' + checksum(body) + '\n').getBytes(StandardCharsets.US_ASCII);
    }

    /** The exclusive or of the body's bytes, as two upper-case hex digits. */
    static String checksum(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum ^= body.charAt(i);
        }
        return String.format(Locale.ROOT, "%02X", sum & 0xFF);
    }

    /** The body of a framed line (without its end), or null when it is not framed or its checksum is wrong. */
    static String unframe(String line) {
        Matcher framed = FRAMED.matcher(line);
        if (!framed.matches()) {
            return null;
        }
        String body = framed.group(1);
        return checksum(body).equals(framed.group(2)) ? body : null;
    }

    // ---- what the device sends ----

    /** A line from the device, decoded; see {@link #parseDeviceLine}. */
    sealed interface DeviceLine {
    }

    /** The answer to HELLO. */
    record Greeting(String model, int channels, double maxKpa, String serial, String firmware) implements DeviceLine {
    }

    /** A measurement, in kPa below ambient; NaN when the sensor gave none. */
    record Sample(int channel, double kpa) implements DeviceLine {
    }

    /** The device's own stop button. */
    record EmergencyStop() implements DeviceLine {
    }

    /** The device refused the host's last line, saying why. */
    record Refusal(String reason) implements DeviceLine {
    }

    /** The message in a checked body, or null when the body is none of the device's messages. */
    static DeviceLine parseDeviceLine(String body) {
        Matcher sample = SAMPLE.matcher(body);
        if (sample.matches()) {
            String kpa = sample.group(2);
            return new Sample(Integer.parseInt(sample.group(1)), kpa.equals("NAN") ? Double.NaN : Double.parseDouble(kpa));
        }
        Matcher hi = HI.matcher(body);
        if (hi.matches()) {
            return new Greeting(hi.group(1), Integer.parseInt(hi.group(2)), Double.parseDouble(hi.group(3)), hi.group(4),
                    hi.group(5));
        }
        if (body.equals("ESTOP")) {
            return new EmergencyStop();
        }
        if (body.startsWith("ERR ")) {
            return new Refusal(body.substring(4));
        }
        return null;
    }
}
