package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceDriver;
import io.upwell.api.device.DeviceLink;
import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.DeviceStatus;
import io.upwell.api.session.LoopStatistics;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionState;
import io.upwell.engine.core.internal.clock.VirtualClock;
import io.upwell.engine.core.internal.device.DeviceSlot;
import io.upwell.engine.core.internal.settings.EngineSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's own life: what it does and records when it starts and stops, and what it says meanwhile. */
class EngineLifecycleTest {
    @TempDir
    Path dir;
    final VirtualClock clock = new VirtualClock();
    final RecordingJournal journal = new RecordingJournal();
    final CountingDevice device = new CountingDevice("d-1", 2);
    Engine engine;
    EngineFixture f;

    /** A scripted device that counts how often the engine released it. */
    static final class CountingDevice implements DeviceDriver {
        final ScriptedDevice device;
        final AtomicInteger disconnects = new AtomicInteger();

        CountingDevice(String id, int channels) {
            device = new ScriptedDevice(id, channels);
        }

        @Override
        public DeviceDescriptor descriptor() {
            return device.descriptor();
        }

        @Override
        public void connect(DeviceLink link) {
            device.connect(link);
        }

        @Override
        public void disconnect() {
            disconnects.incrementAndGet();
            device.disconnect();
        }
    }

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
        if (f != null) {
            f.close();
        }
    }

    /** An engine on the recording journal, not yet started, with the counting device attached. */
    private Engine engineWithDevice() {
        engine = new Engine(EngineSettings.defaults(dir, true), clock, journal);
        engine.addDriver(device);
        EngineFixture.await("d-1 ready", () -> engine.devices().stream().anyMatch(d -> d.state() == DeviceState.READY));
        return engine;
    }

    private DeviceSlot slot() {
        return engine.slots()[0];
    }

    @Test
    @Tag("SR-16")
    void startingVentsEveryDeviceFoundAndRecordsWhatItFound() {
        journal.unfinished = List.of("s-crashed");
        engineWithDevice();
        slot().releaseForcedVent(0);
        slot().releaseForcedVent(1);
        engine.start(false);
        assertTrue(slot().isForcedVent(0) && slot().isForcedVent(1), "the devices found are forced to vent first");
        List<RecordingJournal.Entry> starts = journal.ofType("engine-start");
        assertEquals(1, starts.size());
        assertEquals(null, starts.get(0).session());
        assertEquals(Map.of("clock", "virtual", "ventedDevices", List.of("d-1"), "unfinishedSessions",
                List.of("s-crashed"), "latched", "[]"), starts.get(0).fields());
    }

    @Test
    void beforeItStartsAndOnceItStoppedNoSessionStarts() {
        engineWithDevice();
        SessionException early = assertThrows(SessionException.class,
                () -> engine.start(EngineFixture.request(1, Map.of())));
        assertEquals("the engine is not running; no session can start", early.getMessage());
        engine.start(false);
        engine.close();
        SessionException late = assertThrows(SessionException.class,
                () -> engine.start(EngineFixture.request(1, Map.of())));
        assertEquals("the engine is not running; no session can start", late.getMessage());
    }

    @Test
    void closingReleasesEveryDriverStopsTheTicksAndRecordsTheStopOnce() {
        engineWithDevice();
        engine.start(false);
        clock.advance(Duration.ofMillis(100));
        long ticks = engine.loopStatistics().ticks();
        assertEquals(5, ticks, "a tick every 20 ms of virtual time");
        engine.close();
        engine.close();
        EngineFixture.await("the driver released on a plugin thread", () -> device.disconnects.get() == 1);
        assertEquals(0, engine.slots().length);
        assertEquals(List.of(), engine.devices());
        assertEquals(1, journal.ofType("engine-stop").size());
        assertTrue(journal.closed);
        clock.advance(Duration.ofMillis(100));
        assertEquals(ticks, engine.loopStatistics().ticks(), "the control loop no longer ticks");
    }

    @Test
    void theLoopStatisticsAreTheLoopsOwn() {
        engineWithDevice();
        engine.start(false);
        clock.advance(Duration.ofSeconds(1));
        LoopStatistics statistics = engine.loopStatistics();
        assertEquals(engine.settings().periodNanos(), statistics.periodNanos());
        assertEquals(50, statistics.ticks());
        assertEquals(engine.loop().ticks(), statistics.ticks());
        assertEquals(0, statistics.lateTicks(), "virtual ticks run exactly when due");
        assertEquals(engine.loop().lateness().max(), statistics.maxNanos());
    }

    @Test
    void theDevicesAreListedWithTheirStateAndWhy() {
        engineWithDevice();
        engine.start(false);
        List<DeviceStatus> statuses = engine.devices();
        assertEquals(1, statuses.size());
        assertEquals("d-1", statuses.get(0).descriptor().id());
        assertEquals(DeviceState.READY, statuses.get(0).state());
        assertEquals(slot().stateReason(), statuses.get(0).reason());
    }

    @Test
    void anEngineEventIsRecordedAsGiven() {
        engineWithDevice();
        engine.recordEngineEvent("configuration-pending", Map.of("why", "test"));
        assertEquals(List.of(new RecordingJournal.Entry(null, "configuration-pending", Map.of("why", "test"))),
                journal.ofType("configuration-pending"));
    }

    @Test
    @Tag("SR-16")
    void theHousekeepingChecksTheJournalByItself() {
        engineWithDevice();
        journal.problem = "disk full";
        engine.start(false);
        EngineFixture.await("the journal's failure raised", () -> engine.engineAlarms().stream()
                .anyMatch(a -> a.condition() == AlarmCondition.JOURNAL_FAILED));
        assertEquals("disk full", engine.journalHealth().problem());
    }

    @Test
    @Tag("SR-16")
    void aJournalThatCannotWriteRefusesNewSessions() {
        engineWithDevice();
        engine.start(false);
        journal.problem = "disk full";
        SessionException refused = assertThrows(SessionException.class,
                () -> engine.start(EngineFixture.request(1, Map.of())));
        assertEquals("the session journal cannot write (disk full); no session can start", refused.getMessage());
    }

    // ---------------------------------------------------------------- with a session

    @Test
    void theEngineIsBusyOnlyWhileASessionAppliesVacuumAndLiveUntilItEnds() throws Exception {
        f = new EngineFixture(dir);
        assertFalse(f.engine.busy());
        assertFalse(f.engine.hasLiveSession());
        Session session = f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 10.0));
        f.advance(Duration.ofSeconds(1));
        assertTrue(f.engine.busy());
        assertTrue(f.engine.hasLiveSession());
        session.pause();
        f.advanceUntil("paused", Duration.ofSeconds(10), () -> session.state() == SessionState.PAUSED);
        assertFalse(f.engine.busy(), "a paused session applies no vacuum");
        assertTrue(f.engine.hasLiveSession(), "a paused session is still live");
        session.stop();
        f.advanceUntil("ended", Duration.ofSeconds(30), () -> session.state().isFinal());
        assertFalse(f.engine.busy());
        assertFalse(f.engine.hasLiveSession());
        assertEquals(session.id(), f.engine.current().orElseThrow().id(), "the last session is still shown");
    }

    @Test
    void closingTheEngineAbortsTheLiveSessionSayingWhy() throws Exception {
        f = new EngineFixture(dir);
        Session session = f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 10.0));
        f.advance(Duration.ofSeconds(2));
        f.close();
        assertEquals(SessionState.ABORTED, session.state());
        assertTrue(session.reason().contains("the engine stopped"), session.reason());
        f = null;
    }
}
