package io.upwell.engine.core.bench;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.session.Client;
import io.upwell.api.session.LoopStatistics;
import io.upwell.api.session.Placement;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.Technique;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueStyle;
import io.upwell.api.technique.Timeline;
import io.upwell.devices.simulator.internal.SimulatorDriver;
import io.upwell.devices.simulator.internal.SimulatorSettings;
import io.upwell.engine.core.internal.Engine;
import io.upwell.engine.core.internal.EngineSettings;
import io.upwell.engine.core.internal.clock.SystemClock;
import io.upwell.engine.core.internal.journal.JsonLinesJournal;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures the control loop in steady state on the system clock, the way it runs in the product:
 * a four-cup session (pulsing, so commands change every tick) on the simulator, with the journal
 * writing. Reports the bytes the control thread allocates per tick and the tick lateness.
 * <p>
 * Run (see docs/BENCHMARKS.md): {@code TickBenchmark [seconds]}. A harness, not a test: it asserts
 * nothing; its figures are reported in docs.
 */
public final class TickBenchmark {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = Files.createTempDirectory("upwell-bench");
        EngineSettings settings = EngineSettings.defaults(dir, false);
        Engine engine = new Engine(settings, new SystemClock(), new JsonLinesJournal(dir));
        SimulatorDriver simulator = new SimulatorDriver(SimulatorSettings.defaults());
        engine.addTechnique(new PulsingTechnique(), "bench");
        engine.addDriver(simulator);
        engine.start(true);
        while (engine.devices().isEmpty() || engine.devices().get(0).state() != io.upwell.api.device.DeviceState.READY) {
            LockSupport.parkNanos(10_000_000L);
        }
        List<Placement> cups = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            cups.add(new Placement("sim-1", c, new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, "")));
        }
        Session session = engine.start(new SessionRequest("bench", new Client("bench", ""), Optional.empty(),
                "pulsing", Map.of(), cups, 100));

        Thread control = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("upwell-control")).findFirst().orElseThrow();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        LockSupport.parkNanos(Duration.ofSeconds(3).toNanos()); // warm-up: JIT, first allocations
        long bytes0 = threads.getThreadAllocatedBytes(control.getId());
        long ticks0 = engine.loop().ticks();
        long cpu0 = threads.getThreadCpuTime(control.getId());
        LockSupport.parkNanos(Duration.ofSeconds(seconds).toNanos());
        long bytes1 = threads.getThreadAllocatedBytes(control.getId());
        long ticks1 = engine.loop().ticks();
        long cpu1 = threads.getThreadCpuTime(control.getId());
        LoopStatistics stats = engine.loopStatistics();
        String state = session.state().name();
        engine.close();

        long ticks = ticks1 - ticks0;
        System.out.printf(Locale.ROOT, "session state during the run: %s%n", state);
        System.out.printf(Locale.ROOT, "ticks measured: %d over %d s (%.1f Hz)%n", ticks, seconds, ticks / (double) seconds);
        System.out.printf(Locale.ROOT, "control thread allocation: %d bytes in total, %.3f bytes per tick%n",
                bytes1 - bytes0, (bytes1 - bytes0) / (double) ticks);
        System.out.printf(Locale.ROOT, "control thread CPU: %.1f us per tick%n", (cpu1 - cpu0) / 1000.0 / ticks);
        System.out.printf(Locale.ROOT, "tick lateness over the whole run: p50 %.3f ms, p99 %.3f ms, max %.3f ms, late ticks %d of %d%n",
                stats.p50Nanos() / 1e6, stats.p99Nanos() / 1e6, stats.maxNanos() / 1e6, stats.lateTicks(), stats.ticks());
    }

    /** Pulses every cup between 10 and 30 kPa, so the envelope works on every tick. */
    private static final class PulsingTechnique implements Technique {
        @Override
        public TechniqueDescriptor descriptor() {
            return new TechniqueDescriptor("pulsing", "Pulsing", TechniqueStyle.INTERVAL, "benchmark load",
                    List.of(new ParameterSpec("unused", "", 0, 1, 0, "")));
        }

        @Override
        public Program plan(PlanRequest request) {
            List<Timeline> timelines = new ArrayList<>();
            for (var cup : request.cups()) {
                timelines.add(new Timeline(cup.index(), List.of(new Segment.Ramp(20, Duration.ofSeconds(3)),
                        new Segment.Pulse(10, 30, Duration.ofSeconds(3), Duration.ofSeconds(2), 100))));
            }
            return new Program("pulsing", timelines);
        }
    }
}
