package io.upwell.engine.records.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.history.HistoryUnavailableException;
import io.upwell.api.history.PastTreatment;
import io.upwell.api.records.AlarmRecord;
import io.upwell.api.records.OverTreatmentRecord;
import io.upwell.api.records.RecordsException;
import io.upwell.api.records.SiteKeys;
import io.upwell.api.records.CupRecord;
import io.upwell.api.records.Outcome;
import io.upwell.api.records.RecordQuery;
import io.upwell.api.records.SessionRecord;
import io.upwell.api.records.SessionSummary;
import io.upwell.api.records.SiteExposure;
import io.upwell.api.records.SiteTreatment;
import io.upwell.api.records.TraceSample;
import io.upwell.engine.core.internal.journal.JsonLinesJournal;
import io.upwell.engine.records.internal.db.Database;
import io.upwell.engine.records.internal.db.DatabaseSettings;
import io.upwell.engine.records.internal.db.Migrations;
import io.upwell.engine.records.internal.db.RecordStore;
import io.upwell.engine.records.internal.delivery.Delivery;
import io.upwell.engine.records.internal.history.SharedTreatmentHistory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the records promise, against a real database: H2 in files ({@link H2RecordsTest}) and a
 * PostgreSQL server the tests start ({@link PostgresRecordsTest}).
 */
abstract class RecordsContract {
    static final String STATION = "station-a";
    static final List<Journals.Cup> TWO_CUPS = List.of(new Journals.Cup("sim-1", 0, "upper-back/left", 55),
            new Journals.Cup("sim-1", 1, "shoulder/right (below the scapula)", 50));

    @TempDir
    Path dataDirectory;
    @TempDir
    Path scratch;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    Database database;
    RecordStore store;

    abstract TestDatabase testDatabase();

    @BeforeEach
    void openDatabase() throws Exception {
        database = open(testDatabase().freshDatabase(scratch));
        store = new RecordStore(database);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    Database open(DatabaseSettings settings) throws SQLException {
        Database opened = Database.open(testDatabase().driver(), settings);
        toClose.add(opened);
        return opened;
    }

    Journals journals() {
        Journals journals = new Journals(dataDirectory);
        toClose.add(journals);
        return journals;
    }

    int migrate() throws SQLException {
        return new Migrations(STATION).apply(database);
    }

    Delivery.Pass deliver(RecordStore into) throws Exception {
        return new Delivery(dataDirectory, STATION).deliver(into);
    }

    long count(String table, String sessionId) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM " + table + (sessionId == null ? "" : " WHERE session_id = ?"))) {
            if (sessionId != null) {
                query.setString(1, sessionId);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    // ---------------------------------------------------------------- migrations

    @Test
    void migrationsBringAnEmptyDatabaseToTheLatestVersion() throws Exception {
        assertEquals(2, migrate());
        assertEquals(2, Migrations.currentVersion(database));
        for (String table : List.of("upwell_session", "upwell_session_cup", "upwell_session_alarm",
                "upwell_session_trace")) {
            assertEquals(0, count(table, null), table + " exists and is empty");
        }
    }

    @Test
    void migrationsAppliedAgainChangeNothingAndKeepTheRecords() throws Exception {
        migrate();
        try (Journals journals = journals()) {
            journals.session("s-1", "C-1", TWO_CUPS, 3, 20);
        }
        deliver(store);
        assertEquals(2, migrate(), "a second start finds the schema current");
        assertEquals(2, migrate());
        assertEquals(2, count("upwell_schema_version", null), "each version is recorded once");
        assertEquals(1, count("upwell_session", null));
        assertTrue(store.session("s-1").isPresent());
    }

    @Test
    void aDatabaseAtANewerVersionIsRefusedNamingBothVersions() throws Exception {
        migrate();
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO upwell_schema_version (version, description, script, checksum,"
                    + " applied_at, applied_by) VALUES (7, 'from the future', 'V007', 'x', CURRENT_TIMESTAMP, 'later')");
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class, this::migrate);
        assertEquals("the records database is at schema version 7, newer than this engine knows (2): an engine of a"
                + " newer release wrote it; update this station's engine", refused.getMessage());
    }

    @Test
    void aReleasedScriptThatChangedIsRefused() throws Exception {
        migrate();
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE upwell_schema_version SET checksum = 'abc' WHERE version = 1");
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class, this::migrate);
        assertTrue(refused.getMessage().startsWith("schema version 1 (migrations/V001__session_records.sql) was applied"
                + " with checksum abc, but this engine carries "), refused.getMessage());
    }

