package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import org.junit.jupiter.api.Test;

/** Every alarm reaches the log, a high one as an error and any other as a warning. */
class AlarmLogTest {

    @Test
    void aHighAlarmIsLoggedAsAnErrorAndAMediumOneAsAWarning() {
        EngineEvents events = new EngineEvents();
        AlarmDesk desk = new AlarmDesk(new SafetyLatch(), new RecordingJournal(), events, new CurrentSession());
        try (LogCapture log = new LogCapture()) {
            desk.raiseEngine(AlarmPriority.HIGH, AlarmCondition.OVER_VACUUM, "d-1", 0, "high-one", true);
            desk.raiseEngine(AlarmPriority.MEDIUM, AlarmCondition.DRIVER_FAILED, "d-1", -1, "medium-one", false);
            events.close(10_000); // the log lines are written on the event thread
            EngineFixture.await("both logged", () -> log.hasLine("ERROR", "AlarmDesk", "ALARM HIGH", "high-one")
                    && log.hasLine("WARN", "AlarmDesk", "ALARM MEDIUM", "medium-one"));
            assertFalse(log.hasLine("ERROR", "medium-one"));
        }
    }
}
