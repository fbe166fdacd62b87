package io.upwell.launcher.app.internal;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.preview.Preview;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.Placement;
import io.upwell.api.session.SessionPlan;
import io.upwell.api.session.SessionState;
import io.upwell.engine.records.report.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceSummaryTest {

    /**
     * One cup, a sample every second: 0, 10, 25, 45, 45, 30, 15, NaN, 0 kPa measured. The target
     * rises to 40 and falls.
     */
    private static final Trace TRACE = Trace.of(Traces.samples(1000, new double[][] {
        {0, 0}, {10, 10}, {25, 25}, {40, 45}, {40, 45}, {30, 30}, {15, 15}, {0, Double.NaN}, {0, 0}},
            new String[][] {{"idle"}, {"ramp"}, {"ramp"}, {"hold"}, {"hold"}, {"release"}, {"release"}, {"release"},
                {"done"}}));

    @Test
    void thePeaksAreTheGreatestTargetAndMeasurement() {
        assertEquals(40.0, TraceSummary.peak(TRACE, 0, false), 0.0);
        assertEquals(45.0, TraceSummary.peak(TRACE, 0, true), 0.0);
    }

    @Test
    void aCupThatMeasuredNothingHasNoPeak() {
        Trace none = Trace.of(Traces.samples(100, new double[][] {{0, Double.NaN}, {1, Double.NaN}},
                new String[][] {{"idle"}, {"ramp"}}));

        assertTrue(Double.isNaN(TraceSummary.peak(none, 0, true)));
        assertEquals(0.0, TraceSummary.secondsAtOrAbove(none, 0, 0), 0.0);
    }

    @Test
    void timeAtOrAboveAThresholdCountsEachSampleIntervalThatOpensAtOrAboveIt() {
        // >= 20 kPa: the intervals opening at 25, 45, 45 and 30 kPa: 4 s.
        assertEquals(4.0, TraceSummary.secondsAtOrAbove(TRACE, 0, 20), 1e-9);
        // >= 40 kPa: the two opening at 45 kPa.
        assertEquals(2.0, TraceSummary.secondsAtOrAbove(TRACE, 0, 40), 1e-9);
        // exactly at the threshold counts: >= 45.
        assertEquals(2.0, TraceSummary.secondsAtOrAbove(TRACE, 0, 45), 1e-9);
        assertEquals(0.0, TraceSummary.secondsAtOrAbove(TRACE, 0, 45.001), 1e-9);
        // the NaN interval (7 s to 8 s) counts as below any threshold, even 0.
        assertEquals(7.0, TraceSummary.secondsAtOrAbove(TRACE, 0, 0), 1e-9);
    }

    @Test
    void theLinesSayHowItEndedThenOneRowPerCupThenTheAlarms() {
        Placement placement = new Placement("preview-sim", 0, new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, ""));
        SessionPlan plan = new SessionPlan("static-cupping", "ramp, hold, release", Duration.ofSeconds(8),
                List.of(new SessionPlan.CupPlan(0, placement, 35, "body region upper-back", 40)));
        Alarm alarm = new Alarm("al-test-6", AlarmPriority.MEDIUM, AlarmCondition.OVER_VACUUM, "preview-sim", 0,
                Instant.EPOCH, "cup 0 measured 45.0 kPa", false);
        Preview preview = new Preview(plan, List.of(), List.of(alarm), SessionState.ENDED, "program complete",
                Duration.ofSeconds(8));

        List<String> lines = TraceSummary.lines("static-cupping 1.0.0", preview, TRACE);

        assertEquals("static-cupping 1.0.0: ENDED after 8.0 s of virtual time (program complete)", lines.get(0));
        assertTrue(lines.get(1).matches("\\s+cup\\s+site\\s+limit \\(set by\\)\\s+program asks\\s+peak target\\s+peak measured\\s+"
                + ">= 20 kPa\\s+>= 40 kPa"), lines.get(1));
        assertTrue(lines.get(2).matches("\\s+0\\s+upper-back/left\\s+35\\.0 kPa \\(body region upper-back\\)\\s+"
                + "40\\.0 kPa, clamped\\s+"
                + "40\\.0 kPa\\s+45\\.0 kPa\\s+4\\.0 s\\s+2\\.0 s"), lines.get(2));
        assertEquals("alarms:", lines.get(3));
        assertTrue(lines.get(4).contains("cup 0 measured 45.0 kPa"), lines.get(4));
    }
}