    @Test
    void aScriptThatFailsLeavesItsVersionUnrecorded() throws Exception {
        migrate();
        List<Migrations.Script> scripts = new ArrayList<>(Migrations.SCRIPTS);
        scripts.add(new Migrations.Script(Migrations.SCRIPTS.size() + 1, "broken", "migrations/V900__test_broken.sql"));
        Migrations broken = new Migrations(scripts, STATION);
        assertThrows(SQLException.class, () -> broken.apply(database));
        assertEquals(Migrations.SCRIPTS.size(), Migrations.currentVersion(database),
                "the failed version is not recorded as applied");
    }

    // ---------------------------------------------------------------- round trip

    @Test
    void aSessionRoundTripsWithEverythingItRecorded() throws Exception {
        migrate();
        Map<String, Object> screening = Map.of("conditions", List.of("hypertension"), "sites",
                List.of("varicose-veins on calf/left"), "maxVacuumKpa", 30.0, "screenedBy", "Dr. Reis", "consent",
                Map.of("givenBy", "Ana Lima", "reason", "GP agreed 2026-11-01"));
        List<Map<String, Object>> verdicts = List.of(Map.of("rule", "relative-contraindications", "verdict", "lower",
                "reason", "hypertension", "source", "Cao 2012", "fraction", 0.6, "consentRequired", true));
        try (Journals journals = journals()) {
            journals.begin("s-full", "C-17", "static-cupping", TWO_CUPS, screening, verdicts);
            journals.state("s-full", "READY", "RUNNING", "");
            journals.samples(2, 0, 2, 10);
            journals.alarm("s-full", "LEAK", "sim-1", 1, true);
            journals.state("s-full", "RUNNING", "PAUSED", "leak on cup 1");
            journals.acknowledge("s-full", "Ana Lima");
            journals.state("s-full", "PAUSED", "RUNNING", "");
            journals.samples(2, 2, 1, 1);
            journals.state("s-full", "RUNNING", "ENDED", "stopped by the operator");
            journals.end("s-full", "ENDED", "stopped by the operator", 3.0, 10.5, 10.25);
        }
        Delivery.Pass pass = deliver(store);
        assertEquals(List.of("s-full"), pass.delivered());

        SessionRecord record = store.session("s-full").orElseThrow();
        SessionSummary summary = record.summary();
        assertEquals("C-17", summary.clientId());
        assertEquals("Ana Lima", summary.operator());
        assertEquals(STATION, summary.station());
        assertEquals("static-cupping", summary.techniqueId());
        assertEquals("1.2.0", summary.techniqueVersion());
        assertEquals(List.of("sim-1"), summary.devices());
        assertEquals(List.of("upper-back/left", "shoulder/right"), summary.sites());
        assertEquals(Outcome.ENDED, summary.outcome());
        assertEquals("stopped by the operator", summary.reason());
        assertEquals(3.0, summary.programSeconds());
        assertEquals(1, summary.alarms());
        assertTrue(summary.startedInstant().isBefore(summary.endedInstant()) || summary.startedInstant().equals(
                summary.endedInstant()));

        assertEquals("Static cupping", record.program());
        assertEquals(10.0, record.plannedSeconds());
        assertEquals(90, record.intensity());
        assertEquals(Map.of("targetKpa", "30", "holdSeconds", "5"), record.parameters());
        assertEquals(900.0, record.limits().get("dwellSeconds"));
        assertEquals(1, record.journalFormat());
        assertEquals(0, record.unreadableLines());

        CupRecord second = record.cups().get(1);
        assertEquals(new CupRecord(1, "sim-1", 1, "shoulder/right", "below the scapula", 0, Map.of("targetKpa", "25"),
                50, "body region shoulder/right (below the scapula)", 10.25, second.exposureSeconds(),
                second.kpaSeconds()), second);
        assertNull(record.cups().get(0).zone());
        // 2 s at 10 kPa count towards exposure (the last of those samples' interval included), 1 s at 1 kPa does not.
        assertEquals(2.0, second.exposureSeconds(), 1e-9);
        assertEquals(2.0 * 10 + 0.9 * 1, second.kpaSeconds(), 1e-9);

        assertTrue(record.screening().screened());
        assertEquals(List.of("hypertension"), record.screening().conditions());
        assertEquals(List.of("varicose-veins on calf/left"), record.screening().siteFindings());
        assertEquals(30.0, record.screening().maxVacuumKpa());
        assertEquals("Dr. Reis", record.screening().screenedBy());
        assertEquals("Ana Lima", record.screening().consentBy());
        assertEquals("GP agreed 2026-11-01", record.screening().consentReason());
        assertEquals(1, record.screening().verdicts().size());
        assertEquals(0.6, record.screening().verdicts().get(0).fraction());
        assertEquals(Boolean.TRUE, record.screening().verdicts().get(0).consentRequired());

        AlarmRecord alarm = record.alarms().get(0);
        assertEquals("LEAK", alarm.condition());
        assertEquals("HIGH", alarm.priority());
        assertEquals("sim-1", alarm.deviceId());
        assertEquals(1, alarm.channel());
        assertTrue(alarm.latched());
        assertEquals("Ana Lima", alarm.acknowledgedBy(), "the alarm's lifecycle: acknowledged, and by whom");
        assertFalse(Instant.parse(alarm.acknowledgedAt()).isBefore(Instant.parse(alarm.raisedAt())));

        List<String> eventTypes = record.events().stream().map(e -> e.type()).toList();
        assertEquals(List.of("state", "state", "acknowledge", "state", "state"), eventTypes);
        assertEquals("leak on cup 1", record.events().get(1).details().get("reason"));

        assertEquals(60, record.trace().size(), "3 s at 10 Hz on 2 cups");
        TraceSample first = record.trace().get(0);
        assertEquals(new TraceSample(0.0, 0, 11.0, 10.0), first);
        TraceSample last = record.trace().get(59);
        assertEquals(new TraceSample(2.9, 1, 2.0, 1.0), last);
    }

