package io.upwell.devices.magneticcups.internal;

import io.upwell.devices.protocol.Fault;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Tells a new fault from a repeat. A device sends each fault at least three times, 500 ms apart, and
 * every 500 ms while its condition lasts (docs/protocol.md, "Faults"), because a FAULT frame may be
 * lost to noise; the host takes a repeat of a fault it already holds as the same fault, so that the
 * engine hears of it once.
 * <p>
 * A fault (its code and channel) is a repeat while it was last seen less than {@link #SAME_FAULT_NANOS}
 * ago: three repeat periods, so that one or two lost repeats do not make it new. Used on the line's
 * reader thread only.
 */
final class FaultReports {
    /** How long after its last report a fault is still the same fault. */
    static final long SAME_FAULT_NANOS = TimeUnit.MILLISECONDS.toNanos(1500);

    private final Map<Integer, Long> lastSeen = new HashMap<>();

    /** True for a fault the host does not hold yet; either way it is now held until it goes quiet. */
    boolean isNew(Fault fault, long nowNanos) {
        Long before = lastSeen.put(fault.code() << 8 | fault.channel(), nowNanos);
        return before == null || nowNanos - before > SAME_FAULT_NANOS;
    }

    /** A new opening of the line: every fault is news again. */
    void forget() {
        lastSeen.clear();
    }
}
