package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.SessionException;
import io.upwell.engine.core.internal.clock.VirtualClock;
import io.upwell.engine.core.internal.device.DeviceSlot;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import io.upwell.engine.core.internal.safety.VentWatch;
import io.upwell.engine.core.internal.settings.EngineSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine-wide safe state with no session running: each path latches its cause, forces every
 * channel to vent by itself, raises one high alarm that says what happened, and the
 * acknowledgement clears it all only while the control loop can be trusted.
 */
class SafetyActionsTest {
    @TempDir
    Path dir;
    final VirtualClock clock = new VirtualClock();
    final RecordingJournal journal = new RecordingJournal();
    final DeviceRegistryTest.HandDriver driver = new DeviceRegistryTest.HandDriver("d-1");
    Engine engine;
    SafetyActions safety;
    DeviceSlot slot;

    @BeforeEach
    void setUp() {
        engine = new Engine(EngineSettings.defaults(dir, true), clock, journal);
        engine.addDriver(driver);
        engine.start(false);
        EngineFixture.await("d-1 ready", () -> engine.devices().stream().anyMatch(d -> d.state() == DeviceState.READY));
        safety = engine.safety();
        slot = engine.slots()[0];
        releaseBothChannels();
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    /** As a session claiming the channels would: from here only a safety path forces them to vent. */
    private void releaseBothChannels() {
        slot.releaseForcedVent(0);
        slot.releaseForcedVent(1);
    }

    private void assertBothForced() {
        assertTrue(slot.isForcedVent(0) && slot.isForcedVent(1), "every channel forced to vent");
    }

    private List<Alarm> alarms(AlarmCondition condition) {
        return engine.engineAlarms().stream().filter(a -> a.condition() == condition).toList();
    }

    private Alarm theOnly(AlarmCondition condition) {
        List<Alarm> raised = alarms(condition);
        assertEquals(1, raised.size(), condition + ": " + raised);
        assertEquals(AlarmPriority.HIGH, raised.get(0).priority());
        return raised.get(0);
    }

    @Test
    @Tag("SR-13")
    void anEmergencyStopPressedTwiceVentsTwiceButIsToldOnce() {
        safety.emergencyStop("panel");
        assertBothForced();
        assertEquals("emergency stop by panel: every channel vented", theOnly(AlarmCondition.EMERGENCY_STOP).message());
        releaseBothChannels();
        safety.emergencyStop("panel");
        assertBothForced();
        assertEquals(1, alarms(AlarmCondition.EMERGENCY_STOP).size());
    }

    @Test
    void theAcknowledgementNeedsTheOperatorsName() {
        safety.emergencyStop("panel");
        assertThrows(IllegalArgumentException.class, () -> safety.acknowledge(null));
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> safety.acknowledge(" "));
        assertTrue(blank.getMessage().contains("operator's name"), blank.getMessage());
        assertTrue(engine.latched(), "still latched");
    }

    @Test
    @Tag("SR-13")
    void theAcknowledgementClearsTheLatchAndIsRecordedWithWhatItCleared() throws Exception {
        safety.emergencyStop("panel");
        safety.acknowledge("ann");
        assertFalse(engine.latched());
        safety.acknowledge("bob");
        List<RecordingJournal.Entry> records = journal.ofType("acknowledge");
        assertEquals(2, records.size());
        assertNull(records.get(0).session());
        assertEquals(Map.of("operator", "ann", "wasLatched", true, "causes", "[EMERGENCY_STOP]"),
                records.get(0).fields());
        assertEquals(Map.of("operator", "bob", "wasLatched", false, "causes", "[]"), records.get(1).fields());
    }

    @Test
    @Tag("SR-10")
    void lateTicksLatchAFaultAndVentNamingHowLate() {
        safety.loopLate(5, 31_000_000L);
        assertTrue(engine.latched());
        assertBothForced();
        assertEquals("5 control ticks in a row ran late (last by 31 ms); every channel vented",
                theOnly(AlarmCondition.LOOP_LATE).message());
    }

