package io.upwell.devices.emulator.internal;

import com.fazecast.jSerialComm.SerialPort;
import io.upwell.devices.protocol.DecoderCounters;
import io.upwell.devices.protocol.DeviceMessage;
import io.upwell.devices.protocol.FrameDecoder;
import io.upwell.devices.protocol.FrameEncoder;
import io.upwell.devices.protocol.Message;
import io.upwell.devices.protocol.MessageListener;
import io.upwell.devices.protocol.Rejection;
import io.upwell.devices.protocol.Sequences;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's end of a serial line speaking the Upwell device protocol: a reader thread that finds
 * the host's frames with the codec's {@link FrameDecoder} and hands them to the firmware, and a
 * writer thread that sends the firmware's frames, each through the {@linkplain LineFaults line faults}.
 * <p>
 * Unlike a Modbus slave, this device talks unasked (a SAMPLE stream), so its frames come from the
 * device thread as well as from the serial thread. They are queued ({@link #send} never blocks): a
 * host that stops reading fills the pseudo-terminal's buffer, and then the writer thread waits in its
 * write, not the firmware or the physics. When the queue is full, frames are dropped and counted, as
 * a real device's transmit buffer would overflow.
 * <p>
 * The line faults act where a real line or firmware would: {@code silent} and {@code stall} lose the
 * host's frames unexecuted and send nothing (the device's watchdog still runs, on its own thread);
 * {@code corrupt} and {@code drop-bytes} damage every frame sent.
 * <p>
 * The port is opened by its path and reopened, with a back-off ({@link ReopenPause}), after the line
 * fails (the far end of a pty pair went away); the firmware hears of the loss ({@link Receiver#lineLost}) and
 * vents at once, as a device that can tell its line closed does.
 */
public final class FrameServer implements AutoCloseable {
    /** How long a read waits for its first byte: below the protocol's 50 ms idle rule, so idleness is seen. */
    static final int READ_TIMEOUT_MS = 10;
    /** Silence after which an incomplete frame will not be completed (docs/protocol.md, "Idle line"). */
    static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** Frames waiting to be written: a second of samples and then some. */
    static final int QUEUE_FRAMES = 128;
    private static final Logger LOG = LoggerFactory.getLogger(FrameServer.class);

    /** What the firmware does with what the line brings; called on the reader thread. */
    public interface Receiver {
        /** An intact frame with a message. */
        void receive(int sequence, Message message);

        /** An intact frame of an unknown type or with a malformed payload. */
        void reject(int sequence, int typeCode, Rejection rejection);

        /** The line failed: its far end is gone. */
        void lineLost();
    }

    private final String path;
    private final int baudRate;
    private final LineFaults faults;
    private final Receiver receiver;
    private final FrameDecoder decoder;
    private final byte[] readBuffer = new byte[1024];
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_FRAMES);
    private final Thread reader;
    private final Thread writer;
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong framesMuted = new AtomicLong();
    private final AtomicLong framesOverflowed = new AtomicLong();
    private final AtomicLong framesSwallowed = new AtomicLong();
    private volatile DecoderCounters received;
    private final ReopenPause reopenPause = new ReopenPause();
    private volatile SerialPort port;
    private volatile boolean closed;
    private int sequence;
    private long lastByteNanos;

    public FrameServer(String path, int baudRate, LineFaults faults, Receiver receiver) {
        this.path = Objects.requireNonNull(path, "path");
        this.baudRate = baudRate;
        this.faults = Objects.requireNonNull(faults, "faults");
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.decoder = new FrameDecoder(new MessageListener() {
            @Override
            public void onMessage(int frameSequence, Message message) {
                if (swallowed()) {
                    return;
                }
                receiver.receive(frameSequence, message);
            }

            @Override
            public void onRejected(int frameSequence, int typeCode, Rejection rejection) {
                if (swallowed()) {
                    return;
                }
                receiver.reject(frameSequence, typeCode, rejection);
            }
        });
        this.received = decoder.counters();
        this.reader = new Thread(this::read, "emulator-serial " + path);
        this.reader.setDaemon(true);
        this.writer = new Thread(this::write, "emulator-serial-write " + path);
        this.writer.setDaemon(true);
    }

    /**
     * Opens the port and starts serving.
     *
     * @throws IOException naming the path when it is missing or cannot be opened; nothing runs then
     */
    public void start() throws IOException {
        port = EmulatorPorts.open(path, baudRate, READ_TIMEOUT_MS);
        reader.start();
        writer.start();
    }

    /**
     * Queues a frame for the host with the device's next sequence number, unless a fault keeps the
     * device quiet. Never blocks: from the firmware, on any thread.
     *
     * @return whether it was queued
     */
    public boolean send(DeviceMessage message) {
        if (faults.swallowsRequests()) {
            framesMuted.incrementAndGet();
            return false;
        }
        synchronized (queue) { // numbers in the order the frames are queued, so the host sees them in order
            if (queue.offer(FrameEncoder.encode(sequence, message))) {
                sequence = Sequences.next(sequence);
                return true;
            }
            framesOverflowed.incrementAndGet();
            return false;
        }
    }

    /** Whether the port is open now (false while the server waits to reopen it). */
    public boolean isOpen() {
        SerialPort current = port;
        return current != null && current.isOpen();
    }

    /** What went over the line, for the emulator's status line. */
    public String describe() {
        DecoderCounters in = received;
        return String.format(java.util.Locale.ROOT,
                "received %d frames (%d bad CRC, %d oversize, %d unknown type, %d malformed, %d given up idle, %d lost"
                        + " to faults), sent %d (%d kept back by faults, %d overflowed)",
                in.messages() + in.unknownTypes() + in.malformedPayloads(), in.checksumErrors(), in.oversizeFrames(),
                in.unknownTypes(), in.malformedPayloads(), in.truncatedFrames(), framesSwallowed.get(), framesSent.get(),
                framesMuted.get(), framesOverflowed.get());
    }

    /** What the decoder has counted: for tests. */
    public DecoderCounters received() {
        return received;
    }

    private boolean swallowed() {
        if (faults.swallowsRequests()) {
            framesSwallowed.incrementAndGet();
            return true;
        }
        return false;
    }

    private void read() {
        while (!closed) {
            SerialPort current = port;
            if (current == null) {
                if (reopenPause.await()) {
                    break; // closed while waiting
                }
                try {
                    port = EmulatorPorts.open(path, baudRate, READ_TIMEOUT_MS);
                    reopenPause.reset();
                    LOG.info("serial port {} reopened", path);
                } catch (IOException e) {
                    LOG.debug("serial port {} not back yet: {}", path, e.getMessage());
                }
                continue;
            }
            int n = current.readBytes(readBuffer, readBuffer.length);
            long now = System.nanoTime();
            if (n < 0) {
                if (closed) {
                    break;
                }
                LOG.warn("serial port {} failed (error {}); closing it and reopening it with back-off", path,
                        current.getLastErrorCode());
                current.closePort();
                port = null;
                queue.clear(); // frames for a host that is gone: never the first thing a new one hears
                decoder.lineIdle();
                receiver.lineLost();
            } else if (n == 0) {
                if (received.pendingBytes() > 0 && now - lastByteNanos > IDLE_NANOS) {
                    decoder.lineIdle();
                }
            } else {
                lastByteNanos = now;
                decoder.feed(readBuffer, 0, n);
            }
            received = decoder.counters();
        }
    }

    private void write() {
        while (!closed) {
            byte[] frame;
            try {
                frame = queue.poll(READ_TIMEOUT_MS * 10L, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (frame == null) {
                continue;
            }
            int n = faults.damage(frame, frame.length);
            SerialPort current = port;
            if (current == null || n == 0) {
                continue;
            }
            if (current.writeBytes(frame, n) == n) {
                framesSent.incrementAndGet();
            } else {
                LOG.debug("serial port {}: a frame of {} bytes was not written whole", path, n);
            }
        }
    }

    /** Stops serving and closes the port. Idempotent. */
    @Override
    public void close() {
        closed = true;
        reopenPause.close();
        SerialPort current = port;
        port = null;
        if (current != null) {
            current.closePort();
        }
        queue.clear();
        join(reader);
        join(writer);
    }

    private static void join(Thread thread) {
        if (!thread.isAlive()) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
