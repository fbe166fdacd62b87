package io.upwell.engine.rest.internal.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last events of the stream, oldest evicted first, so that a client that reconnects with the id
 * of the last event it saw gets exactly the events after it. Not thread-safe: the hub guards it.
 */
final class EventRing {

    private final int capacity;
    private final ArrayDeque<StreamEvent> events;

    EventRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("ring capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.events = new ArrayDeque<>(capacity);
    }

    void add(StreamEvent event) {
        if (events.size() == capacity) {
            events.removeFirst();
        }
        events.addLast(event);
    }

    int size() {
        return events.size();
    }

    int capacity() {
        return capacity;
    }

    /** The id of the oldest event kept, or 0 when none is. */
    long oldestId() {
        return events.isEmpty() ? 0 : events.peekFirst().id();
    }

    /**
     * Every event after {@code lastSeen}, oldest first; empty when the ring cannot say (an event after
     * {@code lastSeen} was already evicted, or {@code lastSeen} is beyond the newest event {@code newestId}
     * of this run).
     */
    Optional<List<StreamEvent>> after(long lastSeen, long newestId) {
        if (lastSeen < 0 || lastSeen > newestId) {
            return Optional.empty();
        }
        if (lastSeen == newestId) {
            return Optional.of(List.of());
        }
        if (events.isEmpty() || events.peekFirst().id() > lastSeen + 1) {
            return Optional.empty();
        }
        List<StreamEvent> missed = new ArrayList<>();
        for (StreamEvent event : events) {
            if (event.id() > lastSeen) {
                missed.add(event);
            }
        }
        return Optional.of(missed);
    }
}
