package io.upwell.engine.core.bench;

import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * One whole session on the virtual clock, from start to its final state, timed three ways: the
 * session time it covered, the CPU time of the thread that advances the clock (it runs the
 * control ticks and the simulator's physics), and the CPU time of the whole process (the journal's
 * writer, the JIT and the garbage collector included).
 *
 * @param cups          cups in the session
 * @param sessionNanos  virtual time from the session's start to its final state
 * @param runnerCpu     CPU time of the virtual-time runner thread over the session
 * @param processCpu    CPU time of the whole process over the session
 * @param wallNanos     wall time over the session
 * @param finalState    the session's final state (ENDED when all went well)
 */
record VirtualRun(int cups, long sessionNanos, long runnerCpu, long processCpu, long wallNanos, String finalState) {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    /** Runs a pulsing program of {@code length} on {@code cups} cups, as fast as the virtual clock goes. */
    static VirtualRun measure(int cups, Duration length) throws SessionException {
        try (BenchEngine bench = BenchEngine.onVirtualClock(cups, length)) {
            long clock0 = bench.clock().nanoTime();
            long runner0 = ThreadUsage.of(bench.tickThread()).cpuNanos();
            long process0 = OS.getProcessCpuTime();
            long wall0 = System.nanoTime();
            Session session = bench.startSession();
            awaitFinal(session);
            return new VirtualRun(cups, bench.clock().nanoTime() - clock0,
                    ThreadUsage.of(bench.tickThread()).cpuNanos() - runner0, OS.getProcessCpuTime() - process0,
                    System.nanoTime() - wall0, session.state().name());
        }
    }

    private static void awaitFinal(Session session) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!session.state().isFinal() && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(2_000_000L);
        }
    }

    /** Session seconds per CPU second of the runner thread. */
    double speedPerRunnerCpu() {
        return sessionNanos / (double) runnerCpu;
    }

    /** Session seconds per CPU second of the whole process. */
    double speedPerProcessCpu() {
        return sessionNanos / (double) processCpu;
    }

    /** CPU time of the runner thread per control tick: the tick and the simulator's physics, no waking up. */
    double runnerCpuMicrosPerTick() {
        return runnerCpu / 1000.0 / (sessionNanos / (double) BenchEngine.PERIOD_NANOS);
    }

    /** Session seconds per wall second. */
    double speedPerWall() {
        return sessionNanos / (double) wallNanos;
    }
}