    @Test
    @Tag("SR-16")
    void anAlarmAcknowledgedByIdIsRecordedAsAcknowledgedByThatOperatorAlone() throws Exception {
        migrate();
        try (Journals journals = journals()) {
            journals.begin("s-ids", "C-18", "static-cupping", TWO_CUPS, null, List.of());
            journals.state("s-ids", "READY", "RUNNING", "");
            journals.alarm("s-ids", "al-x-1", "OVER_VACUUM", true);
            journals.alarm("s-ids", "al-x-2", "SENSOR_FAULT", true);
            journals.acknowledgeAlarm("s-ids", "al-x-2", "Ben", false);
            journals.state("s-ids", "RUNNING", "ENDED", "stopped by Ben");
            journals.end("s-ids", "ENDED", "stopped by Ben", 1.0, 10.0, 10.0);
        }
        assertEquals(List.of("s-ids"), deliver(store).delivered());

        List<AlarmRecord> alarms = store.session("s-ids").orElseThrow().alarms();
        assertEquals(null, alarms.get(0).acknowledgedBy(), "Ben named the other alarm only");
        assertEquals("Ben", alarms.get(1).acknowledgedBy());
    }

    @Test
    void findMatchesEveryCriterionAndListsNewestFirst() throws Exception {
        migrate();
        try (Journals journals = journals()) {
            journals.session("s-1", "C-1", TWO_CUPS, 1, 20);
            journals.session("s-2", "C-2", List.of(new Journals.Cup("pump-7", 0, "thigh/left", 40)), 1, 20);
            journals.session("s-3", "C-1", List.of(new Journals.Cup("pump-7", 2, "upper-back/left", 40)), 1, 20);
        }
        deliver(store);
        assertEquals(List.of("s-3", "s-2", "s-1"), ids(store.find(RecordQuery.all())));
        assertEquals(List.of("s-3", "s-1"), ids(store.find(RecordQuery.all().withClient("C-1"))));
        assertEquals(List.of("s-3", "s-1"), ids(store.find(RecordQuery.all().withSite("upper-back/left"))));
        assertEquals(List.of("s-1"), ids(store.find(RecordQuery.all().withSite("shoulder/right"))),
                "a labelled site is found by its key");
        assertEquals(List.of("s-3", "s-2"), ids(store.find(RecordQuery.all().withDevice("pump-7"))));
        assertEquals(List.of("s-3"), ids(store.find(RecordQuery.all().withClient("C-1").withDevice("pump-7"))));
        assertEquals(List.of(), ids(store.find(RecordQuery.all().withTechnique("flash-cupping"))));
        assertEquals(3, store.find(RecordQuery.all().withTechnique("static-cupping")).size());
        assertEquals(List.of("s-3", "s-2"), ids(store.find(RecordQuery.all().withLimit(2))));

        SessionSummary s3 = store.find(RecordQuery.all().withClient("C-1")).get(0);
        Instant started = s3.startedInstant();
        assertEquals(List.of("s-3"), ids(store.find(RecordQuery.all().withClient("C-1").withFrom(started))));
        assertEquals(List.of("s-1"), ids(store.find(RecordQuery.all().withClient("C-1").withTo(started))));
        assertEquals(List.of(), ids(store.find(RecordQuery.all().withFrom(started.plusSeconds(3600)))));
    }

