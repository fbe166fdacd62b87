package io.upwell.engine.core.internal.journal;

import static io.upwell.engine.core.internal.journal.JournalFiles.lines;
import static io.upwell.engine.core.internal.journal.JournalFiles.parseStrict;
import static io.upwell.engine.core.internal.journal.JournalFiles.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnfinishedSessionRecoveryTest {

    @TempDir
    Path dataDirectory;

    private final List<JsonLinesJournal> opened = new ArrayList<>();

    @AfterEach
    void closeJournals() {
        opened.forEach(JsonLinesJournal::close);
    }

    private JsonLinesJournal open() {
        JsonLinesJournal journal = new JsonLinesJournal(dataDirectory);
        opened.add(journal);
        return journal;
    }

    /** One session the engine ended, one it did not (it stopped mid-session). */
    private void runAndStopMidSession() {
        JsonLinesJournal before = open();
        before.begin("s-done", Map.of("operator", "Ana"));
        before.end("s-done", Map.of("reason", "completed"));
        before.begin("s-open", Map.of("operator", "Ana"));
        before.sample(0, 0, 5, 4.9);
        before.event("s-open", "state", Map.of("to", "running"));
        before.close();
    }

    private Path sessionFile(String id) {
        return dataDirectory.resolve("sessions").resolve(id + ".jsonl");
    }

    @Test
    @Tag("SR-16")
    void anUnfinishedSessionIsMarkedRecoveredAndReturned() {
        runAndStopMidSession();
        List<String> finishedBefore = lines(sessionFile("s-done"));
        Instant restart = Instant.now();

        List<String> recovered = open().recoverUnfinished();

        assertEquals(List.of("s-open"), recovered);
        List<JsonObject> records = records(sessionFile("s-open"));
        assertEquals(List.of("session-start", "sample", "state", "recovered"),
                records.stream().map(r -> r.get("type").getAsString()).toList());
        JsonObject marker = records.get(3);
        assertEquals("s-open", marker.get("session").getAsString());
        assertEquals("the engine restarted without the session ending", marker.get("reason").getAsString());
        assertEquals("state", marker.get("lastRecord").getAsString());
        assertEquals(records.get(2).get("time").getAsString(), marker.get("lastRecordTime").getAsString());
        assertEquals(0, marker.get("unreadableLines").getAsInt());
        // Ordering, not a wall-clock threshold: the mark is written by this restart, after the last
        // record it names (the journal writes times to the millisecond).
        Instant marked = Instant.parse(marker.get("time").getAsString());
        assertTrue(!marked.isBefore(restart.truncatedTo(ChronoUnit.MILLIS)), "marked " + marked + ", restart " + restart);
        assertTrue(!marked.isAfter(Instant.now()), "marked in the future: " + marked);
        assertTrue(!marked.isBefore(Instant.parse(marker.get("lastRecordTime").getAsString())),
                "marked " + marked + " before the last record it names");
        assertEquals(finishedBefore, lines(sessionFile("s-done")), "a finished session's file is not touched");
    }

    @Test
    @Tag("SR-16")
    void aRecoveredSessionIsNotReturnedAgain() {
        runAndStopMidSession();
        JsonLinesJournal journal = open();
        assertEquals(List.of("s-open"), journal.recoverUnfinished());

        assertEquals(List.of(), journal.recoverUnfinished());
        journal.close();
        assertEquals(List.of(), open().recoverUnfinished());
        assertEquals(1, records(sessionFile("s-open")).stream()
                .filter(r -> r.get("type").getAsString().equals("recovered")).count());
    }

    @Test
    @Tag("SR-16")
    void aLastLineCutShortByTheCrashIsSkippedCountedAndLeftBehind() throws Exception {
        Files.createDirectories(sessionFile("s-cut").getParent());
        String start = "{\"type\":\"session-start\",\"time\":\"2026-11-23T20:00:00Z\",\"session\":\"s-cut\"}\n";
        String sample = "{\"type\":\"sample\",\"time\":\"2026-11-23T20:00:00.020Z\",\"t\":0.02,\"cup\":0,"
                + "\"cmd\":5.0,\"meas\":4.9}\n";
        String cut = "{\"type\":\"sample\",\"time\":\"2026-11-23T20:00:00.040Z\",\"t\":0.04,\"cu";
        Files.writeString(sessionFile("s-cut"), start + sample + cut, StandardCharsets.UTF_8);

        JsonLinesJournal journal = open();
        assertEquals(List.of("s-cut"), journal.recoverUnfinished());

        List<String> lines = lines(sessionFile("s-cut"));
        assertEquals(4, lines.size());
        assertEquals(cut, lines.get(2), "the broken line is kept as evidence, on a line of its own");
        assertThrows(AssertionError.class, () -> parseStrict(lines.get(2)));
        JsonObject marker = parseStrict(lines.get(3));
        assertEquals("recovered", marker.get("type").getAsString());
        assertEquals("sample", marker.get("lastRecord").getAsString());
        assertEquals("2026-11-23T20:00:00.020Z", marker.get("lastRecordTime").getAsString());
        assertEquals(1, marker.get("unreadableLines").getAsInt());
        assertEquals(List.of(), journal.recoverUnfinished(), "the broken line does not hide the recovered mark");
    }

    @Test
    @Tag("SR-16")
    void aFileWithNothingReadableIsRecoveredToo() throws Exception {
        Files.createDirectories(sessionFile("s-empty").getParent());
        Files.writeString(sessionFile("s-empty"), "");
        Files.write(sessionFile("s-zeros"), new byte[64]);

        assertEquals(List.of("s-empty", "s-zeros"), open().recoverUnfinished());

        JsonObject empty = records(sessionFile("s-empty")).get(0);
        assertTrue(empty.get("lastRecord").isJsonNull());
        assertEquals(0, empty.get("unreadableLines").getAsInt());
        List<String> zeros = lines(sessionFile("s-zeros"));
        JsonObject zerosMarker = parseStrict(zeros.get(zeros.size() - 1));
        assertEquals("recovered", zerosMarker.get("type").getAsString());
        assertEquals(1, zerosMarker.get("unreadableLines").getAsInt());
    }

    @Test
    @Tag("SR-16")
    void largeFilesAndRecordsLongerThanTheFirstTailWindowAreReadCorrectly() throws Exception {
        Files.createDirectories(sessionFile("s-long").getParent());
        StringBuilder longSession = new StringBuilder(
                "{\"type\":\"session-start\",\"time\":\"2026-11-23T20:00:00Z\",\"session\":\"s-long\"}\n");
        for (int i = 0; i < 20_000; i++) {
            longSession.append("{\"type\":\"sample\",\"time\":\"2026-11-23T20:00:00Z\",\"t\":").append(i * 0.02)
                    .append(",\"cup\":0,\"cmd\":5.0,\"meas\":4.9}\n");
        }
        longSession.append("{\"type\":\"session-end\",\"time\":\"2026-11-23T20:07:00Z\",\"session\":\"s-long\"}\n");
        Files.writeString(sessionFile("s-long"), longSession);
        // A session-start whose fields alone are four times the first window read from the tail.
        String notes = "x".repeat(256 * 1024);
        Files.writeString(sessionFile("s-wide"), "{\"type\":\"session-start\",\"time\":\"2026-11-23T20:00:00Z\","
                + "\"session\":\"s-wide\",\"notes\":\"" + notes + "\"}\n" + "{\"type\":\"sam");

        assertEquals(List.of("s-wide"), open().recoverUnfinished());

        List<String> wide = lines(sessionFile("s-wide"));
        assertEquals(3, wide.size());
        JsonObject marker = parseStrict(wide.get(2));
        assertEquals("recovered", marker.get("type").getAsString());
        assertEquals("session-start", marker.get("lastRecord").getAsString());
        assertEquals(1, marker.get("unreadableLines").getAsInt());
    }

    @Test
    @Tag("SR-16")
    void aSessionRunningInThisJournalIsNotTakenForACrash() {
        JsonLinesJournal journal = open();
        journal.begin("s-live", Map.of());
        JournalFiles.awaitRecords(sessionFile("s-live"), "the session's start", r -> r.size() == 1);

        assertEquals(List.of(), journal.recoverUnfinished());
    }
}
