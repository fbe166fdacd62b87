package io.upwell.engine.core.internal;

import static io.upwell.engine.core.internal.EngineFixture.alarms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionState;
import io.upwell.devices.simulator.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults the simulated device produces, and what the monitor and the engine do about them. */
class DeviceFaultsTest {
    @TempDir
    Path dir;
    EngineFixture f;
    Session session;

    @BeforeEach
    void setUp() throws Exception {
        f = new EngineFixture(dir);
        session = f.start(2, Map.of("targetKpa", 40.0, "holdSeconds", 300.0));
        f.advance(Duration.ofSeconds(10)); // holding at 40 kPa
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private void assertPausedByFault(AlarmCondition condition) {
        assertEquals(SessionState.PAUSED, session.state(), "paused: " + session.reason());
        List<Alarm> raised = alarms(session, condition);
        assertEquals(1, raised.size(), "one " + condition + " alarm: " + session.snapshot().alarms());
        assertEquals(AlarmPriority.HIGH, raised.get(0).priority());
        assertTrue(f.engine.latched(), "the fault latches");
        SessionException refused = assertThrows(SessionException.class, session::resume);
        assertTrue(refused.getMessage().contains("acknowledge"), refused.getMessage());
    }

    @Test
    @Tag("SR-02")
    void overVacuumFromTheDeviceVentsAndRaisesAHighAlarm() throws Exception {
        f.simulator.inject(Fault.OVERSHOOT, 1);
        f.advanceUntil("over-vacuum caught", Duration.ofSeconds(10),
                () -> !alarms(session, AlarmCondition.OVER_VACUUM).isEmpty());
        assertTrue(f.vented(0) && f.vented(1), "every cup of the session is vented");
        Alarm alarm = alarms(session, AlarmCondition.OVER_VACUUM).get(0);
        assertEquals("sim-1", alarm.deviceId());
        assertEquals(1, alarm.channel());
        assertPausedByFault(AlarmCondition.OVER_VACUUM);
        assertEquals(DeviceState.FAULTED, f.slot("sim-1").state(), "a device that does not obey is faulted");
        f.simulator.clear(Fault.OVERSHOOT, 1);
        f.engine.acknowledge("therapist");
        assertEquals(DeviceState.READY, f.slot("sim-1").state(), "until the operator acknowledges");
        double limit = session.snapshot().channels().get(1).limitKpa();
        assertTrue(session.snapshot().channels().get(1).peakKpa() < limit + 2.7 + 3.0,
                "caught within about 200 ms of passing the margin");
    }

    @Test
    @Tag("SR-06")
    void aLeakStopsPumpingThatCupOnlyAndTellsTheOperator() {
        f.simulator.inject(Fault.LEAK, 0);
        f.advanceUntil("leak found", Duration.ofSeconds(20), () -> !alarms(session, AlarmCondition.LEAK).isEmpty());
        assertEquals(AlarmPriority.MEDIUM, alarms(session, AlarmCondition.LEAK).get(0).priority());
        assertTrue(f.vented(0), "the leaking cup is no longer pumped");
        assertFalse(f.vented(1), "the sealed cup goes on");
        assertEquals(SessionState.RUNNING, session.state());
        assertEquals("leak", session.snapshot().channels().get(0).phase());
        f.simulator.clear(Fault.LEAK, 0);
        f.advance(Duration.ofSeconds(5));
        assertTrue(f.vented(0), "a cup that leaked does not come back by itself");
    }

    @Test
    @Tag("SR-07")
    void aStuckSensorIsASensorFault() {
        f.simulator.inject(Fault.STUCK_SENSOR, 0);
        f.advance(Duration.ofSeconds(1));
        try {
            session.setIntensity(50); // the command moves; the reading does not
        } catch (SessionException e) {
            throw new AssertionError(e);
        }
        f.advanceUntil("sensor fault", Duration.ofSeconds(15),
                () -> !alarms(session, AlarmCondition.SENSOR_FAULT).isEmpty());
        assertTrue(f.vented(0) && f.vented(1));
        assertPausedByFault(AlarmCondition.SENSOR_FAULT);
        assertEquals(DeviceState.FAULTED, f.slot("sim-1").state(), "a device whose sensor failed is faulted");
    }

    @Test
    @Tag("SR-07")
    void aReadingThatIsNotANumberIsASensorFaultAtOnce() {
        f.simulator.inject(Fault.NAN_SAMPLE, 1);
        f.advance(Duration.ofMillis(60));
        assertPausedByFault(AlarmCondition.SENSOR_FAULT);
        assertTrue(f.vented(0) && f.vented(1));
    }

    @Test
    @Tag("SR-08")
    void aSilentDeviceIsVentedAndDisconnectedWithinItsQuietTime() {
        f.simulator.inject(Fault.SILENCE, -1);
        f.advance(Duration.ofMillis(260)); // quiet time 200 ms, checked every 20 ms tick
        assertEquals(DeviceState.DISCONNECTED, f.slot("sim-1").state());
        f.assertAllVented("sim-1");
        assertPausedByFault(AlarmCondition.DEVICE_SILENT);
    }

    @Test
    @Tag("SR-09")
    void aLostDevicePausesTheSessionWhichNeverResumesWithoutAcknowledgement() throws Exception {
        f.simulator.inject(Fault.DISCONNECT, -1);
        f.advance(Duration.ofMillis(40));
        assertEquals(DeviceState.DISCONNECTED, f.slot("sim-1").state());
        f.assertAllVented("sim-1");
        assertPausedByFault(AlarmCondition.DEVICE_LOST);

        f.simulator.clear(Fault.DISCONNECT, -1);
        f.advanceUntil("the driver reconnects by itself", Duration.ofSeconds(30),
                () -> f.slot("sim-1").state() == DeviceState.READY);
        f.advance(Duration.ofSeconds(30));
        assertEquals(SessionState.PAUSED, session.state(), "reconnecting never restarts therapy");
        f.assertAllVented("sim-1");
        assertThrows(SessionException.class, session::resume);

        f.engine.acknowledge("therapist");
        session.resume();
        f.advance(Duration.ofSeconds(5));
        assertEquals(SessionState.RUNNING, session.state());
        assertTrue(f.commandedKpa(0) > 30.0, "after acknowledgement and resume the cup is back at its level");
    }

    @Test
    @Tag("SR-09")
    void aDriverServiceLeavingMidSessionPausesAndComesBackOnlyByAcknowledgement() throws Exception {
        f.engine.removeDriver(f.simulator);
        assertEquals(SessionState.PAUSED, session.state(), "paused at once by the departure");
        assertTrue(f.engine.devices().isEmpty());
        assertEquals(1, alarms(session, AlarmCondition.DEVICE_LOST).size());

        f.engine.addDriver(f.simulator);
        f.awaitDevice("sim-1", DeviceState.READY);
        f.advance(Duration.ofSeconds(2));
        assertEquals(SessionState.PAUSED, session.state());
        f.assertAllVented("sim-1");
        f.engine.acknowledge("therapist");
        session.resume();
        f.advance(Duration.ofSeconds(6));
        assertTrue(f.commandedKpa(1) > 30.0, "the session drives the device's new link");
    }
}
