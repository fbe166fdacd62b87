package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.safety.AlarmState;
import io.upwell.api.safety.AlarmStatus;
import io.upwell.api.session.EngineListener;
import io.upwell.api.session.SessionException;
import io.upwell.engine.core.internal.clock.VirtualClock;
import io.upwell.engine.core.internal.safety.AlarmBook;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import io.upwell.engine.core.internal.settings.EngineSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alarm's life: raised, acknowledged, cleared, each step journaled and told; an acknowledgement
 * that names one alarm clears the latch only when no latching alarm waits and none was latched
 * after the ones acknowledged; the alarms outlive an engine replaced on the same latch.
 */
class AlarmLifecycleTest {
    @TempDir
    Path dir;
    final VirtualClock clock = new VirtualClock();
    final RecordingJournal journal = new RecordingJournal();
    final SafetyLatch latch = new SafetyLatch();
    final AlarmBook book = new AlarmBook(Instant.parse("2026-11-24T10:00:00Z"));
    final List<AlarmStatus> told = new CopyOnWriteArrayList<>();
    final List<Engine> engines = new CopyOnWriteArrayList<>();
    Engine engine;

    @BeforeEach
    void setUp() {
        engine = newEngine();
    }

    private Engine newEngine() {
        Engine e = new Engine(EngineSettings.defaults(dir, true), clock, journal, latch, book);
        e.addDriver(new DeviceRegistryTest.HandDriver("d-1"));
        e.addListener(new EngineListener() {
            @Override
            public void alarmChanged(AlarmStatus status) {
                told.add(status);
            }
        });
        e.start(false);
        EngineFixture.await("d-1 ready", () -> e.devices().stream().anyMatch(d -> d.state() == DeviceState.READY));
        engines.add(e);
        return e;
    }

    @AfterEach
    void tearDown() {
        engines.forEach(Engine::close);
    }

    private AlarmStatus only(AlarmCondition condition) {
        List<AlarmStatus> found = engine.activeAlarms().stream()
                .filter(s -> s.alarm().condition() == condition).toList();
        assertEquals(1, found.size(), condition + ": " + engine.activeAlarms());
        return found.get(0);
    }

    /** The id of the first alarm the engine raised, cleared or not. */
    private String only0() {
        return engine.engineAlarms().get(0).id();
    }

    private List<String> journaled(String type, String alarmId) {
        return journal.ofType(type).stream().filter(e -> alarmId.equals(e.fields().get("id")))
                .map(e -> String.valueOf(e.fields().get("by"))).toList();
    }

    @Test
    @Tag("SR-13")
    @Tag("SR-16")
    void anEmergencyStopIsRaisedThenAcknowledgedByIdWhichClearsTheLatchAndTheAlarmEachStepJournaled()
            throws Exception {
        engine.emergencyStop("panel");
        AlarmStatus raised = only(AlarmCondition.EMERGENCY_STOP);
        assertEquals(AlarmState.RAISED, raised.state());
        assertTrue(raised.alarm().latching());
        assertTrue(raised.id().startsWith("al-"), raised.id());
        assertEquals(raised, engine.alarm(raised.id()).orElseThrow());

        AlarmStatus after = engine.acknowledge("ann", raised.id());

        assertEquals(AlarmState.CLEARED, after.state(), "the last latching alarm acknowledged clears the latch");
        assertEquals("ann", after.acknowledgedBy());
        assertFalse(engine.latched());
        assertEquals(List.of(), engine.activeAlarms());
        assertEquals(List.of("ann"), journaled("alarm-acknowledged", raised.id()));
        assertEquals(List.of("ann"), journaled("alarm-cleared", raised.id()));
        Map<String, Object> acknowledgement = journal.ofType("acknowledge").get(0).fields();
        assertEquals(raised.id(), acknowledgement.get("alarm"));
        assertEquals(true, acknowledgement.get("wasLatched"), "it cleared the latch, and says so");
        assertEquals("ann", acknowledgement.get("operator"));
        EngineFixture.await("listeners heard every step", () -> told.size() == 3);
        assertEquals(List.of(AlarmState.RAISED, AlarmState.ACKNOWLEDGED, AlarmState.CLEARED),
                told.stream().map(AlarmStatus::state).toList());
    }

    @Test
    @Tag("SR-13")
    void theLatchWaitsUntilEveryLatchingAlarmIsAcknowledged() throws Exception {
        engine.emergencyStop("panel");
        engine.alarms().raiseEngine(AlarmPriority.HIGH, AlarmCondition.OVER_VACUUM, "d-1", 0, "reads 70 kPa", true);
        AlarmStatus stop = only(AlarmCondition.EMERGENCY_STOP);
        AlarmStatus overVacuum = only(AlarmCondition.OVER_VACUUM);

        assertEquals(AlarmState.ACKNOWLEDGED, engine.acknowledge("ann", stop.id()).state());
        assertTrue(engine.latched(), "the over-vacuum still waits for someone to see it");
        assertEquals(AlarmState.RAISED, only(AlarmCondition.OVER_VACUUM).state());

        assertEquals(AlarmState.CLEARED, engine.acknowledge("ben", overVacuum.id()).state());
        assertFalse(engine.latched());
        assertEquals(AlarmState.CLEARED, engine.alarm(stop.id()).orElseThrow().state(),
                "the first one clears with the latch it held");
    }

