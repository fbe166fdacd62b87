package io.upwell.engine.core.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control thread hands samples to the journal fifty times a second per cup for up to an hour:
 * any allocation there would feed the garbage collector pauses the control loop must not see.
 */
class SampleAllocationTest {
    private static final int CALLS = 100_000;
    private static final int ZERO_ROUNDS_WANTED = 5;
    private static final int MAX_ROUNDS = 200;

    @TempDir
    Path dataDirectory;

    @Test
    @Tag("SR-16")
    void handingInASampleAllocatesNothing() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof ThreadMXBean,
                "this JVM cannot count a thread's allocations");
        ThreadMXBean counting = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(counting.isThreadAllocatedMemorySupported(), "this JVM cannot count a thread's allocations");
        counting.setThreadAllocatedMemoryEnabled(true);

        try (JsonLinesJournal journal = new JsonLinesJournal(dataDirectory)) {
            journal.begin("s-alloc", Map.of("clockNanos", 0L));
            // Early rounds include one-off allocations of class loading, linking and the JIT's
            // transitions (seen: a few kB in round one, 104 bytes once in rounds two to five,
            // later under load). Steady state is reached when rounds stop allocating; an
            // allocation inside sample() would make every round allocate at least CALLS bytes.
            List<Long> allocatedPerRound = new ArrayList<>();
            int zeroRoundsInARow = 0;
            while (zeroRoundsInARow < ZERO_ROUNDS_WANTED && allocatedPerRound.size() < MAX_ROUNDS) {
                long before = counting.getCurrentThreadAllocatedBytes();
                handIn(journal, (long) allocatedPerRound.size() * CALLS);
                long allocated = counting.getCurrentThreadAllocatedBytes() - before;
                allocatedPerRound.add(allocated);
                zeroRoundsInARow = allocated == 0 ? zeroRoundsInARow + 1 : 0;
            }
            assertEquals(ZERO_ROUNDS_WANTED, zeroRoundsInARow, "sample() never stopped allocating; bytes per round of "
                    + CALLS + " calls: " + allocatedPerRound);
        }
    }

    private static void handIn(JsonLinesJournal journal, long first) {
        for (long i = first; i < first + CALLS; i++) {
            journal.sample(i * 20_000_000L, (int) (i & 3), 12.5, i % 7 == 0 ? Double.NaN : 12.25);
        }
    }
}
