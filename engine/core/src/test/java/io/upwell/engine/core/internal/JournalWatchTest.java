package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.JournalHealth;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The journal's health as people see it (SR-16): told once, refusing new sessions, counted. */
@Tag("SR-16")
class JournalWatchTest {
    final SafetyLatch latch = new SafetyLatch();
    final RecordingJournal journal = new RecordingJournal();
    final EngineEvents events = new EngineEvents();
    final AlarmDesk alarms = new AlarmDesk(latch, journal, events, new CurrentSession());
    final JournalWatch watch = new JournalWatch(journal, alarms);

    @AfterEach
    void tearDown() {
        events.close(1000);
    }

    @Test
    void aWritingJournalIsHealthyRaisesNothingAndRefusesNothing() {
        watch.check();
        assertEquals(List.of(), alarms.engineAlarms());
        assertNull(watch.refusal());
        assertSame(JournalHealth.HEALTHY, watch.health());
    }

    @Test
    void theFirstFailureRaisesOneMediumAlarmThatDoesNotLatch() {
        journal.problem = "disk full";
        watch.check();
        watch.check();
        List<Alarm> raised = alarms.engineAlarms();
        assertEquals(1, raised.size(), "told once: " + raised);
        Alarm alarm = raised.get(0);
        assertEquals(AlarmCondition.JOURNAL_FAILED, alarm.condition());
        assertEquals(AlarmPriority.MEDIUM, alarm.priority());
        assertTrue(alarm.message().contains("(disk full)"), alarm.message());
        assertFalse(latch.isSet(), "therapy under way goes on");
    }

    @Test
    void aFailingJournalRefusesNewSessionsNamingTheProblem() {
        journal.problem = "disk full";
        assertEquals("the session journal cannot write (disk full)", watch.refusal());
    }

    @Test
    void recordsLostWithoutAProblemNowStillShow() {
        journal.lost = 3;
        assertEquals(new JournalHealth(true, "", 3), watch.health());
        journal.problem = "disk full";
        assertEquals(new JournalHealth(false, "disk full", 3), watch.health());
        journal.lost = 0;
        assertEquals(new JournalHealth(false, "disk full", 0), watch.health());
    }
}
