package io.upwell.devices.latencybench;

import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.Technique;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueStyle;
import io.upwell.api.technique.Timeline;
import java.time.Duration;
import java.util.List;

/** The benchmark's session: every cup ramps to {@link #HOLD_KPA} in 2 s and holds it for 14 minutes. */
final class HoldTechnique implements Technique {
    static final String ID = "bench-hold";
    static final double HOLD_KPA = 20;

    @Override
    public TechniqueDescriptor descriptor() {
        return TechniqueDescriptor.of(ID, "Hold", TechniqueStyle.STATIC, "the latency benchmark's steady hold",
                List.of(ParameterSpec.number("unused", "", 0, 1, 0)));
    }

    @Override
    public Program plan(PlanRequest request) {
        List<Segment> segments = List.of(new Segment.Ramp(HOLD_KPA, Duration.ofSeconds(2)),
                new Segment.Hold(HOLD_KPA, Duration.ofMinutes(14)), new Segment.Release(Duration.ofSeconds(3)));
        return new Program(ID, request.cups().stream().map(cup -> new Timeline(cup.index(), segments)).toList());
    }
}
