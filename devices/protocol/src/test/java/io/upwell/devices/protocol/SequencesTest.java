package io.upwell.devices.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SequencesTest {

    @Test
    void nextWrapsFrom255ToZero() {
        assertEquals(1, Sequences.next(0));
        assertEquals(0, Sequences.next(255));
    }

    @Test
    void missedBetweenCountsLostFramesAcrossTheWrap() {
        assertEquals(0, Sequences.missedBetween(7, 8));
        assertEquals(0, Sequences.missedBetween(255, 0));
        assertEquals(3, Sequences.missedBetween(254, 2));
        assertEquals(255, Sequences.missedBetween(9, 9));
    }
}
