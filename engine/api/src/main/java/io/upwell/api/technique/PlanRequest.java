package io.upwell.api.technique;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What a technique is asked to plan for.
 *
 * @param cups       the session's cups, in request order, each with its own overrides
 * @param parameters every declared parameter's session-wide value, defaults filled in, all checked
 */
public record PlanRequest(List<Cup> cups, Map<String, ParameterValue> parameters) {

    public PlanRequest {
        cups = List.copyOf(cups);
        parameters = Map.copyOf(parameters);
    }

    /** The session-wide value of a declared parameter. */
    public ParameterValue value(String name) {
        ParameterValue value = parameters.get(name);
        if (value == null) {
            throw new NoSuchElementException("no parameter named '" + name + "' in the request");
        }
        return value;
    }

    /** A cup's value of a declared parameter: its override if it has one, else the session's value. */
    public ParameterValue value(String name, Cup cup) {
        ParameterValue override = cup.overrides().get(name);
        return override != null ? override : value(name);
    }

    public double number(String name) {
        return as(ParameterValue.Number.class, name, value(name)).value();
    }

    public double number(String name, Cup cup) {
        return as(ParameterValue.Number.class, name, value(name, cup)).value();
    }

    public String choice(String name) {
        return as(ParameterValue.Choice.class, name, value(name)).option();
    }

    public String choice(String name, Cup cup) {
        return as(ParameterValue.Choice.class, name, value(name, cup)).option();
    }

    public boolean toggle(String name) {
        return as(ParameterValue.Toggle.class, name, value(name)).on();
    }

    public boolean toggle(String name, Cup cup) {
        return as(ParameterValue.Toggle.class, name, value(name, cup)).on();
    }

    private static <T extends ParameterValue> T as(Class<T> kind, String name, ParameterValue value) {
        if (!kind.isInstance(value)) {
            throw new IllegalStateException("parameter '" + name + "' is " + value.getClass().getSimpleName()
                    .toLowerCase(java.util.Locale.ROOT) + " '" + value + "', not a " + kind.getSimpleName()
                    .toLowerCase(java.util.Locale.ROOT));
        }
        return kind.cast(value);
    }
}