    @Test
    @Tag("SR-10")
    void aFailedTickLatchesAFaultAndVentsNamingTheFailure() {
        safety.loopFailed(new IllegalStateException("boom"));
        assertTrue(engine.latched());
        assertBothForced();
        assertEquals("a control tick failed (IllegalStateException: boom); every channel vented",
                theOnly(AlarmCondition.LOOP_LATE).message());
    }

    @Test
    @Tag("SR-10")
    void aStoppedLoopIsToldOnceAndKeptVentedOnEveryCheck() {
        safety.loopStopped();
        assertBothForced();
        assertEquals("the control loop stopped ticking for more than 250 ms; every channel vented by the watchdog",
                theOnly(AlarmCondition.LOOP_LATE).message());
        releaseBothChannels();
        safety.loopStopped();
        assertBothForced();
        releaseBothChannels();
        safety.loopStillStopped();
        assertBothForced();
        assertEquals(1, alarms(AlarmCondition.LOOP_LATE).size());
    }

    @Test
    @Tag("SR-10")
    void aStillStoppedLoopLatchesAgainWhateverHappenedMeanwhile() throws Exception {
        safety.loopStopped();
        safety.acknowledge("ann"); // the watchdog thread is not running here: nothing says the loop is dead
        assertFalse(engine.latched());
        safety.loopStillStopped();
        assertTrue(engine.latched());
    }

    @Test
    @Tag("SR-10")
    void aDeadControlThreadLatchesVentsAndCannotBeAcknowledged() {
        safety.watchControlThread(() -> true);
        safety.controlThreadDied(new OutOfMemoryError("heap"));
        assertBothForced();
        assertEquals("the control thread died (OutOfMemoryError: heap); every channel vented",
                theOnly(AlarmCondition.LOOP_LATE).message());
        assertEquals("the control loop is not ticking", safety.loopProblem());
        SessionException refused = assertThrows(SessionException.class, () -> safety.acknowledge("ann"));
        assertTrue(refused.getMessage().startsWith("the control loop is not ticking; every channel stays vented"),
                refused.getMessage());
        assertTrue(engine.latched());
        SessionException noSession = assertThrows(SessionException.class,
                () -> engine.start(EngineFixture.request(1, Map.of())));
        assertEquals("the control loop is not ticking; no session can start", noSession.getMessage());
    }

    @Test
    @Tag("SR-10")
    void aStoppedLoopWhoseThreadLivesMayBeAcknowledged() throws Exception {
        safety.watchControlThread(() -> false);
        safety.controlThreadDied(new IllegalStateException("once"));
        assertNull(safety.loopProblem());
        safety.acknowledge("ann");
        assertFalse(engine.latched());
    }

    @Test
    void aThreadThatDiedIsNoProblemWithoutTheLatchItLeft() {
        safety.watchControlThread(() -> true);
        assertNull(safety.loopProblem(), "no stop was latched: the thread's state alone does not decide");
    }

    @Test
    @Tag("SR-02")
    void overVacuumOnAChannelNoSessionUsesVentsItFaultsTheDeviceAndLatches() {
        safety.idleChannelFault(slot, 1, VentWatch.Verdict.OVER_VACUUM, "reads 70 kPa");
        assertTrue(slot.isForcedVent(1));
        assertFalse(slot.isForcedVent(0), "only that channel");
        assertTrue(engine.latched());
        assertEquals("device d-1 channel 1 (no cup of a session): reads 70 kPa; vented",
                theOnly(AlarmCondition.OVER_VACUUM).message());
        assertEquals(1, theOnly(AlarmCondition.OVER_VACUUM).channel());
        assertEquals(DeviceState.FAULTED, slot.state());
        assertEquals("over vacuum on channel 1", slot.stateReason());
    }

    @Test
    @Tag("SR-07")
    void vacuumNotReleasedAndABadReadingAreNamedAsSuch() {
        safety.idleChannelFault(slot, 0, VentWatch.Verdict.NOT_RELEASED, "holds 10 kPa");
        assertEquals("vacuum not released on channel 0", slot.stateReason());
        theOnly(AlarmCondition.VACUUM_NOT_RELEASED);
        safety.idleChannelFault(slot, 1, VentWatch.Verdict.SENSOR_FAULT, "NaN");
        theOnly(AlarmCondition.SENSOR_FAULT);
    }
}
