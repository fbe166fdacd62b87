package io.upwell.plugins.example.internal;

import io.upwell.api.technique.Cup;
import io.upwell.api.technique.ParameterReader;
import io.upwell.api.technique.ParameterSpec;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Component;

/**
 * Gentle pulses on every cup: the smallest useful technique, and the template for a module of your
 * own. Its version is its bundle's, so that replacing the module's file with a newer build shows
 * the new version in the engine's technique list.
 */
@Component(service = Technique.class)
public final class ExamplePulseTechnique implements Technique {

    static final String ID = "example-pulse";

    static final ParameterSpec.Number LEVEL = ParameterSpec.number("levelKpa", "kPa", 5, 30, 15).perCup()
            .withDescription("Vacuum at the top of each pulse, in kPa below ambient.")
            .withSource("judgement: the lower part of the 8 to 80 kPa studied for dry cupping (Kim 2020)");
    static final ParameterSpec.Number PULSES = ParameterSpec.number("pulses", "", 1, 20, 5)
            .withDescription("How many pulses each cup makes.")
            .withSource("judgement");

    private static final Duration ON = Duration.ofSeconds(2);
    private static final Duration OFF = Duration.ofSeconds(2);

    private final TechniqueDescriptor descriptor = TechniqueDescriptor.of(ID, "Example pulses",
            TechniqueStyle.INTERVAL, "Every cup pulses gently: 2 s of suction, 2 s of release.", List.of(LEVEL, PULSES))
            .withVersion(versionOf(FrameworkUtil.getBundle(ExamplePulseTechnique.class)))
            .withAuthor("Upwell")
            .withSources(List.of("Kim 2020, J Acupunct Res 37(1)"));

    @Override
    public TechniqueDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Program plan(PlanRequest request) throws TechniqueException {
        if (request.cups().isEmpty()) {
            throw new TechniqueException(ID + ": the request has no cups");
        }
        ParameterReader values = new ParameterReader(ID, request);
        int pulses = values.count(PULSES);
        List<Timeline> timelines = new ArrayList<>();
        for (Cup cup : request.cups()) {
            double level = Math.min(values.number(LEVEL, cup), values.limitOf(cup));
            timelines.add(new Timeline(cup.index(), List.of(new Segment.Pulse(0, level, ON, OFF, pulses))));
        }
        return new Program("Example pulses", timelines);
    }

    /** The bundle's version as major.minor.micro; 1.0.0 outside a framework (a unit test). */
    static String versionOf(Bundle bundle) {
        if (bundle == null) {
            return "1.0.0";
        }
        Version v = bundle.getVersion();
        return v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
    }
}
