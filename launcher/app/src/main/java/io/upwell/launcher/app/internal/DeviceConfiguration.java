package io.upwell.launcher.app.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The factory configuration through which a serial driver drives the demo's device: an equal one is
 * reused, otherwise the demo's own (named {@value #NAME}) is made or updated. Drivers check their
 * configuration when their component activates; one they refuse shows in Declarative Services' record
 * of the component ({@link #refusal}).
 */
final class DeviceConfiguration {

    /** The name of the demo's factory configuration: its PID is {@code <factory PID>~demo}. */
    static final String NAME = "demo";

    /** The configuration in use, and whether it was there already. */
    record Applied(String pid, boolean reused) {
    }

    private DeviceConfiguration() {
    }

    /**
     * Makes sure a factory configuration of {@code factoryPid} with {@code wanted} exists.
     *
     * @throws IllegalStateException when another configuration already claims the device id for another
     *                               device: two drivers must not answer to one id
     */
    static Applied apply(ConfigurationAdmin admin, String factoryPid, Map<String, Object> wanted)
            throws IOException {
        return apply(admin, factoryPid, NAME, "the demo", wanted);
    }

    /**
     * As {@link #apply(ConfigurationAdmin, String, Map)}, for the factory configuration named {@code name}
     * ({@code <factory PID>~<name>}), made or updated on behalf of {@code who} (for the message).
     */
    static Applied apply(ConfigurationAdmin admin, String factoryPid, String name, String who,
            Map<String, Object> wanted) throws IOException {
        Configuration[] existing;
        try {
            existing = admin.listConfigurations("(service.factoryPid=" + factoryPid + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("factory PID " + factoryPid + " makes a malformed filter", e);
        }
        Configuration own = admin.getFactoryConfiguration(factoryPid, name, "?");
        if (existing != null) {
            for (Configuration configuration : existing) {
                if (equal(configuration.getProperties(), wanted)) {
                    return new Applied(configuration.getPid(), true);
                }
            }
            for (Configuration configuration : existing) {
                Dictionary<String, Object> properties = configuration.getProperties();
                if (!configuration.getPid().equals(own.getPid()) && properties != null
                        && Objects.equals(String.valueOf(properties.get("deviceId")), wanted.get("deviceId"))) {
                    throw new IllegalStateException("configuration " + configuration.getPid() + " already defines device "
                            + wanted.get("deviceId") + " (port " + properties.get("port") + "); " + who + " does not"
                            + " configure a second device of that id");
                }
            }
        }
        own.update(new Hashtable<>(wanted));
        return new Applied(own.getPid(), false);
    }

    /** True when every wanted property is there with the same value (compared as text: 19200 and "19200" agree). */
    static boolean equal(Dictionary<String, Object> properties, Map<String, Object> wanted) {
        if (properties == null) {
            return false;
        }
        for (Map.Entry<String, Object> property : wanted.entrySet()) {
            Object value = properties.get(property.getKey());
            if (value == null || !String.valueOf(value).equals(String.valueOf(property.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The innermost cause of a failure SCR recorded with its stack trace: a component built by constructor
     * injection fails with an InvocationTargetException whose own line says nothing; the driver's words are
     * in the last "Caused by:" line.
     */
    static String rootCause(String failure) {
        if (failure == null) {
            return null;
        }
        String cause = failure;
        for (String line : failure.lines().toList()) {
            String stripped = line.strip();
            if (stripped.startsWith("Caused by: ")) {
                cause = stripped.substring("Caused by: ".length());
            }
        }
        return cause;
    }

    /**
     * Why the driver's component refused the configuration {@code pid}, if it did: the first line of the
     * failure Declarative Services recorded when activation failed.
     */
    static Optional<String> refusal(BundleContext context, String pid) {
        ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> tracker =
                new ServiceTracker<>(context, ServiceComponentRuntime.class, null);
        tracker.open();
        try {
            ServiceComponentRuntime scr = tracker.getService();
            if (scr == null) {
                return Optional.empty();
            }
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION
                            && pid.equals(configuration.properties.get("service.pid"))) {
                        return Optional.of(EngineStartup.cause(rootCause(configuration.failure)));
                    }
                }
            }
            return Optional.empty();
        } finally {
            tracker.close();
        }
    }
}
