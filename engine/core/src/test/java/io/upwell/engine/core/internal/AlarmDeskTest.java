package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.EngineListener;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every alarm is kept, journaled with what it concerns, and told to listeners; a fault latches. */
class AlarmDeskTest {
    final SafetyLatch latch = new SafetyLatch();
    final RecordingJournal journal = new RecordingJournal();
    final EngineEvents events = new EngineEvents();
    final CurrentSession current = new CurrentSession();
    final AlarmDesk desk = new AlarmDesk(latch, journal, events, current);
    final List<Alarm> told = new CopyOnWriteArrayList<>();

    AlarmDeskTest() {
        events.addListener(new EngineListener() {
            @Override
            public void alarmRaised(Alarm alarm) {
                told.add(alarm);
            }
        });
    }

    @AfterEach
    void tearDown() {
        events.close(1000);
    }

    @Test
    void anEngineAlarmIsKeptJournaledWithEveryFieldAndTold() {
        desk.raiseEngine(AlarmPriority.MEDIUM, AlarmCondition.DRIVER_FAILED, "sim-1", 2, "it broke", false);
        List<Alarm> kept = desk.engineAlarms();
        assertEquals(1, kept.size());
        Alarm alarm = kept.get(0);
        assertEquals(AlarmPriority.MEDIUM, alarm.priority());
        assertEquals(AlarmCondition.DRIVER_FAILED, alarm.condition());
        assertEquals("sim-1", alarm.deviceId());
        assertEquals(2, alarm.channel());
        assertEquals("it broke", alarm.message());

        List<RecordingJournal.Entry> records = journal.ofType("alarm");
        assertEquals(1, records.size());
        assertNull(records.get(0).session(), "an engine alarm belongs to no session");
        assertTrue(alarm.id().startsWith("al-"), alarm.id());
        assertEquals(Map.of("id", alarm.id(), "priority", "MEDIUM", "condition", "DRIVER_FAILED", "requirement",
                "SR-12", "device", "sim-1", "channel", 2, "message", "it broke", "latched", false),
                records.get(0).fields());
        assertFalse(latch.isSet(), "an alarm that is no fault does not latch");
        EngineFixture.await("the listener is told", () -> told.equals(kept));
    }

    @Test
    @Tag("SR-12")
    void aFaultLatches() {
        desk.raiseEngine(AlarmPriority.HIGH, AlarmCondition.DRIVER_FAILED, "sim-1", -1, "it broke", true);
        assertTrue(latch.isLatched(SafetyLatch.Cause.FAULT));
        assertEquals(true, journal.ofType("alarm").get(0).fields().get("latched"));
    }

    @Test
    void anAlarmOfACauseLatchedAlreadyNamesNoDeviceAndHoldsThatCauseOnly() {
        desk.raiseLatched(null, AlarmPriority.HIGH, AlarmCondition.EMERGENCY_STOP, "stopped",
                SafetyLatch.Cause.EMERGENCY_STOP);
        assertEquals(java.util.Set.of(SafetyLatch.Cause.EMERGENCY_STOP), latch.causes(),
                "the caller's cause is held (again, should an acknowledgement have cleared it); the desk adds no fault");
        Map<String, Object> fields = journal.ofType("alarm").get(0).fields();
        assertEquals("", fields.get("device"));
        assertEquals(-1, fields.get("channel"));
        assertEquals(true, fields.get("latched"));
        assertEquals("SR-13", fields.get("requirement"));
        assertEquals(List.of("stopped"), desk.engineAlarms().stream().map(Alarm::message).toList());
    }

    @Test
    @Tag("SR-08")
    void aFaultWithNoLiveSessionLatchesAndRaisesAHighEngineAlarm() {
        desk.faultOrRaise(AlarmCondition.DEVICE_SILENT, "sim-1", -1, "silent");
        assertTrue(latch.isLatched(SafetyLatch.Cause.FAULT));
        Alarm alarm = desk.engineAlarms().get(0);
        assertEquals(AlarmPriority.HIGH, alarm.priority());
        assertEquals(AlarmCondition.DEVICE_SILENT, alarm.condition());
        assertEquals("sim-1", alarm.deviceId());
        assertEquals("silent", alarm.message());
        assertEquals(true, journal.ofType("alarm").get(0).fields().get("latched"));
    }

    @Test
    void theEngineKeepsItsLastThousandAlarmsOldestFirst() {
        for (int i = 0; i <= AlarmDesk.KEPT_ENGINE_ALARMS; i++) {
            desk.raiseEngine(AlarmPriority.LOW, AlarmCondition.DEVICE_LOST, "sim-1", -1, "#" + i, false);
        }
        List<Alarm> kept = desk.engineAlarms();
        assertEquals(AlarmDesk.KEPT_ENGINE_ALARMS, kept.size());
        assertEquals("#1", kept.get(0).message(), "the oldest went");
        assertEquals("#" + AlarmDesk.KEPT_ENGINE_ALARMS, kept.get(kept.size() - 1).message());
        assertEquals(AlarmDesk.KEPT_ENGINE_ALARMS + 1, journal.ofType("alarm").size(), "the journal keeps them all");
    }

    @Test
    void theAlarmsGivenOutAreACopy() {
        desk.raiseEngine(AlarmPriority.LOW, AlarmCondition.DEVICE_LOST, "sim-1", -1, "first", false);
        List<Alarm> before = desk.engineAlarms();
        desk.raiseEngine(AlarmPriority.LOW, AlarmCondition.DEVICE_LOST, "sim-1", -1, "second", false);
        assertEquals(1, before.size());
        assertEquals(2, desk.engineAlarms().size());
    }
}
