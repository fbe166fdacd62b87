package io.upwell.engine.core.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A journal failure says what the journal was doing, on which file, what went wrong and when. */
class JournalErrorTest {
    private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void itSaysWhatFailedOnWhichFileAndWhen() {
        JournalError error = new JournalError(JournalError.Kind.FORCE, Path.of("data", "s.jsonl"), "disk full", AT);
        assertEquals("forcing a journal file to disk (" + Path.of("data", "s.jsonl") + ") failed at 2026-11-24T12:00:00Z: disk full",
                error.toString());
    }

    @Test
    void withoutAFileItNamesNone() {
        JournalError error = new JournalError(JournalError.Kind.WRITER, null, "stopped", AT);
        assertEquals("running the journal's writer thread failed at 2026-11-24T12:00:00Z: stopped", error.toString());
    }

    @Test
    void healthKeepsTheLatestFailureNamingTheExceptionAndCountsLostRecords() {
        JournalHealth health = new JournalHealth();
        assertTrue(health.healthy());
        health.report(JournalError.Kind.WRITE, null, new IOException("no space left"));
        assertEquals("IOException: no space left", health.lastError().orElseThrow().message());
        health.report(JournalError.Kind.WRITE, null, new IOException());
        assertEquals("java.io.IOException", health.lastError().orElseThrow().message(),
                "an exception without a message is named by its class");
        assertFalse(health.healthy());
        health.recordLost();
        health.recordLost();
        assertEquals(2, health.lostRecords());
    }
}