    @Test
    void siteHistoryAndExposureHoldAcrossDevicesAndStations() throws Exception {
        migrate();
        Instant before = Instant.now().minusSeconds(1);
        try (Journals journals = journals()) {
            journals.session("s-a", "C-1", List.of(new Journals.Cup("sim-1", 0, "upper-back/left", 55)), 2, 30);
            journals.session("s-other-client", "C-2", List.of(new Journals.Cup("sim-1", 0, "upper-back/left", 55)), 2, 30);
        }
        deliver(store);
        Path otherStation = scratch.resolve("station-b");
        try (Journals journals = new Journals(otherStation)) {
            journals.session("s-b", "C-1", List.of(new Journals.Cup("pump-7", 0, "upper-back/left (lower)", 40),
                    new Journals.Cup("pump-7", 1, "upper-back/left", 40), new Journals.Cup("pump-7", 2, "thigh/left", 40)),
                    1, 30);
        }
        new Delivery(otherStation, "station-b").deliver(store);

        List<SiteTreatment> history = store.siteHistory("C-1", "upper-back/left", before);
        assertEquals(List.of("s-b", "s-a"), history.stream().map(SiteTreatment::sessionId).toList(),
                "newest first, across stations and devices");
        SiteTreatment onB = history.get(0);
        assertEquals("station-b", onB.station());
        assertEquals(List.of("pump-7"), onB.devices());
        // 1 s of samples is 10 samples, 0.9 s between the first and the last: the time after a cup's last
        // sample is not known, so it does not count.
        assertEquals(2 * 0.9, onB.exposureSeconds(), 1e-9, "two cups on the site");
        assertEquals(30.0, onB.peakKpa());
        assertEquals(List.of(), store.siteHistory("C-1", "upper-back/left", Instant.now().plusSeconds(60)));

        List<SiteExposure> exposure = store.exposure("C-1", before, Instant.now().plusSeconds(60));
        assertEquals(List.of("thigh/left", "upper-back/left"), exposure.stream().map(SiteExposure::site).toList());
        SiteExposure back = exposure.get(1);
        assertEquals(2, back.sessions());
        assertEquals(1.9 + 1.8, back.exposureSeconds(), 1e-9);
        assertEquals(30 * 3.7, back.kpaSeconds(), 1e-9);
    }

    // ---------------------------------------------------------------- the shared treatment history (SR-15)

    SharedTreatmentHistory history(List<Path> journalDirectories) {
        return new SharedTreatmentHistory((client, since) -> {
            try {
                return store.treatedCups(client, since);
            } catch (SQLException e) {
                throw new RecordsException("cannot be read: " + e.getMessage(), e);
            }
        }, () -> journalDirectories);
    }

    static List<String> treated(List<PastTreatment> treatments) {
        return treatments.stream().map(t -> t.sessionId() + " " + t.deviceId() + " " + SiteKeys.of(t.site())).sorted()
                .toList();
    }

