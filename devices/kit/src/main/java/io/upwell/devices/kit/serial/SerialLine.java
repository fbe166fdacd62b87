package io.upwell.devices.kit.serial;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial line to one device: opened by path, read on a thread of its own, written without ever
 * making the caller wait, and reopened with back-off whenever it is lost, until closed.
 * <p>
 * <b>Threads.</b> {@link #start()} starts two daemon threads: {@code <name>-serial-read} opens the
 * port, reads it and calls the {@link LineListener} (every call to the listener comes from it), and
 * {@code <name>-serial-write} drains the write queue into the port. Nothing else here blocks:
 * {@link #send} copies the bytes into a bounded queue and returns; when the queue is full, or the line
 * is not open, the write is dropped, counted in {@link LineCounters#droppedWrites()} and
 * {@code send} answers false.
 * <p>
 * <b>Opening.</b> Every attempt resolves the configured path afresh and opens the node it leads to
 * now, so a device that comes back as another node (a USB adapter re-plugged, socat restarted) is
 * found through its stable link. A path that does not exist, leads to something that is not a serial
 * port, or is held by another program fails the attempt with a message naming it (see
 * {@link LineState#DOWN}).
 * <p>
 * <b>Loss and back-off.</b> A failed read, the path vanishing or leading to another node, or
 * {@link #restart} closes the port, drops the writes still queued for it, and reports
 * {@link LineState#DOWN}; the next attempt follows after the back-off of {@link LineOptions}, which
 * doubles after each failed attempt up to its cap and starts afresh after a line that stayed open at
 * least the cap.
 */
public final class SerialLine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SerialLine.class);
    /** How long {@link #close()} waits for each of the line's threads to end. */
    private static final long THREAD_END_MILLIS = 1000;

    private final String name;
    private final SerialSettings settings;
    private final LineOptions options;
    private final LineListener listener;
    private final LineCounters counters = new LineCounters();
    private final PortWriter writer;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile OpenPort current;
    private volatile LineState state = LineState.CLOSED;
    private volatile String restartReason;
    private String lastDownReason;
    private long listenerFailures;
    private long nextFailureToLog = 1;
    private Thread reader;
    private Thread writerThread;

    /**
     * A line that does nothing until {@link #start()}.
     *
     * @param name     names the threads and the log lines, usually the device's id
     * @param settings where the device is and how the line is framed
     * @param options  back-off and write queue
     * @param listener told of state changes and handed the bytes read, on the reader thread
     */
    public SerialLine(String name, SerialSettings settings, LineOptions options, LineListener listener) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.writer = new PortWriter(options.writeQueueFrames(), () -> current, counters);
    }

    /**
     * Starts the reader and writer threads; the first open is attempted at once, on the reader thread.
     *
     * @throws IllegalStateException when started before or closed
     */
    public void start() {
        if (closed.get()) {
            throw new IllegalStateException("serial line " + name + " on " + settings.path() + " is closed");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("serial line " + name + " on " + settings.path() + " is started already");
        }
        writerThread = daemon(writer, name + "-serial-write");
        reader = daemon(new LineLoop(this, options), name + "-serial-read");
        writerThread.start();
        reader.start();
    }

    /** Queues all of {@code bytes} for the device; see {@link #send(byte[], int, int)}. */
    public boolean send(byte[] bytes) {
        return send(bytes, 0, bytes.length);
    }

    /**
     * Queues {@code bytes[offset .. offset+length-1]} (copied) for the device and returns at once.
     *
     * @return true when queued; false when dropped because the line is not open or the queue is full
     *         (counted in {@link LineCounters#droppedWrites()})
     */
    public boolean send(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        OpenPort port = current;
        if (port == null || closed.get()) {
            counters.countDroppedWrite();
            return false;
        }
        return writer.offer(port.generation(), Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /**
     * Waits until every write queued so far is written or dropped, at most {@code timeout}: for a
     * last command (a vent before closing) to reach the device.
     *
     * @return true when nothing is left queued
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        return writer.flush(timeout.toNanos());
    }

    /**
     * Closes the open port and opens it again after the back-off, reporting {@link LineState#DOWN}
     * with {@code reason}: for a protocol that finds the device refusing, silent or confused. Takes
     * effect within the reader's read timeout (100 ms); ignored while the line is not open.
     */
    public void restart(String reason) {
        if (current != null) {
            restartReason = Objects.requireNonNull(reason, "reason");
        }
    }

    /** Where the line stands now. */
    public LineState state() {
        return state;
    }

    /** The device node open now (the path resolved when it was opened), or null when not open. */
    public String device() {
        OpenPort port = current;
        return port == null ? null : port.device();
    }

    public LineCounters counters() {
        return counters;
    }

    public SerialSettings settings() {
        return settings;
    }

    public String name() {
        return name;
    }

    /**
     * Stops both threads and closes the port; idempotent. Queued writes are dropped: {@link #flush}
     * first to have them written. Waits at most a second for each thread (a reader ends within its
     * read timeout; a writer stuck in a write to a device that reads nothing is left to end with the
     * port).
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing.countDown();
        writer.stop();
        if (!started.get()) {
            changeState(LineState.CLOSED, "closed before it was started");
            return;
        }
        writerThread.interrupt();
        join(reader);
        join(writerThread);
    }

    @Override
    public String toString() {
        return "serial line " + name + " on " + settings + " (" + state + ")";
    }

    // ---- for the reader thread (LineLoop) ----

    boolean isClosing() {
        return closing.getCount() == 0;
    }

    /** Waits {@code nanos} unless the line closes first; true when it did. */
    boolean awaitClosing(long nanos) {
        try {
            return closing.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    String takeRestartReason() {
        String reason = restartReason;
        if (reason != null) {
            restartReason = null;
        }
        return reason;
    }

    void opened(OpenPort port) {
        restartReason = null;
        writer.discardQueued();
        current = port;
        counters.countOpen();
        changeState(LineState.OPEN, "open on " + PortOpener.describe(Path.of(settings.path()), Path.of(port.device()))
                + " at " + settings.baud() + " baud " + settings.framing());
    }

    void lost(OpenPort port) {
        current = null;
        writer.discardQueued();
        port.close();
    }

    void deliver(byte[] buffer, int length) {
        try {
            listener.received(buffer, length);
        } catch (RuntimeException e) {
            // A decoder that fails on every chunk would flood the log: the 1st, 10th, 100th ... failure only.
            long failures = ++listenerFailures;
            if (failures == nextFailureToLog) {
                nextFailureToLog = failures * 10;
                LOG.warn("serial line {}: the listener failed on {} bytes received (failure {}); the line goes on",
                        name, length, failures, e);
            }
        }
    }

    void changeState(LineState next, String reason) {
        state = next;
        log(next, reason);
        try {
            listener.stateChanged(next, reason);
        } catch (RuntimeException e) {
            LOG.warn("serial line {}: the listener failed on {}; the line goes on", name, next, e);
        }
    }

    private void log(LineState next, String reason) {
        if (next == LineState.DOWN) {
            // Without the delay, so that the same failure repeated on every attempt is logged once.
            String cause = reason.replaceFirst("; next attempt in [0-9.]+ m?s$", "");
            if (!cause.equals(lastDownReason)) {
                LOG.warn("serial line {}: {}", name, reason);
            } else {
                LOG.debug("serial line {}: {}", name, reason);
            }
            lastDownReason = cause;
        } else if (next == LineState.OPEN) {
            lastDownReason = null;
            LOG.info("serial line {}: {}", name, reason);
        } else if (next == LineState.CLOSED) {
            LOG.info("serial line {}: {}", name, reason);
        } else {
            LOG.debug("serial line {}: {}", name, reason);
        }
    }

    private void join(Thread thread) {
        if (thread == Thread.currentThread()) {
            return; // closed from the listener: the reader ends once this call returns
        }
        try {
            thread.join(THREAD_END_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("serial line {}: thread {} did not end within {} ms of closing; it ends with its port",
                    name, thread.getName(), THREAD_END_MILLIS);
        }
    }

    private static Thread daemon(Runnable task, String threadName) {
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        return thread;
    }
}
