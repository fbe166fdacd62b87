package io.upwell.devices.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommandWatchdogTest {
    private static final long QUIET = 200;

    @Test
    void aSequenceThatStandsStillLongerThanTheQuietTimeIsStale() {
        CommandWatchdog watchdog = new CommandWatchdog(QUIET);
        watchdog.restart(5, 1000);
        assertFalse(watchdog.isStale(5, 1000 + QUIET), "exactly the quiet time is still allowed");
        assertTrue(watchdog.isStale(5, 1000 + QUIET + 1));
    }

    @Test
    void anAdvanceStartsTheQuietTimeAgain() {
        CommandWatchdog watchdog = new CommandWatchdog(QUIET);
        watchdog.restart(5, 0);
        assertTrue(watchdog.isStale(5, 500));
        assertFalse(watchdog.isStale(6, 500), "the sequence moved: the engine runs");
        assertFalse(watchdog.isStale(6, 500 + QUIET));
        assertTrue(watchdog.isStale(6, 501 + QUIET));
    }

    @Test
    void aRestartGivesAFullQuietTime() {
        CommandWatchdog watchdog = new CommandWatchdog(QUIET);
        watchdog.restart(5, 0);
        assertTrue(watchdog.isStale(5, 1000));
        watchdog.restart(5, 1000);
        assertFalse(watchdog.isStale(5, 1100));
        assertEquals(QUIET, watchdog.quietTimeNanos());
    }

    @Test
    void aQuietTimeOfNothingIsRefused() {
        assertEquals("the quiet time must be positive, got 0 ns",
                assertThrows(IllegalArgumentException.class, () -> new CommandWatchdog(0)).getMessage());
    }
}
