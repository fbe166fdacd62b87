package io.upwell.engine.core.bench;

import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.Technique;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueStyle;
import io.upwell.api.technique.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmarks' load: every cup pulses between 10 and 30 kPa, so the envelope works on every
 * tick. The program is made of nine-minute blocks (ramp in, pulses, release); the release between
 * blocks keeps each cup under the 15-minute dwell limit, so a long program runs to its end at full
 * load instead of ramping cups out.
 */
final class PulsingTechnique implements Technique {
    static final String ID = "pulsing";
    static final Duration BLOCK = Duration.ofMinutes(9);

    private static final Duration RAMP_IN = Duration.ofSeconds(3);
    private static final Duration PULSE_ON = Duration.ofSeconds(3);
    private static final Duration PULSE_OFF = Duration.ofSeconds(2);
    private static final Duration RELEASE = Duration.ofSeconds(2);
    private static final int PULSES_PER_BLOCK =
            (int) BLOCK.minus(RAMP_IN).minus(RELEASE).dividedBy(PULSE_ON.plus(PULSE_OFF));

    private final int blocks;

    /** @param length the program's length, rounded up to whole {@link #BLOCK}s */
    PulsingTechnique(Duration length) {
        this.blocks = (int) Math.max(1, (length.toNanos() + BLOCK.toNanos() - 1) / BLOCK.toNanos());
    }

    @Override
    public TechniqueDescriptor descriptor() {
        return TechniqueDescriptor.of(ID, "Pulsing", TechniqueStyle.INTERVAL, "benchmark load",
                List.of(ParameterSpec.number("unused", "", 0, 1, 0)));
    }

    @Override
    public Program plan(PlanRequest request) {
        List<Timeline> timelines = new ArrayList<>();
        for (var cup : request.cups()) {
            timelines.add(new Timeline(cup.index(), segments()));
        }
        return new Program(ID, timelines);
    }

    private List<Segment> segments() {
        List<Segment> segments = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            segments.add(new Segment.Ramp(20, RAMP_IN));
            segments.add(new Segment.Pulse(10, 30, PULSE_ON, PULSE_OFF, PULSES_PER_BLOCK));
            segments.add(new Segment.Release(RELEASE));
        }
        return segments;
    }
}
