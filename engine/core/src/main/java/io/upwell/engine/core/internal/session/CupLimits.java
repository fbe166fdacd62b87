package io.upwell.engine.core.internal.session;

/**
 * The safety figures every cup of one session runs under, worked out once at planning from the
 * settings and the program's policy (which may only make them stricter, or the leak tolerance
 * bounded higher).
 *
 * @param riseKpaPerSecond    SR-03: the fastest commanded rise
 * @param rampOutKpaPerSecond how fast a ramp-out lowers the command
 * @param dwellLimitNanos     SR-04: the longest continuous vacuum at one site
 * @param dwellThresholdKpa   SR-04: vacuum above which dwell time counts
 * @param leakThresholdKpa    SR-06: tracking error that counts as a leak
 * @param leakDelayNanos      SR-06: how long that error must last
 * @param frozenNanos         SR-07: how long a reading may stand still while commands move
 */
public record CupLimits(double riseKpaPerSecond, double rampOutKpaPerSecond, long dwellLimitNanos,
        double dwellThresholdKpa, double leakThresholdKpa, long leakDelayNanos, long frozenNanos) {
}
