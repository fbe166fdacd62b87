package io.upwell.engine.core.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
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
    private static final int ROUNDS = 5;

    @TempDir
    Path dataDirectory;

    @Test
    @Tag("SR-16")
    void handingInASampleAllocatesNothing() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "this JVM cannot count a thread's allocations");
        com.sun.management.ThreadMXBean counting = (com.sun.management.ThreadMXBean) threads;
        assumeTrue(counting.isThreadAllocatedMemorySupported(), "this JVM cannot count a thread's allocations");
        counting.setThreadAllocatedMemoryEnabled(true);

        try (JsonLinesJournal journal = new JsonLinesJournal(dataDirectory)) {
            journal.begin("s-alloc", Map.of("clockNanos", 0L));
            // The first rounds include class loading, linking and compilation of the measuring
            // code itself; the steady state is the last round.
            long[] allocatedPerRound = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long before = counting.getCurrentThreadAllocatedBytes();
                handIn(journal, (long) round * CALLS);
                allocatedPerRound[round] = counting.getCurrentThreadAllocatedBytes() - before;
            }
            assertEquals(0, allocatedPerRound[ROUNDS - 1], CALLS + " calls of sample() allocated "
                    + allocatedPerRound[ROUNDS - 1] + " bytes; bytes per round: " + Arrays.toString(allocatedPerRound));
        }
    }

    private static void handIn(JsonLinesJournal journal, long first) {
        for (long i = first; i < first + CALLS; i++) {
            journal.sample(i * 20_000_000L, (int) (i & 3), 12.5, i % 7 == 0 ? Double.NaN : 12.25);
        }
    }
}
