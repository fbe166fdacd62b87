package io.upwell.launcher.app.internal;

import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceState;
import io.upwell.api.session.DeviceStatus;
import io.upwell.api.session.EngineProperties;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionService;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Runs {@link DemoPlan}'s session and reports it: on the simulator ({@code demo}, {@code demo --virtual}),
 * or on a device on a serial line ({@code demo --port}, {@link SerialDemoArguments}), which the demo first
 * configures its driver for. Waits (bounded) for the engine and the device, starts the session, prints
 * progress per second of session time and a summary ({@link SessionWatch}, {@link DemoSummary}).
 */
final class Demo {

    private static final String ENGINE_PID = EngineProperties.CONFIGURATION_PID;
    private static final String CLOCK_PROPERTY = EngineProperties.CLOCK;

    private static final Duration SERVICE_BOUND = Duration.ofSeconds(30);
    private static final Duration DEVICE_BOUND = Duration.ofSeconds(30);

    private final BundleContext context;
    private final PrintStream out;
    private final boolean virtual;
    /** The device on a serial line; null for the simulator. */
    private final SerialDemoArguments serial;

    /** The demo on the simulator, on the system or the virtual clock. */
    Demo(BundleContext context, PrintStream out, boolean virtual) {
        this.context = context;
        this.out = out;
        this.virtual = virtual;
        this.serial = null;
    }

    /** The demo on a device on a serial line, always in real time. */
    Demo(BundleContext context, PrintStream out, SerialDemoArguments serial) {
        this.context = context;
        this.out = out;
        this.virtual = false;
        this.serial = serial;
    }

