package io.upwell.engine.core.internal.safety;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The machine's latch (latch, never auto-resume): set by an emergency stop or a fault, cleared only
 * by an operator's acknowledgement, in one atomic step. Every device link reads it, so while it is
 * set every channel of every device reads as vented, whatever a tick in flight or a session being
 * started may command.
 * <p>
 * It belongs to the machine, not to an engine: the runtime that replaces the engine on a
 * configuration change hands the same latch to the next engine, so reconfiguring never clears it.
 * <p>
 * It remembers why it is set (a set of {@link Cause}s) in one atomic word: latching is one
 * compare-and-set that nothing can race past, and {@link #acknowledge()} clears every cause at once,
 * so an emergency stop can never land between clearing a flag and clearing the latch.
 */
public final class SafetyLatch {

    /** Why the latch is set. */
    public enum Cause {
        /** Someone pressed an emergency stop (SR-13). */
        EMERGENCY_STOP,
        /** A high-priority fault: over-vacuum, sensor fault, lost or silent device, failing tick, ... */
        FAULT,
        /** The control loop stopped ticking (SR-10); it cannot be acknowledged while the loop is stopped. */
        LOOP_STOPPED
    }

    private static final Cause[] CAUSES = Cause.values();

    private final AtomicInteger causes = new AtomicInteger();

    /**
     * Sets the latch for a cause. Allocation-free, safe from any thread including the control thread.
     *
     * @return true when this cause was not latched before (the first press of an emergency stop,
     *         for example); false when it already was
     */
    public boolean latch(Cause cause) {
        int bit = 1 << cause.ordinal();
        while (true) {
            int before = causes.get();
            if ((before & bit) != 0) {
                return false;
            }
            if (causes.compareAndSet(before, before | bit)) {
                return true;
            }
        }
    }

    /** True while any cause is latched: every link reads vent. */
    public boolean isSet() {
        return causes.get() != 0;
    }

    public boolean isLatched(Cause cause) {
        return (causes.get() & (1 << cause.ordinal())) != 0;
    }

    /** Clears every cause in one atomic step and returns the causes that were latched. */
    public Set<Cause> acknowledge() {
        return decode(causes.getAndSet(0));
    }

    /** The causes latched now. */
    public Set<Cause> causes() {
        return decode(causes.get());
    }

    private static Set<Cause> decode(int bits) {
        Set<Cause> set = EnumSet.noneOf(Cause.class);
        for (Cause cause : CAUSES) {
            if ((bits & (1 << cause.ordinal())) != 0) {
                set.add(cause);
            }
        }
        return set;
    }
}
