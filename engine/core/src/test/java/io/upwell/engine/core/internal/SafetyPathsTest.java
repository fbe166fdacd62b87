package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionState;
import io.upwell.devices.simulator.Fault;
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
 * The safety paths seen underneath the latch: each one forces its channels to vent by itself, so
 * that the vent would hold even if the latch did not (the latch makes every link read vent and
 * would hide a path that forgot to). And the paths a session takes through pause, resume and
 * ramp-out when something goes wrong there.
 */
class SafetyPathsTest {
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

    private void assertForcedToVent(int... channels) {
        DeviceSlot slot = f.slot("sim-1");
        for (int ch : channels) {
            assertTrue(slot.isForcedVent(ch), "channel " + ch + " forced to vent, not only masked by the latch");
        }
    }

    @Test
    @Tag("SR-13")
    void anEmergencyStopForcesEveryChannelOfEveryDevice() {
        f.engine.emergencyStop("test");
        assertForcedToVent(0, 1, 2, 3);
    }

    @Test
    @Tag("SR-10")
    void aFailingTickForcesEveryChannel() {
        f.engine.safety().loopFailed(new IllegalStateException("test"));
        assertForcedToVent(0, 1, 2, 3);
        assertEquals(SessionState.ABORTED, session.state());
    }

    @Test
    @Tag("SR-10")
    void aStoppedLoopForcesEveryChannelFromTheWatchdog() {
        f.engine.safety().loopStopped();
        assertForcedToVent(0, 1, 2, 3);
    }

    @Test
    @Tag("SR-08")
    void aSilentDeviceIsForcedToVent() {
        f.simulator.inject(Fault.SILENCE, -1);
        f.advanceUntil("silence noticed", Duration.ofSeconds(2),
                () -> !EngineFixture.alarms(session, AlarmCondition.DEVICE_SILENT).isEmpty());
        assertForcedToVent(0, 1, 2, 3);
    }

    @Test
    @Tag("SR-09")
    void aDisconnectedDeviceIsForcedToVent() {
        f.simulator.inject(Fault.DISCONNECT, -1);
        f.advanceUntil("the loss noticed", Duration.ofSeconds(2),
                () -> !EngineFixture.alarms(session, AlarmCondition.DEVICE_LOST).isEmpty());
        assertForcedToVent(0, 1, 2, 3);
    }

    @Test
    @Tag("SR-07")
    void aSessionFaultForcesEveryCupOfTheSession() {
        f.simulator.inject(Fault.NAN_SAMPLE, 0);
        f.advanceUntil("sensor fault", Duration.ofSeconds(1), () -> session.state() == SessionState.PAUSED);
        assertForcedToVent(0, 1);
    }

    /** Abort is what an emergency stop or a stopping engine does to a session; here without the latch that masks it. */
    @Test
    @Tag("SR-13")
    void anAbortedSessionForcesEveryCup() {
        ((io.upwell.engine.core.internal.session.ActiveSession) session).abort("test");
        assertEquals(SessionState.ABORTED, session.state());
        assertForcedToVent(0, 1);
    }

    @Test
    @Tag("SR-01")
    void aChannelNoSessionOwnsIsCommandedToVentOnEveryTick() {
        DeviceSlot slot = f.slot("sim-1");
        // A device found when the engine started stays forced to vent until a session claims the channel;
        // whether the simulator attached before or after the start is a race the test takes out.
        slot.releaseForcedVent(3);
        slot.command(3, 30.0, false, 0.0); // a stale command left on a channel the session does not use
        assertEquals(30.0, slot.targetKpa(3), "the stale command would reach the device (latched " + f.engine.latched()
                + ", forced " + slot.isForcedVent(3) + ", alarms " + f.engine.engineAlarms() + ")");
        f.advance(Duration.ofMillis(20));
        assertEquals(0.0, slot.targetKpa(3), "the next tick commands it to vent");
        assertTrue(slot.vent(3));
        assertFalse(slot.isForcedVent(3), "by the tick's own command, not a safety path");
    }

    @Test
    @Tag("SR-05")
    void aSessionPausedAndResumedStillEndsAtItsTimeLimitWhileRunning() throws Exception {
        // A 308 s program (5 s ramp, 300 s hold, 3 s release) paused long enough that its program
        // clock lags far behind: the limit of planned end plus 60 s grace must still end it.
        session.pause();
        f.advance(Duration.ofSeconds(300));
        session.resume();
        assertEquals(SessionState.RUNNING, session.state());
        f.advanceUntil("the time limit ramps it out", Duration.ofSeconds(70),
                () -> session.state() != SessionState.RUNNING);
        assertEquals(SessionState.STOPPING, session.state(), "ramping out, not paused or aborted");
        assertTrue(session.reason().contains("planned end plus 60 s grace"), session.reason());
        assertTrue(session.snapshot().elapsed().getSeconds() < 308, "the program had not finished");
    }

    /**
     * A session a lost device paused is over for the operator who stops it: with every cup vented
     * there is nothing to ramp out, so it ends at once, still latched, without anyone acknowledging the
     * fault first (which the operator may not be there to do).
     */
    @Test
    @Tag("SR-09")
    void aSessionALostDevicePausedEndsWhenStoppedWithoutAcknowledgementAndStaysVented() throws Exception {
        f.simulator.inject(Fault.DISCONNECT, -1);
        f.advanceUntil("paused by the loss", Duration.ofSeconds(2), () -> session.state() == SessionState.PAUSED);
        assertTrue(f.engine.latched());

        session.stop();
        f.advanceUntil("ended", Duration.ofSeconds(2), () -> session.state().isFinal());

        assertEquals(SessionState.ENDED, session.state());
        assertEquals("stopped by tester", session.reason());
        assertTrue(f.engine.latched(), "stopping acknowledges nothing");
        assertTrue(session.snapshot().channels().stream().allMatch(c -> c.targetKpa() == 0.0),
                "nothing commanded on the way out: " + session.snapshot().channels());
        assertForcedToVent(0, 1);
    }

    @Test
    @Tag("SR-09")
    void resumingWhileTheDeviceIsNotReadyIsRefusedNamingIt() throws Exception {
        f.simulator.inject(Fault.DISCONNECT, -1);
        f.advanceUntil("paused by the loss", Duration.ofSeconds(2), () -> session.state() == SessionState.PAUSED);
        f.engine.acknowledge("therapist");
        SessionException refused = assertThrows(SessionException.class, session::resume);
        assertTrue(refused.getMessage().contains("cannot resume: device sim-1 is DISCONNECTED"),
                refused.getMessage());
        assertEquals(SessionState.PAUSED, session.state());
    }

    @Test
    @Tag("SR-07")
    void aFaultWhilePausedKeepsTheSessionPausedLatchedAndSaysWhy() throws Exception {
        session.pause();
        f.simulator.inject(Fault.NAN_SAMPLE, 1);
        f.advanceUntil("the fault", Duration.ofSeconds(1), f.engine::latched);
        assertEquals(SessionState.PAUSED, session.state());
        assertTrue(session.reason().contains("sensor fault"), session.reason());
        assertThrows(SessionException.class, session::resume, "not without acknowledgement");
    }

    @Test
    @Tag("SR-07")
    void aFaultWhileRampingOutAbortsTheSession() throws Exception {
        session.stop();
        assertEquals(SessionState.STOPPING, session.state());
        f.simulator.inject(Fault.NAN_SAMPLE, 0);
        f.advanceUntil("the fault", Duration.ofSeconds(1), () -> session.state() != SessionState.STOPPING);
        assertEquals(SessionState.ABORTED, session.state());
        assertForcedToVent(0, 1);
    }
}
