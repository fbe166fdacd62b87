package io.upwell.devices.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackOffTest {

    @Test
    void theDelayDoublesUpToItsCapAndStartsAgainAfterAReset() {
        BackOff backOff = new BackOff(Duration.ofMillis(500), Duration.ofSeconds(5));
        assertEquals(500, next(backOff));
        assertEquals(1000, next(backOff));
        assertEquals(2000, next(backOff));
        assertEquals(4000, next(backOff));
        assertEquals(5000, next(backOff));
        assertEquals(5000, next(backOff));
        backOff.reset();
        assertEquals(500, next(backOff));
    }

    @Test
    void theDefaultsAreTheSimulators() {
        BackOff backOff = new BackOff();
        assertEquals(Duration.ofMillis(500), backOff.first());
        assertEquals(Duration.ofSeconds(5), backOff.max());
    }

    @Test
    void aCapNearTheLongLimitDoesNotOverflow() {
        BackOff backOff = new BackOff(Duration.ofNanos(Long.MAX_VALUE / 2 + 1), Duration.ofNanos(Long.MAX_VALUE));
        backOff.nextDelayNanos();
        assertEquals(Long.MAX_VALUE, backOff.nextDelayNanos());
        assertEquals(Long.MAX_VALUE, backOff.nextDelayNanos());
    }

    @Test
    void equalFirstAndCapGiveOneDelay() {
        BackOff backOff = new BackOff(Duration.ofMillis(300), Duration.ofMillis(300));
        assertEquals(300, next(backOff));
        assertEquals(300, next(backOff));
    }

    @Test
    void delaysThatCannotWorkAreRefused() {
        assertEquals("the first back-off delay must be positive, got PT-1S",
                assertThrows(IllegalArgumentException.class,
                        () -> new BackOff(Duration.ofSeconds(-1), Duration.ofSeconds(1))).getMessage());
        assertEquals("the longest back-off delay (PT1S) must not be shorter than the first (PT2S)",
                assertThrows(IllegalArgumentException.class,
                        () -> new BackOff(Duration.ofSeconds(2), Duration.ofSeconds(1))).getMessage());
    }

    private static long next(BackOff backOff) {
        return Duration.ofNanos(backOff.nextDelayNanos()).toMillis();
    }
}
