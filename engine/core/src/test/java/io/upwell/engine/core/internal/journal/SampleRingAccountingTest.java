package io.upwell.engine.core.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What drain reports as consumed, and that no sample is lost or delivered twice across the ring's wrap. */
class SampleRingAccountingTest {

    private static List<Long> drainClocks(SampleRing ring, long limit, long[] consumed) {
        List<Long> clocks = new ArrayList<>();
        consumed[0] = ring.drain(limit, (clock, wall, cup, cmd, meas, dropped) -> clocks.add(clock));
        return clocks;
    }

    @Test
    void drainReturnsHowManySlotsItConsumedDeliveredOrDropped() {
        SampleRing ring = new SampleRing(4);
        long[] consumed = new long[1];
        for (int i = 0; i < 3; i++) {
            ring.put(i, 0, 0, i, i);
        }
        assertEquals(List.of(0L, 1L, 2L), drainClocks(ring, Long.MAX_VALUE, consumed));
        assertEquals(3, consumed[0]);
        for (int i = 3; i < 13; i++) {
            ring.put(i, 0, 0, i, i);
        }
        assertEquals(List.of(9L, 10L, 11L, 12L), drainClocks(ring, Long.MAX_VALUE, consumed));
        assertEquals(10, consumed[0], "six dropped and four delivered");
    }

    @Test
    void drainingAcrossTheWrapLosesAndRepeatsNothing() {
        SampleRing ring = new SampleRing(4);
        long[] consumed = new long[1];
        ring.put(0, 0, 0, 0, 0);
        ring.put(1, 0, 0, 1, 1);
        assertEquals(List.of(0L, 1L), drainClocks(ring, Long.MAX_VALUE, consumed));
        for (int i = 2; i < 5; i++) {
            ring.put(i, 0, 0, i, i);
        }
        assertEquals(List.of(2L, 3L, 4L), drainClocks(ring, Long.MAX_VALUE, consumed));
        assertEquals(0, ring.takeUnreportedDrops());
    }

    @Test
    void aLimitBehindWhatWasAlreadyDrainedDeliversNothingAgain() {
        SampleRing ring = new SampleRing(4);
        long[] consumed = new long[1];
        ring.put(0, 0, 0, 0, 0);
        long staleMark = ring.publishedCount();
        ring.put(1, 0, 0, 1, 1);
        ring.put(2, 0, 0, 2, 2);
        assertEquals(List.of(0L, 1L, 2L), drainClocks(ring, Long.MAX_VALUE, consumed));
        assertEquals(List.of(), drainClocks(ring, staleMark, consumed));
        assertEquals(0, consumed[0]);
        ring.put(3, 0, 0, 3, 3);
        assertEquals(List.of(3L), drainClocks(ring, Long.MAX_VALUE, consumed));
    }

    @Test
    void aCapacityAboveTwoToTheThirtyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SampleRing((1 << 30) + 1));
    }
}
