package io.upwell.engine.records.internal;

import java.time.Duration;

/** Waits for a condition another thread brings about; fails naming it when it never comes. */
final class Await {
    /** Generous: only a machine that hangs reaches it; a passing test never waits this long. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    static void until(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }
}
