package io.upwell.api.technique;

import io.upwell.api.body.BodyRegion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a technique is and what it can be told.
 * <p>
 * Made with {@link #of} and refined with the {@code with...} methods, so that a component added in
 * a later minor version (with its own {@code with...} method) breaks no module built against this one.
 *
 * @param id          unique and stable, for example {@code "static-cupping"}
 * @param name        the name a therapist sees
 * @param version     the technique's own version, {@code major.minor.patch}; a program file's or module's
 *                    update raises it
 * @param style       the family it belongs to
 * @param description a paragraph for the therapist
 * @param parameters  what may be set, with ranges, defaults and sources
 * @param regions     the body regions it is meant for; empty means any region the core allows
 * @param author      who wrote it; may be empty
 * @param sources     where its figures come from (studies, manuals, "judgement")
 */
public record TechniqueDescriptor(String id, String name, String version, TechniqueStyle style, String description,
        List<ParameterSpec> parameters, List<BodyRegion> regions, String author, List<String> sources) {

    /** The most parameters one technique may declare. */
    public static final int MAX_PARAMETERS = 64;

    private static final Pattern VERSION = Pattern.compile("\\d{1,9}\\.\\d{1,9}\\.\\d{1,9}");

    public TechniqueDescriptor {
        Names.check(id);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("technique " + id + ": name must not be blank");
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("technique " + id + ": version must look like 1.2.3, got '" + version
                    + "'");
        }
        Objects.requireNonNull(style, "style");
        description = description == null ? "" : description;
        parameters = List.copyOf(parameters);
        if (parameters.size() > MAX_PARAMETERS) {
            throw new IllegalArgumentException("technique " + id + " declares " + parameters.size()
                    + " parameters; at most " + MAX_PARAMETERS + " are allowed");
        }
        long distinct = parameters.stream().map(ParameterSpec::name).distinct().count();
        if (distinct != parameters.size()) {
            throw new IllegalArgumentException("technique " + id + " declares a parameter name twice");
        }
        regions = List.copyOf(regions);
        author = author == null ? "" : author;
        sources = List.copyOf(sources);
    }

    /** A technique at version 1.0.0, for any region, with no author or sources yet. */
    public static TechniqueDescriptor of(String id, String name, TechniqueStyle style, String description,
            List<ParameterSpec> parameters) {
        return new TechniqueDescriptor(id, name, "1.0.0", style, description, parameters, List.of(), "", List.of());
    }

    public TechniqueDescriptor withVersion(String newVersion) {
        return new TechniqueDescriptor(id, name, newVersion, style, description, parameters, regions, author, sources);
    }

    public TechniqueDescriptor withRegions(List<BodyRegion> meantFor) {
        return new TechniqueDescriptor(id, name, version, style, description, parameters, meantFor, author, sources);
    }

    public TechniqueDescriptor withAuthor(String who) {
        return new TechniqueDescriptor(id, name, version, style, description, parameters, regions, who, sources);
    }

    public TechniqueDescriptor withSources(List<String> references) {
        return new TechniqueDescriptor(id, name, version, style, description, parameters, regions, author,
                references);
    }

    public Optional<ParameterSpec> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }
}
