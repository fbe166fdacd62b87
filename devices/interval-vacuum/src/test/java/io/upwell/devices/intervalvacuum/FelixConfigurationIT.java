package io.upwell.devices.intervalvacuum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.devices.conformance.pty.PseudoTerminalPair;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
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
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The driver bundle in Apache Felix with Declarative Services and Configuration Admin, beside the
 * bundles the launcher runs it with: a factory configuration with a port that is not there fails to
 * activate and gives no driver to anyone; one whose port is a socat pseudo-terminal gives a
 * {@code DeviceDriver} with the configured id and model; deleting it unregisters the driver. Run by failsafe after the jar is
 * built, with the freshly built jars. (SLF4J falls back to its no-operation logger in a framework
 * embedded in the test JVM, so the refusal's log line is not what is checked here: the unit tests
 * check its message.)
 */
class FelixConfigurationIT {
    private static final String[] BUNDLES = {"bundle.asm", "bundle.asm.tree", "bundle.asm.analysis", "bundle.asm.commons",
        "bundle.asm.util", "bundle.spifly", "bundle.slf4j.api", "bundle.slf4j.simple", "bundle.function",
        "bundle.promise", "bundle.component", "bundle.scr", "bundle.configadmin", "bundle.api", "bundle.kit",
        "bundle.simulator", "bundle.jserialcomm", "bundle.j2mod", "bundle.protocol", "bundle.emulator", "bundle.driver"};
    private static final String DRIVER = "io.upwell.api.device.DeviceDriver";
    private static final Duration BOUND = Duration.ofSeconds(20);
    /** The version of org.osgi.service.cm that Felix Configuration Admin 1.9.26 exports and imports. */
    private static final String CM_VERSION = "1.6.0";

    @TempDir
    Path storage;
    @TempDir
    Path ptys;

    @Test
    void aFactoryConfigurationMakesADriverOnlyWhenItsPortIsThere() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // The test's own Configuration Admin API, so that the service it gets is of a class it knows.
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.osgi.service.cm;version=" + CM_VERSION);
        Framework felix = new FrameworkFactory().newFramework(config);
        felix.start();
        try (PseudoTerminalPair pty = PseudoTerminalPair.start(ptys)) {
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
            ConfigurationAdmin configurations = context.getService(context.getServiceReference(ConfigurationAdmin.class));

            Configuration missing = configurations.getFactoryConfiguration(IntervalVacuumDriver.PID, "missing", "?");
            missing.update(properties("iv-missing", ptys.resolve("no-such-port").toString()));
            Configuration bench = configurations.getFactoryConfiguration(IntervalVacuumDriver.PID, "bench", "?");
            bench.update(properties("iv-bench", pty.hostEnd().toString()));

            Await.until("the driver of the configuration whose port exists", BOUND, () -> driver(context, "iv-bench") != null,
                    () -> describe(context));
            // SCR leaves a component whose activation failed registered, but nobody gets a driver from it.
            Await.until("the configuration whose port is missing failed to activate", BOUND,
                    () -> describe(context).contains("state 16 failure"), () -> describe(context));
            ServiceReference<?> refused = driver(context, "iv-missing");
            assertTrue(refused == null || context.getService(refused) == null, "a driver from a refused configuration");
            Object descriptor = context.getService(driver(context, "iv-bench")).getClass().getMethod("descriptor")
                    .invoke(context.getService(driver(context, "iv-bench")));
            assertTrue(descriptor.toString().contains("id=iv-bench"), descriptor.toString());
            assertTrue(descriptor.toString().contains("model=Interval vacuum system"), descriptor.toString());

            bench.delete();
            Await.until("the driver gone with its configuration", BOUND, () -> driver(context, "iv-bench") == null);
        } finally {
            felix.stop();
            felix.waitForStop(10_000);
        }
    }

    /**
     * Every driver service and its properties, and what SCR says of each component configuration
     * (state 16: failed activation, with its failure), as a failure message; by reflection, since
     * the test does not share the framework's DS runtime classes.
     */
    private static String describe(BundleContext context) {
        StringBuilder text = new StringBuilder("drivers:");
        try {
            ServiceReference<?>[] all = context.getAllServiceReferences(DRIVER, null);
            for (ServiceReference<?> reference : all == null ? new ServiceReference<?>[0] : all) {
                text.append(' ').append(reference.getProperties());
            }
            ServiceReference<?>[] scr = context.getAllServiceReferences(
                    "org.osgi.service.component.runtime.ServiceComponentRuntime", null);
            if (scr != null) {
                Object runtime = context.getService(scr[0]);
                for (Object description : (java.util.Collection<?>) runtime.getClass().getMethod("getComponentDescriptionDTOs",
                        Bundle[].class).invoke(runtime, (Object) new Bundle[0])) {
                    Object configurations = runtime.getClass().getMethod("getComponentConfigurationDTOs",
                            description.getClass()).invoke(runtime, description);
                    for (Object dto : (java.util.Collection<?>) configurations) {
                        text.append("; component ").append(description.getClass().getField("name").get(description))
                                .append(" state ").append(dto.getClass().getField("state").get(dto))
                                .append(" failure ").append(dto.getClass().getField("failure").get(dto));
                    }
                }
            }
        } catch (ReflectiveOperationException | InvalidSyntaxException | RuntimeException e) {
            text.append(" (cannot tell: ").append(e).append(')');
        }
        return text.toString();
    }

    private static Dictionary<String, Object> properties(String deviceId, String port) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("deviceId", deviceId);
        properties.put("port", port);
        return properties;
    }

    /** The registered driver whose configuration has this device id; null when there is none. */
    private static ServiceReference<?> driver(BundleContext context, String deviceId) {
        try {
            // All: the system bundle does not see the API package the service's class comes from.
            ServiceReference<?>[] found = context.getAllServiceReferences(DRIVER, "(deviceId=" + deviceId + ")");
            return found == null ? null : found[0];
        } catch (InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
