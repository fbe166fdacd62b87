package io.upwell.plugins.programs.internal;

import io.upwell.api.technique.Observation;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.ProgramRevision;
import io.upwell.api.technique.Technique;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueException;
import java.util.Optional;

/**
 * The one service a program file is registered as for as long as the file is installed: an update
 * swaps what it delegates to, so the engine sees the same service described afresh (and a session
 * running the old version keeps its compiled program) instead of a technique leaving and another
 * arriving.
 */
final class SwappableTechnique implements Technique {

    private volatile ProgramTechnique current;

    SwappableTechnique(ProgramTechnique first) {
        this.current = first;
    }

    void swap(ProgramTechnique next) {
        this.current = next;
    }

    ProgramTechnique current() {
        return current;
    }

    @Override
    public TechniqueDescriptor descriptor() {
        return current.descriptor();
    }

    @Override
    public Program plan(PlanRequest request) throws TechniqueException {
        return current.plan(request);
    }

    @Override
    public Optional<ProgramRevision> adapt(Observation observation) throws TechniqueException {
        return current.adapt(observation);
    }

    @Override
    public String toString() {
        return current.toString();
    }
}
