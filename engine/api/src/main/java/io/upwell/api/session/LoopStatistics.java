package io.upwell.api.session;

/**
 * How punctual the control loop has been: lateness is how long after its due time a tick ran.
 *
 * @param periodNanos  the control period
 * @param ticks        ticks run since the engine started
 * @param lateTicks    ticks later than the configured lateness threshold
 * @param p50Nanos     median lateness
 * @param p99Nanos     99th percentile lateness
 * @param maxNanos     worst lateness
 */
public record LoopStatistics(long periodNanos, long ticks, long lateTicks, long p50Nanos, long p99Nanos,
        long maxNanos) {
}