    @Test
    @Tag("SR-15")
    void theSharedHistoryHasEveryStationsRealCupsWithTheirProgramTime() throws Exception {
        migrate();
        Instant before = Instant.now().minusSeconds(1);
        try (Journals journals = journals()) {
            journals.session("s-a", "C-1", List.of(new Journals.Cup("real-1", 0, "upper-back/left", 55, false)), 2, 30);
            journals.session("s-sim", "C-1", List.of(new Journals.Cup("sim-1", 0, "upper-back/left", 55, true)), 2, 30);
            journals.session("s-other", "C-2", List.of(new Journals.Cup("real-1", 0, "upper-back/left", 55, false)), 2,
                    30);
        }
        deliver(store);
        Path otherStation = scratch.resolve("station-b");
        try (Journals journals = new Journals(otherStation)) {
            journals.session("s-b", "C-1", List.of(new Journals.Cup("pump-7", 0, "upper-back/left (lower)", 40, false),
                    new Journals.Cup("pump-7", 1, "thigh/left", 40, false)), 1, 30);
        }
        new Delivery(otherStation, "station-b").deliver(store);

        List<PastTreatment> treatments = history(List.of()).treatments("C-1", before);

        assertEquals(List.of("s-a real-1 upper-back/left", "s-b pump-7 thigh/left", "s-b pump-7 upper-back/left"),
                treated(treatments), "both stations' real cups, the simulated session and the other client left out");
        PastTreatment onA = treatments.stream().filter(t -> t.sessionId().equals("s-a")).findFirst().orElseThrow();
        SessionSummary recorded = store.session("s-a").orElseThrow().summary();
        assertEquals(recorded.startedInstant(), onA.started());
        assertEquals(recorded.endedInstant(), onA.ended());
        assertEquals(Duration.ofSeconds(2), onA.exposure(), "the session's program time");
        assertEquals(List.of(), history(List.of()).treatments("C-1", Instant.now().plusSeconds(60)),
                "nothing ended after the moment asked about");
    }

    @Test
    @Tag("SR-15")
    void aCupRecordedWithoutSayingWhetherItWasSimulatedCountsAsATreatment() throws Exception {
        migrate();
        Instant before = Instant.now().minusSeconds(1);
        try (Journals journals = journals()) {
            journals.session("s-old", "C-1", List.of(new Journals.Cup("iv-1", 0, "lower-back", 40)), 1, 30);
        }
        deliver(store);

        assertEquals(List.of("s-old iv-1 lower-back"), treated(history(List.of()).treatments("C-1", before)));
        assertNull(store.session("s-old").orElseThrow().cups().get(0).simulated());
    }

    @Test
    @Tag("SR-15")
    void sessionsWaitingInThisStationsJournalCountOnceAndARunningOneIsLeftToTheEngine() throws Exception {
        migrate();
        Instant before = Instant.now().minusSeconds(1);
        List<Journals.Cup> realCup = List.of(new Journals.Cup("real-1", 0, "calf/right", 55, false));
        try (Journals journals = journals()) {
            journals.session("s-1", "C-1", realCup, 1, 30);
        }
        deliver(store);
        try (Journals journals = journals()) {
            journals.session("s-2", "C-1", realCup, 3, 30);
            journals.session("s-3", "C-2", realCup, 1, 30);
            journals.begin("s-running", "C-1", realCup);
            journals.samples(1, 0, 1, 30);
        }
        SharedTreatmentHistory history = history(List.of(dataDirectory));

        List<PastTreatment> waiting = history.treatments("C-1", before);
        assertEquals(List.of("s-1 real-1 calf/right", "s-2 real-1 calf/right"), treated(waiting),
                "s-2 is not in the database yet and counts all the same");
        assertEquals(Duration.ofSeconds(3), waiting.stream().filter(t -> t.sessionId().equals("s-2")).findFirst()
                .orElseThrow().exposure());

        deliver(store);
        assertEquals(List.of("s-1 real-1 calf/right", "s-2 real-1 calf/right"), treated(history.treatments("C-1",
                before)), "once delivered, each session once");
    }

    @Test
    @Tag("SR-15")
    void aDatabaseThatCannotBeReadMakesTheHistoryUnavailableWithTheReason() throws Exception {
        migrate();
        database.close();
        HistoryUnavailableException unavailable = assertThrows(HistoryUnavailableException.class,
                () -> history(List.of(dataDirectory)).treatments("C-1", Instant.now()));
        assertTrue(unavailable.getMessage().startsWith("cannot be read: "), unavailable.getMessage());
    }

