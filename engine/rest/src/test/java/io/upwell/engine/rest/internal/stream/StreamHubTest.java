package io.upwell.engine.rest.internal.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The live stream's logic driven directly, without a network: ids, replay from the ring, reset when
 * too old, per-client queues that never block the publisher, and slow clients dropped and counted.
 */
class StreamHubTest {

    /** Runs writers only when the test says, as a container would later. */
    private final Queue<Runnable> executor = new ArrayDeque<>();

    /** A client's output: takes writes while {@code ready}, records what it got. */
    private static final class ListSink implements Sink {
        boolean ready = true;
        boolean closed;
        final StringBuilder written = new StringBuilder();
        int flushes;

        @Override
        public boolean isReady() {
            return ready && !closed;
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            if (!ready) {
                throw new AssertionError("written while not ready");
            }
            written.append(new String(bytes, StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
            closed = true;
        }

        List<Long> ids() {
            List<Long> ids = new ArrayList<>();
            Matcher id = Pattern.compile("(?m)^id: (\\d+)$").matcher(written);
            while (id.find()) {
                ids.add(Long.parseLong(id.group(1)));
            }
            return ids;
        }

        List<String> events() {
            List<String> names = new ArrayList<>();
            Matcher event = Pattern.compile("(?m)^event: (\\w+)$").matcher(written);
            while (event.find()) {
                names.add(event.group(1));
            }
            return names;
        }
    }

    private StreamClient connect(StreamHub hub, ListSink sink, String lastEventId) {
        StreamClient client = new StreamClient("test", executor::add);
        client.attach(sink);
        StreamHub.Start start = hub.subscribe(client, lastEventId);
        if (start instanceof StreamHub.Fresh fresh) {
            client.prepend(StreamEvent.hello(fresh.atId(), "{}", 2000).frame());
            if (fresh.reset() != null) {
                client.prepend(StreamEvent.unnumbered("reset", "{\"reason\":\"x\"}").frame());
            }
        }
        client.writePossible(); // the container's first call once the write listener is set
        return client;
    }

    private void runWriters() {
        Runnable task;
        while ((task = executor.poll()) != null) {
            task.run();
        }
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void eventsAreNumberedOneByOneAndFramedAsServerSentEvents() {
        StreamHub hub = new StreamHub(600, 16);
        ListSink sink = new ListSink();
        connect(hub, sink, null);
        assertEquals(1, hub.publish("sample", "{\"a\":1}"));
        assertEquals(2, hub.publish("alarm", "{\"b\":2}"));
        runWriters();
        assertEquals("retry: 2000\nid: 0\nevent: hello\ndata: {}\n\nid: 1\nevent: sample\ndata: {\"a\":1}\n\n"
                + "id: 2\nevent: alarm\ndata: {\"b\":2}\n\n", sink.written.toString());
        assertTrue(sink.flushes > 0, "what was written is flushed");
    }

    @Test
    void aClientThatReconnectsWithItsLastIdGetsExactlyTheEventsItMissed() {
        StreamHub hub = new StreamHub(600, 1000);
        ListSink first = new ListSink();
        StreamClient client = connect(hub, first, null);
        for (int i = 0; i < 40; i++) {
            hub.publish("sample", "{}");
        }
        runWriters();
        long lastSeen = first.ids().get(first.ids().size() - 1);
        client.close(); // the connection drops
        runWriters();
        for (int i = 0; i < 25; i++) {
            hub.publish("sample", "{}"); // published while it was away
        }
        ListSink second = new ListSink();
        StreamClient again = new StreamClient("again", executor::add);
        again.attach(second);
        assertEquals(new StreamHub.Resumed(25), hub.subscribe(again, Long.toString(lastSeen)));
        again.writePossible();
        hub.publish("session", "{}");
        runWriters();
        assertEquals(range(lastSeen + 1, lastSeen + 26), second.ids(), "no gap and no repeat");
        assertFalse(second.events().contains("hello"), "a resumed client gets no hello");
        assertEquals(range(0, 40), first.ids());
    }

    @Test
    void anIdTheRingNoLongerReachesBeginsAfreshWithAResetThenAHello() {
        StreamHub hub = new StreamHub(600, 10_000);
        for (int i = 0; i < 1000; i++) {
            hub.publish("sample", "{}");
        }
        ListSink old = new ListSink();
        connect(hub, old, "300"); // 301 to 400 are gone: the ring keeps 401 to 1000
        runWriters();
        assertEquals(List.of("reset", "hello"), old.events());
        assertEquals(List.of(1000L), old.ids(), "the hello carries the last event's id");
        ListSink edge = new ListSink();
        connect(hub, edge, "400"); // 401 is the oldest kept: exactly resumable
        runWriters();
        assertEquals(range(401, 1000), edge.ids());
        for (String strange : new String[] {"1001", "-1", "abc", ""}) {
            ListSink sink = new ListSink();
            connect(hub, sink, strange);
            runWriters();
            assertEquals(strange.isEmpty() ? List.of("hello") : List.of("reset", "hello"), sink.events(), strange);
        }
    }

    @Test
    void theRingKeepsAtLeastAMinuteOfSamplesAtTenPerSecond() {
        StreamHub hub = new StreamHub(600, 10_000);
        for (int i = 0; i < 600; i++) {
            hub.publish("sample", "{}");
        }
        StreamClient client = new StreamClient("x", executor::add);
        client.attach(new ListSink());
        assertEquals(new StreamHub.Resumed(600), hub.subscribe(client, "0"));
        assertInstanceOf(StreamHub.Fresh.class, hub.subscribe(new StreamClient("y", executor::add), null));
    }

    @Test
    void aClientThatStopsReadingIsDroppedAndCountedWhileOthersGetEverything() {
        StreamHub hub = new StreamHub(600, 32);
        ListSink stalled = new ListSink();
        ListSink reader = new ListSink();
        StreamClient slow = connect(hub, stalled, null);
        connect(hub, reader, null);
        runWriters();
        stalled.ready = false; // its socket is full: nothing more can be written to it
        for (int i = 0; i < 200; i++) {
            hub.publish("sample", "{}"); // never blocks, whatever the stalled client does
            runWriters();
        }
        assertTrue(slow.isClosed());
        assertTrue(stalled.closed, "its response was ended");
        assertEquals(1, hub.dropped());
        assertEquals(1, hub.clients());
        assertEquals(range(0, 200), reader.ids());
        assertTrue(stalled.ids().size() <= 1, "nothing was written to it once it stalled: " + stalled.ids());
    }

    @Test
    void aClientThatCatchesUpBeforeItsQueueIsFullIsKept() {
        StreamHub hub = new StreamHub(600, 32);
        ListSink sink = new ListSink();
        StreamClient client = connect(hub, sink, null);
        runWriters();
        sink.ready = false;
        for (int i = 0; i < 30; i++) {
            hub.publish("sample", "{}");
        }
        assertEquals(30, client.queued());
        sink.ready = true;
        client.writePossible(); // the container says it can take more
        assertEquals(0, client.queued());
        assertEquals(range(0, 30), sink.ids());
        assertEquals(0, hub.dropped());
    }

    @Test
    void heartbeatsReachEveryClientAsComments() {
        StreamHub hub = new StreamHub(600, 8);
        ListSink sink = new ListSink();
        connect(hub, sink, null);
        hub.heartbeat();
        runWriters();
        assertTrue(sink.written.toString().endsWith("\n\n: heartbeat\n\n"), sink.written.toString());
    }

    @Test
    void aClientThatLeftIsRemovedAndNotCountedAsDropped() {
        StreamHub hub = new StreamHub(600, 8);
        StreamClient client = connect(hub, new ListSink(), null);
        assertEquals(1, hub.clients());
        client.close();
        runWriters();
        assertEquals(0, hub.clients());
        assertEquals(0, hub.dropped());
        hub.publish("sample", "{}");
        assertEquals(0, hub.dropped());
    }
}
