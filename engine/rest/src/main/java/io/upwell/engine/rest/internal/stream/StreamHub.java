package io.upwell.engine.rest.internal.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live stream's events and clients. Every event gets the next id of this run, goes into the
 * replay ring and is offered to every client; a client that cannot take it (its queue is full) is
 * dropped and counted. Publishing never waits on a client, so the engine's event thread, which
 * publishes, is never held up by a slow one.
 * <p>
 * A client subscribes with the id of the last event it saw (the {@code Last-Event-ID} header of a
 * reconnecting EventSource), or none. It then gets exactly the events after that id from the ring,
 * followed by every new one, with no gap and no repeat; without an id, or with one the ring no longer
 * reaches, it is told to begin afresh (a {@code hello} with the current state, after a {@code reset}
 * when it had asked for events the ring lost).
 */
public final class StreamHub {

    private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);

    /** How a subscription begins. */
    public sealed interface Start permits Resumed, Fresh {
    }

    /** The client resumes after its last event: the missed events are queued already. */
    public record Resumed(int replayed) implements Start {
    }

    /**
     * The client begins with a hello of the state at event {@code atId}; {@code reset} says why its own
     * last event id could not be resumed from, or is null for a client that gave none.
     */
    public record Fresh(long atId, String reset) implements Start {
    }

    private final EventRing ring;
    private final int clientQueue;
    private final Set<StreamClient> clients = new CopyOnWriteArraySet<>();
    private final AtomicLong dropped = new AtomicLong();
    private long lastId;

    /**
     * @param ringCapacity how many events are kept for replay
     * @param clientQueue  how many frames a client may fall behind by, beyond its replay, before it is dropped
     */
    public StreamHub(int ringCapacity, int clientQueue) {
        this.ring = new EventRing(ringCapacity);
        this.clientQueue = clientQueue;
    }

    /** Numbers the event, keeps it for replay and offers it to every client; returns its id. */
    public long publish(String type, String json) {
        List<StreamClient> behind = new ArrayList<>();
        long id;
        synchronized (this) {
            id = ++lastId;
            StreamEvent event = StreamEvent.numbered(id, type, json);
            ring.add(event);
            for (StreamClient client : clients) {
                if (!client.offer(event.frame())) {
                    behind.add(client);
                }
            }
        }
        behind.forEach(this::drop);
        return id;
    }

    /** A comment to every client, so that an idle connection shows it is alive. */
    public void heartbeat() {
        List<StreamClient> behind = new ArrayList<>();
        byte[] frame = StreamEvent.comment("heartbeat").frame();
        for (StreamClient client : clients) {
            if (!client.offer(frame)) {
                behind.add(client);
            }
        }
        behind.forEach(this::drop);
    }

    /**
     * Adds a client. Under the same lock as {@link #publish}, so that nothing published falls between
     * the replay (or the hello's id) and the first event queued live.
     *
     * @param lastEventId the client's {@code Last-Event-ID}, or null
     */
    public Start subscribe(StreamClient client, String lastEventId) {
        synchronized (this) {
            Long lastSeen = parse(lastEventId);
            Optional<List<StreamEvent>> missed = lastSeen == null ? Optional.empty() : ring.after(lastSeen, lastId);
            Start start;
            if (missed.isPresent()) {
                client.limit(missed.get().size() + clientQueue);
                for (StreamEvent event : missed.get()) {
                    client.offer(event.frame());
                }
                start = new Resumed(missed.get().size());
            } else {
                client.limit(clientQueue + 2); // room for the reset and the hello put before the live events
                start = new Fresh(lastId, lastEventId == null || lastEventId.isBlank() ? null
                        : resetReason(lastEventId, lastSeen));
            }
            client.whenClosed(() -> remove(client));
            clients.add(client);
            return start;
        }
    }

    private String resetReason(String given, Long lastSeen) {
        if (lastSeen == null) {
            return "Last-Event-ID " + given.strip() + " is not an event id of this stream";
        }
        if (lastSeen > lastId) {
            return "event " + lastSeen + " is not of this run of the engine's stream (its last event is " + lastId + ")";
        }
        return "the events after " + lastSeen + " are no longer kept (the oldest kept is " + ring.oldestId() + ")";
    }

    private static Long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The client is gone (it closed the connection, or was dropped). */
    void remove(StreamClient client) {
        clients.remove(client);
    }

    private void drop(StreamClient client) {
        if (clients.remove(client)) {
            dropped.incrementAndGet();
            LOG.warn("live stream: {} fell behind by more than {} events and was disconnected", client.name(),
                    clientQueue);
        }
        client.close();
    }

    public int clients() {
        return clients.size();
    }

    public long dropped() {
        return dropped.get();
    }

    public synchronized long lastId() {
        return lastId;
    }

    int ringCapacity() {
        return ring.capacity();
    }
}
