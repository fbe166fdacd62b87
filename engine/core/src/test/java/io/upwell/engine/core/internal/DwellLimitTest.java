package io.upwell.engine.core.internal;

import io.upwell.engine.core.internal.settings.EngineSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionState;
import io.upwell.devices.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("SR-04")
class DwellLimitTest {
    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void setUp() {
        f = new EngineFixture(EngineSettings.defaults(dir, true).toBuilder().dwellLimitSeconds(60).build(), SimulatorOptions.defaults());
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void aCupAtTheDwellLimitRampsOutAndTheOperatorIsTold() throws Exception {
        Session session = f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 120.0));
        f.advance(Duration.ofSeconds(59));
        assertEquals(30.0, f.commandedKpa(0), 1e-9, "holding before the limit");
        assertTrue(EngineFixture.alarms(session, AlarmCondition.DWELL_LIMIT).isEmpty());

        f.advanceUntil("the dwell limit is reached", Duration.ofSeconds(5),
                () -> !EngineFixture.alarms(session, AlarmCondition.DWELL_LIMIT).isEmpty());
        List<Alarm> alarms = EngineFixture.alarms(session, AlarmCondition.DWELL_LIMIT);
        assertEquals(AlarmPriority.MEDIUM, alarms.get(0).priority());
        assertTrue(alarms.get(0).message().contains("cup 0"), alarms.get(0).message());
        f.advance(Duration.ofSeconds(1));
        assertEquals("ramp-out", session.snapshot().channels().get(0).phase());
        assertTrue(f.commandedKpa(0) < 30.0, "ramping out at the ramp-out rate");

        f.advance(Duration.ofSeconds(10));
        assertEquals(0.0, f.commandedKpa(0), "out; it does not come back while the program goes on");
        assertEquals("dwell-limit", session.snapshot().channels().get(0).phase(), "and says why");
        assertEquals(SessionState.RUNNING, session.state(), "the session itself continues");
        assertFalse(f.engine.latched(), "a dwell limit is an alarm, not a fault");
        assertEquals(1, EngineFixture.alarms(session, AlarmCondition.DWELL_LIMIT).size());
    }
}
