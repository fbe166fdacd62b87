package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("SR-13")
class EmergencyStopTest {
    @TempDir
    Path dir;
    EngineFixture f;
    Session session;

    @BeforeEach
    void setUp() throws Exception {
        f = new EngineFixture(dir);
        session = f.start(4, Map.of("targetKpa", 40.0, "holdSeconds", 300.0));
        f.advance(Duration.ofSeconds(10));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void ventsEveryChannelAtOnceBeforeTheNextTickAndLatches() {
        f.engine.emergencyStop("test");
        f.assertAllVented("sim-1"); // no tick has run since the call
        assertEquals(SessionState.ABORTED, session.state());
        assertTrue(session.reason().contains("emergency stop by test"), session.reason());
        assertTrue(f.engine.latched());
        f.advance(Duration.ofSeconds(5));
        f.assertAllVented("sim-1");
        for (int ch = 0; ch < 4; ch++) {
            assertTrue(f.slot("sim-1").measuredKpa(ch) < 1.0, "pressure released on " + ch);
            assertTrue(session.snapshot().channels().get(ch).measuredKpa() < 1.0,
                    "the aborted session's view shows the release too, on " + ch);
        }
    }

    @Test
    void isIdempotent() {
        f.engine.emergencyStop("first");
        f.engine.emergencyStop("second");
        f.engine.emergencyStop("third");
        assertEquals(1, EngineFixture.alarms(session, AlarmCondition.EMERGENCY_STOP).size()
                + f.engineAlarms(AlarmCondition.EMERGENCY_STOP).size(), "one alarm for one stop");
        assertTrue(session.reason().contains("first"));
        f.assertAllVented("sim-1");
    }

    @Test
    void nothingAppliesVacuumAgainUntilAcknowledged() throws Exception {
        f.engine.emergencyStop("test");
        SessionException refused = assertThrows(SessionException.class, () -> f.start(1, Map.of()));
        assertTrue(refused.getMessage().contains("acknowledge"), refused.getMessage());
        f.engine.acknowledge("therapist");
        Session next = f.start(1, Map.of("targetKpa", 20.0, "holdSeconds", 10.0));
        f.advance(Duration.ofSeconds(3));
        assertTrue(f.commandedKpa(0) > 10.0, "a new session applies vacuum after acknowledgement");
        assertEquals(SessionState.RUNNING, next.state());
    }

    @Test
    void worksWhileAFaultIsAlreadyLatched() {
        f.simulator.inject(io.upwell.devices.simulator.Fault.NAN_SAMPLE, 0);
        f.advance(Duration.ofMillis(60));
        assertEquals(SessionState.PAUSED, session.state(), "paused by the sensor fault");
        assertTrue(f.engine.latched());
        f.engine.emergencyStop("test");
        assertEquals(SessionState.ABORTED, session.state(), "the paused session is ended for good");
        assertEquals(1, EngineFixture.alarms(session, AlarmCondition.EMERGENCY_STOP).size(),
                "the stop is told even though a fault had latched the engine already");
        f.assertAllVented("sim-1");
    }

    @Test
    void theDevicesOwnButtonStopsEverything() {
        f.simulator.pressEmergencyStop();
        f.assertAllVented("sim-1");
        assertEquals(SessionState.ABORTED, session.state());
        assertTrue(f.engine.latched());
    }

    @Test
    void pressedWhileATechniquePlansTheSessionNeverStarts() throws Exception {
        session.stop();
        f.advanceUntil("ended", Duration.ofSeconds(10), () -> session.state() == SessionState.ENDED);
        java.util.concurrent.CountDownLatch planning = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch pressed = new java.util.concurrent.CountDownLatch(1);
        f.technique.script(request -> {
            planning.countDown();
            try {
                pressed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return EngineFixture.holdProgram(request);
        });
        java.util.concurrent.CompletableFuture<Session> starting = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return f.start(2, Map.of("targetKpa", 40.0, "holdSeconds", 60.0));
                    } catch (SessionException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
        EngineFixture.await("the technique is planning", () -> planning.getCount() == 0);
        f.engine.emergencyStop("test");
        pressed.countDown();
        var failure = assertThrows(java.util.concurrent.ExecutionException.class, starting::get);
        assertTrue(failure.getCause().getMessage().contains("latched while the session was being planned"),
                failure.getCause().getMessage());
        f.advance(Duration.ofSeconds(5));
        f.assertAllVented("sim-1");
        assertEquals(session, f.engine.current().orElseThrow(), "no new session was published");
    }

    @Test
    void worksWithNoSessionToo() throws Exception {
        f.advanceUntil("idle", Duration.ofSeconds(1), () -> true);
        session.state();
        f.engine.emergencyStop("test");
        f.engine.acknowledge("therapist");
        f.engine.emergencyStop("again");
        assertTrue(f.engine.latched());
        f.assertAllVented("sim-1");
    }

    @Test
    void anEmergencyStopRacingAnAcknowledgementNeverLeavesTheNextStopUnlatched() throws Exception {
        for (int round = 0; round < 300; round++) {
            Thread stopper = new Thread(() -> f.engine.emergencyStop("racer"));
            stopper.start();
            f.engine.acknowledge("therapist");
            stopper.join();
            // A two-step acknowledgement could leave the "stopped" flag set over a clear latch, after which
            // every emergency stop only vented without latching.
            f.engine.emergencyStop("next");
            assertTrue(f.engine.latched(), "round " + round);
            f.engine.acknowledge("therapist");
        }
    }

    @Test
    void aSessionLeftRunningUnderTheLatchDoesNotRampOnUnseen() throws Exception {
        // Whatever latches without pausing the session (here a latching engine alarm raised directly),
        // the session must not climb behind the vented links: after the acknowledgement the device
        // would get that level at once, with no ramp.
        session.stop();
        f.advanceUntil("ended", Duration.ofSeconds(30), () -> !session.state().equals(SessionState.STOPPING));
        Session next = f.start(1, Map.of("targetKpa", 40.0, "holdSeconds", 300.0));
        f.advance(Duration.ofMillis(100));
        f.engine.alarms().raise(null, io.upwell.api.safety.AlarmPriority.HIGH, AlarmCondition.SENSOR_FAULT, "", -1,
                "test", true);
        f.advance(Duration.ofSeconds(3));
        assertEquals(SessionState.RUNNING, next.state());
        f.engine.acknowledge("therapist");
        f.advance(Duration.ofMillis(20));
        assertTrue(f.commandedKpa(0) <= 10.0 * 0.02 + 1e-9,
                "the first command after acknowledgement rises from ambient at the ramp limit: " + f.commandedKpa(0));
    }
}
