package io.upwell.engine.core.internal.journal;

import static io.upwell.engine.core.internal.journal.JournalFiles.records;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery reads only records it can trust: a line counts only as one strict JSON object with a text type. */
@Tag("SR-16")
class RecoveryEdgesTest {
    @TempDir
    Path dataDirectory;

    @Test
    void linesThatAreJsonButNoRecordAreSkippedAndCounted() throws Exception {
        Path sessions = Files.createDirectories(dataDirectory.resolve("sessions"));
        Path file = sessions.resolve("s-1.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"type\":\"session-start\",\"time\":\"2026-01-01T00:00:00Z\",\"session\":\"s-1\"}",
                "{\"type\":\"state\",\"time\":\"2026-01-01T00:00:01Z\"}",
                "[\"type\",\"session-end\"]",
                "{\"type\":\"session-end\"} {\"more\":1}",
                "{\"time\":\"2026-01-01T00:00:02Z\"}",
                "{\"type\":1}",
                "{\"type\":{\"name\":\"session-end\"}}",
                "\"session-end\"") + "\n", StandardCharsets.UTF_8);
        JsonLinesJournal journal = new JsonLinesJournal(dataDirectory, Duration.ofMillis(100), 16);
        try {
            assertEquals(List.of("s-1"), journal.recoverUnfinished());
        } finally {
            journal.close();
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(9, lines.size(), "one line added, the others left as they were");
        JsonObject recovered = JournalFiles.parseStrict(lines.get(8));
        assertEquals("recovered", recovered.get("type").getAsString());
        assertEquals("state", recovered.get("lastRecord").getAsString());
        assertEquals("2026-01-01T00:00:01Z", recovered.get("lastRecordTime").getAsString());
        assertEquals(6, recovered.get("unreadableLines").getAsInt());
    }

    @Test
    void aSessionsDirectoryThatCannotBeListedIsReportedAndNothingIsRecovered() throws Exception {
        JsonLinesJournal journal = new JsonLinesJournal(dataDirectory, Duration.ofMillis(100), 16);
        try {
            Path sessions = journal.sessionFile("x").getParent();
            Files.delete(sessions);
            Files.writeString(sessions, "not a directory");
            assertEquals(List.of(), journal.recoverUnfinished());
            JournalError error = journal.lastError().orElseThrow();
            assertEquals(JournalError.Kind.RECOVER, error.kind());
            assertEquals(sessions, error.path());
        } finally {
            journal.close();
        }
    }

    @Test
    void aFieldThatNeitherGsonNorItsOwnTextCanGiveIsNamedByItsType() {
        JsonLinesJournal journal = new JsonLinesJournal(dataDirectory, Duration.ofMillis(100), 16);
        journal.event(null, "odd", Map.of("value", new Unprintable()));
        journal.close();
        JsonObject record = records(journal.engineFile()).get(0);
        assertEquals("<" + Unprintable.class.getName() + " whose toString() failed>",
                record.get("value").getAsString());
        assertEquals("value", record.getAsJsonArray("unserializable").get(0).getAsString());
    }

    /** Gson cannot reach into its Optional, and its own text throws. */
    static final class Unprintable {
        final Optional<String> inside = Optional.of("x");

        @Override
        public String toString() {
            throw new IllegalStateException("no text");
        }
    }
}
