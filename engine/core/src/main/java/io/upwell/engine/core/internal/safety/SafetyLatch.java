package io.upwell.engine.core.internal.safety;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The machine's latch (latch, never auto-resume): set by an emergency stop or a fault, cleared only
 * by an operator's acknowledgement, in one atomic step. Every device link reads it, so while it is
 * set every channel of every device reads as vented, whatever a tick in flight or a session being
 * started may command.
 * <p>
 * It belongs to the machine, not to an engine: the runtime that replaces the engine on a
 * configuration change hands the same latch to the next engine, so reconfiguring never clears it.
 * <p>
 * It remembers why it is set (a set of {@link Cause}s) and how often it was set, in one atomic word: latching is one
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
    private static final long CAUSE_BITS = (1L << CAUSES.length) - 1;
    private static final long ONE_GENERATION = 1L << CAUSES.length;

    /**
     * The causes in the low bits and, above them, the generation: how many times a cause was newly
     * latched. One word, so that clearing "if nothing was latched since" is one compare-and-set.
     */
    private final AtomicLong word = new AtomicLong();

    /**
     * Sets the latch for a cause. Allocation-free, safe from any thread including the control thread.
     *
     * @return true when this cause was not latched before (the first press of an emergency stop,
     *         for example); false when it already was
     */
    public boolean latch(Cause cause) {
        long bit = 1L << cause.ordinal();
        while (true) {
            long before = word.get();
            if ((before & bit) != 0) {
                return false;
            }
            if (word.compareAndSet(before, (before | bit) + ONE_GENERATION)) {
                return true;
            }
        }
    }

    /** True while any cause is latched: every link reads vent. */
    public boolean isSet() {
        return (word.get() & CAUSE_BITS) != 0;
    }

    public boolean isLatched(Cause cause) {
        return (word.get() & (1L << cause.ordinal())) != 0;
    }

    /**
     * How many times a cause was newly latched since the machine started: it changes with every
     * latching that sets a cause not set before, and never otherwise.
     */
    public long generation() {
        return word.get() >>> CAUSES.length;
    }

    /** Clears every cause in one atomic step and returns the causes that were latched. */
    public Set<Cause> acknowledge() {
        long before;
        do {
            before = word.get();
        } while (!word.compareAndSet(before, before & ~CAUSE_BITS));
        return decode(before);
    }

    /**
     * Clears every cause in one atomic step, but only when no cause was newly latched since
     * {@code generation} was read: an acknowledgement given for the alarms someone saw never clears
     * a latch set after them.
     *
     * @return the causes that were latched, or null when the latch changed since (nothing cleared)
     */
    public Set<Cause> acknowledgeIf(long generation) {
        while (true) {
            long before = word.get();
            if (before >>> CAUSES.length != generation) {
                return null;
            }
            if (word.compareAndSet(before, before & ~CAUSE_BITS)) {
                return decode(before);
            }
        }
    }

    /** The causes latched now. */
    public Set<Cause> causes() {
        return decode(word.get());
    }

    private static Set<Cause> decode(long bits) {
        Set<Cause> set = EnumSet.noneOf(Cause.class);
        for (Cause cause : CAUSES) {
            if ((bits & (1L << cause.ordinal())) != 0) {
                set.add(cause);
            }
        }
        return set;
    }
}
