package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.upwell.api.session.AvailableTechnique;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InstalledTechniquesTest {

    private static final AvailableTechnique A = new AvailableTechnique(SimulateArgumentsTest.STATIC, "a 1.0.0", "bundle");
    private static final AvailableTechnique B = new AvailableTechnique(SimulateArgumentsTest.LYMPH, "b 1.0.0", "bundle");

    /** A clock that moves 100 ms every time it is read, so the waits are decided by the logic, not by the machine. */
    private static java.util.function.LongSupplier clock() {
        AtomicLong now = new AtomicLong();
        return () -> now.addAndGet(Duration.ofMillis(100).toNanos());
    }

    /** The engine's list, one entry per look; the last stays. */
    private static java.util.function.Supplier<List<AvailableTechnique>> looks(List<List<AvailableTechnique>> lists) {
        Deque<List<AvailableTechnique>> queue = new ArrayDeque<>(lists);
        return () -> queue.size() > 1 ? queue.poll() : queue.peek();
    }

    @Test
    void itWaitsUntilEveryRegisteredTechniqueIsDescribed() {
        InstalledTechniques installed = InstalledTechniques.await(() -> 2,
                looks(List.of(List.of(), List.of(A), List.of(A), List.of(A, B))), clock(), Duration.ofSeconds(15),
                Duration.ofSeconds(1));

        assertEquals(List.of(A, B), installed.techniques());
        assertEquals(0, installed.missing());
    }

    @Test
    void aTechniqueThatIsNeverDescribedEndsTheWaitOnceTheListHasStoppedChanging() {
        AtomicLong reads = new AtomicLong();
        java.util.function.LongSupplier clock = clock();
        InstalledTechniques installed = InstalledTechniques.await(() -> 2, looks(List.of(List.of(), List.of(A))),
                () -> {
                    reads.incrementAndGet();
                    return clock.getAsLong();
                }, Duration.ofSeconds(15), Duration.ofSeconds(1));

        assertEquals(List.of(A), installed.techniques());
        assertEquals(1, installed.missing());
        // 1 s of quiet at 100 ms a read, long before the 15 s bound
        assertEquals(true, reads.get() < 30, "clock reads " + reads.get());
    }

    @Test
    void noTechniqueServiceMeansNoWait() {
        InstalledTechniques installed = InstalledTechniques.await(() -> 0, () -> List.of(), () -> 0L,
                Duration.ofSeconds(15), Duration.ofSeconds(1));

        assertEquals(List.of(), installed.techniques());
    }

    @Test
    void aListThatNeverSettlesEndsAtTheBound() {
        java.util.function.LongSupplier clock = clock();
        boolean[] flip = {false};
        InstalledTechniques installed = InstalledTechniques.await(() -> 5, () -> {
            flip[0] = !flip[0];
            return flip[0] ? List.of(A) : List.of(B);
        }, clock, Duration.ofSeconds(3), Duration.ofSeconds(1));

        assertEquals(5, installed.services());
        assertEquals(4, installed.missing());
    }
}
