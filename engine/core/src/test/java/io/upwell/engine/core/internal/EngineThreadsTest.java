package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.DeviceState;
import io.upwell.engine.core.internal.clock.SystemClock;
import io.upwell.engine.core.internal.clock.VirtualClock;
import io.upwell.engine.core.internal.journal.JsonLinesJournal;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import io.upwell.engine.core.internal.settings.EngineSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's threads on the system clock: started with it, watched, and all gone once it closed. */
class EngineThreadsTest {
    @TempDir
    Path dir;

    private static List<Thread> startedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t)).toList();
    }

    private static Thread named(List<Thread> threads, String prefix) {
        List<Thread> found = threads.stream().filter(t -> t.getName().startsWith(prefix)).toList();
        assertEquals(1, found.size(), prefix + " among " + threads);
        return found.get(0);
    }

    private Engine systemEngine() {
        return new Engine(EngineSettings.defaults(dir, false), new SystemClock(),
                new JsonLinesJournal(dir, Duration.ofMillis(100), 1024));
    }

    @Test
    @Tag("SR-10")
    void closingTheEngineEndsEveryThreadItStartedAndTheControlThreadBeforeTheJournal() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Engine engine = systemEngine();
        engine.addDriver(new ScriptedDevice("d-1", 1));
        engine.start(true);
        EngineFixture.await("d-1 ready", () -> engine.devices().stream().anyMatch(d -> d.state() == DeviceState.READY));
        EngineFixture.await("the loop ticks", () -> engine.loopStatistics().ticks() > 2);
        List<Thread> started = startedSince(before);
        Thread control = named(started, "upwell-control");
        Thread watchdog = named(started, "upwell-watchdog");
        Thread events = named(started, "upwell-events");
        assertEquals(Thread.MAX_PRIORITY, control.getPriority(), "the control thread comes first");
        assertTrue(started.stream().anyMatch(t -> t.getName().startsWith("upwell-plugin-call")), started.toString());

        engine.close();
        assertFalse(control.isAlive(), "no tick may run once the journal is closed");
        EngineFixture.await("the watchdog ended", () -> !watchdog.isAlive());
        EngineFixture.await("the event thread ended", () -> !events.isAlive());
        EngineFixture.await("every thread of the engine ended", () -> startedSince(before).stream()
                .noneMatch(t -> t.getName().startsWith("upwell-")));
    }

    @Test
    @Tag("SR-10")
    void aStoppedLoopIsAProblemOnlyOnceTheControlThreadIsDead() throws Exception {
        Engine engine = systemEngine();
        engine.start(false);
        EngineFixture.await("the loop ticks", () -> engine.loopStatistics().ticks() > 2);
        engine.safety().loopStopped(); // latched by a watchdog that saw a stall, while the thread lives on
        assertNull(engine.safety().loopProblem(), "a living control thread may be trusted again");
        engine.close();
        assertEquals("the control loop is not ticking", engine.safety().loopProblem());
    }

    @Test
    @Tag("SR-10")
    void aTickLateByLessThanTheThresholdIsOnTimeAndOneLaterIsLate() {
        VirtualClock clock = new VirtualClock();
        Engine engine = new Engine(EngineSettings.defaults(dir, true), clock, new RecordingJournal(),
                new SafetyLatch());
        try {
            engine.start(false);
            long threshold = engine.settings().lateTickThresholdMillis() * 1_000_000L;
            for (int i = 0; i < 2 * engine.settings().maxConsecutiveLateTicks(); i++) {
                engine.loop().tick(clock.nanoTime() - threshold, clock.nanoTime());
            }
            assertEquals(0, engine.loopStatistics().lateTicks());
            assertFalse(engine.latched());
            engine.loop().tick(clock.nanoTime() - threshold - 1, clock.nanoTime());
            assertEquals(1, engine.loopStatistics().lateTicks());
        } finally {
            engine.close();
        }
    }
}