    /** @throws EngineFailedException when the engine, restarting on the wanted clock, fails to activate */
    int run() throws InterruptedException, EngineFailedException {
        try {
            Optional<String> configuration = configure();
            try (TrackedService<SessionService> engine = awaitEngine()) {
                DeviceDescriptor device = awaitDevice(engine.service(), configuration);
                return runSession(engine.service(), DemoPlan.on(device));
            }
        } catch (DriverRefusedException e) {
            out.println("demo: " + e.getMessage());
            return ExitCodes.USAGE;
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

    private String deviceId() {
        return serial == null ? DemoPlan.DEVICE_ID : serial.driver().deviceId();
    }

    /**
     * Sets the engine's clock and, for a device on a serial line, its driver's configuration; returns
     * that configuration's PID.
     */
    private Optional<String> configure() throws NotReadyException, InterruptedException {
        try (TrackedService<ConfigurationAdmin> admin = TrackedService.await(context, ConfigurationAdmin.class, "",
                SERVICE_BOUND, "Configuration Admin did not start; is org.apache.felix.configadmin active?")) {
            configureClock(admin.service());
            return serial == null ? Optional.empty() : Optional.of(configureDriver(admin.service()));
        }
    }

    /**
     * Sets the engine's clock in its configuration when it is not already the one wanted (a missing
     * setting means "system"). Changing it restarts the engine, so an unchanged one is left alone.
     */
    private void configureClock(ConfigurationAdmin admin) throws NotReadyException {
        String wanted = clock();
        try {
            // "?" leaves the configuration unbound, so the core's bundle (not this one) receives it.
            Configuration configuration = admin.getConfiguration(ENGINE_PID, "?");
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

    /** Gives the driver its device: the factory configuration the driver's bundle makes a device of. */
    private String configureDriver(ConfigurationAdmin admin) throws NotReadyException {
        OrderlyShutdown.stopBeforeSerialPortsClose(context);
        DemoDriver driver = serial.driver();
        DeviceConfiguration.Applied applied;
        try {
            applied = DeviceConfiguration.apply(admin, driver.factoryPid(), driver.configuration(serial));
        } catch (IOException | IllegalStateException e) {
            throw new NotReadyException("could not configure device " + driver.deviceId() + " for the " + driver
                    + " driver: " + e.getMessage());
        }
        out.println("demo: device " + driver.deviceId() + " on " + serial.port() + " through the " + driver
                + " driver at " + serial.baud() + " baud" + (driver.addressed() ? ", unit " + serial.unitId() : "")
                + ", " + serial.channels() + " channels (configuration " + applied.pid()
                + (applied.reused() ? ", already there)" : ")"));
        return applied.pid();
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

    /**
     * Waits until the device is READY and returns what it reports.
     *
     * @param configuration the driver's configuration, whose refusal ends the wait at once
     */
    private DeviceDescriptor awaitDevice(SessionService engine, Optional<String> configuration)
            throws NotReadyException, DriverRefusedException, InterruptedException {
        long deadline = System.nanoTime() + DEVICE_BOUND.toNanos();
        Optional<DeviceStatus> device = find(engine.devices());
        while (device.isEmpty() || device.get().state() != DeviceState.READY) {
            if (configuration.isPresent()) {
                Optional<String> refusal = DeviceConfiguration.refusal(context, configuration.get());
                if (refusal.isPresent()) {
                    throw new DriverRefusedException("the " + serial.driver() + " driver refused device "
                            + deviceId() + " (configuration " + configuration.get() + "): " + refusal.get());
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new NotReadyException(device
                        .map(status -> "device " + deviceId() + " is " + status.state()
                                + (status.reason().isEmpty() ? "" : " (" + status.reason() + ")") + ", not READY")
                        .orElse("the engine has no device " + deviceId() + " (it knows "
                                + engine.devices().stream().map(s -> s.descriptor().id()).toList()
                                + "); is the bundle " + bundleOfDevice() + " active?")
                        + " after " + DEVICE_BOUND.toSeconds() + " s" + hint());
            }
            Thread.sleep(10);
            device = find(engine.devices());
        }
        return device.get().descriptor();
    }

    private String bundleOfDevice() {
        return serial == null ? "io.upwell.devices.simulator" : serial.driver().factoryPid();
    }

    private String hint() {
        if (serial == null) {
            return "";
        }
        return "; is a " + serial.driver() + " device (or java -jar upwell.jar emulate --model " + serial.driver()
                + ") answering on the other end of " + serial.port() + " at " + serial.baud() + " baud with "
                + serial.channels() + " channels" + (serial.driver().addressed() ? " as unit " + serial.unitId() : "")
                + "?";
    }

    private Optional<DeviceStatus> find(List<DeviceStatus> devices) {
        return devices.stream().filter(d -> d.descriptor().id().equals(deviceId())).findFirst();
    }

    private int runSession(SessionService engine, DemoPlan plan) throws SessionException, InterruptedException {
        out.println("Upwell demo: " + plan.headline() + ", on the " + clock() + " clock");
        plan.screening().ifPresent(screening -> out.println("Screening: " + DemoPlan.CLIENT.displayName() + " ("
                + DemoPlan.CLIENT.id() + "), screened by " + screening.screenedBy() + ": nothing found (no"
                + " contraindications, no site findings, no limit of their own); the engine needs a screening on"
                + " every device but a simulator, and a real client needs their own"));
        plan.request().overrideGiven().ifPresent(given -> out.println("Over-treatment rules (SR-15) set aside by "
                + given.approvedBy() + ": " + given.reason() + "; the journal keeps it"));
        long wallStart = System.nanoTime();
        // Ctrl-C or SIGTERM stops the framework in order (OrderlyShutdown): the engine's stop vents every
        // channel and ends this session as aborted, and the summary below says so.
        Session session = engine.start(plan.request());
        Bundle framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        SessionWatch.Outcome outcome = new SessionWatch(engine, out, virtual,
                serial == null ? SerialDemoArguments.DEFAULT_RECONNECT_WAIT : serial.reconnectWait(),
                () -> (framework.getState() & (Bundle.STOPPING | Bundle.RESOLVED)) != 0)
                .watch(session, DemoPlan.PLANNED);
        Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);
        DemoSummary summary = new DemoSummary(outcome.last(), engine.loopStatistics(), engine.journalHealth(), wall);
        if (outcome.interruption().isPresent()) {
            summary = summary.interruptedBy(outcome.interruption().get());
        }
        summary.lines().forEach(out::println);
        if (latched(engine)) {
            out.println("demo: the engine stays latched until an operator acknowledges the fault (java -jar"
                    + " upwell.jar, then 'status' and 'ack <your name>'); no session starts until then");
        }
        out.println(String.format(Locale.ROOT, "(finished %.2f s after JVM start)",
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));
        return summary.exitCode();
    }

    private static boolean latched(SessionService engine) {
        try {
            return engine.latched();
        } catch (RuntimeException stopping) {
            return false; // the engine is going away (Ctrl-C); its stop vents and journals on its own
        }
    }

    /** The driver did not accept the configuration the command line made: a usage error, not a wait. */
    static final class DriverRefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        DriverRefusedException(String message) {
            super(message);
        }
    }
}
