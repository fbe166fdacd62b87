package io.upwell.plugins.gliding.internal;

import io.upwell.api.technique.Observation;
import io.upwell.api.technique.PerSession;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.ProgramPolicy;
import io.upwell.api.technique.ProgramRevision;
import io.upwell.api.technique.Technique;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueException;
import io.upwell.api.technique.TechniqueStyle;
import io.upwell.api.technique.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * Dynamic gliding: a cup the therapist slides over oiled skin, at lighter vacuum. Each cup ramps in,
 * glides (steady or pulsing) and releases, in segments of at most 2 s. The program is adaptive: a cup
 * whose seal is lost drops to a low seal-seeking level, and once it seals again ramps gently back
 * ({@link SealWatch}). It declares a higher leak tolerance than the engine's default, which the
 * engine bounds.
 */
@Component(service = Technique.class)
public final class DynamicGlidingTechnique implements Technique {

    static final String ID = "dynamic-gliding";

    /** Tracking error the program expects: a gliding cup loses its seal now and then. The engine caps it at 15. */
    static final double LEAK_TOLERANCE_KPA = 12.0;

    /** How often the engine shows the technique its cups. */
    static final Duration ADAPT_EVERY = Duration.ofMillis(250);

    private static final TechniqueDescriptor DESCRIPTOR = TechniqueDescriptor.of(ID, "Dynamic gliding",
            TechniqueStyle.GLIDING,
            "The therapist slides the cups over oiled skin at lighter vacuum, steady or pulsing, to loosen fascia"
                    + " and move fluid along a stroke. When a cup loses its seal it drops to a low vacuum at once and,"
                    + " once it seals again, climbs back gently rather than snapping onto the skin.",
            GlideParameters.ALL)
            .withSources(List.of("judgement: gliding uses lighter suction than static cupping, about 10 to 25 kPa",
                    "practice guides: raise suction over about 3 to 10 s"));

    private final PerSession<SealWatch> watches = new PerSession<>(request -> new SealWatch(GlidePlan.of(request)));

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Program plan(PlanRequest request) throws TechniqueException {
        GlidePlan plan = GlidePlan.of(request);
        List<Timeline> timelines = new ArrayList<>();
        for (int cup : plan.cups()) {
            timelines.add(new Timeline(cup, plan.program(cup)));
        }
        String minutes = GlideTexts.minutes(plan.glide());
        return new Program("Dynamic gliding: " + minutes + " min, " + plan.mode(), timelines,
                new ProgramPolicy(0, LEAK_TOLERANCE_KPA, Duration.ZERO)).adaptingEvery(ADAPT_EVERY);
    }

    @Override
    public Optional<ProgramRevision> adapt(Observation observation) throws TechniqueException {
        SealWatch watch = watches.of(observation.request());
        synchronized (watch) {
            return watch.observe(observation).map(change -> new ProgramRevision(change.continuations(),
                    change.reason()));
        }
    }

    /** The sessions watched, for tests. */
    PerSession<SealWatch> watches() {
        return watches;
    }
}