    @Test
    @Tag("SR-15")
    void theRecordKeepsTheOverTreatmentOverrideAndWhichCupsWereSimulated() throws Exception {
        migrate();
        try (Journals journals = journals()) {
            journals.overTreatment = Map.of("siteIntervalHours", 72.0, "dailySiteExposureMinutes", 30.0, "history",
                    "treatment history of module io.upwell.engine.records 0.1.0", "warnings",
                    List.of("cup 0 at calf/right: client C-1 had session s-0 on device real-1"), "override",
                    Map.of("approvedBy", "Dr Lee", "reason", "marks faded"));
            journals.session("s-1", "C-1", List.of(new Journals.Cup("real-1", 0, "calf/right", 55, false),
                    new Journals.Cup("sim-1", 0, "calf/left", 55, true)), 1, 30);
        }
        deliver(store);

        SessionRecord record = store.session("s-1").orElseThrow();
        assertEquals(new OverTreatmentRecord(72.0, 30.0, "treatment history of module io.upwell.engine.records 0.1.0",
                List.of("cup 0 at calf/right: client C-1 had session s-0 on device real-1"), "Dr Lee", "marks faded"),
                record.overTreatment());
        assertEquals(Boolean.FALSE, record.cups().get(0).simulated());
        assertEquals(Boolean.TRUE, record.cups().get(1).simulated());
    }

    // ---------------------------------------------------------------- exactly once

    @Test
    void deliveringAgainWritesNothingTwice() throws Exception {
        migrate();
        try (Journals journals = journals()) {
            journals.session("s-1", "C-1", TWO_CUPS, 1, 20);
        }
        assertEquals(List.of("s-1"), deliver(store).delivered());
        Delivery.Pass again = deliver(store); // a new Delivery: what a restarted bundle does
        assertEquals(List.of(), again.delivered());
        assertEquals(RecordStore.Insert.ALREADY_PRESENT,
                store.insert(new io.upwell.engine.records.internal.journal.SessionJournalReader()
                        .read(dataDirectory.resolve("sessions/s-1.jsonl"), STATION)));
        assertEquals(1, count("upwell_session", null));
        assertEquals(2, count("upwell_session_cup", null));
        assertEquals(2, count("upwell_session_trace", null));
    }

    @Test
    void aDeliveryCutShortLeavesNothingAndTheNextDeliversTheWholeSession() throws Exception {
        migrate();
        try (Journals journals = journals()) {
            journals.session("s-1", "C-1", TWO_CUPS, 1, 20);
            journals.begin("s-2", "C-1", TWO_CUPS);
            journals.alarm("s-2", "LEAK", "sim-1", 0, false);
            journals.end("s-2", "ABORTED", "leak", 0.5, 1, 1);
        }
        AtomicBoolean crashed = new AtomicBoolean();
        RecordStore crashing = new RecordStore(database, step -> {
            if (step.equals("alarms") && crashed.compareAndSet(false, true)) {
                throw new SQLException("the process died here (test)");
            }
        });
        assertThrows(SQLException.class, () -> deliver(crashing));
        assertTrue(crashed.get());
        assertEquals(0, count("upwell_session", null), "the first session's transaction was rolled back whole");
        assertEquals(0, count("upwell_session_cup", null));
        assertEquals(0, count("upwell_session_alarm", null));
        assertEquals(0, count("upwell_session_trace", null));

        Delivery.Pass after = deliver(store);
        assertEquals(List.of("s-1", "s-2"), after.delivered());
        assertEquals(2, count("upwell_session", null));
        assertEquals(1, count("upwell_session_alarm", "s-2"));
        assertEquals(Outcome.ABORTED, store.session("s-2").orElseThrow().summary().outcome());
    }

    @Test
    void aCrashBetweenTwoSessionsDeliversTheRestOnceAfterRestart() throws Exception {
        migrate();
        try (Journals journals = journals()) {
            journals.session("s-1", "C-1", TWO_CUPS, 1, 20);
            journals.session("s-2", "C-1", TWO_CUPS, 1, 20);
        }
        RecordStore diesOnSecond = new RecordStore(database, step -> {
            if (step.equals("trace") && count("upwell_session", null) >= 0 && sessionBeingWritten().equals("s-2")) {
                throw new SQLException("the process died here (test)");
            }
        });
        assertThrows(SQLException.class, () -> deliver(diesOnSecond));
        assertEquals(1, count("upwell_session", null), "the first session was committed before the crash");

        Delivery.Pass restarted = deliver(store);
        assertEquals(List.of("s-2"), restarted.delivered(), "only what was missing");
        assertEquals(2, count("upwell_session", null));
        assertEquals(4, count("upwell_session_trace", null));
    }

    /** The session a crashing store is writing: the one not yet committed (read outside its transaction). */
    private String sessionBeingWritten() throws SQLException {
        return count("upwell_session", "s-1") == 1 ? "s-2" : "s-1";
    }

