package io.upwell.api.technique;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What a technique is asked to plan for.
 * <p>
 * Any declared parameter may be set for one cup alone with the key {@code name@cup}, for example
 * {@code targetKpa@2} for the third cup; the core checks such keys against the same range as the
 * parameter itself.
 *
 * @param cups       the session's cups, in request order
 * @param parameters every declared parameter's value (defaults filled in), plus per-cup overrides,
 *                   all checked against their ranges
 */
public record PlanRequest(List<Cup> cups, Map<String, Double> parameters) {

    /** Separates a parameter's name from a cup index in a per-cup key. */
    public static final char CUP_SEPARATOR = '@';

    public PlanRequest {
        cups = List.copyOf(cups);
        parameters = Map.copyOf(parameters);
    }

    /** The value of a declared parameter for the session as a whole. */
    public double parameter(String name) {
        Double value = parameters.get(name);
        if (value == null) {
            throw new NoSuchElementException("no parameter named '" + name + "' in the request");
        }
        return value;
    }

    /** The value of a declared parameter for one cup: its override if it has one, else the session's value. */
    public double parameter(String name, int cup) {
        Double override = parameters.get(name + CUP_SEPARATOR + cup);
        return override != null ? override : parameter(name);
    }
}
