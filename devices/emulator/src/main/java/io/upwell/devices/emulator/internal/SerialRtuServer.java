package io.upwell.devices.emulator.internal;

import com.fazecast.jSerialComm.SerialPort;
import io.upwell.devices.emulator.internal.RequestCounters.Kind;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Modbus RTU slave on a serial port: reads the line, frames requests, has them handled, damages
 * the replies as the line faults say, and writes them back.
 * <p>
 * Written on jSerialComm directly rather than with j2mod's serial slave: the emulator's faults act on
 * the bytes of single replies (drop one, flip a bit) and on requests before they are executed (stall,
 * silence), and j2mod's slave reads and writes the port itself with no place to reach in between; the
 * request handling also has to be fed random bytes without a port for the fuzz test. j2mod still
 * computes the CRC ({@link Crc16}), and its master is what the tests talk to this server with.
 * <p>
 * The port is opened by its path (a pseudo-terminal is never in jSerialComm's port list), and looked up
 * afresh on every reopen: jSerialComm resolves a symlink once, and a pty pair that was recreated puts
 * the same link on a different device. When the line fails (the other end of a pty pair went away) the
 * server closes the port and reopens it, with a back-off ({@link ReopenPause}), until it is closed itself.
 */
public final class SerialRtuServer implements AutoCloseable {
    /** How long a read waits for the first byte: the granularity at which silence is noticed. */
    static final int READ_TIMEOUT_MS = 2;
    /** The least silence that ends a frame: a JVM thread on a loaded machine cannot keep RTU's 1.75 ms. */
    static final long GAP_FLOOR_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final Logger LOG = LoggerFactory.getLogger(SerialRtuServer.class);

    private final String path;
    private final int baudRate;
    private final RequestProcessor processor;
    private final LineFaults faults;
    private final RtuFramer framer;
    private final byte[] readBuffer = new byte[RequestProcessor.MAX_FRAME];
    private final byte[] reply = new byte[RequestProcessor.MAX_FRAME];
    private final Thread reader;
    private final ReopenPause reopenPause = new ReopenPause();
    private volatile SerialPort port;
    private volatile boolean closed;

    public SerialRtuServer(String path, int baudRate, RequestProcessor processor, LineFaults faults) {
        this.path = Objects.requireNonNull(path, "path");
        this.baudRate = baudRate;
        this.processor = Objects.requireNonNull(processor, "processor");
        this.faults = Objects.requireNonNull(faults, "faults");
        this.framer = new RtuFramer(RtuFramer.gapNanos(baudRate, GAP_FLOOR_NANOS), this::serve);
        this.reader = new Thread(this::run, "emulator-serial " + path);
        this.reader.setDaemon(true);
    }

    /**
     * Opens the port and starts serving.
     *
     * @throws IOException naming the path when it is missing or cannot be opened; nothing runs then
     */
    public void start() throws IOException {
        port = open();
        reader.start();
    }

    public String path() {
        return path;
    }

    /** Whether the port is open now (false while the server waits to reopen it). */
    public boolean isOpen() {
        SerialPort current = port;
        return current != null && current.isOpen();
    }

    private SerialPort open() throws IOException {
        return EmulatorPorts.open(path, baudRate, READ_TIMEOUT_MS);
    }

    private void run() {
        while (!closed) {
            SerialPort current = port;
            if (current == null) {
                if (reopenPause.await()) {
                    break; // closed while waiting
                }
                try {
                    port = open();
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
                if (!closed) {
                    LOG.warn("serial port {} failed (error {}); closing it and reopening it with back-off", path,
                            current.getLastErrorCode());
                }
                current.closePort();
                port = null;
            } else if (n == 0) {
                framer.silence(now);
            } else {
                framer.receive(readBuffer, 0, n, now);
            }
        }
    }

    /** One frame from the framer: handled unless a fault swallows it, the reply damaged as the faults say. */
    private void serve(byte[] frame, int length) {
        if (faults.swallowsRequests()) {
            processor.counters().count(Kind.FAULT_DROPPED);
            return;
        }
        int n = processor.process(frame, length, reply);
        if (n == 0) {
            return;
        }
        n = faults.damage(reply, n);
        SerialPort current = port;
        if (current != null && n > 0 && current.writeBytes(reply, n) != n) {
            LOG.debug("serial port {}: a reply of {} bytes was not written whole", path, n);
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
        try {
            reader.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
