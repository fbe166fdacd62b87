package io.upwell.engine.core.internal;

import io.upwell.engine.core.internal.settings.EngineSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceDriver;
import io.upwell.api.device.DeviceLink;
import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.Timeline;
import io.upwell.devices.simulator.SimulatorOptions;
import java.nio.file.Path;
import io.upwell.engine.core.internal.session.ActiveSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Techniques and drivers are untrusted: what they do wrong must not reach a client or stall the loop. */
class PluginFailureTest {
    @TempDir
    Path dir;
    EngineFixture f;
    final CountDownLatch never = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        EngineSettings quick = EngineSettings.builder(dir).virtualClock(true).pluginCallTimeoutMillis(200).build();
        f = new EngineFixture(quick, SimulatorOptions.defaults());
    }

    @AfterEach
    void tearDown() {
        never.countDown();
        f.close();
    }

    private void hang() {
        try {
            never.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @Tag("SR-11")
    void aTechniqueThatThrowsDoesNotStartAndIsNamed() {
        f.technique.script(request -> {
            throw new IllegalStateException("bug in plan");
        });
        SessionException e = assertThrows(SessionException.class, () -> f.start(1, Map.of()));
        assertTrue(e.getMessage().contains("test.module") && e.getMessage().contains("bug in plan"), e.getMessage());
        f.advance(Duration.ofSeconds(1));
        f.assertAllVented("sim-1");
    }

    @Test
    @Tag("SR-11")
    void aTechniqueThatHangsIsGivenUpOnAtItsDeadline() {
        f.technique.script(request -> {
            hang();
            return null;
        });
        SessionException e = assertThrows(SessionException.class, () -> f.start(1, Map.of()));
        assertTrue(e.getMessage().contains("no answer within the deadline"), e.getMessage());
        long ticks = f.engine.loop().ticks();
        f.advance(Duration.ofSeconds(1));
        assertEquals(ticks + 50, f.engine.loop().ticks(), "the control loop kept ticking");
    }

    @Test
    @Tag("SR-11")
    void aTechniqueThatReturnsNoProgramOrAForeignCupIsRefused() {
        f.technique.script(request -> null);
        assertTrue(assertThrows(SessionException.class, () -> f.start(1, Map.of())).getMessage()
                .contains("returned no program"));
        f.technique.script(request -> new Program("bad", List.of(
                new Timeline(7, List.of(new Segment.Hold(20, Duration.ofSeconds(10)))))));
        assertTrue(assertThrows(SessionException.class, () -> f.start(1, Map.of())).getMessage()
                .contains("planned cup 7"));
        f.technique.script(request -> new Program("long", List.of(
                new Timeline(0, List.of(new Segment.Hold(20, Duration.ofMinutes(61)))))));
        assertTrue(assertThrows(SessionException.class, () -> f.start(1, Map.of())).getMessage()
                .contains("maximum session"));
    }

    @Test
    @Tag("SR-11")
    void aTechniqueRemovedMidSessionRampsOutAfterItsGraceNamingTheModule() throws Exception {
        Session session = f.start(2, Map.of("targetKpa", 40.0, "holdSeconds", 300.0));
        f.advance(Duration.ofSeconds(10));
        double holding = f.commandedKpa(0);
        assertTrue(holding > 35, "holding near the target: " + holding);
        f.engine.removeTechnique(f.technique);
        assertTrue(f.engine.techniques().isEmpty());

        f.advance(Duration.ofNanos(ActiveSession.TECHNIQUE_RETURN_NANOS - 100_000_000L));
        assertEquals(SessionState.RUNNING, session.state(), "the compiled program goes on while the module may return");
        assertEquals(holding, f.commandedKpa(0), 0.5);

        f.advanceUntil("the session ramps out", Duration.ofMillis(200), () -> session.state() == SessionState.STOPPING);
        f.advance(Duration.ofMillis(100));
        double falling = f.commandedKpa(0);
        assertTrue(falling > 0 && falling < holding, "a ramp-out, not a vent: " + falling);
        f.advanceUntil("the session ends", Duration.ofSeconds(30), () -> session.state() == SessionState.ENDED);
        assertTrue(session.reason().contains("test.module") && session.reason().contains("scripted"),
                session.reason());
        var alarms = EngineFixture.alarms(session, AlarmCondition.TECHNIQUE_FAILED);
        assertEquals(1, alarms.size());
        assertEquals(io.upwell.api.safety.AlarmPriority.MEDIUM, alarms.get(0).priority());
        assertFalse(f.engine.latched(), "a ramp-out needs no acknowledgement");
    }

    /** A technique leaving while its session is paused: the session ends (it is vented already), naming the module. */
    @Test
    @Tag("SR-11")
    void aTechniqueRemovedWhileItsSessionIsPausedEndsThePausedSession() throws Exception {
        Session session = f.start(2, Map.of("targetKpa", 40.0, "holdSeconds", 300.0));
        f.advance(Duration.ofSeconds(10));
        session.pause();
        f.engine.removeTechnique(f.technique);
        f.advanceUntil("the paused session ends", Duration.ofSeconds(7), () -> session.state().isFinal());
        assertEquals(SessionState.ENDED, session.state());
        assertTrue(session.reason().contains("test.module"), session.reason());
        f.assertAllVented("sim-1");
        assertEquals(1, EngineFixture.alarms(session, AlarmCondition.TECHNIQUE_FAILED).size());
    }

    @Test
    @Tag("SR-11")
    void aTechniqueThatComesBackWithinItsGraceLeavesTheSessionRunning() throws Exception {
        Session session = f.start(2, Map.of("targetKpa", 40.0, "holdSeconds", 300.0));
        f.advance(Duration.ofSeconds(10));
        f.engine.removeTechnique(f.technique);
        f.advance(Duration.ofSeconds(2));
        ScriptedTechnique updated = new ScriptedTechnique(EngineFixture::holdProgram);
        f.engine.addTechnique(updated, "test.module");
        EngineFixture.await("the updated technique is listed", () -> f.engine.techniques().size() == 1);
        f.advance(Duration.ofSeconds(10));
        assertEquals(SessionState.RUNNING, session.state());
        assertTrue(EngineFixture.alarms(session, AlarmCondition.TECHNIQUE_FAILED).isEmpty());
        f.engine.removeTechnique(f.technique);
        f.advance(Duration.ofSeconds(10));
        assertEquals(SessionState.RUNNING, session.state(), "the old service leaving again is no longer the session's");
    }

    /** Starts a session on another thread whose technique waits in plan() until {@code release} runs. */
    private java.util.concurrent.CompletableFuture<Session> startWhilePlanningBlocks(CountDownLatch release) {
        CountDownLatch planning = new CountDownLatch(1);
        f.technique.script(request -> {
            planning.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return EngineFixture.holdProgram(request);
        });
        var starting = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return f.start(2, Map.of("targetKpa", 40.0, "holdSeconds", 60.0));
            } catch (SessionException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        EngineFixture.await("the technique is planning", () -> planning.getCount() == 0);
        return starting;
    }

    @Test
    @Tag("SR-11")
    void aTechniqueLeavingWhileItPlansMeansTheSessionNeverStarts() {
        CountDownLatch release = new CountDownLatch(1);
        var starting = startWhilePlanningBlocks(release);
        f.engine.removeTechnique(f.technique);
        release.countDown();
        var failure = assertThrows(java.util.concurrent.ExecutionException.class, starting::get);
        assertTrue(failure.getCause().getMessage().contains("technique 'scripted' (module test.module) left while it"
                + " was being planned"), failure.getCause().getMessage());
        assertTrue(f.engine.current().isEmpty(), "nothing was published");
        f.advance(Duration.ofSeconds(2));
        f.assertAllVented("sim-1");
    }

    @Test
    @Tag("SR-09")
    void aDeviceLeavingWhileATechniquePlansMeansTheSessionNeverStarts() {
        CountDownLatch release = new CountDownLatch(1);
        var starting = startWhilePlanningBlocks(release);
        f.engine.removeDriver(f.simulator);
        release.countDown();
        var failure = assertThrows(java.util.concurrent.ExecutionException.class, starting::get);
        assertTrue(failure.getCause().getMessage().contains("device sim-1 left while it was being planned"),
                failure.getCause().getMessage());
        assertTrue(f.engine.current().isEmpty(), "nothing was published");
    }

    @Test
    @Tag("SR-12")
    void aDriverWhoseConnectBlocksStallsNeitherTheLoopNorOtherDevices() throws Exception {
        f.addDriver(new StubbornDriver("stuck-1", this::hang));
        f.awaitDevice("stuck-1", DeviceState.CONNECTING);
        long ticks = f.engine.loop().ticks();
        f.advance(Duration.ofSeconds(1));
        assertEquals(ticks + 50, f.engine.loop().ticks(), "the control loop kept ticking");
        EngineFixture.await("the blocked connect is reported",
                () -> !f.engineAlarms(AlarmCondition.DRIVER_FAILED).isEmpty());
        assertTrue(f.engineAlarms(AlarmCondition.DRIVER_FAILED).get(0).message().contains("stuck-1"));
        Session session = f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 10.0));
        f.advanceUntil("a session on the other device ends", Duration.ofSeconds(60),
                () -> session.state() == SessionState.ENDED);
    }

    @Test
    @Tag("SR-12")
    void aDriverWhoseConnectThrowsIsReportedAndLeftDisconnected() {
        f.addDriver(new StubbornDriver("broken-1", () -> {
            throw new IllegalStateException("port busy");
        }));
        // A device is listed DISCONNECTED ("not connected yet") for a moment before it connects: wait for the failure.
        EngineFixture.await("the failed connect is reported", () -> f.engine.devices().stream()
                .anyMatch(d -> d.descriptor().id().equals("broken-1") && d.state() == DeviceState.DISCONNECTED
                        && d.reason().contains("port busy")));
        assertEquals(1, f.engineAlarms(io.upwell.api.safety.AlarmCondition.DRIVER_FAILED).stream()
                .filter(a -> a.message().contains("port busy")).count(), "reported once");
        assertFalse(f.engine.latched(), "nothing was applied, so nothing latches");
    }

    /** A driver whose connect does whatever the test says, for a real, non-simulated device id. */
    static final class StubbornDriver implements DeviceDriver {
        private final String id;
        private final Runnable onConnect;

        StubbornDriver(String id, Runnable onConnect) {
            this.id = id;
            this.onConnect = onConnect;
        }

        @Override
        public DeviceDescriptor descriptor() {
            return new DeviceDescriptor(id, "Test", "Stubborn", List.of(ChannelDescriptor.plain(0, 50)), 50, false,
                    Duration.ofMillis(200));
        }

        @Override
        public void connect(DeviceLink link) {
            onConnect.run();
        }

        @Override
        public void disconnect() {
        }
    }
}
