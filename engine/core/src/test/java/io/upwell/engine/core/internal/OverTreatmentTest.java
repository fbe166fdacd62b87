package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.device.DeviceState;
import io.upwell.api.history.HistoryUnavailableException;
import io.upwell.api.history.PastTreatment;
import io.upwell.api.history.TreatmentHistory;
import io.upwell.api.history.TreatmentOverride;
import io.upwell.api.screening.Screening;
import io.upwell.api.session.Client;
import io.upwell.api.session.Placement;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionRequest;
import io.upwell.engine.core.internal.clock.SystemClock;
import io.upwell.engine.core.internal.journal.JsonLinesJournal;
import io.upwell.engine.core.internal.settings.EngineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SR-15 in a running engine: a session on a real device for a client whose site was treated too
 * recently, or too long today, is refused with the session behind it and when the site may be
 * treated again, and starts only with an override the journal keeps. The history is the engine's
 * own journal, or a registered {@link TreatmentHistory} that replaces it; one that cannot answer
 * refuses the start. The engine runs on the system clock, since real devices need it; the history's
 * times are set relative to now, and nothing waits on the wall clock but bounded awaits.
 */
@Tag("SR-15")
class OverTreatmentTest {

    private static final BodySite BACK_LEFT = new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, "");
    private static final BodySite BACK_RIGHT = new BodySite(BodyRegion.UPPER_BACK, Side.RIGHT, "");

    @TempDir
    Path dir;

    private Engine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private Engine start(EngineSettings settings) {
        engine = new Engine(settings, new SystemClock(), new JsonLinesJournal(settings.dataDirectory(),
                Duration.ofMillis(50), 1024));
        engine.addTechnique(new ScriptedTechnique(EngineFixture::holdProgram), "test.module");
        engine.addDriver(new ScriptedDevice("real-1", 2, false, false));
        engine.addDriver(new ScriptedDevice("sim-9", 2, false, true));
        engine.start(true);
        EngineFixture.await("both devices ready", () -> engine.devices().stream()
                .filter(d -> d.state() == DeviceState.READY).count() == 2);
        EngineFixture.await("technique available", () -> !engine.techniques().isEmpty());
        return engine;
    }

    private Engine start() {
        return start(EngineSettings.defaults(dir, false));
    }

    private static SessionRequest request(String client, String device, BodySite site) {
        return new SessionRequest("therapist", new Client(client, ""), Screening.clear("nurse"),
                ScriptedTechnique.ID, Map.of(), List.of(new Placement(device, 0, site)), 100);
    }

    /** Runs a session to its end (stopped at once: it ramps out from where it is). */
    private String treat(SessionRequest request) throws SessionException {
        Session session = engine.start(request);
        session.stop();
        EngineFixture.await("session " + session.id() + " over", () -> session.state().isFinal());
        return session.id();
    }

    private SessionException refused(SessionRequest request) {
        return assertThrows(SessionException.class, () -> engine.check(request));
    }

    @Test
    void aSecondSessionOnTheSameSiteWithinTheIntervalIsRefusedNamingTheFirstAndWhenAgain() throws Exception {
        start();
        String first = treat(request("c-1", "real-1", BACK_LEFT));

        SessionException refused = refused(request("c-1", "real-1", BACK_LEFT));

        String message = refused.getMessage();
        assertTrue(message.contains("over-treatment (SR-15): cup 0 at upper-back/left: client c-1 had session " + first
                + " on device real-1 on this site"), message);
        assertTrue(message.contains("the minimum interval is 72 h, so the site may be treated again from "), message);
        assertTrue(message.contains("start with an override that names who approves it and why"), message);
    }

    @Test
    void aSessionFromBeforeARestartIsReadFromTheJournal() throws Exception {
        start();
        String first = treat(request("c-1", "real-1", BACK_LEFT));
        engine.close();

        start();
        SessionException refused = refused(request("c-1", "real-1", BACK_LEFT));

        assertTrue(refused.getMessage().contains("had session " + first + " on device real-1"), refused.getMessage());
    }

    @Test
    void anotherSiteAnotherClientOrASimulatedSessionDoNotCount() throws Exception {
        start();
        treat(request("c-1", "real-1", BACK_LEFT));
        treat(request("c-2", "sim-9", BACK_RIGHT));

        engine.check(request("c-1", "real-1", BACK_RIGHT));
        engine.check(request("c-2", "real-1", BACK_LEFT));
        engine.check(request("c-2", "real-1", BACK_RIGHT));
        engine.check(request("c-1", "sim-9", BACK_LEFT));
    }

    @Test
    void anOverrideLetsItStartAndTheJournalKeepsItWithTheWarnings() throws Exception {
        start();
        String first = treat(request("c-1", "real-1", BACK_LEFT));

        String second = treat(request("c-1", "real-1", BACK_LEFT)
                .withOverride(new TreatmentOverride("Dr Lee", "marks faded, client asked")));

        JsonObject header = firstRecord(second);
        JsonObject overTreatment = header.getAsJsonObject("overTreatment");
        assertEquals("Dr Lee", overTreatment.getAsJsonObject("override").get("approvedBy").getAsString());
        assertEquals("marks faded, client asked", overTreatment.getAsJsonObject("override").get("reason").getAsString());
        assertEquals(1, overTreatment.getAsJsonArray("warnings").size());
        assertTrue(overTreatment.getAsJsonArray("warnings").get(0).getAsString().contains("session " + first),
                overTreatment.toString());
        assertEquals("this station's journal", overTreatment.get("history").getAsString());
        assertEquals(72.0, overTreatment.get("siteIntervalHours").getAsDouble());
    }

    @Test
    void aSessionWithoutWarningsJournalsThatNoneWereFound() throws Exception {
        start();

        String id = treat(request("c-1", "real-1", BACK_LEFT));

        JsonObject overTreatment = firstRecord(id).getAsJsonObject("overTreatment");
        assertEquals(0, overTreatment.getAsJsonArray("warnings").size());
        assertEquals("none", overTreatment.get("override").getAsString());
    }

    @Test
    void aRegisteredHistoryIsAskedInsteadOfTheJournal() throws Exception {
        start();
        Instant now = Instant.now();
        engine.useTreatmentHistory((client, since) -> List.of(new PastTreatment("station-b-7", "iv-3", BACK_LEFT,
                now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)), Duration.ofMinutes(20))),
                "records");

        SessionException refused = refused(request("c-1", "real-1", BACK_LEFT));

        assertTrue(refused.getMessage().contains("had session station-b-7 on device iv-3 on this site"),
                refused.getMessage());
    }

    @Test
    void aHistoryThatCannotBeReadRefusesEvenWithAnOverride() throws Exception {
        start();
        engine.useTreatmentHistory((client, since) -> {
            throw new HistoryUnavailableException("database at db.clinic:5432 refused the connection");
        }, "records");

        SessionException refused = refused(request("c-1", "real-1", BACK_LEFT)
                .withOverride(new TreatmentOverride("Dr Lee", "urgent")));

        assertTrue(refused.getMessage().contains("the treatment history of client c-1 cannot be read (the treatment"
                + " history (module records): database at db.clinic:5432 refused the connection); a session on a real"
                + " device needs it"), refused.getMessage());
    }

    @Test
    void aHistoryThatHangsIsCutOffByTheDeadlineAndRefuses() throws Exception {
        start(EngineSettings.builder(dir).pluginCallTimeoutMillis(100).build());
        CountDownLatch never = new CountDownLatch(1);
        engine.useTreatmentHistory((client, since) -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the deadline interrupts the call
            }
            return List.of();
        }, "records");

        SessionException refused = refused(request("c-1", "real-1", BACK_LEFT));

        assertTrue(refused.getMessage().contains("no answer within the deadline"), refused.getMessage());
    }

    @Test
    void aDroppedHistoryGivesWayToTheJournalAgain() throws Exception {
        start();
        TreatmentHistory failing = (client, since) -> {
            throw new HistoryUnavailableException("down");
        };
        engine.useTreatmentHistory(failing, "records");
        engine.dropTreatmentHistory(failing);

        engine.check(request("c-1", "real-1", BACK_LEFT));
    }

    @Test
    void tooMuchExposureInADayIsRefusedEvenWithoutAnInterval() throws Exception {
        start(EngineSettings.builder(dir).siteIntervalHours(0).dailySiteExposureMinutes(20).build());
        Instant now = Instant.now();
        engine.useTreatmentHistory((client, since) -> List.of(new PastTreatment("s-morning", "real-1", BACK_LEFT,
                now.minus(Duration.ofHours(5)), now.minus(Duration.ofHours(4)), Duration.ofMinutes(19))),
                "records");

        SessionException refused = refused(request("c-1", "real-1", BACK_LEFT));

        // 19 min today plus the 68 s planned (5 s ramp, 60 s hold, 3 s release) is more than 20 min
        assertTrue(refused.getMessage().contains("client c-1 had 19.0 min on this site in the last 24 h (sessions"
                + " [s-morning]); with the 1.1 min planned that is more than the daily exposure of 20.0 min"),
                refused.getMessage());
        engine.check(request("c-1", "real-1", BACK_RIGHT));
    }

    private JsonObject firstRecord(String sessionId) throws IOException {
        Path file = dir.resolve("sessions").resolve(sessionId + ".jsonl");
        EngineFixture.await("the session's first record", () -> {
            try {
                return Files.exists(file) && !Files.readAllLines(file).isEmpty();
            } catch (IOException e) {
                return false;
            }
        });
        String first = Files.readAllLines(file).get(0);
        return JsonParser.parseString(first).getAsJsonObject();
    }
}
