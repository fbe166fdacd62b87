package io.upwell.engine.core.internal;

import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.Technique;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueException;
import io.upwell.api.technique.TechniqueStyle;
import io.upwell.api.technique.Observation;
import io.upwell.api.technique.ProgramRevision;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A technique whose plan is whatever the test scripts: a program, an exception, or a hang. */
class ScriptedTechnique implements Technique {
    static final String ID = "scripted";

    private final String id;
    private final TechniqueStyle style;
    private volatile Function<PlanRequest, Program> planner;
    volatile PlanRequest lastRequest;
    /** What {@code adapt} answers; empty by default. */
    private volatile Function<Observation, Optional<ProgramRevision>> adapter = observation -> Optional.empty();
    /** Every observation {@code adapt} was given, in order. */
    final List<Observation> observations = new CopyOnWriteArrayList<>();

    ScriptedTechnique(Function<PlanRequest, Program> planner) {
        this(ID, planner);
    }

    ScriptedTechnique(String id, Function<PlanRequest, Program> planner) {
        this(id, TechniqueStyle.STATIC, planner);
    }

    ScriptedTechnique(String id, TechniqueStyle style, Function<PlanRequest, Program> planner) {
        this.id = id;
        this.style = style;
        this.planner = planner;
    }

    void adaptWith(Function<Observation, Optional<ProgramRevision>> next) {
        this.adapter = next;
    }

    @Override
    public Optional<ProgramRevision> adapt(Observation observation) {
        observations.add(observation);
        return adapter.apply(observation);
    }

    void script(Function<PlanRequest, Program> next) {
        this.planner = next;
    }

    @Override
    public TechniqueDescriptor descriptor() {
        return TechniqueDescriptor.of(id, "Scripted", style, "test technique",
                List.of(ParameterSpec.number("targetKpa", "kPa", 8, 60, 40).perCup(),
                        ParameterSpec.number("holdSeconds", "s", 10, 900, 60)));
    }

    @Override
    public Program plan(PlanRequest request) throws TechniqueException {
        lastRequest = request;
        return planner.apply(request);
    }
}
