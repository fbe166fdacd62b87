package io.upwell.engine.core.internal;

import io.upwell.api.device.DeviceDriver;
import io.upwell.api.session.EngineListener;
import io.upwell.api.session.SessionService;
import io.upwell.api.technique.Technique;
import io.upwell.api.time.Clock;
import io.upwell.engine.core.internal.clock.SystemClock;
import io.upwell.engine.core.internal.clock.VirtualClock;
import io.upwell.engine.core.internal.clock.VirtualTimeRunner;
import io.upwell.engine.core.internal.journal.JsonLinesJournal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The engine in OSGi: reads its typed configuration, tracks drivers, techniques and listeners as
 * whiteboard services, and registers {@link SessionService} (with service property
 * {@value #CLOCK_PROPERTY} = {@code system} or {@code virtual}) and the engine's {@link Clock}.
 * <p>
 * It registers its services itself, after the engine has started, so that no one can reach a
 * half-started engine, and withdraws them before stopping it. A configuration change restarts the
 * component, which vents and disconnects every device first.
 */
@Component(service = {}, immediate = true, configurationPid = "io.upwell.engine",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = EngineConfig.class)
public final class EngineComponent {

    /** The service property that tells which clock an engine runs on. */
    public static final String CLOCK_PROPERTY = "upwell.clock";

    private final Engine engine;
    private final VirtualTimeRunner virtualTime;
    private final BundleContext context;
    private ServiceRegistration<SessionService> sessionRegistration;
    private ServiceRegistration<Clock> clockRegistration;

    @Activate
    public EngineComponent(EngineConfig config, BundleContext context) {
        this.context = context;
        EngineSettings settings = settings(config);
        Clock clock;
        if (settings.virtualClock()) {
            VirtualClock virtual = new VirtualClock();
            clock = virtual;
            this.engine = new Engine(settings, clock, journal(settings));
            this.virtualTime = new VirtualTimeRunner(virtual, settings.periodNanos(), engine::busy);
        } else {
            clock = new SystemClock();
            this.engine = new Engine(settings, clock, journal(settings));
            this.virtualTime = null;
        }
    }

    static EngineSettings settings(EngineConfig config) {
        String clock = config.clock().trim();
        if (!clock.equals("system") && !clock.equals("virtual")) {
            throw new IllegalArgumentException("clock: must be 'system' or 'virtual', got '" + config.clock() + "'");
        }
        return new EngineSettings(config.controlRateHz(), clock.equals("virtual"),
                Path.of(config.dataDirectory()).toAbsolutePath(), config.rampLimitKpaPerSecond(),
                config.rampOutKpaPerSecond(), config.dwellLimitSeconds(), config.dwellThresholdKpa(),
                config.sessionGraceSeconds(), config.maxSessionMinutes(), config.leakThresholdKpa(),
                config.leakDelaySeconds(), config.frozenSensorSeconds(), config.lateTickThresholdMillis(),
                config.maxConsecutiveLateTicks(), config.watchdogTimeoutMillis(), config.pluginCallTimeoutMillis(),
                config.journalSampleRateHz(), config.journalFlushMillis());
    }

    private static JsonLinesJournal journal(EngineSettings settings) {
        return new JsonLinesJournal(settings.dataDirectory(), Duration.ofMillis(settings.journalFlushMillis()),
                JsonLinesJournal.DEFAULT_SAMPLE_BUFFER_CAPACITY);
    }

    /** Starts the engine once the initial services are bound, then publishes it. */
    @Activate
    void activate() {
        engine.start(true);
        if (virtualTime != null) {
            virtualTime.start();
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(CLOCK_PROPERTY, engine.clock().isVirtual() ? "virtual" : "system");
        clockRegistration = context.registerService(Clock.class, engine.clock(), properties);
        sessionRegistration = context.registerService(SessionService.class, engine, properties);
    }

    @Deactivate
    void deactivate() {
        if (sessionRegistration != null) {
            sessionRegistration.unregister();
        }
        if (clockRegistration != null) {
            clockRegistration.unregister();
        }
        engine.close();
        if (virtualTime != null) {
            virtualTime.shutdown();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDriver(DeviceDriver driver) {
        engine.addDriver(driver);
    }

    void removeDriver(DeviceDriver driver) {
        engine.removeDriver(driver);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTechnique(Technique technique, ServiceReference<Technique> reference) {
        engine.addTechnique(technique, reference.getBundle().getSymbolicName());
    }

    void removeTechnique(Technique technique) {
        engine.removeTechnique(technique);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(EngineListener listener) {
        engine.addListener(listener);
    }

    void removeListener(EngineListener listener) {
        engine.removeListener(listener);
    }
}
