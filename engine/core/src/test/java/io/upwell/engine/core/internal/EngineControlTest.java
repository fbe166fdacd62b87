package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.session.EngineListener;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine commanded by session id, as a front end on the network does: each command names who
 * gave it and the journal keeps the name; a command for another session is refused naming the
 * current one; past sessions are looked up by id; listeners hear samples at the journal's rate.
 */
class EngineControlTest {
    @TempDir
    Path dir;
    EngineFixture f;
    Session session;

    @BeforeEach
    void setUp() throws Exception {
        f = new EngineFixture(dir);
        session = f.start(2, Map.of("targetKpa", 40.0, "holdSeconds", 60.0));
        f.advance(Duration.ofSeconds(2));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    /** True once the session's journal on disk has a record of this type whose field has this value. */
    private boolean journaled(String type, String field, String value) {
        Path file = dir.resolve("sessions").resolve(session.id() + ".jsonl");
        if (!Files.exists(file)) {
            return false;
        }
        try {
            return SessionLifecycleTest.read(file).stream().anyMatch(r -> r.get("type").getAsString().equals(type)
                    && r.has(field) && r.get(field).getAsString().equals(value));
        } catch (java.io.IOException | RuntimeException partlyWritten) {
            return false; // a line still being written: look again
        }
    }

    @Test
    @Tag("SR-16")
    void everyCommandIsJournaledWithWhoGaveIt() throws Exception {
        f.engine.pause(session.id(), "ana");
        assertEquals("paused by ana", session.reason());
        f.engine.resume(session.id(), "ben");
        assertEquals(80, f.engine.setIntensity(session.id(), 80, "carl"));
        f.advance(Duration.ofSeconds(1));
        f.engine.stop(session.id(), "dora");
        f.advanceUntil("ended", Duration.ofSeconds(10), () -> session.state() == SessionState.ENDED);
        assertEquals("stopped by dora", session.reason());

        EngineFixture.await("every command on disk", () -> journaled("state", "reason", "paused by ana")
                && journaled("state", "reason", "resumed by ben") && journaled("intensity", "by", "carl")
                && journaled("state", "reason", "stopped by dora"));
    }

    @Test
    void aCommandForAnotherSessionIsRefusedNamingTheCurrentOne() {
        SessionException refused = assertThrows(SessionException.class, () -> f.engine.pause("s-other", "ana"));
        assertEquals("no session 's-other'; the current session is " + session.id(), refused.getMessage());
        assertEquals(SessionState.RUNNING, session.state(), "nothing changed");
        assertThrows(IllegalArgumentException.class, () -> f.engine.pause(session.id(), ""), "who is needed");
    }

    @Test
    void aCommandOutOfItsStateIsRefusedNamingTheState() {
        SessionException refused = assertThrows(SessionException.class, () -> f.engine.resume(session.id(), "ana"));
        assertTrue(refused.getMessage().contains("is RUNNING; only a paused session can resume"),
                refused.getMessage());
        assertThrows(SessionException.class, () -> f.engine.setIntensity(session.id(), 151, "ana"));
    }

    @Test
    void endedSessionsAreFoundByIdAndCanNoLongerBeCommanded() throws Exception {
        String first = session.id();
        f.engine.stop(first, "ana");
        f.advanceUntil("ended", Duration.ofSeconds(10), () -> session.state() == SessionState.ENDED);
        session = f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 10.0));

        assertEquals(SessionState.ENDED, f.engine.session(first).orElseThrow().state());
        assertEquals(session.id(), f.engine.currentSession().orElseThrow().sessionId());
        assertEquals(Optional.empty(), f.engine.session("s-never"));
        SessionException refused = assertThrows(SessionException.class, () -> f.engine.pause(first, "ana"));
        assertEquals("session " + first + " is ENDED; it can no longer be commanded", refused.getMessage());
    }

    @Test
    void listenersHearTheLiveSessionAtTheJournalsRate() {
        List<SessionSnapshot> heard = new CopyOnWriteArrayList<>();
        f.engine.addListener(new EngineListener() {
            @Override
            public void sampled(SessionSnapshot snapshot) {
                heard.add(snapshot);
            }
        });
        f.advance(Duration.ofSeconds(1));
        // 10 Hz by default; a slow event thread may coalesce samples, never add any
        EngineFixture.await("samples heard", () -> !heard.isEmpty());
        assertTrue(heard.size() <= 10, "at most the journal's rate: " + heard.size());
        assertEquals(session.id(), heard.get(0).sessionId());
        assertEquals(2, heard.get(0).channels().size());
    }
}
