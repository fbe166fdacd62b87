package io.upwell.engine.core.bench;

import io.upwell.api.session.LoopStatistics;
import java.time.Duration;
import java.util.Locale;

/**
 * Measures the control loop in steady state on the system clock, the way it runs in the product:
 * a four-cup session (pulsing, so commands change every tick) on the simulator, with the journal
 * writing. Reports the bytes the control thread allocates per tick and the tick lateness.
 * <p>
 * Run (see docs/BENCHMARKS.md): {@code TickBenchmark [seconds]}. A harness, not a test: it asserts
 * nothing; its figures are reported in docs. {@link ScalingBenchmark} does the same for more channels.
 */
public final class TickBenchmark {
    private static final int CHANNELS = 4;
    private static final Duration WARM_UP = Duration.ofSeconds(3);

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        TickWindow run = TickWindow.measure(CHANNELS, WARM_UP, Duration.ofSeconds(seconds));
        LoopStatistics stats = run.lateness();
        System.out.printf(Locale.ROOT, "session state during the run: %s%n", run.sessionState());
        System.out.printf(Locale.ROOT, "ticks measured: %d over %d s (%.1f Hz)%n", run.ticks(), seconds,
                run.ticks() / (double) seconds);
        System.out.printf(Locale.ROOT, "control thread allocation: %d bytes in total, %.3f bytes per tick%n",
                run.usage().allocatedBytes(), run.bytesPerTick());
        System.out.printf(Locale.ROOT, "control thread CPU: %.1f us per tick%n", run.cpuMicrosPerTick());
        System.out.printf(Locale.ROOT, "tick lateness over the whole run: p50 %.3f ms, p99 %.3f ms, max %.3f ms, late ticks %d of %d%n",
                stats.p50Nanos() / 1e6, stats.p99Nanos() / 1e6, stats.maxNanos() / 1e6, stats.lateTicks(), stats.ticks());
    }
}
