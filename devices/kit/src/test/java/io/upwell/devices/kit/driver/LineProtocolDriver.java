package io.upwell.devices.kit.driver;

import io.upwell.api.device.CommandSet;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.devices.kit.serial.LineCounters;
import io.upwell.devices.kit.serial.SerialSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A tiny vendor's driver, as a vendor writes one on the kit: only the protocol.
 * <p>
 * The protocol is text lines. The driver sends {@code HELLO} and {@code CMD <ch0> <ch1> ...}, each
 * channel {@code V} (vent) or {@code H<kPa>} (hold). The device answers each line it sends with a
 * checksum, {@code <payload>*<XOR of the payload's bytes, two hex digits>}: {@code ID <id> <model>
 * <channels>} to HELLO, {@code S <kPa> <kPa> ...} (its measurements) to each CMD, and {@code ESTOP}
 * when its button is pressed.
 */
final class LineProtocolDriver extends SerialDeviceDriver<String> {
    static final int MAX_LINE = 120;
    static final Duration ANSWER_TIME = Duration.ofSeconds(2);

    private final StringBuilder partial = new StringBuilder();
    private boolean skipping;

    LineProtocolDriver(DeviceDescriptor descriptor, SerialSettings serial, DriverOptions options) {
        super(descriptor, serial, options);
    }

    /** The line's counters, for the test to read. */
    LineCounters lineCounters() {
        return counters();
    }

    @Override
    protected void decode(byte[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            char c = (char) (buffer[i] & 0xff);
            if (c == '\n') {
                if (!skipping) {
                    frame(partial.toString());
                }
                skipping = false;
                partial.setLength(0);
            } else if (skipping) {
                continue;
            } else if (partial.length() == MAX_LINE) {
                counters().countResync(); // no line is this long: skip to the next line's start
                skipping = true;
                partial.setLength(0);
            } else {
                partial.append(c);
            }
        }
    }

    @Override
    protected void lineOpened() {
        partial.setLength(0); // half a line from before the line was lost is no line
        skipping = false;
    }

    @Override
    protected DeviceIdentity negotiate() throws Exception {
        send("HELLO\n".getBytes(StandardCharsets.US_ASCII));
        String answer = awaitReply(ANSWER_TIME);
        String[] words = answer.split(" ");
        if (words.length != 4 || !words[0].equals("ID")) {
            throw new IOException("unexpected answer to HELLO: " + answer);
        }
        return DeviceIdentity.of(words[1], words[2], Integer.parseInt(words[3]));
    }

    @Override
    protected void exchange(CommandSet commands) {
        StringBuilder line = new StringBuilder("CMD");
        for (int ch = 0; ch < commands.channels(); ch++) {
            line.append(commands.vent(ch) ? " V" : String.format(Locale.ROOT, " H%.1f", commands.targetKpa(ch)));
        }
        send(line.append('\n').toString().getBytes(StandardCharsets.US_ASCII));
    }

    private void frame(String line) {
        int star = line.lastIndexOf('*');
        if (star < 0 || !line.substring(star + 1).equals(checksum(line.substring(0, star)))) {
            counters().countChecksumError();
            return;
        }
        counters().countFrame();
        String payload = line.substring(0, star);
        if (payload.startsWith("ID ")) {
            reply(payload);
        } else if (payload.startsWith("S ")) {
            String[] values = payload.substring(2).split(" ");
            for (int ch = 0; ch < values.length; ch++) {
                sample(ch, Double.parseDouble(values[ch]));
            }
        } else if (payload.equals("ESTOP")) {
            emergencyStop(descriptor().id() + " button");
        }
    }

    /** XOR of the payload's bytes, as two upper-case hex digits. */
    static String checksum(String payload) {
        int sum = 0;
        for (byte b : payload.getBytes(StandardCharsets.US_ASCII)) {
            sum ^= b & 0xff;
        }
        return String.format(Locale.ROOT, "%02X", sum);
    }
}
