package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.DeviceState;
import io.upwell.api.device.MagnetSupport;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionState;
import io.upwell.devices.simulator.Fault;
import io.upwell.devices.simulator.SimulatorOptions;
import io.upwell.engine.core.internal.session.ActiveSession;
import io.upwell.engine.core.internal.settings.EngineSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session's edges: intensity bounds, what it names, its end, and its cups in unusual states. */
class SessionEdgesTest {
    @TempDir
    Path dir;
    EngineFixture f;
    Session session;

    @BeforeEach
    void setUp() throws Exception {
        f = new EngineFixture(dir);
        session = f.start(2, Map.of("targetKpa", 40.0, "holdSeconds", 300.0));
        f.advance(Duration.ofSeconds(8));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private ActiveSession active() {
        return (ActiveSession) session;
    }

    @Test
    @Tag("SR-17")
    void intensityStaysWithinItsBoundsStepsByTenAndIsRefusedOnceTheSessionEnded() throws Exception {
        session.setIntensity(10);
        session.setIntensity(150);
        assertEquals(150, session.snapshot().intensity());
        assertThrows(SessionException.class, () -> session.setIntensity(9));
        assertThrows(SessionException.class, () -> session.setIntensity(151));
        assertEquals(140, session.intensityDown());
        assertEquals(140, session.snapshot().intensity());
        session.setIntensity(10);
        assertEquals(10, session.intensityDown(), "never below the least");
        assertEquals(20, session.intensityUp());
        f.engine.emergencyStop("test");
        SessionException refused = assertThrows(SessionException.class, () -> session.setIntensity(50));
        assertTrue(refused.getMessage().contains("ABORTED"), refused.getMessage());
    }

    @Test
    void theSessionNamesItsProgramAndModule() {
        assertEquals("hold", active().programName());
        assertEquals("test.module", active().techniqueModule());
        assertTrue(active().uses("sim-1"));
        assertFalse(active().uses("sim-2"));
    }

    @Test
    void itMayApplyVacuumOnlyWhileRunningOrRampingOut() throws Exception {
        assertTrue(active().mayApplyVacuum());
        session.pause();
        assertFalse(active().mayApplyVacuum(), "paused: vented");
        session.resume();
        session.stop();
        assertTrue(active().mayApplyVacuum(), "ramping out");
        f.advanceUntil("ended", Duration.ofSeconds(10), () -> session.state() == SessionState.ENDED);
        assertFalse(active().mayApplyVacuum());
        assertEquals("stopped by tester", session.reason(), "the end keeps the operator's reason");
    }

    @Test
    @Tag("SR-13")
    void abortingForcesEveryCupToVentByItself() {
        active().abort("test");
        assertTrue(f.slot("sim-1").isForcedVent(0) && f.slot("sim-1").isForcedVent(1));
        assertEquals(SessionState.ABORTED, session.state());
    }

    @Test
    void aTickOfAFinishedSessionVentsItsCupsAndGivesThemUp() {
        active().abort("test");
        f.slot("sim-1").releaseForcedVent(0);
        f.slot("sim-1").command(0, 30.0, false, 0.0);
        assertFalse(active().tick(f.clock.nanoTime(), EngineFixture.TICK), "it no longer owns its channels");
        assertTrue(f.slot("sim-1").vent(0), "and commanded them to vent");
    }

    @Test
    @Tag("SR-03")
    void aResumeRightAfterAPauseStillRampsFromAmbient() throws Exception {
        assertTrue(f.commandedKpa(0) > 30.0);
        session.pause();
        session.resume(); // no tick in between
        f.advance(Duration.ofMillis(20));
        assertTrue(f.commandedKpa(0) <= 10.0 * 0.02 + 1e-9, "one tick's rise, not the old level: " + f.commandedKpa(0));
    }

    @Test
    @Tag("SR-07")
    void aPausedCupThatDoesNotReleaseFaultsTheSessionAndTheDevice() throws Exception {
        f.simulator.inject(Fault.STUCK_SENSOR, 1); // the reading stays near 40 kPa whatever the valve does
        session.pause();
        f.advanceUntil("not released", Duration.ofSeconds(3),
                () -> !EngineFixture.alarms(session, AlarmCondition.VACUUM_NOT_RELEASED).isEmpty());
        Alarm alarm = EngineFixture.alarms(session, AlarmCondition.VACUUM_NOT_RELEASED).get(0);
        assertEquals(1, alarm.channel());
        assertTrue(alarm.message().contains("still held"), alarm.message());
        assertTrue(f.engine.latched());
        assertEquals(DeviceState.FAULTED, f.slot("sim-1").state());
        assertEquals(SessionState.PAUSED, session.state());
    }

    @Test
    @Tag("SR-06")
    void aLeakStoppedCupShowsItAndStaysVentedWhileTheOtherGoesOn() {
        f.simulator.inject(Fault.LEAK, 0);
        f.advanceUntil("the leak", Duration.ofSeconds(30),
                () -> !EngineFixture.alarms(session, AlarmCondition.LEAK).isEmpty());
        f.simulator.clear(Fault.LEAK, 0);
        f.advance(Duration.ofSeconds(5));
        var cups = session.snapshot().channels();
        assertEquals("leak", cups.get(0).phase());
        assertEquals(0.0, cups.get(0).targetKpa());
        assertEquals(0.0, f.commandedKpa(0), "no pumping on the leaking cup");
        assertTrue(f.commandedKpa(1) > 30.0, "the other cup goes on");
        assertTrue(EngineFixture.alarms(session, AlarmCondition.LEAK).get(0).message().contains("measured"),
                "the alarm says what was measured");
    }

    @Test
    @Tag("SR-16")
    void theJournalsSamplesCarryTheMeasurement() {
        f.advance(Duration.ofMillis(200));
        assertTrue(session.snapshot().channels().get(0).measuredKpa() > 30.0);
    }

    @Test
    void aMagneticCupGetsItsMagnetLevelOnlyWhileApplying() throws Exception {
        f.close();
        f = new EngineFixture(EngineSettings.defaults(dir.resolve("magnet"), true),
                SimulatorOptions.defaults().withMagnet(MagnetSupport.LEVEL));
        f.technique.script(request -> new io.upwell.api.technique.Program("magnet", List.of(
                new io.upwell.api.technique.Timeline(0, List.of(new io.upwell.api.technique.Segment.Hold(20,
                        Duration.ofSeconds(30))), 0.6))));
        session = f.start(1, Map.of());
        f.advance(Duration.ofSeconds(3));
        assertEquals(0.6, f.slot("sim-1").magnetLevel(0), 1e-9);
        session.pause();
        f.advance(Duration.ofMillis(20));
        assertEquals(0.0, f.slot("sim-1").magnetLevel(0), "no magnet while vented");
    }

    @Test
    @Tag("SR-13")
    void rightAfterAnEmergencyStopTheViewShowsWhatTheDeviceIsToldNotTheLastTick() {
        assertTrue(session.snapshot().channels().get(0).targetKpa() > 30.0);
        f.engine.emergencyStop("test");
        var cup = session.snapshot().channels().get(0); // no tick since the stop
        assertEquals("vent", cup.phase());
        assertEquals(0.0, cup.targetKpa());
    }

    @Test
    @Tag("SR-16")
    void intensityChangesAndMeasurementsReachTheSessionsJournal() throws Exception {
        session.setIntensity(80);
        f.advance(Duration.ofSeconds(1));
        Path file = dir.resolve("sessions").resolve(session.id() + ".jsonl");
        EngineFixture.await("the intensity change and samples on disk", () -> {
            if (!java.nio.file.Files.exists(file)) {
                return false;
            }
            try {
                List<com.google.gson.JsonObject> records = SessionLifecycleTest.read(file);
                return records.stream().anyMatch(r -> r.get("type").getAsString().equals("intensity"))
                        && records.stream().anyMatch(r -> r.get("type").getAsString().equals("sample")
                                && !r.get("meas").isJsonNull() && r.get("meas").getAsDouble() > 20.0);
            } catch (java.io.IOException | RuntimeException partlyWritten) {
                return false; // a line still being written: look again
            }
        });
    }

    @Test
    @Tag("SR-05")
    void theTimeLimitHoldsOnAClockThatDoesNotStartAtZero() throws Exception {
        f.close();
        f = new EngineFixture(EngineSettings.defaults(dir.resolve("late"), true), SimulatorOptions.defaults(),
                3_600_000_000_000L * 1000); // a thousand hours in
        session = f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 10.0)); // 18 s program, limit 78 s
        f.advance(Duration.ofSeconds(2));
        session.pause();
        f.advance(Duration.ofSeconds(70));
        assertEquals(SessionState.PAUSED, session.state(), "72 s: within the limit");
        f.advanceUntil("the limit", Duration.ofSeconds(10), () -> session.state() != SessionState.PAUSED);
        assertTrue(session.reason().contains("planned end plus 60 s grace"), session.reason());
    }
}
