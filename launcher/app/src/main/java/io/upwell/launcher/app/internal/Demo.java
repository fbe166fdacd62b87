package io.upwell.launcher.app.internal;

import io.upwell.api.device.DeviceState;
import io.upwell.api.session.DeviceStatus;
import io.upwell.api.session.EngineProperties;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionSnapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Runs {@link DemoPlan}'s session on the simulator and reports it: waits (bounded) for the engine
 * and the device, starts the session, prints progress per second of session time and a summary.
 */
final class Demo {

    private static final String ENGINE_PID = EngineProperties.CONFIGURATION_PID;
    private static final String CLOCK_PROPERTY = EngineProperties.CLOCK;

    private static final Duration SERVICE_BOUND = Duration.ofSeconds(30);
    private static final Duration DEVICE_BOUND = Duration.ofSeconds(30);
    /** How long past its plan the session may take before the demo gives up on it. */
    private static final Duration OVERRUN_BOUND = Duration.ofSeconds(60);

    private final BundleContext context;
    private final PrintStream out;
    private final boolean virtual;

    Demo(BundleContext context, PrintStream out, boolean virtual) {
        this.context = context;
        this.out = out;
        this.virtual = virtual;
    }

    /** @throws EngineFailedException when the engine, restarting on the wanted clock, fails to activate */
    int run() throws InterruptedException, EngineFailedException {
        try {
            configureClock();
            try (TrackedService<SessionService> engine = awaitEngine()) {
                awaitDevice(engine.service());
                return runSession(engine.service());
            }
        } catch (NotReadyException e) {
            out.println("demo: " + e.getMessage());
            return ExitCodes.NOT_READY;
        } catch (SessionException e) {
            out.println("demo: the engine refused the session: " + e.getMessage());
            if (e.getMessage().contains("latched")) {
                // The latch outlives the process: a stop or fault from an earlier run still holds.
                out.println("demo: acknowledge it in the shell (java -jar upwell.jar, then 'status' and"
                        + " 'ack <your name>'), then run the demo again");
            }
            return ExitCodes.SESSION_FAILED;
        }
    }

    /**
     * Sets the engine's clock in its configuration when it is not already the one wanted (a missing
     * setting means "system"). Changing it restarts the engine, so an unchanged one is left alone.
     */
    private void configureClock() throws NotReadyException, InterruptedException {
        String wanted = clock();
        try (TrackedService<ConfigurationAdmin> admin = TrackedService.await(context, ConfigurationAdmin.class, "",
                SERVICE_BOUND, "Configuration Admin did not start; is org.apache.felix.configadmin active?")) {
            // "?" leaves the configuration unbound, so the core's bundle (not this one) receives it.
            Configuration configuration = admin.service().getConfiguration(ENGINE_PID, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            Object current = properties == null ? null : properties.get("clock");
            if (wanted.equals(current == null ? EngineProperties.CLOCK_SYSTEM : current.toString().trim())) {
                return;
            }
            if (properties == null) {
                properties = new Hashtable<>();
            }
            properties.put("clock", wanted);
            configuration.update(properties);
        } catch (IOException e) {
            throw new NotReadyException("could not set clock=" + wanted + " in configuration " + ENGINE_PID + ": "
                    + e.getMessage());
        }
    }

    private String clock() {
        return virtual ? EngineProperties.CLOCK_VIRTUAL : EngineProperties.CLOCK_SYSTEM;
    }

    private TrackedService<SessionService> awaitEngine()
            throws NotReadyException, EngineFailedException, InterruptedException {
        return EngineStartup.await(context, "(" + CLOCK_PROPERTY + "=" + clock() + ")", SERVICE_BOUND,
                "the engine did not start on the " + clock() + " clock: no SessionService with " + CLOCK_PROPERTY
                        + "=" + clock() + "; is the bundle io.upwell.engine.core active, and is configuration "
                        + ENGINE_PID + " valid?");
    }

    private void awaitDevice(SessionService engine) throws NotReadyException, InterruptedException {
        long deadline = System.nanoTime() + DEVICE_BOUND.toNanos();
        Optional<DeviceStatus> device = find(engine.devices());
        while (device.isEmpty() || device.get().state() != DeviceState.READY) {
            if (System.nanoTime() - deadline > 0) {
                throw new NotReadyException(device
                        .map(status -> "device " + DemoPlan.DEVICE_ID + " is " + status.state()
                                + (status.reason().isEmpty() ? "" : " (" + status.reason() + ")") + ", not READY")
                        .orElse("the engine has no device " + DemoPlan.DEVICE_ID + " (it knows "
                                + engine.devices().stream().map(s -> s.descriptor().id()).toList()
                                + "); is the bundle io.upwell.devices.simulator active?")
                        + " after " + DEVICE_BOUND.toSeconds() + " s");
            }
            Thread.sleep(10);
            device = find(engine.devices());
        }
    }

    private static Optional<DeviceStatus> find(List<DeviceStatus> devices) {
        return devices.stream().filter(d -> d.descriptor().id().equals(DemoPlan.DEVICE_ID)).findFirst();
    }

    private int runSession(SessionService engine) throws SessionException, InterruptedException {
        out.println("Upwell demo: static cupping on " + DemoPlan.DEVICE_ID + ", 4 cups at 40 kPa (cup 3: 30 kPa), "
                + "5 s ramp, 20 s hold, 3 s release, on the " + clock() + " clock");
        long wallStart = System.nanoTime();
        // Ctrl-C or SIGTERM stops the framework in order (OrderlyShutdown): the engine's stop vents every
        // channel and ends this session as aborted, and the summary below says so.
        Session session = engine.start(DemoPlan.request());
        SessionSnapshot last = watch(engine, session);
        Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);
        DemoSummary summary = new DemoSummary(last, engine.loopStatistics(), engine.journalHealth(), wall);
        summary.lines().forEach(out::println);
        out.println(String.format(Locale.ROOT, "(finished %.2f s after JVM start)",
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));
        return summary.exitCode();
    }

    /** Polls the session until it is over, printing progress; returns the final snapshot. */
    private SessionSnapshot watch(SessionService engine, Session session) throws InterruptedException {
        SessionProgress progress = new SessionProgress();
        long deadline = System.nanoTime() + DemoPlan.PLANNED.plus(OVERRUN_BOUND).toNanos();
        // Under the virtual clock whole seconds pass in milliseconds: poll often to see some of them.
        long pollMillis = virtual ? 1 : 20;
        while (true) {
            SessionSnapshot snapshot = session.snapshot();
            progress.update(snapshot).forEach(out::println);
            if (snapshot.state().isFinal()) {
                return snapshot;
            }
            if (System.nanoTime() - deadline > 0) {
                engine.emergencyStop("demo: the session overran its plan by " + OVERRUN_BOUND.toSeconds() + " s");
                out.println("demo: the session did not finish within " + OVERRUN_BOUND.toSeconds()
                        + " s after its planned end; emergency stop pressed");
                return awaitFinal(session);
            }
            Thread.sleep(pollMillis);
        }
    }

    private static SessionSnapshot awaitFinal(Session session) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        SessionSnapshot snapshot = session.snapshot();
        while (!snapshot.state().isFinal() && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
            snapshot = session.snapshot();
        }
        return snapshot;
    }
}
