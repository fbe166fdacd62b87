package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionState;
import io.upwell.engine.core.internal.device.DeviceSlot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A control loop that stopped ticking is a latched fault until it ticks again and an operator
 * acknowledges: every link reads vent, no acknowledgement clears it while it is dead, and no
 * session starts (SR-10). The loop "dies" here by the virtual clock standing still while the
 * watchdog is checked with chosen wall times.
 */
@Tag("SR-10")
class DeadLoopTest {
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;
    EngineFixture f;
    Session session;
    long wall;

    @BeforeEach
    void setUp() throws Exception {
        f = new EngineFixture(dir);
        session = f.start(2, Map.of("targetKpa", 40.0, "holdSeconds", 300.0));
        f.advance(Duration.ofSeconds(10));
        f.engine.watchdog().check(wall);
        wall += 300 * MS;
        assertTrue(f.engine.watchdog().check(wall), "the loop is declared stopped");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void aDeadLoopCannotBeAcknowledgedAndStaysVented() {
        assertEquals(SessionState.ABORTED, session.state());
        SessionException refused = assertThrows(SessionException.class, () -> f.engine.acknowledge("therapist"));
        assertTrue(refused.getMessage().contains("control loop is not ticking"), refused.getMessage());
        assertTrue(f.engine.latched(), "still latched");
        f.assertAllVented("sim-1");
    }

    @Test
    void noSessionStartsOnADeadLoop() {
        SessionException refused = assertThrows(SessionException.class,
                () -> f.start(1, Map.of("targetKpa", 20.0, "holdSeconds", 10.0)));
        assertTrue(refused.getMessage().contains("control loop is not ticking"), refused.getMessage());
    }

    @Test
    void everyCheckWhileTheLoopStaysDeadKeepsEveryChannelVented() {
        DeviceSlot slot = f.slot("sim-1");
        for (int ch = 0; ch < slot.channels(); ch++) {
            slot.releaseForcedVent(ch); // what a session's begin would do if one could start
        }
        wall += 50 * MS;
        assertFalse(f.engine.watchdog().check(wall), "the stop is announced once");
        for (int ch = 0; ch < slot.channels(); ch++) {
            assertTrue(slot.isForcedVent(ch), "forced to vent again by the next check, channel " + ch);
        }
    }

    @Test
    void onceTheLoopTicksAgainTheOperatorMayAcknowledgeAndStartAnew() throws Exception {
        f.advance(Duration.ofMillis(100)); // ticks resume
        wall += 50 * MS;
        f.engine.watchdog().check(wall);
        assertTrue(f.engine.latched(), "ticking again clears nothing by itself");
        f.engine.acknowledge("therapist");
        Session next = f.start(1, Map.of("targetKpa", 20.0, "holdSeconds", 10.0));
        f.advance(Duration.ofSeconds(3));
        assertEquals(SessionState.RUNNING, next.state());
        assertTrue(f.commandedKpa(0) > 10.0, "vacuum applies again, through the envelope");
    }
}
