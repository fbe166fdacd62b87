package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.EngineListener;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a session leaves in its journal and tells listeners as it goes, and what a start refuses. */
class SessionRecordTest {
    @TempDir
    Path dir;
    EngineFixture f;
    final List<String> told = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        f = new EngineFixture(dir);
        f.engine.addListener(new EngineListener() {
            @Override
            public void sessionChanged(String sessionId, SessionState from, SessionState to, String reason) {
                told.add(from + "->" + to);
            }
        });
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private List<JsonObject> records(Session session) throws Exception {
        return SessionLifecycleTest.read(dir.resolve("sessions").resolve(session.id() + ".jsonl"));
    }

    @Test
    @Tag("SR-16")
    void theLastRecordSumsTheSessionUp() throws Exception {
        Session session = f.start(2, Map.of("targetKpa", 30.0, "holdSeconds", 10.0));
        f.advanceUntil("ended", Duration.ofSeconds(60), () -> session.state() == SessionState.ENDED);
        SessionSnapshot snapshot = session.snapshot();
        f.close();
        List<JsonObject> records = records(session);
        JsonObject end = records.get(records.size() - 1);
        assertEquals("session-end", end.get("type").getAsString());
        assertEquals("ENDED", end.get("state").getAsString());
        assertEquals(snapshot.reason(), end.get("reason").getAsString());
        double seconds = end.get("programSeconds").getAsDouble();
        assertEquals(snapshot.elapsed().toMillis() / 1000.0, seconds, 1e-9);
        assertTrue(seconds >= 17 && seconds <= 20, "ramp, hold and release take about 18 s: " + seconds);
        JsonArray peaks = end.getAsJsonArray("peaks");
        assertEquals(2, peaks.size());
        for (int cup = 0; cup < 2; cup++) {
            JsonObject peak = peaks.get(cup).getAsJsonObject();
            assertEquals(cup, peak.get("cup").getAsInt());
            ChannelStatus status = snapshot.channels().get(cup);
            double kpa = peak.get("peakKpa").getAsDouble();
            assertEquals(Math.round(status.peakKpa() * 100) / 100.0, kpa, 1e-12, "to the hundredth");
            assertTrue(kpa > 25 && kpa <= 31, "about the 30 kPa held: " + kpa);
        }
        assertEquals(snapshot.alarms().size(), end.get("alarms").getAsInt());
    }

    @Test
    @Tag("SR-16")
    void everyChangeOfStateIsJournaledWithItsReasonAndTold() throws Exception {
        Session session = f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 10.0));
        f.advance(Duration.ofSeconds(2));
        session.stop();
        f.advanceUntil("ended", Duration.ofSeconds(60), () -> session.state().isFinal());
        SessionState last = session.state();
        String reason = session.reason();
        f.close();
        List<JsonObject> states = records(session).stream()
                .filter(r -> r.get("type").getAsString().equals("state")).toList();
        assertTrue(states.size() >= 2, states.toString());
        for (int i = 1; i < states.size(); i++) {
            assertEquals(states.get(i - 1).get("to").getAsString(), states.get(i).get("from").getAsString(),
                    "each change starts where the last one ended");
        }
        JsonObject end = states.get(states.size() - 1);
        assertEquals(last.name(), end.get("to").getAsString());
        assertEquals(reason, end.get("reason").getAsString());
        List<String> journaled = states.stream()
                .map(r -> r.get("from").getAsString() + "->" + r.get("to").getAsString()).toList();
        assertEquals(journaled, told, "listeners are told the same changes");
    }

    @Test
    void anUnknownTechniqueIsRefusedNamingThoseAvailable() {
        SessionRequest request = EngineFixture.request(1, Map.of());
        SessionRequest unknown = new SessionRequest(request.operator(), request.client(), request.screening(),
                "no-such-technique", request.parameters(), request.placements(), request.intensity());
        SessionException refused = assertThrows(SessionException.class, () -> f.engine.start(unknown));
        assertEquals("unknown technique 'no-such-technique'; available: [scripted]", refused.getMessage());
    }

    @Test
    void aSecondSessionIsRefusedWhileOneIsLiveNamingIt() throws Exception {
        Session session = f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 10.0));
        SessionException refused = assertThrows(SessionException.class,
                () -> f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 10.0)));
        assertEquals("session " + session.id() + " is " + session.state() + "; stop it before starting another",
                refused.getMessage());
    }

    @Test
    @Tag("SR-13")
    void noSessionStartsWhileLatched() {
        f.engine.emergencyStop("test");
        SessionException refused = assertThrows(SessionException.class,
                () -> f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 10.0)));
        assertEquals("an emergency stop or fault is latched; the operator must acknowledge it first",
                refused.getMessage());
    }
}
