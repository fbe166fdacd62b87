package io.upwell.api.session;

import io.upwell.api.technique.TechniqueDescriptor;
import java.util.Objects;

/**
 * A technique the engine can run, with where it came from.
 *
 * @param descriptor what the technique declares
 * @param module     the bundle that registered it, as {@code symbolic-name version}
 * @param origin     where the module got it: the program file it was read from, or {@code "bundle"} for a
 *                   technique written in Java (the service property {@link EngineProperties#TECHNIQUE_ORIGIN})
 */
public record AvailableTechnique(TechniqueDescriptor descriptor, String module, String origin) {

    public AvailableTechnique {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(origin, "origin");
    }
}
