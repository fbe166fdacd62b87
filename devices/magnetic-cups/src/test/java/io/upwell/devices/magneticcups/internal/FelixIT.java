package io.upwell.devices.magneticcups.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;

/**
 * The driver bundle in Apache Felix beside exactly the bundles the launcher must run it with: all
 * resolve and start; a factory configuration of PID {@value MagneticCupsDriver#PID} becomes a
 * {@code DeviceDriver} service with the configured id, and one with a path that does not exist fails to
 * activate with the message naming it. Run by failsafe with the freshly built jars.
 * <p>
 * The framework's classes are not the test's (each bundle has its own class loader), so its services
 * are reached by reflection. Logging inside the embedded framework falls back to SLF4J's no-operation
 * logger, as the emulator's FelixResolveIT explains.
 */
class FelixIT {
    /** What the launcher's runtime must hold for this driver: the last four beside the engine's usual runtime. */
    private static final String[] BUNDLES = {"bundle.asm", "bundle.asm.tree", "bundle.asm.analysis", "bundle.asm.commons",
        "bundle.asm.util", "bundle.spifly", "bundle.slf4j.api", "bundle.slf4j.simple", "bundle.function",
        "bundle.promise", "bundle.component", "bundle.scr", "bundle.configadmin", "bundle.api",
        "bundle.jserialcomm", "bundle.kit", "bundle.protocol", "bundle.magneticcups"};
    private static final String CONFIGURATION_ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
    private static final String COMPONENT_RUNTIME = "org.osgi.service.component.runtime.ServiceComponentRuntime";
    /** DS's state of a component configuration whose activation threw. */
    private static final int FAILED_ACTIVATION = 16;

    @TempDir
    Path storage;

    @Test
    void eachFactoryConfigurationIsADriverAndABadOneFailsNamingTheProperty() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        Framework felix = new FrameworkFactory().newFramework(config);
        felix.start();
        try {
            BundleContext context = felix.getBundleContext();
            List<Bundle> installed = new ArrayList<>();
            for (String property : BUNDLES) {
                String path = System.getProperty(property);
                assertTrue(path != null && new File(path).isFile(),
                        "system property " + property + " must name a built jar (set by failsafe), got " + path);
                installed.add(context.installBundle(new File(path).toURI().toString()));
            }
            for (Bundle bundle : installed) {
                bundle.start();
            }
            for (Bundle bundle : installed) {
                assertEquals(Bundle.ACTIVE, bundle.getState(), bundle.getSymbolicName() + " is not active");
            }

            Await.until("Configuration Admin and Declarative Services registered",
                    () -> service(context, CONFIGURATION_ADMIN) != null && service(context, COMPONENT_RUNTIME) != null);
            String missing = storage.resolve("no-such-tty").toString();
            createFactoryConfiguration(context, "good", "/dev/null", "mc-7");
            createFactoryConfiguration(context, "bad", missing, "mc-8");

            Await.until("a DeviceDriver service for mc-7", () -> driverIds(context).contains("mc-7"));
            Await.until("the configuration on " + missing + " refused, naming it",
                    () -> failures(context).stream().anyMatch(f -> f.contains("port '" + missing + "' does not exist")),
                    () -> "failures: " + failures(context));
            assertEquals(List.of("mc-7"), driverIds(context));
        } finally {
            felix.stop();
            felix.waitForStop(10_000);
        }
    }

    private static void createFactoryConfiguration(BundleContext context, String name, String port, String deviceId)
            throws Exception {
        Object admin = context.getService(service(context, CONFIGURATION_ADMIN));
        Object configuration = admin.getClass().getMethod("getFactoryConfiguration", String.class, String.class, String.class)
                .invoke(admin, MagneticCupsDriver.PID, name, "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("port", port);
        properties.put("deviceId", deviceId);
        properties.put("channels", 2);
        Method update = configuration.getClass().getMethod("update", java.util.Dictionary.class);
        update.setAccessible(true);
        update.invoke(configuration, properties);
    }

    /** The device ids of the DeviceDriver services that give a driver now. */
    private static List<String> driverIds(BundleContext context) {
        List<String> ids = new ArrayList<>();
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences("io.upwell.api.device.DeviceDriver", null);
            for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
                Object driver = context.getService(reference);
                if (driver == null) {
                    continue; // a configuration that failed to activate: DS hands out no driver for it
                }
                Object descriptor = call(driver, "descriptor");
                ids.add((String) call(descriptor, "id"));
                context.ungetService(reference);
            }
        } catch (Exception e) {
            throw new AssertionError("cannot read the DeviceDriver services: " + e, e);
        }
        return ids;
    }

    /** The failure messages of this driver's component configurations that failed to activate. */
    private static List<String> failures(BundleContext context) {
        List<String> failures = new ArrayList<>();
        try {
            Object runtime = context.getService(service(context, COMPONENT_RUNTIME));
            for (Object description : (Collection<?>) call(runtime, "getComponentDescriptionDTOs", (Object) new Bundle[0])) {
                for (Object configuration : (Collection<?>) call(runtime, "getComponentConfigurationDTOs", description)) {
                    if (field(configuration, "state").equals(FAILED_ACTIVATION)) {
                        failures.add(String.valueOf(field(configuration, "failure")));
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError("cannot read Declarative Services' component states: " + e, e);
        }
        return failures;
    }

    /**
     * A service by its class name, or null. All references, not only those whose classes the system
     * bundle shares: the test's class path holds its own copies of the service packages.
     */
    private static ServiceReference<?> service(BundleContext context, String className) {
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(className, null);
            return references == null ? null : references[0];
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static Object call(Object target, String method, Object... args) throws Exception {
        for (Method candidate : target.getClass().getMethods()) {
            if (candidate.getName().equals(method) && candidate.getParameterCount() == args.length) {
                candidate.setAccessible(true);
                return candidate.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + method);
    }

    private static Object field(Object target, String name) throws Exception {
        Field field = target.getClass().getField(name);
        return field.get(target);
    }
}
