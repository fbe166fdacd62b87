package io.upwell.devices.latencybench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The serial latencies over real pseudo-terminal pairs, in one run so that they can be read beside each
 * other: (a) the bare pty echo round trip, (b) each driver's command to the emulated device's answer,
 * (c) an over-pressure reading to the engine's vent reaching the device. A harness, not a test: it
 * asserts nothing about the figures, and fails only when a measurement cannot be taken.
 * <p>
 * Arguments: {@code [echoes=2000] [acks=500] [writes=300] [overPressures=100]}. Progress goes to
 * stderr, the report (markdown) to stdout. Needs socat on the PATH. See docs/BENCHMARKS.md.
 */
public final class LatencyBenchmark {

    private LatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int echoes = argument(args, 0, 2000);
        int acks = argument(args, 1, 500);
        int writes = argument(args, 2, 300);
        int overPressures = argument(args, 3, 100);
        Path work = Files.createTempDirectory("upwell-latency-");
        String before = loadAverage();
        long started = System.nanoTime();
        List<Latencies> results = new ArrayList<>();
        List<String> disturbances = new ArrayList<>();
        try {
            progress("(a) bare pty echo: " + echoes + " round trips after 200 to warm up");
            results.add(PtyEcho.measure(work.resolve("echo"), 200, echoes));
            progress("(b) magnetic cup array: " + acks + " set points after 20 to warm up");
            results.add(MagneticCupsAcks.measure(work.resolve("cups"), 20, acks));
            progress("(b) interval vacuum system: " + writes + " command periods after 10 to warm up");
            results.addAll(List.of(IntervalVacuumWrites.measure(work.resolve("modbus"), 10, writes)));
            progress("(c) over-pressure to vent through the engine: " + overPressures + " times after 3 to warm up");
            results.add(OverPressureToVent.measure(work.resolve("engine"), 3, overPressures, disturbances));
        } finally {
            deleteTree(work);
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("Measured " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " in " + seconds + " s; "
                + machine() + "; load average " + before + " before, " + loadAverage() + " after.");
        System.out.println();
        System.out.println("| what (over a socat pseudo-terminal pair) | samples | p50 | p99 | max |");
        System.out.println("|---|---|---|---|---|");
        for (Latencies latencies : results) {
            System.out.println(latencies.row());
        }
        System.out.println();
        System.out.println("Over-pressure attempts not counted because something else stopped the session first: "
                + disturbances.size() + (disturbances.isEmpty() ? "." : ":"));
        disturbances.forEach(line -> System.out.println("- " + line));
    }

    private static int argument(String[] args, int index, int otherwise) {
        if (args.length <= index) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(args[index]);
            if (value < 1) {
                throw new NumberFormatException("below 1");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("argument " + (index + 1) + " must be a count of 1 or more, got '"
                    + args[index] + "'; usage: LatencyBenchmark [echoes=2000] [acks=500] [writes=300] [overPressures=100]", e);
        }
    }

    private static void progress(String line) {
        System.err.println("latency: " + line);
    }

    /** Cores, CPU model, kernel, JVM and socat, for the report. */
    private static String machine() {
        String cpu = firstLineStartingWith(Path.of("/proc/cpuinfo"), "model name").replaceFirst("^model name\\s*:\\s*", "");
        return Runtime.getRuntime().availableProcessors() + " cores (" + (cpu.isEmpty() ? "CPU unknown" : cpu) + "), Linux "
                + System.getProperty("os.version") + ", " + ManagementFactory.getRuntimeMXBean().getVmName() + " "
                + System.getProperty("java.version") + ", " + socatVersion();
    }

    private static String loadAverage() {
        String line = firstLineStartingWith(Path.of("/proc/loadavg"), "");
        String[] fields = line.split(" ");
        return fields.length >= 3 ? fields[0] + " / " + fields[1] + " / " + fields[2] : "unknown";
    }

    private static String socatVersion() {
        try {
            Process process = new ProcessBuilder("socat", "-V").redirectErrorStream(true).start();
            String version;
            try (var lines = process.inputReader(StandardCharsets.UTF_8).lines()) {
                version = lines.filter(l -> l.startsWith("socat version")).findFirst().orElse("socat (version unknown)");
            }
            process.waitFor();
            return version.replaceFirst(" on .*$", "");
        } catch (IOException e) {
            return "socat not runnable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "socat (version unknown)";
        }
    }

    private static String firstLineStartingWith(Path file, String prefix) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(prefix)).findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
