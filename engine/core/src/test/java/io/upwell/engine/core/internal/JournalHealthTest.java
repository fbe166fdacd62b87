package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal that cannot write reaches people, and refuses new therapy it could not record (SR-16). */
@Tag("SR-16")
class JournalHealthTest {
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

    /** Where session files go becomes a plain file: every new session file fails to open. */
    private void breakTheSessionsDirectory() throws Exception {
        Path sessions = dir.resolve("sessions");
        try (Stream<Path> files = Files.walk(sessions)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Files.writeString(sessions, "not a directory");
    }

    @Test
    void aJournalThatCannotWriteRaisesAnAlarmAndRefusesNewSessionsWhileTheRunningOneGoesOn() throws Exception {
        assertTrue(f.engine.journalHealth().healthy());
        breakTheSessionsDirectory();
        Session session = f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 10.0));
        EngineFixture.await("the journal reports the failure", () -> !f.engine.journalHealth().healthy());
        f.engine.checkJournal();
        List<Alarm> raised = f.engineAlarms(AlarmCondition.JOURNAL_FAILED);
        assertEquals(1, raised.size(), "one alarm: " + raised);
        assertTrue(raised.get(0).message().contains("sessions"), raised.get(0).message());
        f.engine.checkJournal();
        assertEquals(1, f.engineAlarms(AlarmCondition.JOURNAL_FAILED).size(), "told once");

        f.advance(Duration.ofSeconds(3));
        assertEquals(SessionState.RUNNING, session.state(), "therapy under way is not disturbed");
        // The writer counts a record lost when it tries to write it, on its own thread.
        EngineFixture.await("records counted lost", () -> f.engine.journalHealth().lostRecords() > 0);
        f.advanceUntil("the session ends", Duration.ofSeconds(30), () -> session.state() == SessionState.ENDED);
        List<Alarm> atEnd = EngineFixture.alarms(session, AlarmCondition.JOURNAL_FAILED);
        assertEquals(1, atEnd.size(), "the lost count is reported at the session's end");
        assertTrue(atEnd.get(0).message().contains("could not be written"), atEnd.get(0).message());
        assertTrue(f.engine.journalHealth().lostRecords() > 0);

        SessionException refused = assertThrows(SessionException.class,
                () -> f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 10.0)));
        assertTrue(refused.getMessage().contains("journal cannot write"), refused.getMessage());
        assertFalse(f.engine.journalHealth().problem().isEmpty());
    }
}
