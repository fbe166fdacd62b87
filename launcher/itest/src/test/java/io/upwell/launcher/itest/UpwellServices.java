package io.upwell.launcher.itest;

import io.upwell.api.device.DeviceState;
import io.upwell.api.session.DeviceStatus;
import io.upwell.api.session.EngineProperties;
import io.upwell.api.session.SessionService;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.time.Clock;
import java.io.IOException;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Finds the engine's services in the framework and waits for the engine to see devices and
 * techniques. Most tests start from {@link #readyEngine}: the engine on a given clock, with the
 * simulator READY and static cupping offered.
 */
public final class UpwellServices {

    /** The engine's Configuration Admin PID. */
    public static final String ENGINE_PID = EngineProperties.CONFIGURATION_PID;

    private UpwellServices() {
    }

    /** Waits for a service of {@code type} matching {@code filter} (null for any) and returns it. */
    public static <T> T await(BundleContext context, Class<T> type, String filter) {
        String what = "a " + type.getSimpleName() + " service" + (filter == null ? "" : " matching " + filter);
        ServiceReference<T> reference = Await.value(what, () -> first(context, type, filter), Optional::isPresent)
                .orElseThrow();
        T service = context.getService(reference);
        if (service == null) {
            throw new AssertionError(what + " was unregistered before it could be used");
        }
        return service;
    }

    /** The engine running on the given clock ({@link EngineProperties#CLOCK_SYSTEM} or {@link EngineProperties#CLOCK_VIRTUAL}). */
    public static SessionService engine(BundleContext context, String clock) {
        SessionService engine = await(context, SessionService.class, "(" + EngineProperties.CLOCK + "=" + clock + ")");
        acknowledgeWhatAnEarlierTestLeft(engine);
        return engine;
    }

    /**
     * The engine keeps its latch on disk, and the tests of one class share a data directory (Pax Exam
     * evaluates the options once per class): a test that ended latched leaves the next one starting
     * latched, exactly as a real machine restarted after a fault. Each test starts where an operator
     * has acknowledged that, as a therapist would at the start of the day.
     */
    private static void acknowledgeWhatAnEarlierTestLeft(SessionService engine) {
        if (engine.latched()) {
            try {
                engine.acknowledge("itest: before the test");
            } catch (io.upwell.api.session.SessionException e) {
                throw new AssertionError("the engine starts latched and cannot be acknowledged: " + e.getMessage(), e);
            }
        }
    }

    /** The engine's clock service on the given clock ({@link EngineProperties#CLOCK_SYSTEM} or {@link EngineProperties#CLOCK_VIRTUAL}). */
    public static Clock clock(BundleContext context, String clock) {
        return await(context, Clock.class, "(" + EngineProperties.CLOCK + "=" + clock + ")");
    }

    /**
     * The engine on the given clock once it can run a session: the simulator
     * ({@link Sessions#SIMULATOR_ID}) READY on it and static cupping offered.
     */
    /** Every service of a type registered now, in no particular order. */
    public static <T> List<T> all(BundleContext context, Class<T> type) {
        List<T> services = new java.util.ArrayList<>();
        try {
            for (ServiceReference<T> reference : context.getServiceReferences(type, null)) {
                T service = context.getService(reference);
                if (service != null) {
                    services.add(service);
                }
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return services;
    }

    public static SessionService readyEngine(BundleContext context, String clock) {
        return awaitReady(engine(context, clock));
    }

    /** As {@link #readyEngine}, on the virtual clock, switched to through Configuration Admin ({@link #virtualEngine}). */
    public static SessionService readyVirtualEngine(BundleContext context) throws IOException {
        return awaitReady(virtualEngine(context));
    }

    /** Waits until the engine has the simulator READY and offers static cupping, and returns it. */
    public static SessionService awaitReady(SessionService engine) {
        awaitDevice(engine, Sessions.SIMULATOR_ID, DeviceState.READY);
        awaitTechnique(engine, Sessions.STATIC_CUPPING);
        return engine;
    }

    /**
     * Switches the engine to the virtual clock through Configuration Admin and returns the engine
     * that comes up on it (an idle engine applies a new configuration at once, restarting itself).
     */
    public static SessionService virtualEngine(BundleContext context) throws IOException {
        configure(context, "clock", EngineProperties.CLOCK_VIRTUAL);
        return engine(context, EngineProperties.CLOCK_VIRTUAL);
    }

    /** Updates one property of the engine's configuration through Configuration Admin. */
    public static void configure(BundleContext context, String key, Object value) throws IOException {
        ConfigurationAdmin configurationAdmin = await(context, ConfigurationAdmin.class, null);
        Configuration configuration = configurationAdmin.getConfiguration(ENGINE_PID, null);
        Dictionary<String, Object> properties = configuration.getProperties() == null ? new Hashtable<>()
                : configuration.getProperties();
        properties.put(key, value);
        configuration.update(properties);
    }

    /** Waits until the engine lists the device in {@code state}. */
    public static DeviceStatus awaitDevice(SessionService engine, String deviceId, DeviceState state) {
        return Await.value("device " + deviceId + " " + state + " in the engine's device list",
                () -> device(engine, deviceId), status -> status.map(s -> s.state() == state).orElse(false))
                .orElseThrow();
    }

    public static Optional<DeviceStatus> device(SessionService engine, String deviceId) {
        return engine.devices().stream().filter(status -> status.descriptor().id().equals(deviceId)).findFirst();
    }

    /** Waits until the engine offers the technique. */
    public static TechniqueDescriptor awaitTechnique(SessionService engine, String techniqueId) {
        return Await.value("technique " + techniqueId + " in the engine's technique list",
                () -> engine.techniques().stream().map(t -> t.descriptor()).filter(t -> t.id().equals(techniqueId))
                        .findFirst(), Optional::isPresent).orElseThrow();
    }

    private static <T> Optional<ServiceReference<T>> first(BundleContext context, Class<T> type, String filter) {
        try {
            Collection<ServiceReference<T>> references = context.getServiceReferences(type, filter);
            // Highest ranking, then oldest, as getServiceReference(Class) would choose.
            return references.stream().max(ServiceReference::compareTo);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad service filter " + filter + ": " + e.getMessage(), e);
        }
    }
}
