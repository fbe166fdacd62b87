package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionState;
import io.upwell.devices.simulator.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * SR-02 and SR-07 hold on every connected channel, always: after an emergency stop, after a
 * session ended, and on channels no session ever used.
 */
class IdleChannelWatchTest {
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

    private List<Alarm> alarms(AlarmCondition condition) {
        return f.engineAlarms(condition);
    }

    @Test
    @Tag("SR-07")
    void vacuumHeldOnAChannelVentedByAnEmergencyStopIsAHighAlarm() throws Exception {
        Session session = f.start(2, Map.of("targetKpa", 40.0, "holdSeconds", 300.0));
        f.advance(Duration.ofSeconds(10));
        f.simulator.inject(Fault.STUCK_SENSOR, 0); // the reading stays at about 40 kPa whatever the valves do
        f.engine.emergencyStop("test");
        assertEquals(SessionState.ABORTED, session.state());
        f.advanceUntil("the held vacuum is noticed", Duration.ofSeconds(3),
                () -> !alarms(AlarmCondition.VACUUM_NOT_RELEASED).isEmpty());
        Alarm alarm = alarms(AlarmCondition.VACUUM_NOT_RELEASED).get(0);
        assertEquals(AlarmPriority.HIGH, alarm.priority());
        assertEquals("sim-1", alarm.deviceId());
        assertEquals(0, alarm.channel());
        assertTrue(alarm.message().contains("still held"), alarm.message());
        assertEquals(DeviceState.FAULTED, f.slot("sim-1").state(), "a device that does not release is faulted");
        assertTrue(alarms(AlarmCondition.VACUUM_NOT_RELEASED).stream().noneMatch(a -> a.channel() == 1),
                "the channel that released raises nothing");
        f.advance(Duration.ofSeconds(10));
        assertEquals(1, alarms(AlarmCondition.VACUUM_NOT_RELEASED).size(), "once per episode, not every tick");
    }

    @Test
    @Tag("SR-07")
    void aPersistingConditionIsRaisedAgainAfterTheOperatorAcknowledged() throws Exception {
        f.start(1, Map.of("targetKpa", 40.0, "holdSeconds", 300.0));
        f.advance(Duration.ofSeconds(10));
        f.simulator.inject(Fault.STUCK_SENSOR, 0);
        f.engine.emergencyStop("test");
        f.advanceUntil("noticed", Duration.ofSeconds(3), () -> !alarms(AlarmCondition.VACUUM_NOT_RELEASED).isEmpty());
        f.engine.acknowledge("therapist");
        f.advanceUntil("noticed again", Duration.ofSeconds(3),
                () -> alarms(AlarmCondition.VACUUM_NOT_RELEASED).size() == 2);
        assertTrue(f.engine.latched(), "and latched again: nothing is forgotten by acknowledging it");
    }

    @Test
    @Tag("SR-07")
    void aReadingThatIsNotANumberOnAChannelNoSessionUsesIsASensorFaultAtOnce() {
        f.simulator.inject(Fault.NAN_SAMPLE, 3);
        f.advanceUntil("noticed", Duration.ofMillis(200), () -> !alarms(AlarmCondition.SENSOR_FAULT).isEmpty());
        Alarm alarm = alarms(AlarmCondition.SENSOR_FAULT).get(0);
        assertEquals(3, alarm.channel());
        assertEquals(AlarmPriority.HIGH, alarm.priority());
        assertTrue(f.engine.latched());
        f.assertAllVented("sim-1");
    }

    @Test
    @Tag("SR-02")
    void aDeviceKeeping70KpaOnAVentedChannelIsOverVacuumWithinTheDelay() {
        ScriptedDevice device = new ScriptedDevice("held-1", 2);
        f.addDriver(device);
        f.awaitDevice("held-1", DeviceState.READY);
        device.report(1, 70.0); // limit 60 kPa plus 2.7 kPa margin
        f.advance(Duration.ofMillis(200));
        assertTrue(alarms(AlarmCondition.OVER_VACUUM).isEmpty(), "not before the 200 ms delay");
        f.advanceUntil("over-vacuum on a vented channel", Duration.ofMillis(100),
                () -> !alarms(AlarmCondition.OVER_VACUUM).isEmpty());
        Alarm alarm = alarms(AlarmCondition.OVER_VACUUM).get(0);
        assertEquals("held-1", alarm.deviceId());
        assertEquals(1, alarm.channel());
        assertEquals(AlarmPriority.HIGH, alarm.priority());
        assertTrue(f.engine.latched());
        assertTrue(f.slot("held-1").isForcedVent(1), "the channel is forced to vent, not only commanded");
        assertEquals(DeviceState.FAULTED, f.slot("held-1").state());
    }

    @Test
    @Tag("SR-07")
    void vacuumBelowTheLimitHeldOnAVentedChannelIsNotReleasedAfterTheGrace() {
        ScriptedDevice device = new ScriptedDevice("held-1", 2);
        f.addDriver(device);
        f.awaitDevice("held-1", DeviceState.READY);
        device.report(0, 30.0);
        f.advance(Duration.ofMillis(1900));
        assertTrue(alarms(AlarmCondition.VACUUM_NOT_RELEASED).isEmpty(), "a release may take up to 2 s");
        f.advanceUntil("held vacuum noticed", Duration.ofMillis(200),
                () -> !alarms(AlarmCondition.VACUUM_NOT_RELEASED).isEmpty());
        assertEquals(0, alarms(AlarmCondition.VACUUM_NOT_RELEASED).get(0).channel());
    }

    @Test
    @Tag("SR-07")
    void anImpossibleReadingFromAnIdleDeviceIsASensorFault() {
        ScriptedDevice device = new ScriptedDevice("held-1", 2);
        f.addDriver(device);
        f.awaitDevice("held-1", DeviceState.READY);
        device.report(1, 5000.0);
        f.advanceUntil("noticed", Duration.ofMillis(100), () -> !alarms(AlarmCondition.SENSOR_FAULT).isEmpty());
        assertTrue(alarms(AlarmCondition.SENSOR_FAULT).get(0).message().contains("5000"),
                alarms(AlarmCondition.SENSOR_FAULT).get(0).message());
    }

    @Test
    @Tag("SR-07")
    void aNormalEndThenAStuckReadingIsWatchedToo() throws Exception {
        Session session = f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 10.0));
        f.advanceUntil("ended", Duration.ofSeconds(30), () -> session.state() == SessionState.ENDED);
        f.advance(Duration.ofSeconds(5));
        assertTrue(alarms(AlarmCondition.VACUUM_NOT_RELEASED).isEmpty(), "a released cup raises nothing");
        assertFalse(f.engine.latched());
    }
}
