package io.upwell.devices.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The emulator bundle, j2mod and jSerialComm in Apache Felix, beside the bundles the launcher runs
 * them with: all resolve and start, j2mod's {@code org.slf4j [1.6,2)} import is met by slf4j-api 2's
 * second export of the package at 1.7.36 (without j2mod's reload4j provider), and j2mod's classes load
 * through the emulator's wiring. Run by failsafe after the jar is built, with the freshly built jars
 * (never ~/.m2's copy of this module).
 * <p>
 * Logging is not what this checks: in a framework embedded in the test JVM, SLF4J reports that the
 * slf4j-simple provider "failed to instantiate ... not a subtype" and falls back to its no-operation
 * logger (SLF4J(E) and SLF4J(W) lines in the build's output). slf4j-simple must still be installed,
 * because slf4j-api does not resolve without a provider; the launcher's runtime, with its start
 * levels, logs normally.
 */
class FelixResolveIT {
    private static final String[] BUNDLES = {"bundle.asm", "bundle.asm.tree", "bundle.asm.analysis", "bundle.asm.commons",
        "bundle.asm.util", "bundle.spifly", "bundle.slf4j.api", "bundle.slf4j.simple", "bundle.function",
        "bundle.promise", "bundle.component", "bundle.scr", "bundle.configadmin", "bundle.api", "bundle.kit",
        "bundle.simulator", "bundle.protocol", "bundle.jserialcomm", "bundle.j2mod", "bundle.emulator"};

    @TempDir
    Path storage;

    @Test
    void theEmulatorAndJ2modResolveAndStartInFelix() throws Exception {
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
            Bundle j2mod = bySymbolicName(installed, "com.ghgande.j2mod");
            Bundle emulator = bySymbolicName(installed, "io.upwell.devices.emulator");
            assertEquals("slf4j.api", provider(j2mod, "org.slf4j"), "j2mod's org.slf4j import");
            assertEquals("com.fazecast.jSerialComm", provider(j2mod, "com.fazecast.jSerialComm"));
            assertEquals("com.ghgande.j2mod", provider(emulator, "com.ghgande.j2mod.modbus.util"));
            assertEquals("io.upwell.devices.protocol", provider(emulator, "io.upwell.devices.protocol"),
                    "the magnetic cup array speaks through the protocol's own bundle");

            // j2mod's CRC, reached through the emulator's own class in the framework.
            Class<?> crc = emulator.loadClass("io.upwell.devices.emulator.internal.Crc16");
            Method append = crc.getMethod("append", byte[].class, int.class);
            byte[] frame = {1, 3, 0, 0, 0, 1, 0, 0};
            append.invoke(null, frame, 6);
            assertEquals((byte) 0x84, frame[6], "CRC low byte of 01 03 00 00 00 01");
            assertEquals((byte) 0x0A, frame[7], "CRC high byte of 01 03 00 00 00 01");

            Class<?> faults = emulator.loadClass("io.upwell.devices.emulator.FaultCommand");
            assertEquals("stall=2", faults.getMethod("parse", String.class).invoke(null, "stall=2").toString());
        } finally {
            felix.stop();
            felix.waitForStop(10_000);
        }
    }

    private static Bundle bySymbolicName(List<Bundle> bundles, String name) {
        return bundles.stream().filter(b -> name.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + name + " installed"));
    }

    /** The symbolic name of the bundle that the package import of {@code bundle} is wired to. */
    private static String provider(Bundle bundle, String packageName) {
        for (BundleWire wire : bundle.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package")) {
            if (packageName.equals(wire.getCapability().getAttributes().get("osgi.wiring.package"))) {
                return wire.getProvider().getSymbolicName();
            }
        }
        throw new AssertionError(bundle.getSymbolicName() + " has no wire for package " + packageName);
    }
}
