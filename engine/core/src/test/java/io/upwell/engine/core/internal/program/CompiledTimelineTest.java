package io.upwell.engine.core.internal.program;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.upwell.api.technique.Segment;
import io.upwell.api.technique.Timeline;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompiledTimelineTest {
    private static final long S = 1_000_000_000L;

    @Test
    void evaluatesEverySegmentKind() {
        CompiledTimeline t = CompiledTimeline.compile(new Timeline(0, List.of(
                new Segment.Ramp(40, Duration.ofSeconds(4)),
                new Segment.Hold(40, Duration.ofSeconds(2)),
                new Segment.Pulse(10, 30, Duration.ofSeconds(1), Duration.ofSeconds(1), 2),
                new Segment.Wave(20, 5, Duration.ofSeconds(4), 0.25, Duration.ofSeconds(4)),
                new Segment.Release(Duration.ofSeconds(2)))));
        assertEquals(16 * S, t.totalNanos());
        assertEquals(0.0, t.levelAt(0), 1e-9);
        assertEquals(20.0, t.levelAt(2 * S), 1e-9);
        assertEquals("ramp", t.phaseAt(2 * S).label());
        assertEquals(40.0, t.levelAt(5 * S), 1e-9);
        assertEquals(30.0, t.levelAt(6 * S + S / 2), 1e-9, "pulse starts high");
        assertEquals(10.0, t.levelAt(7 * S + S / 2), 1e-9, "then low");
        assertEquals("pulse", t.phaseAt(7 * S + S / 2).label());
        assertEquals(25.0, t.levelAt(10 * S), 1e-9, "a quarter-cycle phase starts the wave at its crest");
        assertEquals(15.0, t.levelAt(12 * S), 1e-9);
        double releaseFrom = 20 + 5 * Math.sin(2 * Math.PI * (1.0 + 0.25));
        assertEquals(releaseFrom / 2, t.levelAt(15 * S), 1e-9, "release falls linearly from the wave's end level");
        assertEquals(0.0, t.levelAt(16 * S), 1e-9);
        assertEquals("done", t.phaseAt(20 * S).label());
    }

    @Test
    void anEmptyTimelineIsAmbient() {
        CompiledTimeline idle = CompiledTimeline.idle();
        assertEquals(0, idle.totalNanos());
        assertEquals(0.0, idle.levelAt(S));
    }

    @Test
    void aRampRisesLinearlyFromTheLevelBeforeIt() {
        CompiledTimeline t = CompiledTimeline.compile(new Timeline(0, List.of(
                new Segment.Hold(10, Duration.ofSeconds(1)),
                new Segment.Ramp(30, Duration.ofSeconds(4)))));
        assertEquals(10.0, t.levelAt(1 * S), 1e-9);
        assertEquals(20.0, t.levelAt(3 * S), 1e-9);
    }

    @Test
    void aPulseTurnsLowExactlyWhenItsOnTimeEnds() {
        CompiledTimeline t = CompiledTimeline.compile(new Timeline(0, List.of(
                new Segment.Pulse(10, 30, Duration.ofSeconds(1), Duration.ofSeconds(1), 2))));
        assertEquals(30.0, t.levelAt(S - 1), 1e-9);
        assertEquals(10.0, t.levelAt(S), 1e-9);
        assertEquals(30.0, t.levelAt(2 * S), 1e-9, "the second cycle starts high again");
    }

    @Test
    void aReleaseAfterAPulseWithoutOffTimeFallsFromTheHighLevel() {
        CompiledTimeline t = CompiledTimeline.compile(new Timeline(0, List.of(
                new Segment.Pulse(10, 30, Duration.ofSeconds(1), Duration.ZERO, 2),
                new Segment.Release(Duration.ofSeconds(2)))));
        assertEquals(30.0, t.levelAt(2 * S), 1e-9, "with no off time the pulse ends high");
        assertEquals(15.0, t.levelAt(3 * S), 1e-9);
    }

    @Test
    void aWaveIsASineOfItsPeriodAroundItsBase() {
        CompiledTimeline t = CompiledTimeline.compile(new Timeline(0, List.of(
                new Segment.Wave(20, 4, Duration.ofSeconds(12), 0.0, Duration.ofSeconds(12)))));
        assertEquals(22.0, t.levelAt(1 * S), 1e-9, "a twelfth of the period in: sin(30 degrees) = 0.5");
        assertEquals(18.0, t.levelAt(7 * S), 1e-9);
    }

    @Test
    void aSegmentOfNoDurationIsPassedOver() {
        CompiledTimeline t = CompiledTimeline.compile(new Timeline(0, List.of(
                new Segment.Ramp(30, Duration.ZERO),
                new Segment.Hold(30, Duration.ofSeconds(1)),
                new Segment.Release(Duration.ZERO))));
        assertEquals(30.0, t.levelAt(0), 1e-9);
        assertEquals(Phase.HOLD, t.phaseAt(0));
        assertEquals(0.0, t.levelAt(S), 1e-9);
        assertEquals(Phase.DONE, t.phaseAt(S));
    }

    @Test
    void theMagnetLevelIsTheTimelines() {
        assertEquals(0.4, CompiledTimeline.compile(new Timeline(0, List.of(), 0.4)).magnetLevel());
        assertEquals(0.0, CompiledTimeline.idle().magnetLevel());
    }
}
