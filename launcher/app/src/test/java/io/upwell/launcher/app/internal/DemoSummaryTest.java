package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.session.LoopStatistics;
import io.upwell.api.session.SessionState;
import io.upwell.api.session.JournalHealth;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoSummaryTest {

    private static final LoopStatistics LOOP = new LoopStatistics(20_000_000, 1400, 0, 50_000, 410_000, 1_200_000);

    @Test
    void aSessionThatEndedSucceedsAndReportsPeaksInKpaAndMmHg() {
        DemoSummary summary = new DemoSummary(Snapshots.at(Duration.ofSeconds(28), SessionState.ENDED,
                "program complete", List.of(), 40.0, 30.0), LOOP, JournalHealth.HEALTHY, Duration.ofMillis(28_400));

        List<String> lines = summary.lines();

        assertEquals(ExitCodes.OK, summary.exitCode());
        assertTrue(lines.contains("Alarms: none"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("cup 0") && l.contains("40.0 kPa (300.0 mmHg)")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("cup 1") && l.contains("30.0 kPa (225.0 mmHg)")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("ENDED after 28.0 s") && l.contains("wall 28.4 s")),
                lines.toString());
        assertTrue(lines.contains("Control loop: 1400 ticks at 20.00 ms, 0 late; lateness p50 0.05 ms, p99 0.41 ms, "
                + "max 1.20 ms"), lines.toString());
        assertTrue(lines.contains("Journal: every record written"), lines.toString());
        assertEquals("Result: the session ended normally.", lines.get(lines.size() - 1));
    }

    @Test
    void aSessionThatWasAbortedFailsAndSaysWhy() {
        DemoSummary summary = new DemoSummary(Snapshots.at(Duration.ofSeconds(12), SessionState.ABORTED,
                "emergency stop from shell", List.of(Snapshots.leak(1)), 40.0), LOOP, JournalHealth.HEALTHY,
                Duration.ofSeconds(12));

        List<String> lines = summary.lines();

        assertEquals(ExitCodes.SESSION_FAILED, summary.exitCode());
        assertTrue(lines.contains("Alarms:"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  MEDIUM LEAK (SR-06) at sim-1#1")), lines.toString());
        assertEquals("Result: the session did not end normally (ABORTED: emergency stop from shell).",
                lines.get(lines.size() - 1));
    }

    @Test
    void aJournalThatCouldNotWriteIsSaidInTheSummary() {
        JournalHealth broken = new JournalHealth(false, "WRITE upwell-data/sessions/s.jsonl: disk full", 42);
        DemoSummary summary = new DemoSummary(Snapshots.at(Duration.ofSeconds(28), SessionState.ENDED,
                "program complete", List.of(), 40.0), LOOP, broken, Duration.ofSeconds(28));

        assertTrue(summary.lines().contains("Journal: CANNOT WRITE (WRITE upwell-data/sessions/s.jsonl: disk full);"
                + " 42 record(s) lost; no new session starts"), summary.lines().toString());
    }

    @Test
    void aSessionStoppedAfterItsDeviceWasLostEndedButNotNormallyAndTheResultNamesTheLoss() {
        DemoSummary summary = new DemoSummary(Snapshots.at(Duration.ofSeconds(9), SessionState.ENDED,
                "stopped by the operator", List.of(Snapshots.lost("mc-1")), 40.0), LOOP, JournalHealth.HEALTHY,
                Duration.ofSeconds(20)).interruptedBy("device mc-1 was lost mid-session (DEVICE_LOST, SR-09: gone)");

        List<String> lines = summary.lines();

        assertEquals(ExitCodes.SESSION_FAILED, summary.exitCode());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  HIGH DEVICE_LOST (SR-09) at mc-1")), lines.toString());
        assertEquals("Result: the session did not end normally: device mc-1 was lost mid-session (DEVICE_LOST, SR-09:"
                + " gone) (ENDED: stopped by the operator).", lines.get(lines.size() - 1));
    }
}
