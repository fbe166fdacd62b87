package io.upwell.engine.core.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's options at their bounds: a flush interval of 10 ms to 1 s (SR-16), a buffer of 1 to 2^24 samples. */
@Tag("SR-16")
class JournalOptionsTest {
    @TempDir
    Path dataDirectory;

    @Test
    void theShortestFlushIntervalAndTheSmallestBufferAreAccepted() {
        JsonLinesJournal journal = new JsonLinesJournal(dataDirectory, JsonLinesJournal.MIN_FLUSH_INTERVAL, 1);
        try {
            assertEquals(dataDirectory.toAbsolutePath(), journal.dataDirectory());
            assertEquals(1, journal.sampleBufferCapacity());
        } finally {
            journal.close();
        }
    }

    @Test
    void anIntervalBelowTenMillisecondsOrABufferAbove2To24IsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new JsonLinesJournal(dataDirectory, Duration.ofMillis(9), 16));
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> new JsonLinesJournal(dataDirectory, Duration.ofMillis(500), JsonLinesJournal.MAX_SAMPLE_BUFFER_CAPACITY + 1));
        assertEquals("journal sampleBufferCapacity must be between 1 and 16777216, got 16777217", tooBig.getMessage());
    }

    @Test
    void aMissingDirectoryIsRefusedByName() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new JsonLinesJournal(null, Duration.ofMillis(500), 16));
        assertEquals("journal data directory must not be null", none.getMessage());
    }
}
