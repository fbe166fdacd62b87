package io.upwell.devices.emulator;

import com.fazecast.jSerialComm.SerialPort;
import io.upwell.devices.protocol.Ack;
import io.upwell.devices.protocol.DecoderCounters;
import io.upwell.devices.protocol.DeviceMessage;
import io.upwell.devices.protocol.Fault;
import io.upwell.devices.protocol.FrameDecoder;
import io.upwell.devices.protocol.FrameEncoder;
import io.upwell.devices.protocol.Heartbeat;
import io.upwell.devices.protocol.HostMessage;
import io.upwell.devices.protocol.Nak;
import io.upwell.devices.protocol.Sample;
import io.upwell.devices.protocol.Sequences;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host's side in the tests: the protocol's own codec on the other end of the pty pair, as the
 * engine's driver uses it, with a reader thread that decodes every frame the device sends and keeps
 * it, and a heartbeat that a test can run, freeze (the same number again and again) or stop.
 */
final class ProtocolHost implements AutoCloseable {
    /** How long the host waits for an answer: the protocol's 50 ms, generously, on a shared machine. */
    static final Duration ANSWER_BOUND = Duration.ofSeconds(5);

    /** One frame received, with its sequence number and when it came. */
    record Received(int sequence, DeviceMessage message, long nanos) {
    }

    private final SerialPort port;
    private final List<Received> received = new ArrayList<>();
    private final FrameDecoder decoder;
    private final Thread reader;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-host-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong engineSequence = new AtomicLong(1000);
    private volatile boolean frozen;
    private volatile boolean closed;
    private volatile DecoderCounters counters;
    private int sequence;

    ProtocolHost(String path) {
        port = SerialPort.getCommPort(path);
        port.setComPortParameters(EmulatorOptions.PROTOCOL_BAUD_RATE, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
        if (!port.openPort()) {
            throw new AssertionError("the test host cannot open " + path + " (error " + port.getLastErrorCode() + ")");
        }
        decoder = new FrameDecoder((frameSequence, message) -> {
            synchronized (received) {
                received.add(new Received(frameSequence, (DeviceMessage) message, System.nanoTime()));
            }
        });
        counters = decoder.counters();
        reader = new Thread(this::read, "test-host-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        byte[] buffer = new byte[2048];
        while (!closed) {
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) {
                return;
            }
            if (n > 0) {
                decoder.feed(buffer, 0, n);
            } else {
                decoder.lineIdle();
            }
            counters = decoder.counters();
        }
    }

    /** Sends a frame with the host's next sequence number and returns that number. */
    synchronized int send(HostMessage message) {
        int used = sequence;
        byte[] frame = FrameEncoder.encode(used, message);
        if (port.writeBytes(frame, frame.length) != frame.length) {
            throw new AssertionError("the test host could not write " + message);
        }
        sequence = Sequences.next(sequence);
        return used;
    }

    /** Sends raw bytes, for frames the codec would not make. */
    synchronized void sendRaw(byte[] bytes) {
        port.writeBytes(bytes, bytes.length);
    }

    /** The host's next sequence number, for a raw frame. */
    synchronized int nextSequence() {
        int used = sequence;
        sequence = Sequences.next(sequence);
        return used;
    }

    /** Heartbeats every 50 ms with the engine's sequence advancing, as a live engine's driver sends them. */
    void startHeartbeats() {
        frozen = false;
        heartbeats.scheduleAtFixedRate(() -> send(Heartbeat.of(frozen ? engineSequence.get() : engineSequence.incrementAndGet())),
                0, 50, TimeUnit.MILLISECONDS);
    }

    /** The heartbeats go on with the same number: the engine's loop has stopped, the driver's thread has not. */
    void freezeHeartbeats(boolean on) {
        frozen = on;
    }

    /** Sends {@code command} and waits for its ACK or NAK, matched by the echoed sequence number and type. */
    DeviceMessage command(HostMessage command) {
        int from = count();
        int used = send(command);
        return Await.value("an answer to " + command, ANSWER_BOUND, () -> {
            for (Received r : since(from)) {
                if (r.message() instanceof Ack ack && ack.commandSequence() == used && ack.commandType() == command.type().code()) {
                    return ack;
                }
                if (r.message() instanceof Nak nak && nak.commandSequence() == used && nak.commandType() == command.type().code()) {
                    return nak;
                }
            }
            return null;
        });
    }

    /** The first message of this type received from {@code from} on, waiting for it. */
    <T extends DeviceMessage> T await(Class<T> type, int from) {
        return Await.value("a " + type.getSimpleName() + " from the device", ANSWER_BOUND, () -> first(type, from));
    }

    <T extends DeviceMessage> T first(Class<T> type, int from) {
        for (Received r : since(from)) {
            if (type.isInstance(r.message())) {
                return type.cast(r.message());
            }
        }
        return null;
    }

    /** Every message of this type received from {@code from} on. */
    <T extends DeviceMessage> List<T> all(Class<T> type, int from) {
        List<T> found = new ArrayList<>();
        for (Received r : since(from)) {
            if (type.isInstance(r.message())) {
                found.add(type.cast(r.message()));
            }
        }
        return found;
    }

    /** Every frame received from {@code from} on. */
    List<Received> since(int from) {
        synchronized (received) {
            return new ArrayList<>(received.subList(Math.min(from, received.size()), received.size()));
        }
    }

    /** How many frames have been received: a mark for {@link #since}. */
    int count() {
        synchronized (received) {
            return received.size();
        }
    }

    /** The latest SAMPLE's reading of a channel in kPa; NaN before the first. */
    double lastKpa(int channel) {
        synchronized (received) {
            for (int i = received.size() - 1; i >= 0; i--) {
                if (received.get(i).message() instanceof Sample sample) {
                    return sample.kpa(channel);
                }
            }
        }
        return Double.NaN;
    }

    /** The FAULT frames received from {@code from} on. */
    List<Fault> faults(int from) {
        return all(Fault.class, from);
    }

    /** What the host's decoder counted. */
    DecoderCounters counters() {
        return counters;
    }

    @Override
    public void close() {
        closed = true;
        heartbeats.shutdownNow();
        port.closePort();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
