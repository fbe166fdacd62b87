package io.upwell.engine.core.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the control tick's cost grows with the number of channels, in one run:
 * <ul>
 *   <li>for 4, 16, 64 and 256 channels (simulated devices of at most 16 channels, a pulsing session
 *       on every channel, system clock, journal writing): the control thread's CPU time and
 *       allocated bytes per tick over a window after a warm-up, and the tick lateness p99 beside
 *       that of a bare {@code parkNanos} loop of the same period run just before it, so the
 *       machine's own timer noise shows next to the engine's;</li>
 *   <li>for 4 and 256 cups: a 45-minute program on the virtual clock, as fast as it goes, in
 *       session seconds per CPU second.</li>
 * </ul>
 * Every measurement is repeated; runs are interleaved (all sizes once, then again) so a burst of
 * load from elsewhere does not land on one size only. Progress goes to stderr, the markdown
 * report to stdout. A harness, not a test: it asserts nothing.
 * <p>
 * Run (see docs/BENCHMARKS.md, "Scaling"): {@code ScalingBenchmark [windowSeconds=10] [runs=5]}.
 */
public final class ScalingBenchmark {
    static final int[] CHANNELS = {4, 16, 64, 256};
    static final int[] VIRTUAL_CUPS = {4, 256};
    static final Duration WARM_UP = Duration.ofSeconds(3);
    static final Duration VIRTUAL_PROGRAM = Duration.ofMinutes(45);

    /** One system-clock measurement: the engine's window and the bare loop run just before it. */
    record TickRun(TickWindow engine, BareTimerLoop.Result bareLoop) {
    }

    public static void main(String[] args) throws Exception {
        quietEngineLogs();
        Duration window = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 10);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ScalingReport report = new ScalingReport(window, WARM_UP, runs);
        report.started();
        Map<Integer, List<TickRun>> ticks = measureTicks(window, runs);
        Map<Integer, List<VirtualRun>> virtual = measureVirtual(runs);
        report.finished();
        System.out.println(report.markdown(ticks, virtual));
    }

    /** The engine logs device and session changes at INFO; only warnings matter here. */
    private static void quietEngineLogs() {
        String level = "org.slf4j.simpleLogger.defaultLogLevel";
        System.setProperty(level, System.getProperty(level, "warn"));
    }

    private static Map<Integer, List<TickRun>> measureTicks(Duration window, int runs) throws Exception {
        Map<Integer, List<TickRun>> results = emptyResults(CHANNELS);
        for (int run = 1; run <= runs; run++) {
            for (int channels : CHANNELS) {
                TickRun measured = measureTick(channels, window);
                results.get(channels).add(measured);
                progress("run %d/%d, %3d channels: %s", run, runs, channels, describe(measured));
            }
        }
        return results;
    }

    private static TickRun measureTick(int channels, Duration window) throws Exception {
        BareTimerLoop.Result bare = BareTimerLoop.measure(BenchEngine.PERIOD_NANOS, WARM_UP.plus(window));
        TickWindow engine = TickWindow.measure(channels, WARM_UP, window);
        return new TickRun(engine, bare);
    }

    private static Map<Integer, List<VirtualRun>> measureVirtual(int runs) throws Exception {
        Map<Integer, List<VirtualRun>> results = emptyResults(VIRTUAL_CUPS);
        for (int run = 1; run <= runs; run++) {
            for (int cups : VIRTUAL_CUPS) {
                VirtualRun measured = VirtualRun.measure(cups, VIRTUAL_PROGRAM);
                results.get(cups).add(measured);
                progress("run %d/%d, %3d cups on the virtual clock: %s", run, runs, cups, describe(measured));
            }
        }
        return results;
    }

    private static <T> Map<Integer, List<T>> emptyResults(int[] sizes) {
        Map<Integer, List<T>> results = new LinkedHashMap<>();
        for (int size : sizes) {
            results.put(size, new ArrayList<>());
        }
        return results;
    }

    private static String describe(TickRun run) {
        TickWindow engine = run.engine();
        return String.format(Locale.ROOT,
                "%.1f us/tick (bare loop %.1f), %d bytes in %d ticks, p99 %.3f ms (bare loop %.3f ms), session %s",
                engine.cpuMicrosPerTick(), run.bareLoop().cpuMicrosPerTick(), engine.usage().allocatedBytes(),
                engine.ticks(), engine.lateness().p99Nanos() / 1e6, run.bareLoop().lateness().percentile(99) / 1e6,
                engine.sessionState());
    }

    private static String describe(VirtualRun run) {
        return String.format(Locale.ROOT, "%.0f s of session in %.2f s runner CPU (%.0fx), %.2f s process CPU,"
                + " %.2f s wall, %s", run.sessionNanos() / 1e9, run.runnerCpu() / 1e9, run.speedPerRunnerCpu(),
                run.processCpu() / 1e9, run.wallNanos() / 1e9, run.finalState());
    }

    private static void progress(String format, Object... values) {
        System.err.printf(Locale.ROOT, format + "%n", values);
    }
}
