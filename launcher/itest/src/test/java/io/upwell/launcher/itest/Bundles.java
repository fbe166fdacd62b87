package io.upwell.launcher.itest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/** Looks up installed bundles and describes their states for failure messages. */
public final class Bundles {

    public static final String ENGINE_API = "io.upwell.engine.api";
    public static final String ENGINE_CORE = "io.upwell.engine.core";
    public static final String RECORDS = "io.upwell.engine.records";
    public static final String ACCESS = "io.upwell.engine.access";
    public static final String REST = "io.upwell.engine.rest";
    public static final String DRIVER_KIT = "io.upwell.devices.kit";
    public static final String SIMULATOR = "io.upwell.devices.simulator";
    public static final String EMULATOR = "io.upwell.devices.emulator";
    public static final String PROTOCOL = "io.upwell.devices.protocol";
    public static final String STATIC_CUPPING = "io.upwell.plugins.staticcupping";
    public static final String FLASH_CUPPING = "io.upwell.plugins.flash";
    public static final String INTERVAL_SUCTION = "io.upwell.plugins.interval";
    public static final String LYMPHATIC_SEQUENCE = "io.upwell.plugins.lymphatic";
    public static final String DYNAMIC_GLIDING = "io.upwell.plugins.gliding";

    /** The technique modules this reactor builds. */
    public static final List<String> TECHNIQUES = List.of(STATIC_CUPPING, FLASH_CUPPING, INTERVAL_SUCTION,
            LYMPHATIC_SEQUENCE, DYNAMIC_GLIDING);
    public static final String PROGRAMS = "io.upwell.plugins.programs";
    public static final String LAUNCHER_APP = "io.upwell.launcher.app";

    /** Every bundle this reactor builds and installs, in install order. */
    public static final List<String> UPWELL = List.of(ENGINE_API, ENGINE_CORE, RECORDS, ACCESS, DRIVER_KIT, SIMULATOR, PROTOCOL, EMULATOR, STATIC_CUPPING,
            FLASH_CUPPING, INTERVAL_SUCTION, LYMPHATIC_SEQUENCE, DYNAMIC_GLIDING, PROGRAMS, LAUNCHER_APP, REST);

    private static final Map<Integer, String> STATE_NAMES = Map.of(
            Bundle.UNINSTALLED, "UNINSTALLED", Bundle.INSTALLED, "INSTALLED", Bundle.RESOLVED, "RESOLVED",
            Bundle.STARTING, "STARTING", Bundle.STOPPING, "STOPPING", Bundle.ACTIVE, "ACTIVE");

    private Bundles() {
    }

    /** The one bundle with that symbolic name; fails naming the installed bundles if there is none. */
    public static Bundle named(BundleContext context, String symbolicName) {
        return Arrays.stream(context.getBundles())
                .filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName + " is installed; installed: "
                        + describe(context.getBundles())));
    }

    public static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
    }

    public static String stateName(Bundle bundle) {
        return STATE_NAMES.getOrDefault(bundle.getState(), String.valueOf(bundle.getState()));
    }

    /**
     * Each bundle with the reason it is not active: trying to start an unresolved bundle makes the
     * framework name the requirement it cannot satisfy.
     */
    public static String whyNotStarted(List<Bundle> bundles) {
        return bundles.stream().map(bundle -> {
            try {
                bundle.start();
                return describe(bundle) + " (started on a second attempt)";
            } catch (BundleException | RuntimeException e) {
                return describe(bundle) + ": " + e.getMessage();
            }
        }).collect(Collectors.joining("; "));
    }

    public static String describe(Bundle... bundles) {
        return Arrays.stream(bundles)
                .map(bundle -> bundle.getSymbolicName() + " " + bundle.getVersion() + " " + stateName(bundle))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