    @Test
    @Tag("SR-13")
    void anAcknowledgementOfAnOlderAlarmNeverClearsALatchSetAfterIt() throws Exception {
        engine.alarms().raiseEngine(AlarmPriority.HIGH, AlarmCondition.OVER_VACUUM, "d-1", 0, "reads 70 kPa", true);
        AlarmStatus seen = only(AlarmCondition.OVER_VACUUM);
        // An emergency stop latches at once and records its alarm a moment later: the acknowledgement
        // lands in between, naming only the alarm its operator saw.
        assertTrue(latch.latch(SafetyLatch.Cause.EMERGENCY_STOP));

        AlarmStatus after = engine.acknowledge("ann", seen.id());

        assertEquals(AlarmState.ACKNOWLEDGED, after.state(), "acknowledged, but its latch is not cleared");
        assertTrue(engine.latched(), "the emergency stop pressed after it holds");
        assertTrue(latch.isLatched(SafetyLatch.Cause.EMERGENCY_STOP));
        assertEquals("false", String.valueOf(journal.ofType("acknowledge").get(0).fields().get("latchCleared")));

        engine.alarms().raiseLatched(null, AlarmPriority.HIGH, AlarmCondition.EMERGENCY_STOP, "emergency stop by"
                + " panel", SafetyLatch.Cause.EMERGENCY_STOP);
        AlarmStatus stop = only(AlarmCondition.EMERGENCY_STOP);
        assertEquals(AlarmState.CLEARED, engine.acknowledge("ann", stop.id()).state());
        assertFalse(engine.latched());
        assertEquals(AlarmState.CLEARED, engine.alarm(seen.id()).orElseThrow().state());
    }

    @Test
    @Tag("SR-13")
    void anAlarmRecordedAfterAnAcknowledgementOfAllLatchesAgainAndWaits() throws Exception {
        engine.emergencyStop("panel");
        engine.acknowledge("ann");
        assertFalse(engine.latched());
        // a fault whose cause was latched before the acknowledgement, recorded after it
        engine.alarms().raiseLatched(null, AlarmPriority.HIGH, AlarmCondition.LOOP_LATE, "late", SafetyLatch.Cause.FAULT);
        assertTrue(engine.latched(), "recording a latching alarm holds its cause again");
        assertEquals(AlarmState.RAISED, only(AlarmCondition.LOOP_LATE).state());
    }

    @Test
    void aNoticeIsClearedWhenAcknowledgedAndLeavesTheLatchAsItWas() throws Exception {
        engine.alarms().raiseEngine(AlarmPriority.MEDIUM, AlarmCondition.DRIVER_FAILED, "d-1", -1, "slow", false);
        engine.emergencyStop("panel");
        AlarmStatus notice = only(AlarmCondition.DRIVER_FAILED);
        assertFalse(notice.alarm().latching());

        AlarmStatus after = engine.acknowledge("ann", notice.id());

        assertEquals(AlarmState.CLEARED, after.state());
        assertTrue(engine.latched(), "a notice holds no latch and clears none");
        assertEquals(AlarmState.CLEARED, engine.acknowledge("ben", notice.id()).state(),
                "acknowledging again changes nothing");
        assertEquals(List.of("ann"), journaled("alarm-acknowledged", notice.id()));
    }

    @Test
    void anUnknownAlarmIsRefusedNamingTheActiveOnes() {
        engine.emergencyStop("panel");
        String active = only(AlarmCondition.EMERGENCY_STOP).id();
        SessionException refused = assertThrows(SessionException.class, () -> engine.acknowledge("ann", "al-nope"));
        assertEquals("no alarm 'al-nope'; active alarms: [" + active + "]", refused.getMessage());
        assertTrue(engine.latched());
        assertThrows(IllegalArgumentException.class, () -> engine.acknowledge(" ", active), "who is needed");
    }

    @Test
    @Tag("SR-10")
    void aLatchTheLoopForbidsToClearLeavesTheAlarmAcknowledgedAndTheLatchSet() throws Exception {
        engine.safety().watchControlThread(() -> true);
        engine.safety().controlThreadDied(new IllegalStateException("gone"));
        AlarmStatus died = only(AlarmCondition.LOOP_LATE);

        AlarmStatus after = engine.acknowledge("ann", died.id());

        assertEquals(AlarmState.ACKNOWLEDGED, after.state());
        assertTrue(engine.latched(), "a dead loop stays latched");
    }

    @Test
    void acknowledgingEverythingClearsEveryAlarm() throws Exception {
        engine.emergencyStop("panel");
        engine.alarms().raiseEngine(AlarmPriority.LOW, AlarmCondition.DEVICE_LOST, "d-1", -1, "gone", false);
        engine.acknowledge("ann");
        assertEquals(List.of(), engine.activeAlarms());
        assertFalse(engine.latched());
        assertEquals(2, journal.ofType("alarm-acknowledged").size(), "each acknowledged, then cleared");
        assertEquals(2, journal.ofType("alarm-cleared").size());
        assertTrue(engine.alarm(only0()).orElseThrow().acknowledgedBy().equals("ann"));
    }

