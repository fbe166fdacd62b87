package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionState;
import io.upwell.engine.core.internal.loop.LatenessHistogram;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("SR-10")
class LoopTimingTest {
    private static final long MS = 1_000_000L;
    @TempDir
    Path dir;
    EngineFixture f;
    Session session;

    @BeforeEach
    void setUp() throws Exception {
        f = new EngineFixture(dir);
        session = f.start(2, Map.of("targetKpa", 40.0, "holdSeconds", 300.0));
        f.advance(Duration.ofSeconds(10));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void tooManyLateTicksInARowVentEverything() {
        long t = f.clock.nanoTime();
        for (int i = 0; i < 5; i++) { // five late ticks in a row are tolerated (default)
            t += 20 * MS;
            f.engine.loop().tick(t, t + 15 * MS);
        }
        assertEquals(SessionState.RUNNING, session.state());
        t += 20 * MS;
        f.engine.loop().tick(t, t + 15 * MS);
        assertEquals(SessionState.PAUSED, session.state());
        assertEquals(1, EngineFixture.alarms(session, AlarmCondition.LOOP_LATE).size());
        f.assertAllVented("sim-1");
        assertTrue(f.engine.latched());
        assertEquals(6, f.engine.loopStatistics().lateTicks());
    }

    @Test
    void scatteredLateTicksAreCountedButNotAFault() {
        long t = f.clock.nanoTime();
        // Eight ticks (160 ms) stay within the device's 200 ms quiet time: these ticks run ahead of the
        // virtual clock that stamps the simulator's samples.
        for (int i = 0; i < 8; i++) {
            t += 20 * MS;
            f.engine.loop().tick(t, t + (i % 2 == 0 ? 15 * MS : 0));
        }
        assertEquals(SessionState.RUNNING, session.state());
        assertEquals(4, f.engine.loopStatistics().lateTicks());
        assertFalse(f.engine.latched());
    }

    @Test
    void theWatchdogVentsEverythingWhenTheLoopStops() {
        long wall = 0;
        assertFalse(f.engine.watchdog().check(wall));
        wall += 200 * MS;
        assertFalse(f.engine.watchdog().check(wall), "200 ms without a tick is within the 250 ms timeout");
        wall += 100 * MS;
        assertTrue(f.engine.watchdog().check(wall), "300 ms without a tick: the loop is declared stopped");
        f.assertAllVented("sim-1");
        assertEquals(SessionState.ABORTED, session.state());
        assertTrue(session.reason().contains("control loop stopped"), session.reason());
        assertTrue(f.engine.latched());
        assertFalse(f.engine.watchdog().check(wall + 500 * MS), "fires once per stop");
    }

    @Test
    void theWatchdogStaysQuietWhileTicksFlow() {
        long wall = 0;
        for (int i = 0; i < 100; i++) {
            f.advance(Duration.ofMillis(20));
            wall += 100 * MS;
            assertFalse(f.engine.watchdog().check(wall));
        }
        assertEquals(SessionState.RUNNING, session.state());
    }

    @Test
    void latenessPercentilesComeFromTheirBuckets() {
        LatenessHistogram histogram = new LatenessHistogram();
        for (int i = 0; i < 98; i++) {
            histogram.record(55_000); // 55 µs
        }
        histogram.record(3 * MS);
        histogram.record(40 * MS);
        assertEquals(60_000, histogram.percentile(50), "upper edge of the 50..60 µs bucket");
        assertEquals(4 * MS, histogram.percentile(99));
        assertEquals(40 * MS, histogram.max());
        assertEquals(100, histogram.count());
    }
}
