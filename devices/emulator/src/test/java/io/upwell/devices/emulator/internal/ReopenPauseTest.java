package io.upwell.devices.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The wait between reopening attempts ends when its server closes, not when its delay is over. */
class ReopenPauseTest {

    @Test
    void closingEndsAWaitUnderWayAndEveryWaitAfterIt() throws Exception {
        ReopenPause pause = new ReopenPause();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(pause::await);

        pause.close();

        // A wait that ran its course answers false: true is the close's doing. The bound only keeps a broken test from hanging.
        assertTrue(waiting.get(10, TimeUnit.SECONDS), "the wait says the pause was closed");
        assertTrue(pause.await(), "a wait after closing ends at once, saying so");
    }

    @Test
    void aWaitThatRunsItsCourseSaysItWasNotClosed() {
        assertFalse(new ReopenPause().await());
    }
}
