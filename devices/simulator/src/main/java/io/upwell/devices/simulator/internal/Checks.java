package io.upwell.devices.simulator.internal;

/** Validation of configuration values, with messages that name the property and the value. */
final class Checks {

    private Checks() {
    }

    static double inRange(String property, double value, double min, double max, String unit) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(property + " must be between " + min + " and " + max + " " + unit
                    + ", got " + value);
        }
        return value;
    }

    static double positiveAtMost(String property, double value, double max, String unit) {
        if (!(value > 0 && value <= max)) {
            throw new IllegalArgumentException(property + " must be above 0 and at most " + max + " " + unit
                    + ", got " + value);
        }
        return value;
    }

    static long inRange(String property, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(property + " must be between " + min + " and " + max + " " + unit
                    + ", got " + value);
        }
        return value;
    }
}
