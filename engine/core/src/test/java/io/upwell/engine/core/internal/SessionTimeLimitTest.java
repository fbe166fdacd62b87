package io.upwell.engine.core.internal;

import io.upwell.engine.core.internal.settings.EngineSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionState;
import io.upwell.devices.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("SR-05")
class SessionTimeLimitTest {
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
    void aSessionEndsWithARampOutAtItsPlannedEndPlusGrace() throws Exception {
        Session session = f.start(1, Map.of("targetKpa", 40.0, "holdSeconds", 60.0)); // 68 s program
        f.advance(Duration.ofSeconds(10));
        session.pause();
        session.resume(); // a pause without a fault needs no acknowledgement
        session.pause();
        f.advance(Duration.ofSeconds(117)); // 127 s since start: planned 68 s + 60 s grace not reached yet
        assertEquals(SessionState.PAUSED, session.state());
        f.advance(Duration.ofSeconds(2));
        assertTrue(session.state() == SessionState.STOPPING || session.state() == SessionState.ENDED, "state "
                + session.state());
        f.advanceUntil("ended", Duration.ofSeconds(10), () -> session.state() == SessionState.ENDED);
        assertTrue(session.reason().contains("planned end plus 60 s grace"), session.reason());
        assertEquals(1, EngineFixture.alarms(session, AlarmCondition.SESSION_TIME_LIMIT).size());
    }

    @Test
    void noSessionOutlivesTheConfiguredMaximum() throws Exception {
        f.close();
        f = new EngineFixture(EngineSettings.defaults(dir, true).toBuilder().maxSessionMinutes(1).build(),
                SimulatorOptions.defaults());
        Session session = f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 50.0)); // 58 s program
        f.advance(Duration.ofSeconds(20));
        session.pause();
        f.advance(Duration.ofSeconds(40)); // 60 s since start = the maximum, before planned end + grace
        f.advanceUntil("ended", Duration.ofSeconds(5), () -> session.state() == SessionState.ENDED);
        assertTrue(session.reason().contains("maximum session length of 1 min"), session.reason());
    }

    @Test
    void aProgramLongerThanTheMaximumIsRefused() {
        f.close();
        f = new EngineFixture(EngineSettings.defaults(dir, true).toBuilder().maxSessionMinutes(10).build(),
                SimulatorOptions.defaults());
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.upwell.api.session.SessionException.class,
                () -> f.start(1, Map.of("holdSeconds", 900.0, "targetKpa", 20.0)));
        assertTrue(e.getMessage().contains("planned 15 min for cup 0")
                && e.getMessage().contains("the maximum session is 10 min"), e.getMessage());
    }
}
