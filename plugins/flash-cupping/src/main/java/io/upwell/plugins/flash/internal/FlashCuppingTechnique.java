package io.upwell.plugins.flash.internal;

import io.upwell.api.technique.ParameterReader;
import io.upwell.api.technique.Cup;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.Technique;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueException;
import io.upwell.api.technique.TechniqueStyle;
import io.upwell.api.technique.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Flash cupping: short, rapid suction-release cycles. Every cup pulls to its level for the on time,
 * releases to ambient for the off time, and repeats; the cups flash together.
 */
@Component(service = Technique.class)
public final class FlashCuppingTechnique implements Technique {

    static final String ID = "flash-cupping";

    private static final TechniqueDescriptor DESCRIPTOR = TechniqueDescriptor.of(ID, "Flash cupping",
            TechniqueStyle.FLASH,
            "Short, rapid cycles of light suction and release, a second or two each, to warm and wake up the"
                    + " tissue without leaving a cup in place. No cup is planned above its limit, and the engine"
                    + " still limits how fast vacuum rises.",
            FlashParameters.ALL)
            .withSources(List.of("judgement: flash cycles of about 1 to 3 s at light vacuum",
                    "Kim 2020, J Acupunct Res 37(1): dry cupping at 60 to 600 mmHg (8 to 80 kPa)"));

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Program plan(PlanRequest request) throws TechniqueException {
        if (request.cups().isEmpty()) {
            throw new TechniqueException(ID + ": the request has no cups");
        }
        ParameterReader values = new ParameterReader(ID, request);
        Duration on = ParameterReader.seconds(values.number(FlashParameters.ON));
        Duration off = ParameterReader.seconds(values.number(FlashParameters.OFF));
        int flashes = values.count(FlashParameters.COUNT);
        List<Timeline> timelines = new ArrayList<>(request.cups().size());
        for (Cup cup : request.cups()) {
            double level = Math.min(values.number(FlashParameters.LEVEL, cup), values.limitOf(cup));
            timelines.add(new Timeline(cup.index(), List.of(new Segment.Pulse(0.0, level, on, off, flashes))));
        }
        return new Program("Flash cupping: " + flashes + " flashes", timelines);
    }
}
