package io.upwell.engine.core.bench;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.device.DeviceState;
import io.upwell.api.session.Client;
import io.upwell.api.session.DeviceStatus;
import io.upwell.api.session.Placement;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.time.Clock;
import io.upwell.devices.simulator.SimulatedDevice;
import io.upwell.devices.simulator.SimulatorOptions;
import io.upwell.devices.simulator.Simulators;
import io.upwell.engine.core.internal.Engine;
import io.upwell.engine.core.internal.settings.EngineSettings;
import io.upwell.engine.core.internal.clock.SystemClock;
import io.upwell.engine.core.internal.clock.VirtualClock;
import io.upwell.engine.core.internal.clock.VirtualTimeRunner;
import io.upwell.engine.core.internal.journal.JsonLinesJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * An engine set up for a benchmark the way the product runs it: the journal writing to a temporary
 * directory, simulated devices of at most 16 channels each, the {@link PulsingTechnique}, and a
 * session started through the public {@code SessionService} API on every channel.
 * <p>
 * On the system clock the ticks run on the core's {@code upwell-control} thread; on the virtual
 * clock they run on a {@link VirtualTimeRunner}, wired as {@code EngineComponent.launch} does.
 * {@link #tickThread()} is whichever of the two it is.
 */
final class BenchEngine implements AutoCloseable {
    static final int MAX_CHANNELS_PER_DEVICE = 16;
    /** The control period of the engine's default settings (50 Hz). */
    static final long PERIOD_NANOS = EngineSettings.defaults(Path.of("unused"), false).periodNanos();
    private static final String CONTROL_THREAD = "upwell-control";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final Path dataDirectory;
    private final Engine engine;
    private final VirtualTimeRunner runner;
    private final int channels;
    private final int devices;
    private final List<SimulatedDevice> simulators;
    private Thread tickThread;

    private BenchEngine(Path dataDirectory, Engine engine, VirtualTimeRunner runner, int channels) {
        this.dataDirectory = dataDirectory;
        this.engine = engine;
        this.runner = runner;
        this.channels = channels;
        this.devices = devicesFor(channels);
        this.simulators = createSimulators();
    }

    /** An engine on the system clock with {@code channels} simulated channels, every device ready. */
    static BenchEngine onSystemClock(int channels, Duration programLength) {
        Path directory = temporaryDirectory();
        Engine engine = new Engine(EngineSettings.defaults(directory, false), new SystemClock(),
                new JsonLinesJournal(directory));
        BenchEngine bench = new BenchEngine(directory, engine, null, channels);
        bench.boot(programLength);
        bench.tickThread = findControlThread();
        return bench;
    }

    /** An engine on a virtual clock driven by a {@link VirtualTimeRunner}, every device ready. */
    static BenchEngine onVirtualClock(int channels, Duration programLength) {
        Path directory = temporaryDirectory();
        EngineSettings settings = EngineSettings.defaults(directory, true);
        VirtualClock clock = new VirtualClock();
        Engine engine = new Engine(settings, clock, new JsonLinesJournal(directory));
        VirtualTimeRunner runner = new VirtualTimeRunner(clock, settings.periodNanos(), engine::busy);
        BenchEngine bench = new BenchEngine(directory, engine, runner, channels);
        bench.boot(programLength);
        bench.tickThread = runner;
        return bench;
    }

    /** How many simulated devices carry {@code channels}: as few as the 16-channel limit allows. */
    static int devicesFor(int channels) {
        return (channels + MAX_CHANNELS_PER_DEVICE - 1) / MAX_CHANNELS_PER_DEVICE;
    }

    private void boot(Duration programLength) {
        engine.addTechnique(new PulsingTechnique(programLength), "bench");
        for (SimulatedDevice simulator : simulators) {
            engine.addDriver(simulator);
        }
        engine.start(true);
        if (runner != null) {
            runner.start();
        }
        awaitDevicesReady();
    }

    /** The devices, named sim-1, sim-2, ...; the channels are shared out as evenly as possible. */
    private List<SimulatedDevice> createSimulators() {
        List<SimulatedDevice> list = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            int deviceChannels = channels / devices + (d < channels % devices ? 1 : 0);
            list.add(Simulators.create(SimulatorOptions.defaults().withId("sim-" + (d + 1)).withChannels(deviceChannels)
                    .withSeed(42 + 100L * d)));
        }
        return List.copyOf(list);
    }

    private void awaitDevicesReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!allDevicesReady()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("devices not ready after " + READY_TIMEOUT.toSeconds() + " s: "
                        + engine.devices().stream().map(d -> d.descriptor().id() + " " + d.state()).toList());
            }
            LockSupport.parkNanos(10_000_000L);
        }
    }

    private boolean allDevicesReady() {
        List<DeviceStatus> known = engine.devices();
        return known.size() == devices && known.stream().allMatch(d -> d.state() == DeviceState.READY);
    }

    /** Starts the pulsing session with one cup on every channel of every device. */
    Session startSession() throws SessionException {
        return engine.start(new SessionRequest("bench", new Client("bench", ""), null,
                PulsingTechnique.ID, Map.of(), placements(), 100));
    }

    private List<Placement> placements() {
        List<Placement> cups = new ArrayList<>();
        for (SimulatedDevice simulator : simulators) {
            for (int ch = 0; ch < simulator.descriptor().channelCount(); ch++) {
                cups.add(new Placement(simulator.deviceId(), ch, new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, "")));
            }
        }
        return cups;
    }

    private static Thread findControlThread() {
        List<Thread> found = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(CONTROL_THREAD) && t.isAlive()).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("expected one live " + CONTROL_THREAD + " thread, found " + found.size());
        }
        return found.get(0);
    }

    Engine engine() {
        return engine;
    }

    Clock clock() {
        return engine.clock();
    }

    /** The thread that runs the control ticks. */
    Thread tickThread() {
        return tickThread;
    }

    int devices() {
        return devices;
    }

    /** Stops the engine (and the runner), waits for the tick thread to end and deletes the journal. */
    @Override
    public void close() {
        engine.close();
        if (runner != null) {
            runner.shutdown();
        }
        try {
            tickThread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteRecursively(dataDirectory);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("upwell-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + directory + ": " + e);
        }
    }
}
