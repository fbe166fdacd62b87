package io.upwell.devices.kit.testing;

import com.fazecast.jSerialComm.SerialPort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The far end of a socat pair, opened with jSerialComm directly (not through the code under test):
 * it records every byte it reads on a thread of its own, optionally hands each chunk to a handler,
 * and writes what the test tells it to.
 */
public final class PtyPeer implements AutoCloseable {
    private final SerialPort port;
    private final String node;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Thread reader;
    private final BiConsumer<PtyPeer, byte[]> handler;
    private volatile boolean closed;
    private volatile RuntimeException handlerFailure;
    private final AtomicLong bytesWritten = new AtomicLong();

    private PtyPeer(SerialPort port, String node, BiConsumer<PtyPeer, byte[]> handler) {
        this.port = port;
        this.node = node;
        this.handler = handler;
        this.reader = new Thread(this::read, "pty-peer-" + node);
        this.reader.setDaemon(true);
    }

    /** Opens the end at {@code link}, recording what it reads. */
    public static PtyPeer open(Path link) {
        return open(link, (peer, chunk) -> { });
    }

    /**
     * Opens the end at {@code link}; {@code handler} gets this peer and each chunk read, on the peer's
     * reader thread, from the first chunk on (bytes may be waiting already, so the handler must not
     * rely on anything set after this returns).
     */
    public static PtyPeer open(Path link, BiConsumer<PtyPeer, byte[]> handler) {
        String node;
        try {
            node = link.toRealPath().toString();
        } catch (IOException e) {
            throw new AssertionError("the peer's link " + link + " leads nowhere: " + e, e);
        }
        SerialPort port = SerialPort.getCommPort(node);
        port.setComPortParameters(115200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
        if (!port.openPort(0)) {
            throw new AssertionError("the peer cannot open " + node + ": error " + port.getLastErrorCode());
        }
        PtyPeer peer = new PtyPeer(port, node, handler);
        peer.reader.start();
        return peer;
    }

    /** Writes all of {@code bytes}, waiting as long as the terminal makes it. */
    public void write(byte[] bytes) {
        int offset = 0;
        while (offset < bytes.length) {
            int written = port.writeBytes(bytes, bytes.length - offset, offset);
            if (written <= 0) {
                throw new AssertionError("the peer could not write to " + node + " (" + written + ")");
            }
            offset += written;
            bytesWritten.addAndGet(written);
        }
    }

    /** Bytes written so far. */
    public long bytesWritten() {
        return bytesWritten.get();
    }

    public void write(String text) {
        write(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Everything read so far. */
    public byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    public String receivedText() {
        return new String(received(), StandardCharsets.US_ASCII);
    }

    /** Closes the end; fails if the handler failed on the way, so that a broken fake is not mistaken for a broken driver. */
    @Override
    public void close() {
        closed = true;
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        port.closePort();
        if (handlerFailure != null) {
            throw new AssertionError("the peer's handler on " + node + " failed", handlerFailure);
        }
    }

    private void read() {
        byte[] buffer = new byte[4096];
        while (!closed) {
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) {
                return; // the pair went away
            }
            if (n > 0) {
                byte[] chunk = Arrays.copyOf(buffer, n);
                synchronized (received) {
                    received.write(chunk, 0, n);
                }
                try {
                    handler.accept(this, chunk);
                } catch (RuntimeException e) {
                    handlerFailure = e;
                    return;
                }
            }
        }
    }
}
