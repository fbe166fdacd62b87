package io.upwell.api.technique;

import java.time.Duration;

/**
 * Safety margins a program asks for. A value of zero (or {@link Duration#ZERO}) means "the engine's
 * configured default".
 *
 * @param maxRiseKpaPerSecond the steepest rise the program needs; lymphatic programs ask for less than the
 *                            default. The core uses the lower of this and its own limit (SR-03).
 * @param leakToleranceKpa    tracking error the program expects; gliding asks for more than the default
 *                            because a moving cup loses its seal. The core bounds it (SR-06).
 * @param maxDwell            the longest continuous vacuum at one site; the core uses the shorter of this
 *                            and its own limit (SR-04)
 */
public record ProgramPolicy(double maxRiseKpaPerSecond, double leakToleranceKpa, Duration maxDwell) {

    /** Every margin at the engine's default. */
    public static final ProgramPolicy DEFAULT = new ProgramPolicy(0, 0, Duration.ZERO);

    public ProgramPolicy {
        if (!(maxRiseKpaPerSecond >= 0) || !Double.isFinite(maxRiseKpaPerSecond)) {
            throw new IllegalArgumentException("maxRiseKpaPerSecond must be zero or a positive number, got "
                    + maxRiseKpaPerSecond);
        }
        if (!(leakToleranceKpa >= 0) || !Double.isFinite(leakToleranceKpa)) {
            throw new IllegalArgumentException("leakToleranceKpa must be zero or a positive number, got "
                    + leakToleranceKpa);
        }
        if (maxDwell == null || maxDwell.isNegative()) {
            throw new IllegalArgumentException("maxDwell must be zero or positive, got " + maxDwell);
        }
    }
}
