package io.upwell.devices.kit.driver;

import io.upwell.devices.kit.testing.PtyPeer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The device at the far end of the socat pair, speaking {@link LineProtocolDriver}'s protocol: it
 * answers HELLO with the identity it is given, records every CMD line and answers it with
 * measurements that follow the command at once (a hold of 30 kPa reads 30.0; a vent reads 0.0).
 * A silent device answers nothing.
 */
final class FakeDevice implements AutoCloseable {
    private final StringBuilder partial = new StringBuilder();
    private final List<String> commands = new ArrayList<>();
    private final AtomicInteger hellos = new AtomicInteger();
    private volatile String identity;
    private volatile boolean silent;
    private volatile PtyPeer peer;

    FakeDevice(String id, String model, int channels) {
        answerAs(id, model, channels);
    }

    void answerAs(String id, String model, int channels) {
        identity = "ID " + id + " " + model + " " + channels;
    }

    void silent(boolean quiet) {
        silent = quiet;
    }

    /** Opens the far end at {@code link}; commands recorded before are forgotten. */
    void plugInto(Path link) {
        synchronized (commands) {
            commands.clear();
        }
        partial.setLength(0); // the reader thread that used it has ended (unplug)
        peer = PtyPeer.open(link, this::onChunk); // answers go to the peer that read, which may be before this assignment
    }

    void unplug() {
        PtyPeer current = peer;
        if (current != null) {
            current.close();
            peer = null;
        }
    }

    /** Every CMD line received since the last {@link #plugInto}, in order. */
    List<String> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    /** Bytes written to the driver since the last {@link #plugInto}. */
    long bytesSent() {
        return peer.bytesWritten();
    }

    int hellos() {
        return hellos.get();
    }

    /** Sends one line with its checksum, as the device's firmware would. */
    void send(String payload) {
        send(peer, payload);
    }

    void sendRaw(String text) {
        peer.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static void send(PtyPeer to, String payload) {
        to.write((payload + "*" + LineProtocolDriver.checksum(payload) + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() {
        unplug();
    }

    private void onChunk(PtyPeer from, byte[] chunk) {
        for (byte b : chunk) {
            if (b == '\n') {
                onLine(from, partial.toString());
                partial.setLength(0);
            } else {
                partial.append((char) b);
            }
        }
    }

    private void onLine(PtyPeer from, String line) {
        if (line.equals("HELLO")) {
            hellos.incrementAndGet();
            if (!silent) {
                send(from, identity);
            }
        } else if (line.startsWith("CMD ")) {
            synchronized (commands) {
                commands.add(line);
            }
            if (!silent) {
                send(from, measurements(line));
            }
        }
    }

    private static String measurements(String command) {
        StringBuilder reading = new StringBuilder("S");
        for (String channel : command.substring(4).split(" ")) {
            double kpa = channel.startsWith("H") ? Double.parseDouble(channel.substring(1)) : 0.0;
            reading.append(String.format(Locale.ROOT, " %.1f", kpa));
        }
        return reading.toString();
    }
}
