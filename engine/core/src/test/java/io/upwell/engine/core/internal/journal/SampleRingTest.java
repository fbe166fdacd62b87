package io.upwell.engine.core.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class SampleRingTest {

    private record Delivered(long clock, int cup, double commanded, double measured, long droppedBefore) {
    }

    private static List<Delivered> drain(SampleRing ring, long limit) {
        List<Delivered> delivered = new ArrayList<>();
        ring.drain(limit, (clock, wall, cup, cmd, meas, dropped) -> delivered.add(
                new Delivered(clock, cup, cmd, meas, dropped)));
        return delivered;
    }

    @Test
    @Tag("SR-16")
    void deliversSamplesInOrderWithTheirValues() {
        SampleRing ring = new SampleRing(8);
        ring.put(100, 0, 2, 10.5, 10.25);
        ring.put(120, 0, 3, 11.5, Double.NaN);

        List<Delivered> delivered = drain(ring, Long.MAX_VALUE);
        assertEquals(List.of(new Delivered(100, 2, 10.5, 10.25, 0), new Delivered(120, 3, 11.5, Double.NaN, 0)),
                delivered);
        assertEquals(List.of(), drain(ring, Long.MAX_VALUE));
    }

    @Test
    @Tag("SR-16")
    void whenFullTheOldestAreDroppedAndTheFirstSurvivorSaysHowMany() {
        SampleRing ring = new SampleRing(4);
        for (int i = 0; i < 10; i++) {
            ring.put(i, 0, 0, i, i);
        }

        List<Delivered> delivered = drain(ring, Long.MAX_VALUE);
        assertEquals(List.of(6L, 7L, 8L, 9L), delivered.stream().map(Delivered::clock).toList());
        assertEquals(List.of(6L, 0L, 0L, 0L), delivered.stream().map(Delivered::droppedBefore).toList());
        assertEquals(0, ring.takeUnreportedDrops());
    }

    @Test
    @Tag("SR-16")
    void drainingStopsAtTheLimitAndResumesThere() {
        SampleRing ring = new SampleRing(8);
        for (int i = 0; i < 3; i++) {
            ring.put(i, 0, 0, i, i);
        }
        long mark = ring.publishedCount();
        ring.put(3, 0, 0, 3, 3);

        assertEquals(List.of(0L, 1L, 2L), drain(ring, mark).stream().map(Delivered::clock).toList());
        assertEquals(List.of(3L), drain(ring, Long.MAX_VALUE).stream().map(Delivered::clock).toList());
    }

    @Test
    @Tag("SR-16")
    void dropsFoundWithNoSurvivorAfterThemWaitForTheNextLine() {
        SampleRing ring = new SampleRing(4);
        for (int i = 0; i < 10; i++) {
            ring.put(i, 0, 0, i, i);
        }
        // Up to the mark 4, every slot already holds a newer sample: nothing to deliver, four lost.
        assertEquals(List.of(), drain(ring, 4));
        assertEquals(4, ring.takeUnreportedDrops());
        assertEquals(0, ring.takeUnreportedDrops());
        List<Delivered> rest = drain(ring, Long.MAX_VALUE);
        assertEquals(List.of(6L, 7L, 8L, 9L), rest.stream().map(Delivered::clock).toList());
        assertEquals(2, rest.get(0).droppedBefore());
    }

    @Test
    void capacityIsRoundedUpToAPowerOfTwoAndMustBePositive() {
        assertEquals(8, new SampleRing(5).capacity());
        assertEquals(1, new SampleRing(1).capacity());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new SampleRing(0));
        assertEquals("sample buffer capacity must be between 1 and 2^30, got 0", error.getMessage());
    }
}
