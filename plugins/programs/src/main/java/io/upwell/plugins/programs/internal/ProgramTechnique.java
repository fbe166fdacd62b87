package io.upwell.plugins.programs.internal;

import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.Technique;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueException;
import java.util.stream.Collectors;

/**
 * A technique read from a program file: its descriptor is the file's metadata and parameters, and
 * its plan is the file's phases expanded for the request's cups with the request's values.
 * Immutable; planning has no side effects.
 */
public final class ProgramTechnique implements Technique {

    private final Model.Program program;
    private final TechniqueDescriptor descriptor;
    private final Problems locations;
    private final String origin;

    ProgramTechnique(Model.Program program, Problems locations, String origin) {
        this.program = program;
        this.locations = locations;
        this.origin = origin;
        this.descriptor = TechniqueDescriptor.of(program.id(), program.name(), program.style(),
                program.description(), program.parameters().stream().map(Model.Parameter::spec).toList())
                .withVersion(program.version()).withRegions(program.regions()).withAuthor(program.author())
                .withSources(program.sources());
    }

    @Override
    public TechniqueDescriptor descriptor() {
        return descriptor;
    }

    /** The file this technique was read from. */
    public String origin() {
        return origin;
    }

    @Override
    public Program plan(PlanRequest request) throws TechniqueException {
        Expander.Expansion expansion = Expander.expand(program, request);
        if (expansion.program().isEmpty()) {
            throw new TechniqueException(program.id() + " (" + locations.file() + "): " + expansion.issues().stream()
                    .map(i -> "line " + locations.lineOf(i.pointer()) + ", " + locations.pathOf(i.pointer()) + ": "
                            + i.message())
                    .collect(Collectors.joining("; ")));
        }
        return expansion.program().get();
    }

    @Override
    public String toString() {
        return "program " + program.id() + " " + program.version() + " from " + origin;
    }
}
