package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.session.SessionState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionProgressTest {

    private final SessionProgress progress = new SessionProgress();

    @Test
    void printsEveryCupOncePerSecondOfSessionTime() {
        List<String> first = progress.update(Snapshots.at(Duration.ofMillis(200), SessionState.RUNNING, "", List.of(),
                10, 11));
        List<String> sameSecond = progress.update(Snapshots.at(Duration.ofMillis(900), SessionState.RUNNING, "",
                List.of(), 10, 11));
        List<String> nextSecond = progress.update(Snapshots.at(Duration.ofMillis(1100), SessionState.RUNNING, "",
                List.of(), 10, 11));

        assertEquals(2, first.size());
        assertTrue(first.get(0).startsWith("[  0 s] cup 0"), first.get(0));
        assertTrue(first.get(1).startsWith("[  0 s] cup 1"), first.get(1));
        assertEquals(List.of(), sameSecond);
        assertEquals(2, nextSecond.size());
        assertTrue(nextSecond.get(0).startsWith("[  1 s] cup 0"), nextSecond.get(0));
    }

    @Test
    void aJumpOfSeveralSecondsPrintsOnlyTheLatest() {
        progress.update(Snapshots.at(Duration.ofMillis(500), SessionState.RUNNING, "", List.of(), 10));
        List<String> lines = progress.update(Snapshots.at(Duration.ofMillis(7300), SessionState.RUNNING, "",
                List.of(), 10));

        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("[  7 s]"), lines.get(0));
    }

    @Test
    void eachAlarmIsPrintedOnceWhenItAppears() {
        progress.update(Snapshots.at(Duration.ofMillis(100), SessionState.RUNNING, "", List.of(), 10));
        List<String> raised = progress.update(Snapshots.at(Duration.ofMillis(400), SessionState.RUNNING, "",
                List.of(Snapshots.leak(0)), 10));
        List<String> again = progress.update(Snapshots.at(Duration.ofMillis(600), SessionState.RUNNING, "",
                List.of(Snapshots.leak(0)), 10));

        assertEquals(1, raised.size());
        assertTrue(raised.get(0).startsWith("ALARM MEDIUM LEAK (SR-06) at sim-1#0"), raised.get(0));
        assertEquals(List.of(), again);
    }

    @Test
    void aCupNotYetMeasuredShowsNoNumber() {
        assertEquals("   -- kPa", Formats.kpa(Double.NaN));
        assertEquals(" 40.0 kPa", Formats.kpa(40.0));
    }

    @Test
    void aVentedCupReadingJustAboveAmbientPrintsAsZero() {
        assertEquals("  0.0 kPa", Formats.kpa(-0.04));
        assertEquals(" -0.1 kPa", Formats.kpa(-0.06));
        assertEquals("0.0 kPa (0.0 mmHg)", Formats.kpaAndMmHg(-0.01));
    }
}
