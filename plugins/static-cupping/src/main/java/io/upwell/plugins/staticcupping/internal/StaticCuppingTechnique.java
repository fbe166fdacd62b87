package io.upwell.plugins.staticcupping.internal;

import io.upwell.api.technique.Cup;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.ProgramPolicy;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.Technique;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueException;
import io.upwell.api.technique.TechniqueStyle;
import io.upwell.api.technique.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.osgi.service.component.annotations.Component;

/**
 * Static cupping: every cup ramps from ambient to its target, holds it, and releases. Cups run in
 * parallel; each may have its own target through a per-cup override.
 */
@Component(service = Technique.class)
public final class StaticCuppingTechnique implements Technique {

    static final String ID = "static-cupping";

    private static final TechniqueDescriptor DESCRIPTOR = TechniqueDescriptor.of(ID, "Static cupping",
            TechniqueStyle.STATIC,
            "Cups stay in place: each ramps up to its target vacuum, holds it, then releases. Every cup may "
                    + "have its own target and hold. No cup is planned above its limit, and the "
                    + "engine's envelope still limits how fast vacuum rises. No cup stays under vacuum longer "
                    + "than its site allows (face and back of the neck 5 min; chest, abdomen and arms 10 min; "
                    + "elsewhere 15 min): a longer hold is shortened, and the program's name says so.",
            StaticCuppingParameters.ALL)
            .withSources(List.of("Kim 2020, J Acupunct Res 37(1): dry cupping at 60 to 600 mmHg",
                    "Wang 2020, Front Bioeng Biotechnol: 300 mmHg for 5 min",
                    "cupping practice guides: static dwell usually 5 to 15 min; a study of cupping blisters:"
                            + " some people blister within 10 min"));

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Program plan(PlanRequest request) throws TechniqueException {
        if (request.cups().isEmpty()) {
            throw new TechniqueException(ID + ": the request has no cups");
        }
        List<Timeline> timelines = new ArrayList<>(request.cups().size());
        List<String> shortened = new ArrayList<>();
        Duration longest = Duration.ZERO;
        for (Cup cup : request.cups()) {
            timelines.add(timelineFor(cup, request, shortened));
            Duration limit = SiteDwell.limitFor(cup.site().region());
            longest = limit.compareTo(longest) > 0 ? limit : longest;
        }
        String name = shortened.isEmpty() ? "Static cupping"
                : "Static cupping; hold shortened to the site's dwell limit for " + String.join(", ", shortened);
        // The longest site limit goes to the engine too, which ramps a cup out at it whatever the program says.
        return new Program(name, timelines, new ProgramPolicy(0, 0, longest));
    }

    private static Timeline timelineFor(Cup cup, PlanRequest request, List<String> shortened)
            throws TechniqueException {
        if (!(cup.maxVacuumKpa() > 0) || !Double.isFinite(cup.maxVacuumKpa())) {
            throw new TechniqueException(ID + ": cup " + cup.index() + " at " + cup.site()
                    + " has no usable vacuum limit (" + cup.maxVacuumKpa() + " kPa)");
        }
        double target = parameter(request, StaticCuppingParameters.TARGET, cup);
        double level = Math.min(target, cup.maxVacuumKpa());
        Duration rampIn = seconds(parameter(request, StaticCuppingParameters.RAMP_IN, cup));
        Duration hold = seconds(parameter(request, StaticCuppingParameters.HOLD, cup));
        Duration rampOut = seconds(parameter(request, StaticCuppingParameters.RAMP_OUT, cup));
        // The site's limit covers all the time under vacuum: ramp in, hold and release.
        Duration limit = SiteDwell.limitFor(cup.site().region());
        Duration longestHold = limit.minus(rampIn).minus(rampOut);
        if (hold.compareTo(longestHold) > 0) {
            hold = longestHold;
            shortened.add("cup " + cup.index() + " (" + cup.site().region().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + ": " + limit.toMinutes() + " min under vacuum, hold " + inSeconds(hold) + ")");
        }
        return new Timeline(cup.index(), List.of(
                new Segment.Ramp(level, rampIn),
                new Segment.Hold(level, hold),
                new Segment.Release(rampOut)));
    }

    /** The cup's value of a parameter, refusing one the core should already have kept in range. */
    private static double parameter(PlanRequest request, ParameterSpec.Number spec, Cup cup)
            throws TechniqueException {
        double value;
        try {
            value = request.number(spec.name(), cup);
        } catch (NoSuchElementException | IllegalStateException e) {
            throw new TechniqueException(ID + ": parameter " + spec.name() + " is missing for cup " + cup.index());
        }
        if (!spec.accepts(value)) {
            throw new TechniqueException(ID + ": " + spec.name() + " for cup " + cup.index() + " is " + value + " "
                    + spec.unit() + "; it must be " + spec.allowed());
        }
        return value;
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000L));
    }

    /** A duration in seconds as a therapist reads it: {@code 292 s}, {@code 291.5 s}. */
    private static String inSeconds(Duration duration) {
        return java.math.BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros().toPlainString() + " s";
    }
}
