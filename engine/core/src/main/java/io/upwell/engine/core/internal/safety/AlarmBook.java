package io.upwell.engine.core.internal.safety;

import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmState;
import io.upwell.api.safety.AlarmStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every alarm's life on this machine: raised, acknowledged, cleared. Like the {@link SafetyLatch},
 * it belongs to the machine and outlives an engine replaced by a reconfiguration, so the alarms
 * that hold the latch can still be acknowledged by name afterwards.
 * <p>
 * Not thread-safe on its own: its one user (the engine's alarm desk) holds the book's monitor for
 * each step, together with the latch operations that must not interleave with it.
 */
public final class AlarmBook {
    /** How many alarms the book keeps; cleared ones go first, then the oldest notices. The journal keeps all. */
    public static final int KEPT = 1000;

    private final String idPrefix;
    private final AtomicLong counter = new AtomicLong();
    private final Map<String, AlarmStatus> statuses = new LinkedHashMap<>();
    /** The latch's generation when the newest latching alarm was recorded. */
    private long seenGeneration = -1;

    /** @param startedAt when the machine started: alarm ids stay unique across restarts */
    public AlarmBook(Instant startedAt) {
        this.idPrefix = "al-" + Long.toString(startedAt.getEpochSecond(), 36) + "-";
    }

    public String nextId() {
        return idPrefix + counter.incrementAndGet();
    }

    public AlarmStatus add(Alarm alarm, String sessionId) {
        AlarmStatus status = new AlarmStatus(alarm, sessionId, AlarmState.RAISED, "", null, null);
        statuses.put(alarm.id(), status);
        prune();
        return status;
    }

    public AlarmStatus get(String id) {
        return statuses.get(id);
    }

    public AlarmStatus acknowledge(String id, String by, Instant at) {
        AlarmStatus was = statuses.get(id);
        AlarmStatus now = new AlarmStatus(was.alarm(), was.sessionId(), AlarmState.ACKNOWLEDGED, by, at, null);
        statuses.put(id, now);
        return now;
    }

    public AlarmStatus clear(String id, Instant at) {
        AlarmStatus was = statuses.get(id);
        AlarmStatus now = new AlarmStatus(was.alarm(), was.sessionId(), AlarmState.CLEARED, was.acknowledgedBy(),
                was.acknowledgedAt(), at);
        statuses.put(id, now);
        return now;
    }

    /** Alarms not cleared yet, oldest first. */
    public List<AlarmStatus> active() {
        return statuses.values().stream().filter(AlarmStatus::active).toList();
    }

    /** True while a latching alarm waits for acknowledgement. */
    public boolean latchingRaised() {
        return statuses.values().stream()
                .anyMatch(s -> s.state() == AlarmState.RAISED && s.alarm().latching());
    }

    public void sawLatch(long generation) {
        seenGeneration = generation;
    }

    /** The latch's generation when the newest latching alarm was recorded, or -1 before any. */
    public long seenGeneration() {
        return seenGeneration;
    }

    private void prune() {
        if (statuses.size() <= KEPT) {
            return;
        }
        dropOldest(s -> s.state() == AlarmState.CLEARED);
        if (statuses.size() > KEPT) { // a flood of notices nobody acknowledged: the journal has them
            dropOldest(s -> !s.alarm().latching());
        }
    }

    private void dropOldest(java.util.function.Predicate<AlarmStatus> which) {
        Iterator<AlarmStatus> oldestFirst = new ArrayList<>(statuses.values()).iterator();
        while (statuses.size() > KEPT && oldestFirst.hasNext()) {
            AlarmStatus status = oldestFirst.next();
            if (which.test(status)) {
                statuses.remove(status.id());
            }
        }
    }
}
