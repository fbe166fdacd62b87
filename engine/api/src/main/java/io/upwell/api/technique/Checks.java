package io.upwell.api.technique;

import java.time.Duration;

/** Argument checks shared by the program records, with messages that name the field. */
final class Checks {
    /** No program level may exceed this; the core's hard limit is lower still. */
    static final double MAX_LEVEL_KPA = 100.0;

    private Checks() {
    }

    static void level(String segment, String field, double kpa) {
        if (!Double.isFinite(kpa) || kpa < 0 || kpa > MAX_LEVEL_KPA) {
            throw new IllegalArgumentException(segment + ": " + field + " must be a number from 0 to "
                    + MAX_LEVEL_KPA + " kPa, got " + kpa);
        }
    }

    static void duration(String what, Duration duration, boolean positive) {
        if (duration == null) {
            throw new IllegalArgumentException(what + ": duration is missing");
        }
        if (duration.isNegative() || (positive && duration.isZero())) {
            throw new IllegalArgumentException(what + ": duration must be " + (positive ? "positive" : "zero or more")
                    + ", got " + duration);
        }
    }
}
