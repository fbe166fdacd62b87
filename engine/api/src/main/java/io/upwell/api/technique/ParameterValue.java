package io.upwell.api.technique;

import java.util.Objects;

/**
 * A value given for a technique parameter: a number, one of a choice's options, or on/off. Which kind
 * a parameter takes is declared by its {@link ParameterSpec}; the core refuses a value of the wrong kind
 * before a technique sees it.
 */
public sealed interface ParameterValue permits ParameterValue.Number, ParameterValue.Choice, ParameterValue.Toggle {

    static ParameterValue of(double value) {
        return new Number(value);
    }

    static ParameterValue of(String option) {
        return new Choice(option);
    }

    static ParameterValue of(boolean on) {
        return new Toggle(on);
    }

    /** A number, in the unit its parameter declares. */
    record Number(double value) implements ParameterValue {
        @Override
        public String toString() {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                    : Double.toString(value);
        }
    }

    /** One option of a choice. */
    record Choice(String option) implements ParameterValue {
        public Choice {
            Objects.requireNonNull(option, "option");
        }

        @Override
        public String toString() {
            return option;
        }
    }

    /** On or off. */
    record Toggle(boolean on) implements ParameterValue {
        @Override
        public String toString() {
            return on ? "on" : "off";
        }
    }
}
