package io.upwell.engine.core.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator command or an alarm that races a session's end is still journaled (SR-16): in the
 * session's file while it runs, in the engine's file naming the session once it has ended.
 */
@Tag("SR-16")
class SessionEventAfterEndTest {
    @TempDir
    Path dir;

    @Test
    void anEventForASessionThatJustEndedGoesToTheEngineFileNamingIt() {
        try (JsonLinesJournal journal = new JsonLinesJournal(dir, Duration.ofMillis(20), 64)) {
            journal.begin("s-1", Map.of());
            journal.eventOfSession("s-1", "acknowledge", Map.of("operator", "ana"));
            journal.end("s-1", Map.of());
            journal.eventOfSession("s-1", "alarm", Map.of("condition", "LEAK"));
            List<JsonObject> session = JournalFiles.awaitRecords(journal.sessionFile("s-1"), "the session's end",
                    r -> r.stream().anyMatch(x -> x.get("type").getAsString().equals("session-end")));
            assertEquals(List.of("session-start", "acknowledge", "session-end"),
                    session.stream().map(x -> x.get("type").getAsString()).toList());
            List<JsonObject> engine = JournalFiles.awaitRecords(journal.engineFile(), "the late alarm",
                    r -> !JournalFiles.ofType(r, "alarm").isEmpty());
            JsonObject alarm = JournalFiles.ofType(engine, "alarm").get(0);
            assertEquals("s-1", alarm.get("forSession").getAsString());
            assertEquals("LEAK", alarm.get("condition").getAsString());
        }
    }

    @Test
    void theFieldItAddsCannotBeForged() {
        try (JsonLinesJournal journal = new JsonLinesJournal(dir, Duration.ofMillis(20), 64)) {
            assertThrows(IllegalArgumentException.class,
                    () -> journal.eventOfSession("s-1", "alarm", Map.of("forSession", "other")));
        }
    }
}
