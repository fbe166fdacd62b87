package io.upwell.engine.core.bench;

import io.upwell.api.session.LoopStatistics;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The control thread measured over a window in steady state: a pulsing session runs on the
 * system clock, and after a warm-up (JIT, first allocations) the control thread's own CPU time
 * and allocated bytes are read at the start and the end of the window.
 *
 * @param channels         channels in the session
 * @param devices          simulated devices carrying them
 * @param ticks            control ticks in the window
 * @param usage            the control thread's CPU and allocation over the window
 * @param lateness         the engine's tick lateness over its whole run, warm-up included
 * @param sessionState     the session's state at the end of the window (RUNNING when all went well)
 */
record TickWindow(int channels, int devices, long ticks, ThreadUsage usage, LoopStatistics lateness,
        String sessionState) {

    /** Runs a session on {@code channels} channels and measures it. */
    static TickWindow measure(int channels, Duration warmUp, Duration window) throws SessionException {
        try (BenchEngine bench = BenchEngine.onSystemClock(channels, PulsingTechnique.BLOCK)) {
            Session session = bench.startSession();
            Thread control = bench.tickThread();
            LockSupport.parkNanos(warmUp.toNanos());
            ThreadUsage start = ThreadUsage.of(control);
            long startTicks = bench.engine().loop().ticks();
            LockSupport.parkNanos(window.toNanos());
            ThreadUsage used = ThreadUsage.of(control).since(start);
            long ticks = bench.engine().loop().ticks() - startTicks;
            return new TickWindow(channels, bench.devices(), ticks, used, bench.engine().loopStatistics(),
                    session.state().name());
        }
    }

    double cpuMicrosPerTick() {
        return usage.cpuNanos() / 1000.0 / ticks;
    }

    double bytesPerTick() {
        return usage.allocatedBytes() / (double) ticks;
    }
}
