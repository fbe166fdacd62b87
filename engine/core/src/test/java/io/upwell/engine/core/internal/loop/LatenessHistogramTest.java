package io.upwell.engine.core.internal.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Percentiles are the upper edge of their bucket (10 µs buckets below 1 ms, 1 ms buckets below 1 s),
 * never above the worst lateness seen. Each case records one value of interest and one much later
 * tick, so that the median is the first value's bucket edge rather than the maximum.
 */
class LatenessHistogramTest {
    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private static long medianWithALateTick(long lateness) {
        LatenessHistogram histogram = new LatenessHistogram();
        histogram.record(lateness);
        histogram.record(20 * SECOND);
        return histogram.percentile(50);
    }

    @Test
    void fineBucketsAreTenMicrosecondsWide() {
        assertEquals(10 * US, medianWithALateTick(0));
        assertEquals(10 * US, medianWithALateTick(10 * US - 1));
        assertEquals(20 * US, medianWithALateTick(10 * US));
        assertEquals(1 * MS, medianWithALateTick(1 * MS - 1));
    }

    @Test
    void coarseBucketsAreOneMillisecondWide() {
        assertEquals(2 * MS, medianWithALateTick(1 * MS));
        assertEquals(2 * MS, medianWithALateTick(2 * MS - 1));
        assertEquals(3 * MS, medianWithALateTick(2 * MS));
        assertEquals(1 * SECOND, medianWithALateTick(1 * SECOND - 1));
    }

    @Test
    void beyondOneSecondThePercentileIsTheWorstSeen() {
        LatenessHistogram histogram = new LatenessHistogram();
        histogram.record(5 * SECOND);
        assertEquals(5 * SECOND, histogram.percentile(50));
        assertEquals(5 * SECOND, histogram.max());
    }

    @Test
    void aPercentileIsTheFirstBucketThatHoldsItsRank() {
        LatenessHistogram histogram = new LatenessHistogram();
        histogram.record(5 * US);
        histogram.record(25 * US);
        assertEquals(10 * US, histogram.percentile(50), "rank 1 of 2 is in the first bucket");
        assertEquals(25 * US, histogram.percentile(100), "the 30 µs edge is capped at the worst seen");
        assertEquals(25 * US, histogram.percentile(150), "more than everything is the worst seen");
        assertEquals(2, histogram.count());
    }

    @Test
    void earlyTicksCountAsOnTimeAndAnEmptyHistogramSaysZero() {
        LatenessHistogram histogram = new LatenessHistogram();
        assertEquals(0, histogram.percentile(99));
        histogram.record(-3 * MS);
        assertEquals(0, histogram.max());
        assertEquals(0, histogram.percentile(100));
        assertEquals(1, histogram.count());
    }
}
