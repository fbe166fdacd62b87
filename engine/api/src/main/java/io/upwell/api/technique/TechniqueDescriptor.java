package io.upwell.api.technique;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a technique is and what it can be told.
 *
 * @param id          unique and stable, for example {@code "static-cupping"}
 * @param name        the name a therapist sees
 * @param style       the family it belongs to
 * @param description a paragraph for the therapist
 * @param parameters  what may be set, with ranges and defaults
 */
public record TechniqueDescriptor(String id, String name, TechniqueStyle style, String description,
        List<ParameterSpec> parameters) {

    public TechniqueDescriptor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("technique id must not be blank");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(description, "description");
        parameters = List.copyOf(parameters);
        long distinct = parameters.stream().map(ParameterSpec::name).distinct().count();
        if (distinct != parameters.size()) {
            throw new IllegalArgumentException("technique " + id + " declares a parameter name twice");
        }
    }

    public Optional<ParameterSpec> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }
}
