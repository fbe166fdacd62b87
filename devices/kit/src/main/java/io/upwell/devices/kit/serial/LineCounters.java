package io.upwell.devices.kit.serial;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What went over a line since it was made, for diagnosis: a line that drops many writes, loses
 * frames to checksum errors or keeps resynchronising says more about the cable or the device than any
 * single alarm.
 * <p>
 * The line counts bytes, dropped writes, opens and losses itself. It cannot know where a frame
 * begins: the protocol that decodes the bytes counts {@linkplain #countFrame() frames},
 * {@linkplain #countChecksumError() checksum errors} and {@linkplain #countResync() resyncs} here.
 * Every method is safe from any thread and allocation-free.
 */
public final class LineCounters {
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong checksumErrors = new AtomicLong();
    private final AtomicLong resyncs = new AtomicLong();
    private final AtomicLong droppedWrites = new AtomicLong();
    private final AtomicLong opens = new AtomicLong();
    private final AtomicLong losses = new AtomicLong();

    /** Counters at zero; a line makes its own, and a protocol's unit tests may hand one to its decoder. */
    public LineCounters() {
    }

    // ---- what the protocol counts ----

    /** A whole, valid frame was decoded. */
    public void countFrame() {
        frames.incrementAndGet();
    }

    /** A frame arrived whose checksum (CRC, sum, parity word) did not match; it was thrown away. */
    public void countChecksumError() {
        checksumErrors.incrementAndGet();
    }

    /** The decoder lost the frame boundaries and skipped bytes to find the next frame's start. */
    public void countResync() {
        resyncs.incrementAndGet();
    }

    // ---- what the line counts ----

    void addReceived(int bytes) {
        bytesReceived.addAndGet(bytes);
    }

    void addSent(int bytes) {
        bytesSent.addAndGet(bytes);
    }

    void countDroppedWrite() {
        droppedWrites.incrementAndGet();
    }

    void countOpen() {
        opens.incrementAndGet();
    }

    void countLoss() {
        losses.incrementAndGet();
    }

    // ---- reading ----

    /** Bytes read from the device. */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    /** Bytes written to the device. */
    public long bytesSent() {
        return bytesSent.get();
    }

    /** Valid frames the protocol decoded. */
    public long frames() {
        return frames.get();
    }

    /** Frames the protocol threw away for a wrong checksum. */
    public long checksumErrors() {
        return checksumErrors.get();
    }

    /** Times the protocol skipped bytes to find a frame's start again. */
    public long resyncs() {
        return resyncs.get();
    }

    /**
     * Writes that never reached the device: offered while the line was not open, refused by a full
     * queue, left queued when the line was lost, or cut short by a failed write.
     */
    public long droppedWrites() {
        return droppedWrites.get();
    }

    /** Times the line was opened. */
    public long opens() {
        return opens.get();
    }

    /** Times an open line was lost (a failed read, the path gone or leading elsewhere, a restart asked for). */
    public long losses() {
        return losses.get();
    }

    @Override
    public String toString() {
        return "received " + bytesReceived() + " B, sent " + bytesSent() + " B, " + frames() + " frames, "
                + checksumErrors() + " checksum errors, " + resyncs() + " resyncs, " + droppedWrites()
                + " dropped writes, " + opens() + " opens, " + losses() + " losses";
    }
}
