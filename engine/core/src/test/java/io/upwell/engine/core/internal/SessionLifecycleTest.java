package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionLifecycleTest {
    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void setUp() {
        f = new EngineFixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void aStaticSessionRampsHoldsReleasesAndEnds() throws Exception {
        Session session = f.start(4, Map.of("targetKpa", 40.0, "holdSeconds", 10.0, "targetKpa@3", 30.0));
        assertEquals(SessionState.RUNNING, session.state());
        f.advance(Duration.ofSeconds(10));
        ChannelStatus cup0 = session.snapshot().channels().get(0);
        assertEquals("hold", cup0.phase());
        assertEquals(40.0, cup0.targetKpa(), 1e-9);
        assertEquals(40.0, cup0.measuredKpa(), 1.5, "the simulated cup follows the command");
        assertEquals(30.0, session.snapshot().channels().get(3).targetKpa(), 1e-9, "per-cup override");
        f.advanceUntil("the session ends", Duration.ofSeconds(60), () -> session.state() == SessionState.ENDED);
        assertEquals("program complete", session.reason());
        for (int ch = 0; ch < 4; ch++) {
            assertTrue(f.vented(ch), "channel " + ch + " vented after the session");
        }
        assertTrue(session.snapshot().channels().get(0).peakKpa() > 38.0);
        assertTrue(session.snapshot().alarms().isEmpty(), "a normal session raises no alarm: " + session.snapshot().alarms());
    }

    @Test
    void pauseVentsWithinATickAndResumeRampsInAgainFromAmbient() throws Exception {
        Session session = f.start(2, Map.of("targetKpa", 40.0, "holdSeconds", 60.0));
        f.advance(Duration.ofSeconds(10));
        session.pause();
        f.advance(Duration.ofMillis(20));
        assertTrue(f.vented(0) && f.vented(1), "paused cups are vented by the next tick");
        assertEquals("vent", session.snapshot().channels().get(0).phase());
        Duration before = session.snapshot().elapsed();
        f.advance(Duration.ofSeconds(30));
        assertEquals(before, session.snapshot().elapsed(), "program time holds while paused");
        session.resume();
        f.advance(Duration.ofMillis(100));
        double first = f.commandedKpa(0);
        assertTrue(first > 0 && first <= 1.0 + 1e-9, "re-entry starts from ambient at the ramp limit, got " + first);
    }

    @Test
    void stopRampsOutAndEndsNormally() throws Exception {
        Session session = f.start(1, Map.of("targetKpa", 40.0, "holdSeconds", 60.0));
        f.advance(Duration.ofSeconds(10));
        session.stop();
        f.advance(Duration.ofSeconds(1));
        assertEquals(SessionState.STOPPING, session.state());
        assertEquals(30.0, f.commandedKpa(0), 0.3, "ramp-out falls at 10 kPa/s");
        f.advanceUntil("ended", Duration.ofSeconds(10), () -> session.state() == SessionState.ENDED);
        assertEquals("stopped by tester", session.reason());
    }

    @Test
    void intensityScalesTheProgramWithinItsRange() throws Exception {
        Session session = f.start(1, Map.of("targetKpa", 40.0, "holdSeconds", 60.0));
        session.setIntensity(50);
        f.advance(Duration.ofSeconds(10));
        assertEquals(20.0, f.commandedKpa(0), 1e-9);
        assertEquals(60, session.intensityUp());
        f.advance(Duration.ofSeconds(2));
        assertEquals(24.0, f.commandedKpa(0), 1e-9);
        SessionException e = assertThrows(SessionException.class, () -> session.setIntensity(151));
        assertTrue(e.getMessage().contains("151"), e.getMessage());
    }

    @Test
    void commandsThatDoNotFitTheStateAreRefusedNamingIt() throws Exception {
        Session session = f.start(1, Map.of("holdSeconds", 10.0));
        SessionException e = assertThrows(SessionException.class, session::resume);
        assertTrue(e.getMessage().contains("RUNNING"), e.getMessage());
        SessionException second = assertThrows(SessionException.class, () -> f.start(1, Map.of()));
        assertTrue(second.getMessage().contains(session.id()), second.getMessage());
    }

    @Test
    @Tag("SR-16")
    void theJournalHoldsWhoWhatWhereLimitsPressuresAndTheEnd() throws Exception {
        Session session = f.start(2, Map.of("targetKpa", 40.0, "holdSeconds", 10.0));
        f.advanceUntil("ended", Duration.ofSeconds(60), () -> session.state() == SessionState.ENDED);
        f.close();
        List<JsonObject> records = read(dir.resolve("sessions").resolve(session.id() + ".jsonl"));
        JsonObject start = records.get(0);
        assertEquals("session-start", start.get("type").getAsString());
        assertEquals(io.upwell.api.records.SessionJournalFormat.VERSION,
                start.get(io.upwell.api.records.SessionJournalFormat.FORMAT_FIELD).getAsInt(),
                "the start names the journal format its readers rely on");
        assertEquals("tester", start.get("operator").getAsString());
        assertEquals("client-1", start.get("client").getAsString());
        assertEquals("scripted", start.get("technique").getAsString());
        assertEquals(2, start.getAsJsonArray("cups").size());
        assertTrue(start.getAsJsonArray("cups").get(0).getAsJsonObject().has("limitKpa"));
        long samples = records.stream().filter(r -> r.get("type").getAsString().equals("sample")).count();
        assertTrue(samples > 2 * 10 * 15, "about 10 samples per cup and second were journaled, got " + samples);
        assertTrue(records.stream().anyMatch(r -> r.get("type").getAsString().equals("state")
                && r.get("to").getAsString().equals("ENDED")));
        JsonObject end = records.get(records.size() - 1);
        assertEquals("session-end", end.get("type").getAsString());
        assertEquals("ENDED", end.get("state").getAsString());
    }

    static List<JsonObject> read(Path file) throws IOException {
        assertTrue(Files.exists(file), "journal file " + file);
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank())
                .map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
    }

    @Test
    void anEndedSessionLeavesEveryChannelToTheLoopsVent() throws Exception {
        Session session = f.start(1, Map.of("holdSeconds", 10.0));
        f.advanceUntil("ended", Duration.ofSeconds(60), () -> session.state() == SessionState.ENDED);
        f.advance(Duration.ofSeconds(1));
        f.assertAllVented("sim-1");
        assertFalse(f.engine.busy());
    }
}
