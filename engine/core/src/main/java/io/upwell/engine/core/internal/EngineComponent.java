package io.upwell.engine.core.internal;

import io.upwell.engine.core.internal.settings.EngineSettings;
import io.upwell.api.device.DeviceDriver;
import io.upwell.api.session.EngineListener;
import io.upwell.api.preview.PreviewService;
import io.upwell.api.session.EngineProperties;
import io.upwell.api.session.EngineControl;
import io.upwell.api.session.EngineStatus;
import io.upwell.api.session.SessionService;
import io.upwell.api.technique.Technique;
import io.upwell.api.time.Clock;
import io.upwell.engine.core.internal.clock.SystemClock;
import io.upwell.engine.core.internal.clock.VirtualClock;
import io.upwell.engine.core.internal.clock.VirtualTimeRunner;
import io.upwell.engine.core.internal.journal.JsonLinesJournal;
import io.upwell.engine.core.internal.safety.AlarmBook;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine in OSGi: reads its typed configuration, tracks drivers, techniques and listeners as
 * whiteboard services, and registers {@link SessionService} (with service property
 * {@value EngineProperties#CLOCK} = {@code system} or {@code virtual}) and the engine's {@link Clock}.
 * <p>
 * It registers the services itself, once the engine has started, so that no one reaches a
 * half-started engine. A configuration change never restarts the component: {@link EngineRuntime}
 * refuses a bad one with its reason and applies a good one without disturbing a running session.
 */
// The engine registers SessionService and Clock itself, once it has started, so DS cannot declare them:
// these capabilities say so, so that bundles requiring these services resolve.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.upwell.api.session.SessionService,"
        + "io.upwell.api.session.EngineStatus,io.upwell.api.session.EngineControl\"", uses = SessionService.class)
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=io.upwell.api.time.Clock", uses = Clock.class)
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=io.upwell.api.preview.PreviewService", uses = PreviewService.class)
@Component(name = EngineProperties.CONFIGURATION_PID, service = {}, immediate = true,
        configurationPid = EngineProperties.CONFIGURATION_PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = EngineConfig.class)
public final class EngineComponent {
    private static final Logger LOG = LoggerFactory.getLogger(EngineComponent.class);

    /** How long closing waits for a tick under way to finish. */
    static final long TICK_IN_FLIGHT_MILLIS = 1000;

    private final EngineRuntime runtime;
    private final BundleContext context;
    private final String dataDirectoryProperty;

    /**
     * Reads the boot configuration. One that does not check out stops the engine from starting,
     * with the setting named: falling back to defaults would run therapy on limits nobody chose and
     * journal it somewhere nobody looks (and recovery would scan the wrong directory).
     *
     * @throws IllegalStateException naming the configuration and what is wrong with it; DS records
     *         it as the component's activation failure
     */
    @Activate
    public EngineComponent(EngineConfig config, BundleContext context) {
        EngineSettings initial;
        try {
            initial = settings(config, context.getProperty(EngineProperties.DATA_DIRECTORY_PROPERTY));
        } catch (IllegalArgumentException e) {
            String message = "configuration " + EngineProperties.CONFIGURATION_PID + " rejected, the engine does"
                    + " not start: " + e.getMessage();
            LOG.error(message);
            throw new IllegalStateException(message, e);
        }
        this.context = context;
        this.dataDirectoryProperty = context.getProperty(EngineProperties.DATA_DIRECTORY_PROPERTY);
        this.runtime = new EngineRuntime(initial, EngineComponent::launch, engine -> publish(context, engine));
    }

    /**
     * @param dataDirectoryProperty the framework's {@value EngineProperties#DATA_DIRECTORY_PROPERTY},
     *        used when the configuration leaves the data directory at its default; may be null
     */
    static EngineSettings settings(EngineConfig config, String dataDirectoryProperty) {
        String clock = config.clock().trim();
        if (!clock.equals(EngineProperties.CLOCK_SYSTEM) && !clock.equals(EngineProperties.CLOCK_VIRTUAL)) {
            throw new IllegalArgumentException("clock: must be 'system' or 'virtual', got '" + config.clock() + "'");
        }
        String dataDirectory = config.dataDirectory();
        if (EngineSettings.DEFAULT_DATA_DIRECTORY.equals(dataDirectory) && dataDirectoryProperty != null
                && !dataDirectoryProperty.isBlank()) {
            dataDirectory = dataDirectoryProperty;
        }
        return EngineSettings.builder(Path.of(dataDirectory).toAbsolutePath())
                .virtualClock(clock.equals(EngineProperties.CLOCK_VIRTUAL))
                .controlRateHz(config.controlRateHz())
                .rampLimitKpaPerSecond(config.rampLimitKpaPerSecond())
                .rampOutKpaPerSecond(config.rampOutKpaPerSecond())
                .dwellLimitSeconds(config.dwellLimitSeconds())
                .dwellThresholdKpa(config.dwellThresholdKpa())
                .sessionGraceSeconds(config.sessionGraceSeconds())
                .maxSessionMinutes(config.maxSessionMinutes())
                .leakThresholdKpa(config.leakThresholdKpa())
                .leakDelaySeconds(config.leakDelaySeconds())
                .frozenSensorSeconds(config.frozenSensorSeconds())
                .lateTickThresholdMillis(config.lateTickThresholdMillis())
                .maxConsecutiveLateTicks(config.maxConsecutiveLateTicks())
                .watchdogTimeoutMillis(config.watchdogTimeoutMillis())
                .pluginCallTimeoutMillis(config.pluginCallTimeoutMillis())
                .journalSampleRateHz(config.journalSampleRateHz())
                .journalFlushMillis(config.journalFlushMillis())
                .connectRetryMillis(config.connectRetryMillis())
                .siteIntervalHours(config.siteIntervalHours())
                .dailySiteExposureMinutes(config.dailySiteExposureMinutes())
                .build();
    }

    /** Builds the engine for settings with its clock, journal and (virtual time) runner, and starts it. */
    static EngineRuntime.Launched launch(EngineSettings settings, SafetyLatch latch, AlarmBook alarms) {
        JsonLinesJournal journal = new JsonLinesJournal(settings.dataDirectory(),
                Duration.ofMillis(settings.journalFlushMillis()), JsonLinesJournal.DEFAULT_SAMPLE_BUFFER_CAPACITY);
        if (settings.virtualClock()) {
            VirtualClock clock = new VirtualClock();
            Engine engine = new Engine(settings, clock, journal, latch, alarms);
            VirtualTimeRunner runner = new VirtualTimeRunner(clock, settings.periodNanos(), engine::busy);
            // No wall-clock watchdog: virtual time may stand still for a loaded machine without harm, since a
            // virtual engine drives simulated devices only (SessionPlanner refuses real ones).
            engine.start(false);
            runner.start();
            return new EngineRuntime.Launched() {
                @Override
                public Engine engine() {
                    return engine;
                }

                /** Time stops first, so no tick is in flight while the engine ends its session and journal. */
                @Override
                public void close() {
                    runner.shutdown();
                    try {
                        runner.join(TICK_IN_FLIGHT_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    engine.close();
                }
            };
        }
        Engine engine = new Engine(settings, new SystemClock(), journal, latch, alarms);
        engine.start(true);
        return EngineRuntime.Launched.of(engine, () -> { });
    }

    private static AutoCloseable publish(BundleContext context, Engine engine) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(EngineProperties.CLOCK,
                engine.clock().isVirtual() ? EngineProperties.CLOCK_VIRTUAL : EngineProperties.CLOCK_SYSTEM);
        // Where the journal is, for the records bundle that fills its database from it.
        properties.put(EngineProperties.DATA_DIRECTORY, engine.settings().dataDirectory().toString());
        ServiceRegistration<Clock> clock = context.registerService(Clock.class, engine.clock(), properties);
        // One view per bundle, so that the engine knows who calls: plugins read, they do not control (SR-18).
        // The same view is the read-only EngineStatus and the EngineControl, so access can be granted apart.
        ServiceRegistration<?> session = context.registerService(new String[] {SessionService.class.getName(),
                EngineStatus.class.getName(), EngineControl.class.getName()},
                new org.osgi.framework.ServiceFactory<SessionService>() {
                    @Override
                    public SessionService getService(org.osgi.framework.Bundle bundle,
                            ServiceRegistration<SessionService> registration) {
                        return new PluginGuardedSessionService(engine, bundle);
                    }

                    @Override
                    public void ungetService(org.osgi.framework.Bundle bundle,
                            ServiceRegistration<SessionService> registration, SessionService service) {
                    }
                }, properties);
        // Previews run on engines of their own, with this engine's settings and installed techniques.
        ServiceRegistration<PreviewService> preview = context.registerService(PreviewService.class,
                new Previewer(() -> engine), properties);
        return () -> {
            preview.unregister();
            session.unregister();
            clock.unregister();
        };
    }

    /**
     * Starts the engine once the initial services are bound, then publishes it.
     *
     * @throws IllegalStateException with one line naming the cause when the engine cannot start
     *         (its data directory cannot be created or written, for example)
     */
    @Activate
    void activate() {
        try {
            runtime.start();
        } catch (RuntimeException e) {
            String message = "the engine could not start: " + Failures.describe(e);
            LOG.error(message); // the trace goes with the exception to DS, which logs it once
            throw new IllegalStateException(message, e);
        }
    }

    @Modified
    void modified(EngineConfig config) {
        LOG.info(runtime.reconfigure(() -> settings(config, dataDirectoryProperty)));
    }

    @Deactivate
    void deactivate() {
        runtime.stop();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDriver(DeviceDriver driver) {
        runtime.addDriver(driver);
    }

    void removeDriver(DeviceDriver driver) {
        stopFirstIfTheFrameworkStops();
        runtime.removeDriver(driver);
    }

    /**
     * On the framework's own shutdown, plugins leave in no particular order: the engine stops first,
     * ending the session in order ("the engine stopped"), so that a module leaving is not mistaken
     * for a failure mid-session and raised as a high-priority alarm.
     */
    private void stopFirstIfTheFrameworkStops() {
        if (context.getBundle(org.osgi.framework.Constants.SYSTEM_BUNDLE_ID).getState()
                == org.osgi.framework.Bundle.STOPPING) {
            runtime.stop();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            updated = "updatedTechnique")
    void addTechnique(Technique technique, ServiceReference<Technique> reference) {
        runtime.addTechnique(technique, moduleOf(reference), originOf(reference));
    }

    void updatedTechnique(Technique technique, ServiceReference<Technique> reference) {
        runtime.updateTechnique(technique, moduleOf(reference), originOf(reference));
    }

    private static String moduleOf(ServiceReference<?> reference) {
        org.osgi.framework.Bundle bundle = reference.getBundle();
        return bundle == null ? "a module that left" : bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    private static String originOf(ServiceReference<?> reference) {
        Object origin = reference.getProperty(EngineProperties.TECHNIQUE_ORIGIN);
        return origin instanceof String text && !text.isBlank() ? text : Engine.ORIGIN_BUNDLE;
    }

    void removeTechnique(Technique technique) {
        stopFirstIfTheFrameworkStops();
        runtime.removeTechnique(technique);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(EngineListener listener) {
        runtime.addListener(listener);
    }

    void removeListener(EngineListener listener) {
        runtime.removeListener(listener);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addScreeningRule(io.upwell.api.screening.ScreeningRule rule, ServiceReference<io.upwell.api.screening.ScreeningRule> reference) {
        runtime.addScreeningRule(rule, moduleOf(reference));
    }

    void removeScreeningRule(io.upwell.api.screening.ScreeningRule rule) {
        runtime.removeScreeningRule(rule);
    }

    /** The highest-ranked shared treatment history (SR-15); without one the engine reads its own journal. */
    @Reference(name = "treatmentHistory", unbind = "dropTreatmentHistory", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    void useTreatmentHistory(io.upwell.api.history.TreatmentHistory history,
            ServiceReference<io.upwell.api.history.TreatmentHistory> reference) {
        runtime.useTreatmentHistory(history, moduleOf(reference));
    }

    void dropTreatmentHistory(io.upwell.api.history.TreatmentHistory history) {
        runtime.dropTreatmentHistory(history);
    }
}
