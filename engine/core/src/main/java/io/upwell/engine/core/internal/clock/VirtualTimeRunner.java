package io.upwell.engine.core.internal.clock;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Drives a {@link VirtualClock} inside a running engine: as fast as the engine computes while
 * {@code busy} says a session is applying or ramping vacuum, and at wall pace otherwise, so an
 * idle engine on virtual time still looks alive to its devices and to people.
 */
public final class VirtualTimeRunner extends Thread {
    private static final int TICKS_PER_BATCH = 50;

    private final VirtualClock clock;
    private final long periodNanos;
    private final BooleanSupplier busy;
    private volatile boolean running = true;

    public VirtualTimeRunner(VirtualClock clock, long periodNanos, BooleanSupplier busy) {
        super("upwell-virtual-time");
        setDaemon(true);
        this.clock = clock;
        this.periodNanos = periodNanos;
        this.busy = busy;
    }

    @Override
    public void run() {
        while (running) {
            if (busy.getAsBoolean()) {
                for (int i = 0; i < TICKS_PER_BATCH && running; i++) {
                    clock.advanceNanos(periodNanos);
                }
            } else {
                clock.advanceNanos(periodNanos);
                LockSupport.parkNanos(this, periodNanos);
            }
        }
    }

    public void shutdown() {
        running = false;
        LockSupport.unpark(this);
    }
}
