package io.upwell.devices.emulator.internal;

import io.upwell.devices.kit.BackOff;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The wait between attempts to reopen a serial port whose line failed, for the emulator's servers:
 * the driver kit's {@link BackOff} for how long, a latch for the waiting, so that {@link #close()}
 * ends a wait at once rather than after it (a server that is closed does not linger in a sleep).
 * <p>
 * The delays start short, so that a pty pair made again (socat restarted) is found again quickly, and
 * double up to a second, so that a port gone for good costs one attempt a second.
 */
final class ReopenPause {
    static final Duration FIRST = Duration.ofMillis(250);
    static final Duration MAX = Duration.ofSeconds(1);

    private final BackOff backOff = new BackOff(FIRST, MAX);
    private final CountDownLatch closing = new CountDownLatch(1);

    /**
     * Waits the next delay, each one twice the last up to {@link #MAX}. For the server's reader thread,
     * which owns the back-off.
     *
     * @return true when the pause was closed meanwhile (or the thread interrupted): stop reopening
     */
    boolean await() {
        try {
            return closing.await(backOff.nextDelayNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** The port is open again: the next loss starts from the first delay. */
    void reset() {
        backOff.reset();
    }

    /** Ends the wait under way, and every one after it, at once. Any thread. */
    void close() {
        closing.countDown();
    }
}
