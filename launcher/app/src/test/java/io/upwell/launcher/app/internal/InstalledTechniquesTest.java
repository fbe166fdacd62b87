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

    private static final java.nio.file.Path JAR = java.nio.file.Path.of("/data/techniques/module.jar");

    private static InstalledTechniques.Folder notStarted(java.nio.file.Path jar) {
        return new InstalledTechniques.Folder(List.of(jar), List.of());
    }

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
        InstalledTechniques installed = InstalledTechniques.await(() -> 2, () -> InstalledTechniques.Folder.SETTLED,
                looks(List.of(List.of(), List.of(A), List.of(A), List.of(A, B))), clock(), Duration.ofSeconds(15),
                Duration.ofSeconds(1));

        assertEquals(List.of(A, B), installed.techniques());
        assertEquals(0, installed.missing());
    }

    @Test
    void aTechniqueThatIsNeverDescribedEndsTheWaitOnceTheListHasStoppedChanging() {
        AtomicLong reads = new AtomicLong();
        java.util.function.LongSupplier clock = clock();
        InstalledTechniques installed = InstalledTechniques.await(() -> 2, () -> InstalledTechniques.Folder.SETTLED,
                looks(List.of(List.of(), List.of(A))),
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
    void aModuleTheFolderWatchHasNotInstalledYetIsWaitedForEvenWhenTheListLooksComplete() {
        // The folder's jar is installed at the fourth look; its technique registers and is described after.
        int[] look = {0};
        InstalledTechniques installed = InstalledTechniques.await(() -> look[0] >= 4 ? 2 : 1,
                () -> ++look[0] >= 4 ? InstalledTechniques.Folder.SETTLED : notStarted(JAR),
                looks(List.of(List.of(A), List.of(A), List.of(A), List.of(A), List.of(A), List.of(A, B))), clock(),
                Duration.ofSeconds(15), Duration.ofSeconds(1));

        assertEquals(List.of(A, B), installed.techniques());
    }

    @Test
    void aNewlyRegisteredTechniqueRestartsTheQuietPeriod() {
        // One of three services never describes itself, so the list [A] stays short; at 0.9 s a fourth
        // registers: the wait must not end at 1 s, and sees B described at 1.5 s.
        AtomicLong now = new AtomicLong();
        java.util.function.LongSupplier clock = () -> now.addAndGet(Duration.ofMillis(100).toNanos());
        InstalledTechniques installed = InstalledTechniques.await(
                () -> now.get() >= Duration.ofMillis(900).toNanos() ? 4 : 3, () -> InstalledTechniques.Folder.SETTLED,
                () -> now.get() >= Duration.ofMillis(1500).toNanos() ? List.of(A, B) : List.of(A), clock,
                Duration.ofSeconds(15), Duration.ofSeconds(1));

        assertEquals(List.of(A, B), installed.techniques());
        assertEquals(2, installed.missing());
    }

    @Test
    void aJarThatIsNeverInstalledHoldsTheWaitToTheBoundAndIsNamed() {
        AtomicLong reads = new AtomicLong();
        java.util.function.LongSupplier clock = clock();
        InstalledTechniques installed = InstalledTechniques.await(() -> 1, () -> notStarted(JAR), () -> List.of(A),
                () -> {
                    reads.incrementAndGet();
                    return clock.getAsLong();
                }, Duration.ofSeconds(10), Duration.ofSeconds(1));

        assertEquals(List.of(A), installed.techniques());
        assertEquals(List.of(JAR), installed.notStarted());
        assertEquals(true, reads.get() >= 100, "clock reads " + reads.get()); // 10 s at 100 ms a read
    }

    @Test
    void aStartedModuleWhoseTechniqueIsNotRegisteredYetIsWaitedFor() {
        // Started at once, but Declarative Services registers its technique at the third look only.
        int[] look = {0};
        InstalledTechniques installed = InstalledTechniques.await(() -> look[0] >= 3 ? 2 : 1,
                () -> ++look[0] >= 3 ? InstalledTechniques.Folder.SETTLED
                        : new InstalledTechniques.Folder(List.of(), List.of(JAR)),
                looks(List.of(List.of(A), List.of(A), List.of(A), List.of(A, B))), clock(), Duration.ofSeconds(10),
                Duration.ofSeconds(1));

        assertEquals(List.of(A, B), installed.techniques());
    }

    @Test
    void noTechniqueServiceMeansNoWait() {
        InstalledTechniques installed = InstalledTechniques.await(() -> 0, () -> InstalledTechniques.Folder.SETTLED,
                () -> List.of(), () -> 0L,
                Duration.ofSeconds(15), Duration.ofSeconds(1));

        assertEquals(List.of(), installed.techniques());
    }

    @Test
    void aListThatNeverSettlesEndsAtTheBound() {
        java.util.function.LongSupplier clock = clock();
        boolean[] flip = {false};
        InstalledTechniques installed = InstalledTechniques.await(() -> 5, () -> InstalledTechniques.Folder.SETTLED, () -> {
            flip[0] = !flip[0];
            return flip[0] ? List.of(A) : List.of(B);
        }, clock, Duration.ofSeconds(3), Duration.ofSeconds(1));

        assertEquals(5, installed.services());
        assertEquals(4, installed.missing());
    }
}
