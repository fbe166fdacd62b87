package io.upwell.api.technique;

import java.util.Objects;

/**
 * A parameter a therapist may set for a technique.
 *
 * @param name         the key in a request, for example {@code "targetKpa"}
 * @param unit         the unit it is given in, for example {@code "kPa"} or {@code "s"}
 * @param min          the least accepted value
 * @param max          the greatest accepted value
 * @param defaultValue the value used when the request leaves it out
 * @param description  one sentence for the therapist
 */
public record ParameterSpec(String name, String unit, double min, double max, double defaultValue, String description) {

    public ParameterSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank");
        }
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("parameter " + name + ": range [" + min + ", " + max + "] is not valid");
        }
        if (!(defaultValue >= min && defaultValue <= max)) {
            throw new IllegalArgumentException("parameter " + name + ": default " + defaultValue
                    + " is outside its range [" + min + ", " + max + "]");
        }
    }

    /** True when the value lies within the range. */
    public boolean accepts(double value) {
        return value >= min && value <= max;
    }
}
