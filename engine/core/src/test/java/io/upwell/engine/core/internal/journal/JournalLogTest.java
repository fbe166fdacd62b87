package io.upwell.engine.core.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.engine.core.internal.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the journal tells the log: each kind of failure once at error level, and what recovery found. */
@Tag("SR-16")
class JournalLogTest {
    @TempDir
    Path dataDirectory;

    @Test
    void eachKindOfFailureIsLoggedAsAnErrorOnceSoAFullDiskDoesNotFloodTheLog() {
        JournalHealth health = new JournalHealth();
        try (LogCapture log = new LogCapture()) {
            health.report(JournalError.Kind.WRITE, null, "first-write-failure");
            health.report(JournalError.Kind.WRITE, null, "second-write-failure");
            health.report(JournalError.Kind.FORCE, null, "first-force-failure");
            assertTrue(log.hasLine("ERROR", "first-write-failure"), log.text());
            assertFalse(log.hasLine("second-write-failure"), "at debug level, which is not shown");
            assertTrue(log.hasLine("ERROR", "first-force-failure"), "another kind is logged again");
        }
        assertEquals("first-force-failure", health.lastError().orElseThrow().message(), "the latest is kept");
    }

    @Test
    void recoveryLogsEachSessionItSettledAndTheLinesItSkipped() throws Exception {
        Path sessions = Files.createDirectories(dataDirectory.resolve("sessions"));
        Files.writeString(sessions.resolve("s-clean.jsonl"), "{\"type\":\"session-start\"}\n");
        Files.writeString(sessions.resolve("s-torn.jsonl"), "{\"type\":\"session-start\"}\n{\"type\":\"sta");
        JsonLinesJournal journal = new JsonLinesJournal(dataDirectory, Duration.ofMillis(100), 16);
        try (LogCapture log = new LogCapture()) {
            assertEquals(List.of("s-clean", "s-torn"), journal.recoverUnfinished());
            assertTrue(log.hasLine("WARN", "Session s-torn did not end", "(1 unreadable line(s) skipped)"), log.text());
            assertTrue(log.hasLine("WARN", "Session s-clean did not end"), log.text());
            assertFalse(log.hasLine("s-clean", "unreadable"), log.text());
        } finally {
            journal.close();
        }
    }
}
