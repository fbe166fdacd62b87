package io.upwell.api.technique;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parameter a therapist may set for a technique: a number with a unit and a range, a choice of
 * named options, or an on/off switch. Each says where its range and default come from.
 * <p>
 * The core fills in the default of every parameter a request leaves out and refuses a value outside
 * the declared range, of the wrong kind, or given for one cup when the parameter is not
 * {@linkplain #perCup() per cup}, so {@link Technique#plan} only ever sees accepted values.
 * <p>
 * Built with the factory methods and refined with the {@code with...} methods, for example
 * {@code ParameterSpec.number("targetKpa", "kPa", 8, 60, 40).perCup().withSource("Kim 2020")}.
 */
public sealed interface ParameterSpec permits ParameterSpec.Number, ParameterSpec.Choice, ParameterSpec.Toggle {

    /** The key in a request, for example {@code "targetKpa"}: letters, digits, '-' and '_'. */
    String name();

    /** One or two sentences for the therapist. */
    String description();

    /** Where the range and default come from (a study, a manual, or "judgement"); may be empty. */
    String source();

    /** True when a cup may be given its own value; the session's value applies to the others. */
    boolean isPerCup();

    /** The value used when a request leaves this parameter out. */
    ParameterValue defaultValue();

    /**
     * Why a value is not accepted, or empty when it is.
     *
     * @return a message naming the parameter, what was given and what is allowed
     */
    Optional<String> problemWith(ParameterValue value);

    /** What is allowed, in words, for example {@code "8 to 60 kPa"} or {@code "one of slow, fast"}. */
    String allowed();

    /**
     * Reads a value as a shell or a file gives it: {@code "35"}, {@code "wave"}, {@code "on"}. The
     * value is only parsed here; {@link #problemWith} still checks it.
     *
     * @throws IllegalArgumentException naming the parameter and the text when the text is not of this kind
     */
    ParameterValue parse(String text);

    static Number number(String name, String unit, double min, double max, double defaultValue) {
        return new Number(name, unit, min, max, defaultValue, "", "", false);
    }

    static Choice choice(String name, List<String> options, String defaultOption) {
        return new Choice(name, options, defaultOption, "", "", false);
    }

    static Toggle toggle(String name, boolean defaultOn) {
        return new Toggle(name, defaultOn, "", "", false);
    }

    /** A number with a unit, accepted from {@code min} to {@code max} inclusive. */
    record Number(String name, String unit, double min, double max, double defaultNumber, String description,
            String source, boolean isPerCup) implements ParameterSpec {
        public Number {
            Names.check(name);
            unit = unit == null ? "" : unit;
            description = description == null ? "" : description;
            source = source == null ? "" : source;
            if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
                throw new IllegalArgumentException("parameter " + name + ": range [" + min + ", " + max
                        + "] is not valid");
            }
            if (!(defaultNumber >= min && defaultNumber <= max)) {
                throw new IllegalArgumentException("parameter " + name + ": default " + defaultNumber
                        + " is outside its range [" + min + ", " + max + "]");
            }
        }

        public Number withDescription(String text) {
            return new Number(name, unit, min, max, defaultNumber, text, source, isPerCup);
        }

        public Number withSource(String text) {
            return new Number(name, unit, min, max, defaultNumber, description, text, isPerCup);
        }

        /** The same parameter, settable for one cup alone. */
        public Number perCup() {
            return new Number(name, unit, min, max, defaultNumber, description, source, true);
        }

        /** True when the number lies within the range. */
        public boolean accepts(double value) {
            return value >= min && value <= max;
        }

        @Override
        public ParameterValue defaultValue() {
            return new ParameterValue.Number(defaultNumber);
        }

        @Override
        public Optional<String> problemWith(ParameterValue value) {
            if (!(value instanceof ParameterValue.Number number)) {
                return Optional.of("parameter '" + name + "' takes a number (" + allowed() + "), got '" + value + "'");
            }
            if (!accepts(number.value())) {
                return Optional.of("parameter '" + name + "' = " + number + " " + unit + ": must be " + allowed());
            }
            return Optional.empty();
        }

        @Override
        public String allowed() {
            return new ParameterValue.Number(min) + " to " + new ParameterValue.Number(max) + (unit.isEmpty() ? ""
                    : " " + unit);
        }

        @Override
        public ParameterValue parse(String text) {
            try {
                return new ParameterValue.Number(Double.parseDouble(text.trim()));
            } catch (NumberFormatException | NullPointerException e) {
                throw new IllegalArgumentException("parameter '" + name + "' takes a number (" + allowed()
                        + "), got '" + text + "'");
            }
        }
    }

    /** One of a list of named options, for example a glide speed of {@code slow}, {@code medium} or {@code fast}. */
    record Choice(String name, List<String> options, String defaultOption, String description, String source,
            boolean isPerCup) implements ParameterSpec {
        public Choice {
            Names.check(name);
            options = List.copyOf(options);
            description = description == null ? "" : description;
            source = source == null ? "" : source;
            if (options.isEmpty()) {
                throw new IllegalArgumentException("parameter " + name + ": a choice needs at least one option");
            }
            if (options.stream().distinct().count() != options.size()) {
                throw new IllegalArgumentException("parameter " + name + ": options " + options + " repeat a name");
            }
            if (!options.contains(defaultOption)) {
                throw new IllegalArgumentException("parameter " + name + ": default '" + defaultOption
                        + "' is not one of " + options);
            }
        }

        public Choice withDescription(String text) {
            return new Choice(name, options, defaultOption, text, source, isPerCup);
        }

        public Choice withSource(String text) {
            return new Choice(name, options, defaultOption, description, text, isPerCup);
        }

        /** The same parameter, settable for one cup alone. */
        public Choice perCup() {
            return new Choice(name, options, defaultOption, description, source, true);
        }

        @Override
        public ParameterValue defaultValue() {
            return new ParameterValue.Choice(defaultOption);
        }

        @Override
        public Optional<String> problemWith(ParameterValue value) {
            if (!(value instanceof ParameterValue.Choice choice) || !options.contains(choice.option())) {
                return Optional.of("parameter '" + name + "' = '" + value + "': must be " + allowed());
            }
            return Optional.empty();
        }

        @Override
        public String allowed() {
            return "one of " + String.join(", ", options);
        }

        @Override
        public ParameterValue parse(String text) {
            if (text == null) {
                throw new IllegalArgumentException("parameter '" + name + "' needs " + allowed());
            }
            return new ParameterValue.Choice(text.trim());
        }
    }

    /** On or off, for example whether cups' magnets are used. */
    record Toggle(String name, boolean defaultOn, String description, String source, boolean isPerCup)
            implements ParameterSpec {
        public Toggle {
            Names.check(name);
            description = description == null ? "" : description;
            source = source == null ? "" : source;
        }

        public Toggle withDescription(String text) {
            return new Toggle(name, defaultOn, text, source, isPerCup);
        }

        public Toggle withSource(String text) {
            return new Toggle(name, defaultOn, description, text, isPerCup);
        }

        /** The same parameter, settable for one cup alone. */
        public Toggle perCup() {
            return new Toggle(name, defaultOn, description, source, true);
        }

        @Override
        public ParameterValue defaultValue() {
            return new ParameterValue.Toggle(defaultOn);
        }

        @Override
        public Optional<String> problemWith(ParameterValue value) {
            if (!(value instanceof ParameterValue.Toggle)) {
                return Optional.of("parameter '" + name + "' = '" + value + "': must be " + allowed());
            }
            return Optional.empty();
        }

        @Override
        public String allowed() {
            return "on or off";
        }

        @Override
        public ParameterValue parse(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            switch (t) {
                case "on", "true", "yes" -> {
                    return new ParameterValue.Toggle(true);
                }
                case "off", "false", "no" -> {
                    return new ParameterValue.Toggle(false);
                }
                default -> throw new IllegalArgumentException("parameter '" + name + "' is " + allowed() + ", got '"
                        + text + "'");
            }
        }
    }
}
