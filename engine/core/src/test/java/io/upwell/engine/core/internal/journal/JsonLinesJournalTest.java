package io.upwell.engine.core.internal.journal;

import static io.upwell.engine.core.internal.journal.JournalFiles.awaitRecords;
import static io.upwell.engine.core.internal.journal.JournalFiles.ofType;
import static io.upwell.engine.core.internal.journal.JournalFiles.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesJournalTest {
    private static final long MS = 1_000_000L;

    @TempDir
    Path dataDirectory;

    private final List<JsonLinesJournal> opened = new ArrayList<>();

    @AfterEach
    void closeJournals() {
        opened.forEach(JsonLinesJournal::close);
    }

    private JsonLinesJournal open() {
        return open(JsonLinesJournal.DEFAULT_FLUSH_INTERVAL, JsonLinesJournal.DEFAULT_SAMPLE_BUFFER_CAPACITY);
    }

    private JsonLinesJournal open(Duration flushInterval, int capacity) {
        JsonLinesJournal journal = new JsonLinesJournal(dataDirectory, flushInterval, capacity);
        opened.add(journal);
        return journal;
    }

    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    @Test
    @Tag("SR-16")
    void sessionRecordsComeBackInOrderWithTheirFields() {
        JsonLinesJournal journal = open();
        Instant before = Instant.now();
        journal.begin("s-1", fields("operator", "Ana Lima", "client", "C-17", "technique", "static-cupping",
                "limits", fields("maxKpa", 30, "maxMinutes", 45)));
        journal.event("s-1", "state", fields("from", "ready", "to", "running"));
        journal.event("s-1", "alarm", fields("condition", "SEAL_LOSS", "priority", "HIGH", "cup", 2));
        journal.event("s-1", "acknowledge", fields("alarm", "SEAL_LOSS", "by", "Ana Lima"));
        journal.end("s-1", fields("reason", "completed", "minutes", 12.5));
        journal.close();

        List<JsonObject> records = records(journal.sessionFile("s-1"));
        assertEquals(List.of("session-start", "state", "alarm", "acknowledge", "session-end"),
                records.stream().map(r -> r.get("type").getAsString()).toList());
        for (JsonObject record : records) {
            assertEquals("s-1", record.get("session").getAsString(), record.toString());
            Instant time = Instant.parse(record.get("time").getAsString());
            assertFalse(time.isBefore(before.minusSeconds(1)), record.toString());
        }
        JsonObject start = records.get(0);
        assertEquals("Ana Lima", start.get("operator").getAsString());
        assertEquals("C-17", start.get("client").getAsString());
        assertEquals("static-cupping", start.get("technique").getAsString());
        assertEquals(30, start.getAsJsonObject("limits").get("maxKpa").getAsInt());
        assertEquals(45, start.getAsJsonObject("limits").get("maxMinutes").getAsInt());
        assertEquals("running", records.get(1).get("to").getAsString());
        assertEquals("SEAL_LOSS", records.get(2).get("condition").getAsString());
        assertEquals(2, records.get(2).get("cup").getAsInt());
        assertEquals("Ana Lima", records.get(3).get("by").getAsString());
        assertEquals("completed", records.get(4).get("reason").getAsString());
        assertEquals(12.5, records.get(4).get("minutes").getAsDouble());
    }

    @Test
    @Tag("SR-16")
    void engineEventsGoToTheEngineFileWithoutASession() {
        JsonLinesJournal journal = open();
        journal.event(null, "devices-vented", fields("devices", List.of("sim-1", "sim-2")));
        journal.close();

        List<JsonObject> records = records(journal.engineFile());
        assertEquals(1, records.size());
        assertEquals("devices-vented", records.get(0).get("type").getAsString());
        assertFalse(records.get(0).has("session"));
        assertEquals("sim-2", records.get(0).getAsJsonArray("devices").get(1).getAsString());
    }

    @Test
    @Tag("SR-16")
    void samplesCarryCupPressuresAndSecondsSinceTheSessionStart() {
        JsonLinesJournal journal = open();
        long start = 5_000 * MS;
        journal.begin("s-2", fields(JsonLinesJournal.CLOCK_NANOS, start));
        journal.sample(start + 20 * MS, 0, 12.346, 11.994);
        journal.sample(start + 40 * MS, 3, 20.0, 19.5);
        journal.sample(start + 1_234_567_891L, 1, -0.004, 0.0);
        journal.event("s-2", "state", fields(JsonLinesJournal.CLOCK_NANOS, start + 1_500 * MS, "to", "paused"));
        journal.end("s-2", Map.of());
        journal.close();

        List<JsonObject> records = records(journal.sessionFile("s-2"));
        List<JsonObject> samples = ofType(records, "sample");
        assertEquals(3, samples.size());
        assertSample(samples.get(0), 0.02, 0, 12.35, 11.99);
        assertSample(samples.get(1), 0.04, 3, 20.0, 19.5);
        assertSample(samples.get(2), 1.235, 1, -0.0, 0.0);
        Instant.parse(samples.get(0).get("time").getAsString());
        assertEquals(1.5, ofType(records, "state").get(0).get("t").getAsDouble());
    }

    @Test
    @Tag("SR-16")
    void withoutAStartClockTheFirstSampleIsTimeZero() {
        JsonLinesJournal journal = open();
        journal.begin("s-3", Map.of());
        journal.sample(777 * MS, 0, 10, 10);
        journal.sample(797 * MS, 0, 10.2, 10.1);
        journal.end("s-3", Map.of());
        journal.close();

        List<JsonObject> samples = ofType(records(journal.sessionFile("s-3")), "sample");
        assertEquals(0.0, samples.get(0).get("t").getAsDouble());
        assertEquals(0.02, samples.get(1).get("t").getAsDouble());
    }

    private static void assertSample(JsonObject sample, double t, int cup, double commanded, double measured) {
        assertEquals(t, sample.get("t").getAsDouble(), 1e-9, sample.toString());
        assertEquals(cup, sample.get("cup").getAsInt(), sample.toString());
        assertEquals(commanded, sample.get("cmd").getAsDouble(), 1e-9, sample.toString());
        assertEquals(measured, sample.get("meas").getAsDouble(), 1e-9, sample.toString());
    }

    @Test
    @Tag("SR-16")
    void recordsAndSamplesInterleaveInTheOrderTheyWereHandedIn() {
        JsonLinesJournal journal = open();
        journal.begin("s-4", fields(JsonLinesJournal.CLOCK_NANOS, 0L));
        for (int i = 0; i < 5; i++) {
            journal.sample(i * 20 * MS, 0, i, i);
        }
        journal.event("s-4", "state", fields("to", "paused"));
        for (int i = 5; i < 10; i++) {
            journal.sample(i * 20 * MS, 0, i, i);
        }
        journal.event("s-4", "intensity", fields("value", 0.8));
        journal.sample(10 * 20 * MS, 0, 10, 10);
        journal.end("s-4", Map.of());
        journal.close();

        List<String> sequence = records(journal.sessionFile("s-4")).stream()
                .map(r -> r.get("type").getAsString().equals("sample") ? "sample" + r.get("cmd").getAsInt()
                        : r.get("type").getAsString())
                .toList();
        assertEquals(List.of("session-start", "sample0", "sample1", "sample2", "sample3", "sample4", "state",
                "sample5", "sample6", "sample7", "sample8", "sample9", "intensity", "sample10", "session-end"),
                sequence);
    }

    @Test
    @Tag("SR-16")
    void aMeasurementThatIsNotANumberIsWrittenAsNullAndTheLineParses() {
        JsonLinesJournal journal = open();
        journal.begin("s-5", Map.of());
        journal.sample(0, 1, 15.0, Double.NaN);
        journal.sample(20 * MS, 1, 15.0, Double.POSITIVE_INFINITY);
        journal.event("s-5", "sensor", fields("lastKpa", Double.NaN, "cup", 1));
        journal.end("s-5", Map.of());
        journal.close();

        List<JsonObject> records = records(journal.sessionFile("s-5"));
        List<JsonObject> samples = ofType(records, "sample");
        assertEquals(2, samples.size());
        for (JsonObject sample : samples) {
            assertTrue(sample.has("meas"), sample.toString());
            assertTrue(sample.get("meas").isJsonNull(), sample.toString());
            assertEquals(15.0, sample.get("cmd").getAsDouble());
        }
        JsonObject sensor = ofType(records, "sensor").get(0);
        assertTrue(sensor.get("lastKpa").isJsonNull(), sensor.toString());
        assertTrue(journal.healthy());
    }

    @Test
    @Tag("SR-16")
    void recordsAndSamplesReachTheDiskWithoutClose() {
        JsonLinesJournal journal = open();
        journal.begin("s-6", fields(JsonLinesJournal.CLOCK_NANOS, 0L));
        journal.sample(20 * MS, 0, 8.0, 7.9);
        journal.event("s-6", "state", fields("to", "running"));

        List<JsonObject> records = awaitRecords(journal.sessionFile("s-6"), "the session's start, sample and state",
                r -> r.size() == 3);
        assertEquals(List.of("session-start", "sample", "state"),
                records.stream().map(r -> r.get("type").getAsString()).toList());
        assertTrue(journal.writerRunning());
    }

    @Test
    @Tag("SR-16")
    void samplesHandedInWhileNoSessionRunsAreDiscarded() {
        JsonLinesJournal journal = open();
        journal.sample(0, 0, 1, 1);
        journal.begin("s-7", fields(JsonLinesJournal.CLOCK_NANOS, 0L));
        journal.sample(20 * MS, 0, 2, 2);
        journal.end("s-7", Map.of());
        journal.sample(40 * MS, 0, 3, 3);
        journal.close();

        List<JsonObject> samples = ofType(records(journal.sessionFile("s-7")), "sample");
        assertEquals(1, samples.size());
        assertEquals(2, samples.get(0).get("cmd").getAsInt());
        assertEquals(0, records(journal.engineFile()).size());
    }

    @Test
    @Tag("SR-16")
    void overflowDropsTheOldestSamplesAndTheNextLineSaysHowMany() {
        JsonLinesJournal journal = open(JsonLinesJournal.DEFAULT_FLUSH_INTERVAL, 16);
        int handedIn = 20_000;
        journal.begin("s-8", fields(JsonLinesJournal.CLOCK_NANOS, 0L));
        for (int i = 0; i < handedIn; i++) {
            journal.sample(i * MS, 0, i % 100, 0);
        }
        journal.end("s-8", Map.of());
        journal.close();

        List<JsonObject> records = records(journal.sessionFile("s-8"));
        List<JsonObject> samples = ofType(records, "sample");
        long reportedDrops = 0;
        long previous = -1;
        for (JsonObject sample : samples) {
            long index = Math.round(sample.get("t").getAsDouble() * 1000);
            long dropped = sample.has("dropped") ? sample.get("dropped").getAsLong() : 0;
            // Every gap in what was written is exactly what the line after it reports.
            assertEquals(index - previous - 1, dropped, "at sample " + index);
            previous = index;
            reportedDrops += dropped;
        }
        assertEquals(handedIn - 1, previous, "the newest sample is never the one dropped");
        assertFalse(ofType(records, "session-end").get(0).has("dropped"));
        assertEquals(handedIn, samples.size() + reportedDrops);
        assertTrue(reportedDrops > 0, "20000 samples through a 16-slot buffer in a tight loop must overflow");
    }

    @Test
    @Tag("SR-16")
    void aFlushIntervalAboveOneSecondIsRejected() {
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> open(Duration.ofMillis(1001), 16));
        assertTrue(tooLong.getMessage().contains("flushInterval"), tooLong.getMessage());
        assertTrue(tooLong.getMessage().contains("1001 ms"), tooLong.getMessage());
        assertTrue(tooLong.getMessage().contains("1000 ms"), tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> open(Duration.ZERO, 16));
        assertThrows(IllegalArgumentException.class, () -> open(null, 16));
        IllegalArgumentException noRoom = assertThrows(IllegalArgumentException.class,
                () -> open(Duration.ofMillis(500), 0));
        assertTrue(noRoom.getMessage().contains("sampleBufferCapacity"), noRoom.getMessage());
        open(JsonLinesJournal.MAX_FLUSH_INTERVAL, 16).close();
    }

    @Test
    @Tag("SR-16")
    void anUnusableDirectoryIsReportedByPath() throws Exception {
        Path file = Files.writeString(dataDirectory.resolve("not-a-directory"), "x");
        UncheckedIOException error = assertThrows(UncheckedIOException.class,
                () -> new JsonLinesJournal(file));
        assertTrue(error.getMessage().contains(file + " is a file, not a directory"), error.getMessage());

        Path blockedSessions = dataDirectory.resolve("blocked");
        Files.createDirectories(blockedSessions);
        Files.writeString(blockedSessions.resolve("sessions"), "x");
        UncheckedIOException blocked = assertThrows(UncheckedIOException.class,
                () -> new JsonLinesJournal(blockedSessions));
        assertTrue(blocked.getMessage().contains(blockedSessions.resolve("sessions").toString()),
                blocked.getMessage());
    }

    @Test
    @Tag("SR-16")
    void closeWritesEverythingStopsTheWriterAndIsIdempotent() {
        JsonLinesJournal journal = open();
        journal.begin("s-9", Map.of());
        journal.event("s-9", "state", fields("to", "running"));
        journal.close();
        assertFalse(journal.writerRunning());
        journal.close();

        assertEquals(List.of("session-start", "state"),
                records(journal.sessionFile("s-9")).stream().map(r -> r.get("type").getAsString()).toList());
        journal.sample(0, 0, 1, 1);
        journal.event("s-9", "state", fields("to", "stopped"));
        assertEquals(2, records(journal.sessionFile("s-9")).size());
        assertEquals(1, journal.lostRecords());
    }

    @Test
    @Tag("SR-16")
    void ioFailuresNeverReachTheCallerAndTheJournalKeepsGoing() throws Exception {
        JsonLinesJournal journal = open();
        Path sessions = journal.sessionFile("x").getParent();
        Files.delete(sessions);
        Files.writeString(sessions, "a file where the sessions directory was");

        journal.begin("s-10", fields("operator", "Ana"));
        journal.sample(0, 0, 1, 1);
        journal.event("s-10", "state", fields("to", "running"));
        journal.end("s-10", Map.of());
        JournalFiles.await("the journal reports the failure", () -> !journal.healthy());

        JournalError error = journal.lastError().orElseThrow();
        assertEquals(JournalError.Kind.OPEN, error.kind());
        assertEquals(journal.sessionFile("s-10"), error.path());
        JournalFiles.await("the lost records are counted", () -> journal.lostRecords() >= 3);

        journal.event(null, "still-writing", Map.of());
        awaitRecords(journal.engineFile(), "an engine record after the failure",
                r -> r.size() == 1 && r.get(0).get("type").getAsString().equals("still-writing"));
        assertTrue(journal.writerRunning());
    }

    @Test
    @Tag("SR-16")
    void aFieldGsonCannotConvertIsKeptAsTextAndNamed() {
        JsonLinesJournal journal = open();
        journal.event(null, "odd", fields("value", Optional.of(3), "ok", "yes"));
        journal.close();

        JsonObject record = records(journal.engineFile()).get(0);
        assertEquals("Optional[3]", record.get("value").getAsString());
        assertEquals("yes", record.get("ok").getAsString());
        assertEquals("value", record.getAsJsonArray("unserializable").get(0).getAsString());
        assertEquals(JournalError.Kind.SERIALIZE, journal.lastError().orElseThrow().kind());
    }

    @Test
    @Tag("SR-16")
    void misuseByTheCallerIsRefusedWithTheReason() {
        JsonLinesJournal journal = open();
        IllegalArgumentException badId = assertThrows(IllegalArgumentException.class,
                () -> journal.begin("../escape", Map.of()));
        assertTrue(badId.getMessage().contains("\"../escape\""), badId.getMessage());
        IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class,
                () -> journal.begin("s-11", fields("time", "noon")));
        assertTrue(reserved.getMessage().contains("\"time\""), reserved.getMessage());
        IllegalStateException notBegun = assertThrows(IllegalStateException.class,
                () -> journal.event("s-12", "state", Map.of()));
        assertTrue(notBegun.getMessage().contains("\"s-12\""), notBegun.getMessage());
        assertThrows(IllegalArgumentException.class, () -> journal.event(null, "session-end", Map.of()));

        journal.begin("s-11", Map.of());
        assertThrows(IllegalStateException.class, () -> journal.begin("s-11", Map.of()));
        journal.end("s-11", Map.of());
        assertThrows(IllegalStateException.class, () -> journal.end("s-11", Map.of()));
        journal.close();
        assertEquals(2, records(journal.sessionFile("s-11")).size());
    }

    @Test
    @Tag("SR-16")
    void theWriterIsOneDaemonThreadNamedUpwellJournal() {
        JsonLinesJournal journal = open();
        Thread writer = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("upwell-journal") && t.isAlive())
                .findFirst().orElse(null);
        assertNotNull(writer);
        assertTrue(writer.isDaemon());
        journal.close();
    }
}
