package io.upwell.devices.kit.serial;

import io.upwell.devices.kit.BackOff;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SerialLine} behaves around its device: how long it waits before reopening a lost line
 * and how many writes it holds for the writer thread.
 *
 * @param backOffFirst     the wait before the first reopening after a loss; it doubles after each
 *                         failed attempt
 * @param backOffMax       the longest wait between attempts; a line that stayed open at least this
 *                         long starts again from {@code backOffFirst} when it is lost
 * @param writeQueueFrames how many writes may wait for the writer thread, 1 to {@value #MAX_WRITE_QUEUE_FRAMES};
 *                         a write that finds the queue full is dropped and counted, never waited for
 */
public record LineOptions(Duration backOffFirst, Duration backOffMax, int writeQueueFrames) {
    /** The most writes a line holds; a device that far behind is not being talked to any more. */
    public static final int MAX_WRITE_QUEUE_FRAMES = 4096;

    public LineOptions {
        Objects.requireNonNull(backOffFirst, "backOffFirst");
        Objects.requireNonNull(backOffMax, "backOffMax");
        new BackOff(backOffFirst, backOffMax); // the same rules, the same messages
        if (writeQueueFrames < 1 || writeQueueFrames > MAX_WRITE_QUEUE_FRAMES) {
            throw new IllegalArgumentException("the write queue holds 1 to " + MAX_WRITE_QUEUE_FRAMES + " frames, got "
                    + writeQueueFrames);
        }
    }

    /** Back-off from 0.5 s doubling to 5 s, as the simulator's; 64 writes queued. */
    public static LineOptions defaults() {
        return new LineOptions(BackOff.DEFAULT_FIRST, BackOff.DEFAULT_MAX, 64);
    }

    public LineOptions withBackOff(Duration first, Duration max) {
        return new LineOptions(first, max, writeQueueFrames);
    }

    public LineOptions withWriteQueueFrames(int frames) {
        return new LineOptions(backOffFirst, backOffMax, frames);
    }
}
