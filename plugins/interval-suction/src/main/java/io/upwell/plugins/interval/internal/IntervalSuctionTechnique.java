package io.upwell.plugins.interval.internal;

import io.upwell.api.technique.ParameterReader;
import io.upwell.api.technique.Cup;
import io.upwell.api.technique.ParameterValue;
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
 * Interval (pulsed) suction: suction and atmospheric phases on a fixed rhythm. In shifted mode the
 * cups of a chain alternate by zone: even zones start at once, odd zones {@code shiftSeconds} later,
 * so neighbouring cups pull at different times and stretch the tissue between them. Cups that would
 * be shifted against each other must not share a pump.
 */
@Component(service = Technique.class)
public final class IntervalSuctionTechnique implements Technique {

    static final String ID = "interval-suction";

    private static final TechniqueDescriptor DESCRIPTOR = TechniqueDescriptor.of(ID, "Interval suction",
            TechniqueStyle.INTERVAL,
            "Gentle suction alternates with release to ambient on a fixed rhythm, as interval vacuum therapy does,"
                    + " to move blood and lymph. In shifted mode neighbouring cups of a chain pull at different"
                    + " times, stretching the tissue between them a little.",
            IntervalParameters.ALL)
            .withSources(List.of(
                    "German Wikipedia, Intermittierende Vakuumtherapie: 2 to 7 kPa, 5 to 12 s vacuum, 5 to 10 s"
                            + " atmospheric, 20 to 30 min sessions",
                    "Sundby 2017, PLoS ONE, doi 10.1371/journal.pone.0179001: 40 mmHg, 10 s on and 7 s off for"
                            + " 10 min; blood flow peaks 2 to 3 s after onset"));

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
        Duration on = ParameterReader.seconds(values.number(IntervalParameters.ON));
        Duration off = ParameterReader.seconds(values.number(IntervalParameters.OFF));
        int cycles = values.count(IntervalParameters.CYCLE_COUNT);
        boolean shifted = IntervalParameters.SHIFTED.equals(values.choice(IntervalParameters.MODE_CHOICE));
        double shiftSeconds = values.number(IntervalParameters.SHIFT);
        Duration shift = ParameterReader.seconds(shiftSeconds);
        if (shifted) {
            checkShiftable(request.cups());
        }
        List<Timeline> timelines = new ArrayList<>(request.cups().size());
        for (Cup cup : request.cups()) {
            double level = Math.min(values.number(IntervalParameters.SUCTION, cup), values.limitOf(cup));
            Segment.Pulse pulses = new Segment.Pulse(0.0, level, on, off, cycles);
            timelines.add(new Timeline(cup.index(), shifted && delayed(cup)
                    ? List.of(new Segment.Hold(0.0, shift), pulses)
                    : List.of(pulses)));
        }
        String name = "Interval suction: " + cycles + " cycles" + (shifted
                ? ", odd zones " + ParameterValue.of(shiftSeconds) + " s after even zones"
                : "");
        return new Program(name, timelines);
    }

    /** In shifted mode a cup in an odd zone starts late. */
    static boolean delayed(Cup cup) {
        return cup.zone().orElseThrow() % 2 == 1;
    }

    /**
     * Shifting needs every cup in a chain, and cups shifted against each other on separate pumps: one
     * pump cannot pull on one cup while it releases another.
     */
    private static void checkShiftable(List<Cup> cups) throws TechniqueException {
        for (Cup cup : cups) {
            if (cup.zone().isEmpty()) {
                throw new TechniqueException(ID + ": mode shifted needs every cup in a chain, but cup " + cup.index()
                        + " has no zone; give each cup its zone or use mode together");
            }
        }
        for (int i = 0; i < cups.size(); i++) {
            for (int j = i + 1; j < cups.size(); j++) {
                Cup a = cups.get(i);
                Cup b = cups.get(j);
                if (a.pumpGroup() == b.pumpGroup() && delayed(a) != delayed(b)) {
                    throw new TechniqueException(ID + ": cups " + a.index() + " and " + b.index() + " share pump group "
                            + a.pumpGroup() + " but would run shifted against each other (zones "
                            + a.zone().getAsInt() + " and " + b.zone().getAsInt() + "); give them separate pumps"
                            + " or use mode together");
                }
            }
        }
    }
}
