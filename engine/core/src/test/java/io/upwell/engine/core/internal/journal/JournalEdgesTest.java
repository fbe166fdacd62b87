package io.upwell.engine.core.internal.journal;

import static io.upwell.engine.core.internal.journal.JournalFiles.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's edges: its limits, records after close, and what a refusal says about the session. */
@Tag("SR-16")
class JournalEdgesTest {
    @TempDir
    Path dataDirectory;

    private final List<JsonLinesJournal> opened = new ArrayList<>();

    @AfterEach
    void closeJournals() {
        opened.forEach(JsonLinesJournal::close);
    }

    private JsonLinesJournal open() {
        JsonLinesJournal journal = new JsonLinesJournal(dataDirectory, Duration.ofMillis(100), 64);
        opened.add(journal);
        return journal;
    }

    private static List<String> types(List<JsonObject> records) {
        return records.stream().map(r -> r.get("type").getAsString()).toList();
    }

    @Test
    void aFlushIntervalOfExactlyOneSecondIsAccepted() {
        JsonLinesJournal journal = new JsonLinesJournal(dataDirectory, JsonLinesJournal.MAX_FLUSH_INTERVAL, 16);
        opened.add(journal);
        assertTrue(journal.healthy());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class, () -> new JsonLinesJournal(
                dataDirectory, JsonLinesJournal.MAX_FLUSH_INTERVAL.plusNanos(1), 16));
        assertTrue(tooLong.getMessage().contains("between 10 ms and 1000 ms"), tooLong.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new JsonLinesJournal(dataDirectory, null, 16));
        assertTrue(none.getMessage().endsWith("got null"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new JsonLinesJournal(dataDirectory, Duration.ofMillis(500), 0));
    }

    @Test
    void recordsHandedInAfterCloseAreLostReportedAndNamed() {
        JsonLinesJournal journal = open();
        journal.begin("s-1", Map.of());
        journal.close();
        assertTrue(journal.healthy(), "closing is no failure");

        journal.event(null, "late", Map.of());
        JournalError error = journal.lastError().orElseThrow();
        assertEquals(JournalError.Kind.AFTER_CLOSE, error.kind());
        assertEquals("record late came after close", error.message());
        assertEquals(journal.dataDirectory(), error.path());
        journal.event("s-1", "state", Map.of());
        assertEquals("record state of session s-1 came after close", journal.lastError().orElseThrow().message());
        assertEquals(2, journal.lostRecords());
        assertFalse(journal.healthy());
        assertEquals(List.of("session-start"), types(records(journal.sessionFile("s-1"))));
    }

    @Test
    void anEventOfARunningSessionGoesToItsFileAsAnyOther() {
        JsonLinesJournal journal = open();
        journal.begin("s-1", Map.of());
        journal.eventOfSession("s-1", "alarm", Map.of("condition", "LEAK"));
        journal.eventOfSession(null, "alarm", Map.of("condition", "DEVICE_LOST"));
        journal.close();
        List<JsonObject> session = records(journal.sessionFile("s-1"));
        assertEquals(List.of("session-start", "alarm"), types(session));
        assertEquals("LEAK", session.get(1).get("condition").getAsString());
        assertFalse(session.get(1).has(JsonLinesJournal.FOR_SESSION));
        List<JsonObject> engine = records(journal.engineFile());
        assertEquals(List.of("alarm"), types(engine));
        assertEquals("DEVICE_LOST", engine.get(0).get("condition").getAsString());
        assertFalse(engine.get(0).has(JsonLinesJournal.FOR_SESSION), "an engine alarm concerns no session");
    }

    @Test
    void anEventOfASessionThatEndedWithoutFieldsStillNamesIt() {
        JsonLinesJournal journal = open();
        journal.begin("s-1", Map.of());
        journal.end("s-1", Map.of());
        journal.eventOfSession("s-1", "acknowledge", null);
        journal.close();
        List<JsonObject> engine = records(journal.engineFile());
        assertEquals(1, engine.size());
        assertEquals("s-1", engine.get(0).get(JsonLinesJournal.FOR_SESSION).getAsString());
    }

    @Test
    void aRefusedTypeNamesTheSessionOnlyWhenThereIsOne() {
        JsonLinesJournal journal = open();
        journal.begin("s-1", Map.of());
        IllegalArgumentException ofSession = assertThrows(IllegalArgumentException.class,
                () -> journal.event("s-1", " ", Map.of()));
        assertTrue(ofSession.getMessage().endsWith(" (session s-1)"), ofSession.getMessage());
        IllegalArgumentException ofEngine = assertThrows(IllegalArgumentException.class,
                () -> journal.event(null, null, Map.of()));
        assertTrue(ofEngine.getMessage().startsWith("journal event type null is blank or reserved"),
                ofEngine.getMessage());
        assertFalse(ofEngine.getMessage().contains("(session"), ofEngine.getMessage());
    }

    @Test
    void aFieldWithoutANameIsRefusedNamingTheSessionOnlyWhenThereIsOne() {
        JsonLinesJournal journal = open();
        Map<String, Object> unnamed = new HashMap<>();
        unnamed.put(null, 1);
        IllegalArgumentException ofSession = assertThrows(IllegalArgumentException.class,
                () -> journal.begin("s-1", unnamed));
        assertTrue(ofSession.getMessage().startsWith("journal record session-start of session s-1 has field null"),
                ofSession.getMessage());
        IllegalArgumentException ofEngine = assertThrows(IllegalArgumentException.class,
                () -> journal.event(null, "x", unnamed));
        assertTrue(ofEngine.getMessage().startsWith("journal record x has field null"), ofEngine.getMessage());
    }

    @Test
    void samplesWhileNoSessionRunsAreDiscardedWithoutCountingALoss() {
        JsonLinesJournal journal = open();
        journal.sample(1_000_000L, 0, 10, 10);
        journal.event(null, "after-the-sample", Map.of());
        journal.begin("s-1", Map.of());
        journal.end("s-1", Map.of());
        journal.close();
        assertTrue(journal.healthy(), journal.lastError().toString());
        assertEquals(0, journal.lostRecords());
        assertEquals(List.of("session-start", "session-end"), types(records(journal.sessionFile("s-1"))));
    }
}
