package io.upwell.engine.core.bench;

import io.upwell.engine.core.bench.ScalingBenchmark.TickRun;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** {@link ScalingBenchmark}'s results as markdown, ready to paste into docs/BENCHMARKS.md. */
final class ScalingReport {
    private final Duration window;
    private final Duration warmUp;
    private final int runs;
    private Instant startedAt;
    private double loadBefore;
    private double loadAfter;

    ScalingReport(Duration window, Duration warmUp, int runs) {
        this.window = window;
        this.warmUp = warmUp;
        this.runs = runs;
    }

    void started() {
        startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        loadBefore = loadAverage();
    }

    void finished() {
        loadAfter = loadAverage();
    }

    String markdown(Map<Integer, List<TickRun>> ticks, Map<Integer, List<VirtualRun>> virtual) {
        return header() + "\n" + tickTable(ticks) + "\n" + virtualTable(virtual) + anomalies(ticks, virtual);
    }

    private String header() {
        return String.format(Locale.ROOT, "Measured %s on %d cores (%s %s), load average %.1f before and %.1f"
                + " after; each figure is the median (min–max) of %d runs.%n", startedAt,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), loadBefore, loadAfter, runs);
    }

    private String tickTable(Map<Integer, List<TickRun>> ticks) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "System clock, 50 Hz, journal writing; CPU and allocation of the"
                + " control thread over a %d s window after a %d s warm-up; lateness p99 over the whole run"
                + " (warm-up included). The bare loop is a parkNanos loop of the same period and length, doing"
                + " nothing, run just before each engine run: its figures are the machine's timer noise and"
                + " the cost of waking up alone; \"control minus bare loop\" pairs each engine run with the bare loop"
                + " run just before it.%n%n", window.toSeconds(), warmUp.toSeconds()));
        table.append("| channels (devices) | control CPU µs/tick | bare loop CPU µs/tick | control minus bare loop"
                + " | bytes/tick | bytes in each run's window | lateness p99 engine, ms | lateness p99 bare loop, ms |\n");
        table.append("|---|---|---|---|---|---|---|---|\n");
        ticks.forEach((channels, list) -> table.append(tickRow(channels, list)));
        return table.toString();
    }

    private static String tickRow(int channels, List<TickRun> list) {
        return String.format(Locale.ROOT, "| %d (%d) | %s | %s | %s | %s | %s | %s | %s |%n", channels,
                BenchEngine.devicesFor(channels),
                spread(list, r -> r.engine().cpuMicrosPerTick()).format("%.0f"),
                spread(list, r -> r.bareLoop().cpuMicrosPerTick()).format("%.0f"),
                spread(list, r -> r.engine().cpuMicrosPerTick() - r.bareLoop().cpuMicrosPerTick()).format("%.0f"),
                spread(list, r -> r.engine().bytesPerTick()).format("%.2f"),
                list.stream().map(r -> Long.toString(r.engine().usage().allocatedBytes()))
                        .collect(Collectors.joining(", ")),
                spread(list, r -> r.engine().lateness().p99Nanos() / 1e6).format("%.2f"),
                spread(list, r -> r.bareLoop().lateness().percentile(99) / 1e6).format("%.2f"));
    }

    private String virtualTable(Map<Integer, List<VirtualRun>> virtual) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Virtual clock (VirtualClock + VirtualTimeRunner, journal"
                + " writing): one %d-minute pulsing program per run, start to end. The runner thread runs the control"
                + " ticks and the simulator's physics (two steps per tick per device) and never sleeps while the"
                + " session runs, so its CPU per tick is the work itself, without waking up.%n%n",
                ScalingBenchmark.VIRTUAL_PROGRAM.toMinutes()));
        table.append("| cups (devices) | session s per CPU s, runner thread | session s per CPU s, whole process"
                + " | session s per wall s | runner CPU µs per tick |\n");
        table.append("|---|---|---|---|---|\n");
        virtual.forEach((cups, list) -> table.append(String.format(Locale.ROOT, "| %d (%d) | %s | %s | %s | %s |%n",
                cups, BenchEngine.devicesFor(cups), spread(list, VirtualRun::speedPerRunnerCpu).format("%.0f"),
                spread(list, VirtualRun::speedPerProcessCpu).format("%.0f"),
                spread(list, VirtualRun::speedPerWall).format("%.0f"),
                spread(list, VirtualRun::runnerCpuMicrosPerTick).format("%.1f"))));
        return table.toString();
    }

    /** Runs whose session did not stay RUNNING (system clock) or did not end normally (virtual clock). */
    private static String anomalies(Map<Integer, List<TickRun>> ticks, Map<Integer, List<VirtualRun>> virtual) {
        StringBuilder notes = new StringBuilder();
        ticks.forEach((channels, list) -> list.stream().map(r -> r.engine().sessionState())
                .filter(state -> !state.equals("RUNNING"))
                .forEach(state -> notes.append("\nNote: a run with " + channels + " channels ended its window "
                        + state + ", not RUNNING.\n")));
        virtual.forEach((cups, list) -> list.stream().map(VirtualRun::finalState)
                .filter(state -> !state.equals("ENDED"))
                .forEach(state -> notes.append("\nNote: a virtual run with " + cups + " cups finished " + state
                        + ", not ENDED.\n")));
        return notes.toString();
    }

    private static <T> Spread spread(List<T> runs, ToDoubleFunction<T> figure) {
        return Spread.of(runs.stream().map(r -> figure.applyAsDouble(r)).toList());
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