    @Test
    void aRunningSessionIsLeftAloneAndDeliveredOnceItEnds() throws Exception {
        migrate();
        Path file = dataDirectory.resolve("sessions/s-live.jsonl");
        try (Journals journals = journals()) {
            journals.begin("s-live", "C-1", TWO_CUPS);
            journals.samples(2, 0, 1, 15);
            Await.until("the running session's samples are on disk", () -> Files.exists(file)
                    && Files.readAllLines(file, StandardCharsets.UTF_8).size() >= 21);
            byte[] before = Files.readAllBytes(file);
            Delivery delivery = new Delivery(dataDirectory, STATION);
            Delivery.Pass whileRunning = delivery.deliver(store);
            assertEquals(List.of(), whileRunning.delivered());
            assertEquals(List.of("s-live"), whileRunning.waiting());
            assertArrayEquals(before, Files.readAllBytes(file), "the running session's file is not touched");
            assertEquals(0, count("upwell_session", null));

            journals.end("s-live", "ENDED", "program complete", 1.0, 15, 15);
            journals.close();
            assertEquals(List.of("s-live"), delivery.deliver(store).delivered());
        }
    }

    @Test
    void aSessionInterruptedByACrashIsDeliveredAfterRecoveryAsInterrupted() throws Exception {
        migrate();
        try (Journals journals = journals()) {
            journals.begin("s-crash", "C-1", TWO_CUPS);
            journals.state("s-crash", "READY", "RUNNING", "");
            journals.samples(2, 0, 1.5, 25);
        } // closed without an end: the engine died
        assertEquals(List.of(), deliver(store).delivered(), "not settled: the next start recovers it first");
        try (JsonLinesJournal restarted = new JsonLinesJournal(dataDirectory)) {
            assertEquals(List.of("s-crash"), restarted.recoverUnfinished());
        }
        assertEquals(List.of("s-crash"), deliver(store).delivered());
        SessionRecord record = store.session("s-crash").orElseThrow();
        assertEquals(Outcome.INTERRUPTED, record.summary().outcome());
        assertEquals("the engine restarted without the session ending", record.summary().reason());
        assertEquals(1.4, record.summary().programSeconds(), 1e-9, "up to the last sample that reached the disk");
        assertEquals(30, record.trace().size());
        assertEquals(25.0, record.cups().get(0).peakKpa());
        assertEquals(List.of(), deliver(store).delivered(), "and once only");
    }

    @Test
    void aJournalOfANewerFormatWaitsNamingTheFormat() throws Exception {
        migrate();
        Path sessions = Files.createDirectories(dataDirectory.resolve("sessions"));
        Files.writeString(sessions.resolve("s-future.jsonl"), """
                {"type":"session-start","time":"2026-11-24T10:00:00Z","session":"s-future","journalFormat":2,"client":"C-1"}
                {"type":"session-end","time":"2026-11-24T10:01:00Z","session":"s-future","state":"ENDED","reason":""}
                """);
        Delivery.Pass pass = deliver(store);
        assertEquals(List.of(), pass.delivered());
        assertEquals("journal " + sessions.resolve("s-future.jsonl") + " is of format 2, newer than this records bundle"
                + " reads (1)", pass.unreadable().get("s-future"));
        assertEquals(0, count("upwell_session", null));
    }

    @Test
    void aLineCutShortByACrashIsCountedAndTheRestRecorded() throws Exception {
        migrate();
        try (Journals journals = journals()) {
            journals.begin("s-cut", "C-1", TWO_CUPS);
            journals.samples(2, 0, 0.5, 12);
        }
        Path file = dataDirectory.resolve("sessions/s-cut.jsonl");
        Files.writeString(file, "{\"type\":\"sample\",\"t\":0.5,\"cu", java.nio.file.StandardOpenOption.APPEND);
        try (JsonLinesJournal restarted = new JsonLinesJournal(dataDirectory)) {
            restarted.recoverUnfinished();
        }
        deliver(store);
        SessionRecord record = store.session("s-cut").orElseThrow();
        assertEquals(1, record.unreadableLines());
        assertEquals(10, record.trace().size());
        assertNotNull(record.events().stream().filter(e -> e.type().equals("recovered")).findFirst().orElse(null));
    }

    static List<String> ids(List<SessionSummary> sessions) {
        return sessions.stream().map(SessionSummary::sessionId).toList();
    }
}
