package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Plugin code runs on a bounded pool under a deadline; a plugin that hangs on every retry leaks no threads. */
@Tag("SR-11")
@Tag("SR-12")
class PluginCallerTest {
    private final PluginCaller caller = new PluginCaller(100);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        release.countDown();
        caller.close();
    }

    /** A call that ignores interruption, as badly written driver code does. */
    private Void hangUninterruptibly() {
        while (release.getCount() > 0) {
            try {
                release.await();
            } catch (InterruptedException ignored) {
                // a careless plugin swallows it and goes on waiting
            }
        }
        return null;
    }

    @Test
    void aHungCallFailsAtItsDeadlineAndIsCountedUntilItReturns() throws Exception {
        var future = caller.call("driver of d-1", "connect", this::hangUninterruptibly);
        ExecutionException failure = assertThrows(ExecutionException.class, future::get);
        assertTrue(failure.getCause() instanceof TimeoutException);
        EngineFixture.await("counted as stuck", () -> caller.stuckCalls() == 1);
        assertEquals(1, caller.hungCalls());
        release.countDown();
        EngineFixture.await("its thread came back", () -> caller.stuckCalls() == 0);
    }

    @Test
    void retriesOfAHangingPluginHoldAtMostThePoolAndAreThenRefusedAtOnce() throws Exception {
        for (int retry = 0; retry < PluginCaller.THREADS; retry++) {
            var future = caller.call("driver of d-1", "connect", this::hangUninterruptibly);
            assertThrows(ExecutionException.class, future::get);
        }
        EngineFixture.await("every thread stuck", () -> caller.stuckCalls() == PluginCaller.THREADS);
        for (int retry = 0; retry < PluginCaller.QUEUE; retry++) {
            caller.call("driver of d-1", "connect", this::hangUninterruptibly); // queued behind the stuck ones
        }
        var refused = caller.call("driver of d-1", "connect", this::hangUninterruptibly);
        ExecutionException failure = assertThrows(ExecutionException.class, refused::get);
        assertTrue(failure.getCause() instanceof RejectedExecutionException, String.valueOf(failure.getCause()));
        assertTrue(failure.getCause().getMessage().contains(PluginCaller.THREADS + " call(s) hung"),
                failure.getCause().getMessage());
        assertEquals(PluginCaller.THREADS, caller.threads(), "no thread per retry");
    }

    @Test
    void aCallThatReturnsInTimeGivesItsValue() throws Exception {
        assertEquals("sim-1", caller.call("technique module m", "descriptor", () -> "sim-1").get());
        assertEquals(0, caller.hungCalls());
    }
}
