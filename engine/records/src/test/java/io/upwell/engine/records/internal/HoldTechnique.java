package io.upwell.engine.records.internal;

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

/** Ramp to targetKpa over 2 s, hold for holdSeconds, release over 2 s, on every cup. */
final class HoldTechnique implements Technique {
    static final String ID = "hold";

    @Override
    public TechniqueDescriptor descriptor() {
        return TechniqueDescriptor.of(ID, "Hold", TechniqueStyle.STATIC, "test technique",
                List.of(ParameterSpec.number("targetKpa", "kPa", 8, 60, 20).perCup(),
                        ParameterSpec.number("holdSeconds", "s", 10, 900, 600)));
    }

    @Override
    public Program plan(PlanRequest request) {
        List<Timeline> timelines = new ArrayList<>();
        for (var cup : request.cups()) {
            double target = request.number("targetKpa", cup);
            timelines.add(new Timeline(cup.index(), List.of(new Segment.Ramp(target, Duration.ofSeconds(2)),
                    new Segment.Hold(target, Duration.ofSeconds((long) request.number("holdSeconds"))),
                    new Segment.Release(Duration.ofSeconds(2)))));
        }
        return new Program("hold", timelines);
    }
}