    @Test
    @Tag("SR-13")
    void theAlarmsHoldingTheLatchOutliveTheEngineAndAreAcknowledgedByIdOnTheNextOne() throws Exception {
        engine.emergencyStop("panel");
        String id = only(AlarmCondition.EMERGENCY_STOP).id();
        engine.close();

        engine = newEngine(); // a reconfiguration: the same machine's latch and alarms
        assertTrue(engine.latched());
        assertEquals(AlarmState.RAISED, only(AlarmCondition.EMERGENCY_STOP).state());
        assertEquals(AlarmState.CLEARED, engine.acknowledge("ann", id).state());
        assertFalse(engine.latched());
    }

    @Test
    void idsAreUniqueAndNameTheMachinesStart() {
        engine.alarms().raiseEngine(AlarmPriority.LOW, AlarmCondition.DEVICE_LOST, "d-1", -1, "one", false);
        engine.alarms().raiseEngine(AlarmPriority.LOW, AlarmCondition.DEVICE_LOST, "d-1", -1, "two", false);
        List<String> ids = engine.activeAlarms().stream().map(AlarmStatus::id).toList();
        String prefix = "al-" + Long.toString(Instant.parse("2026-11-24T10:00:00Z").getEpochSecond(), 36) + "-";
        assertEquals(List.of(prefix + "1", prefix + "2"), ids);
        assertEquals(ids, engine.engineAlarms().stream().map(Alarm::id).toList());
    }

    @Test
    @Tag("SR-10")
    void theLoopStoppingWhileEverythingIsAcknowledgedLeavesItLatched() throws Exception {
        engine.emergencyStop("panel");
        engine.watchdog().check(0); // the loop's tick count as it stands: the virtual clock is not advanced
        journal.meanwhile = entry -> {
            if (entry.type().equals("alarm-acknowledged")) {
                engine.watchdog().check(Long.MAX_VALUE / 2); // no tick since: the watchdog finds it stopped
            }
        };
        SessionException refused = assertThrows(SessionException.class, () -> engine.acknowledge("ann"));
        assertEquals("the control loop stopped ticking during the acknowledgement; it is latched again",
                refused.getMessage());
        assertTrue(latch.isLatched(SafetyLatch.Cause.LOOP_STOPPED));
    }

    @Test
    @Tag("SR-10")
    void theLoopStoppingWhileOneAlarmIsAcknowledgedLeavesItLatched() throws Exception {
        engine.emergencyStop("panel");
        String id = only(AlarmCondition.EMERGENCY_STOP).id();
        engine.watchdog().check(0);
        journal.meanwhile = entry -> {
            if (entry.type().equals("alarm-cleared")) {
                engine.watchdog().check(Long.MAX_VALUE / 2);
            }
        };
        SessionException refused = assertThrows(SessionException.class, () -> engine.acknowledge("ann", id));
        assertEquals("the control loop stopped ticking during the acknowledgement; it is latched again",
                refused.getMessage());
        assertTrue(engine.latched());
    }

    @Test
    void anAcknowledgementMustNameItsAlarm() {
        engine.emergencyStop("panel");
        assertThrows(IllegalArgumentException.class, () -> engine.acknowledge("ann", " "));
        assertThrows(IllegalArgumentException.class, () -> engine.acknowledge("ann", null));
        assertTrue(engine.latched());
    }

    @Test
    @Tag("SR-13")
    void aFaultLatchesAtOnceEvenWhileTheAlarmsAreBusyWithAnAcknowledgement() throws Exception {
        Thread raising = new Thread(() -> engine.alarms().raiseEngine(AlarmPriority.HIGH, AlarmCondition.OVER_VACUUM,
                "d-1", 0, "reads 70 kPa", true));
        synchronized (book) { // as an acknowledgement in progress holds it
            raising.start();
            EngineFixture.await("latched before the alarm can be recorded", latch::isSet);
            assertEquals(List.of(), book.active(), "not recorded yet: the book is busy");
        }
        raising.join();
        assertEquals(AlarmState.RAISED, only(AlarmCondition.OVER_VACUUM).state());
    }

    @Test
    @Tag("SR-16")
    void eachStepIsJournaledWithTheSessionItBelongsToOrTheEngine() throws Exception {
        engine.alarms().raiseEngine(AlarmPriority.MEDIUM, AlarmCondition.DRIVER_FAILED, "d-1", -1, "slow", false);
        String id = only(AlarmCondition.DRIVER_FAILED).id();
        engine.acknowledge("ann", id);
        assertEquals(java.util.Arrays.asList((String) null, null), journal.entries.stream()
                .filter(e -> e.type().startsWith("alarm-")).map(RecordingJournal.Entry::session).toList(),
                "an engine alarm's steps belong to no session");
    }
}
