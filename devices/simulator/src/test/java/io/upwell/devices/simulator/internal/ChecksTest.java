package io.upwell.devices.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Configuration bounds are inclusive where they say "between" and "at most", and messages name the property and value. */
class ChecksTest {

    @Test
    void aDecimalBetweenItsBoundsIsKeptAndTheBoundsThemselvesAreIn() {
        assertEquals(2.0, Checks.inRange("leak", 2.0, 2.0, 8.0, "kPa"));
        assertEquals(8.0, Checks.inRange("leak", 8.0, 2.0, 8.0, "kPa"));
        assertEquals(5.5, Checks.inRange("leak", 5.5, 2.0, 8.0, "kPa"));
    }

    @Test
    void aDecimalOutsideItsBoundsOrNotANumberIsRefusedByName() {
        assertThrows(IllegalArgumentException.class, () -> Checks.inRange("leak", Math.nextDown(2.0), 2.0, 8.0, "kPa"));
        assertThrows(IllegalArgumentException.class, () -> Checks.inRange("leak", Math.nextUp(8.0), 2.0, 8.0, "kPa"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Checks.inRange("leak", Double.NaN, 2.0, 8.0, "kPa"));
        assertEquals("leak must be between 2.0 and 8.0 kPa, got NaN", refused.getMessage());
    }

    @Test
    void aPositiveValueUpToItsMaximumIsKept() {
        assertEquals(Double.MIN_VALUE, Checks.positiveAtMost("gain", Double.MIN_VALUE, 3.0, "1/kPa"));
        assertEquals(3.0, Checks.positiveAtMost("gain", 3.0, 3.0, "1/kPa"));
    }

    @Test
    void zeroOrMoreThanTheMaximumIsNotPositiveAtMost() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> Checks.positiveAtMost("gain", 0.0, 3.0, "1/kPa"));
        assertEquals("gain must be above 0 and at most 3.0 1/kPa, got 0.0", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Checks.positiveAtMost("gain", Math.nextUp(3.0), 3.0, "1/kPa"));
        assertThrows(IllegalArgumentException.class, () -> Checks.positiveAtMost("gain", Double.NaN, 3.0, "1/kPa"));
    }

    @Test
    void aWholeNumberBetweenItsBoundsIsKeptAndTheBoundsThemselvesAreIn() {
        assertEquals(100L, Checks.inRange("quietTime", 100L, 100L, 5000L, "ms"));
        assertEquals(5000L, Checks.inRange("quietTime", 5000L, 100L, 5000L, "ms"));
        assertThrows(IllegalArgumentException.class, () -> Checks.inRange("quietTime", 99L, 100L, 5000L, "ms"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Checks.inRange("quietTime", 5001L, 100L, 5000L, "ms"));
        assertEquals("quietTime must be between 100 and 5000 ms, got 5001", refused.getMessage());
    }
}
