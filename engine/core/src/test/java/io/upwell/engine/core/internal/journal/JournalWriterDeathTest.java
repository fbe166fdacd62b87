package io.upwell.engine.core.internal.journal;

import static io.upwell.engine.core.internal.journal.JournalFiles.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer thread itself: a daemon of its own, and what close reports when it is gone. */
@Tag("SR-16")
class JournalWriterDeathTest {
    @TempDir
    Path dataDirectory;

    @Test
    void theJournalsOwnWriterIsADaemonThread() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        JsonLinesJournal journal = new JsonLinesJournal(dataDirectory, Duration.ofMillis(100), 16);
        try {
            List<Thread> writers = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.getName().equals("upwell-journal")).toList();
            assertEquals(1, writers.size());
            assertTrue(writers.get(0).isDaemon(), "it never keeps the JVM alive");
        } finally {
            journal.close();
        }
    }

    @Test
    void recordsLeftBehindByADeadWriterAreReportedAtClose() {
        JsonLinesJournal journal = new JsonLinesJournal(dataDirectory, Duration.ofMillis(100), 16);
        List<Object> endless = new ArrayList<>();
        endless.add(endless); // converting it overflows the writer's stack: an Error, which ends the thread
        journal.event(null, "fatal", Map.of("value", endless));
        JournalFiles.await("the writer died", () -> !journal.writerRunning());
        assertEquals(JournalError.Kind.WRITER, journal.lastError().orElseThrow().kind());
        journal.event(null, "unwritten-1", Map.of());
        journal.event(null, "unwritten-2", Map.of());
        journal.close();
        JournalError error = journal.lastError().orElseThrow();
        assertEquals(JournalError.Kind.AFTER_CLOSE, error.kind());
        assertEquals("2 record(s) handed in while the journal closed were not written", error.message());
        assertEquals(List.of(), records(journal.engineFile()));
    }

    @Test
    void recordsWithoutFieldsAreWrittenWithNone() {
        JsonLinesJournal journal = new JsonLinesJournal(dataDirectory, Duration.ofMillis(100), 16);
        journal.begin("s-1", null);
        journal.event("s-1", "state", null);
        journal.end("s-1", null);
        journal.event(null, "engine-stop", null);
        journal.close();
        assertTrue(journal.healthy());
        assertEquals(3, records(journal.sessionFile("s-1")).size());
        assertEquals(Set.of("type", "time"), records(journal.engineFile()).get(0).keySet());
    }
}
