package io.upwell.engine.core.internal.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class FixedRateThreadTest {
    private static final long P = 20_000_000L;

    @Test
    @Tag("SR-10")
    void aTickOnTimeIsFollowedOnePeriodLater() {
        assertEquals(1_000 + P, FixedRateThread.nextDue(1_000, 1_000 + P / 2, P));
    }

    @Test
    @Tag("SR-10")
    void ticksFarBehindAreSkippedInPhaseNotRunInABurst() {
        long due = 0;
        long now = 5 * P + P / 4; // five periods late
        long next = FixedRateThread.nextDue(due, now, P);
        assertEquals(6 * P, next, "the next deadline in phase after now");
        assertEquals(0, next % P, "phase kept");
    }

    @Test
    @Tag("SR-10")
    void whateverEscapesATickIsHandedToTheDeathHandler() throws Exception {
        CompletableFuture<Throwable> death = new CompletableFuture<>();
        Error boom = new OutOfMemoryError("test");
        FixedRateThread thread = new FixedRateThread("test-tick", P, (due, now) -> {
            throw boom;
        }, death::complete);
        thread.start();
        assertSame(boom, death.get(10, TimeUnit.SECONDS));
        thread.join(10_000);
        assertEquals(Thread.State.TERMINATED, thread.getState());
    }

    @Test
    void aPeriodMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new FixedRateThread("x", 0, (d, n) -> { }, t -> { }));
    }
}
