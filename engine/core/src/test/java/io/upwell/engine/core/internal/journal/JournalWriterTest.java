package io.upwell.engine.core.internal.journal;

import static io.upwell.engine.core.internal.journal.JournalFiles.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's body run on the test's thread: the records it finds queued, what it does with a
 * session's records, and that it holds no file open longer than it must.
 */
@Tag("SR-16")
class JournalWriterTest {
    @TempDir
    Path dir;
    Path sessions;
    final Queue<JournalRecord> records = new ConcurrentLinkedQueue<>();
    final SampleRing samples = new SampleRing(4);
    final JournalHealth health = new JournalHealth();

    @BeforeEach
    void setUp() throws IOException {
        sessions = Files.createDirectories(dir.resolve("sessions"));
    }

    private JournalWriter writer(BooleanSupplier stop) throws IOException {
        return new JournalWriter(sessions, JournalFile.openForAppend(dir.resolve("engine.jsonl")), samples, records,
                new JournalLines(JournalGson.create(), health), health, 20_000_000L, stop);
    }

    private void queue(JournalRecord.Kind kind, String session, String type) {
        records.add(new JournalRecord(kind, session, type, Instant.now(), Map.of(), samples.publishedCount()));
    }

    private static List<String> types(List<JsonObject> records) {
        return records.stream().map(r -> r.get("type").getAsString()).toList();
    }

    /** The files under the test's directory this process holds open now (Linux: /proc/self/fd). */
    private List<Path> openFiles() throws IOException {
        List<Path> open = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.startsWith(dir.toRealPath())) {
                        open.add(target);
                    }
                } catch (IOException | UnsupportedOperationException gone) {
                    // closed while listed
                }
            }
        }
        return open;
    }

    @Test
    void aRecordForASessionWhoseBeginItHasNotSeenStillGoesToThatSessionsFile() throws Exception {
        // A begin racing another thread's event can reach the queue after it.
        queue(JournalRecord.Kind.EVENT, "s-1", "state");
        queue(JournalRecord.Kind.BEGIN, "s-1", JsonLinesJournal.SESSION_START);
        queue(JournalRecord.Kind.END, "s-1", JsonLinesJournal.SESSION_END);
        writer(() -> true).run();
        assertEquals(List.of("state", "session-start", "session-end"),
                types(records(sessions.resolve("s-1.jsonl"))));
        assertTrue(health.healthy());
        assertEquals(0, health.lostRecords());
    }

    @Test
    void samplesOfASessionBegunWhileTheWriterFoundTheQueueEmptyGoToItsFile() throws Exception {
        // The producer begins a session and samples it just after the writer found no record waiting:
        // those samples wait for the begin, instead of being drained with no session file open and lost.
        Queue<JournalRecord> racing = new ConcurrentLinkedQueue<>() {
            private boolean begun;

            @Override
            public JournalRecord poll() {
                JournalRecord next = super.poll();
                if (next == null && !begun) {
                    begun = true;
                    add(new JournalRecord(JournalRecord.Kind.BEGIN, "s-1", JsonLinesJournal.SESSION_START,
                            Instant.now(), Map.of(), samples.publishedCount()));
                    samples.put(1_000_000L, System.currentTimeMillis(), 0, 10.0, 9.5);
                    samples.put(2_000_000L, System.currentTimeMillis(), 0, 11.0, 10.5);
                    add(new JournalRecord(JournalRecord.Kind.END, "s-1", JsonLinesJournal.SESSION_END,
                            Instant.now(), Map.of(), samples.publishedCount()));
                }
                return next;
            }
        };
        new JournalWriter(sessions, JournalFile.openForAppend(dir.resolve("engine.jsonl")), samples, racing,
                new JournalLines(JournalGson.create(), health), health, 20_000_000L, () -> true).run();

        assertEquals(List.of("session-start", "sample", "sample", "session-end"),
                types(records(sessions.resolve("s-1.jsonl"))));
    }

    @Test
    void anEndedSessionsFileIsReleasedAtOnceAndEveryOtherWhenTheWriterStops() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc to see open files");
        queue(JournalRecord.Kind.BEGIN, "s-1", JsonLinesJournal.SESSION_START);
        queue(JournalRecord.Kind.END, "s-1", JsonLinesJournal.SESSION_END);
        queue(JournalRecord.Kind.BEGIN, "s-2", JsonLinesJournal.SESSION_START);
        queue(JournalRecord.Kind.EVENT, null, "engine-start");
        AtomicInteger checks = new AtomicInteger();
        List<List<Path>> openMidway = new ArrayList<>();
        writer(() -> {
            if (checks.incrementAndGet() == 1) {
                return false; // one pass over what is queued
            }
            try {
                openMidway.add(openFiles());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return true;
        }).run();
        List<Path> midway = openMidway.get(0);
        assertFalse(midway.contains(sessions.toRealPath().resolve("s-1.jsonl")), "s-1 ended: " + midway);
        assertTrue(midway.contains(sessions.toRealPath().resolve("s-2.jsonl")), "s-2 runs: " + midway);
        assertTrue(midway.contains(dir.toRealPath().resolve("engine.jsonl")), midway.toString());
        assertEquals(List.of(), openFiles(), "the stopped writer holds no file");
        assertEquals(List.of("session-start", "session-end"), types(records(sessions.resolve("s-1.jsonl"))));
        assertEquals(List.of("session-start"), types(records(sessions.resolve("s-2.jsonl"))));
        assertEquals(List.of("engine-start"), types(records(dir.resolve("engine.jsonl"))));
    }

    @Test
    void samplesLostBeforeARecordAreCountedOnThatRecordAndLaterOnesOnTheNextSample() throws Exception {
        queue(JournalRecord.Kind.BEGIN, "s-1", JsonLinesJournal.SESSION_START);
        for (int i = 0; i < 4; i++) {
            samples.put(i * 1_000_000L, 0, 0, i, i);
        }
        queue(JournalRecord.Kind.EVENT, "s-1", "state"); // after the first four samples
        for (int i = 4; i < 10; i++) {
            samples.put(i * 1_000_000L, 0, 0, i, i); // the ring holds four: these overwrite the first ones
        }
        writer(() -> true).run();
        List<JsonObject> written = records(sessions.resolve("s-1.jsonl"));
        assertEquals(List.of("session-start", "state", "sample", "sample", "sample", "sample"), types(written));
        assertEquals(4, written.get(1).get("dropped").getAsLong(), "the four before the record were lost");
        assertEquals(2, written.get(2).get("dropped").getAsLong(), "and two more before the first survivor");
        assertEquals(6.0, written.get(2).get("cmd").getAsDouble());
        assertFalse(written.get(3).has("dropped"));
    }

    @Test
    void aRecordTheWriterCannotHandleCostsOnlyItself() throws Exception {
        queue(JournalRecord.Kind.EVENT, null, "before");
        records.add(new JournalRecord(JournalRecord.Kind.EVENT, null, "broken", Instant.now(), null, 0));
        queue(JournalRecord.Kind.EVENT, null, "after");
        writer(() -> true).run();
        assertEquals(List.of("before", "after"), types(records(dir.resolve("engine.jsonl"))));
        assertEquals(1, health.lostRecords());
        assertEquals(JournalError.Kind.WRITER, health.lastError().orElseThrow().kind());
    }
}
