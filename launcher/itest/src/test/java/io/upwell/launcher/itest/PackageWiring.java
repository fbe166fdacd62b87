package io.upwell.launcher.itest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

/**
 * A bundle's packages as the framework resolved them: what it exports and, for each import, which
 * bundle's export it is wired to. The resolver has already read the manifest headers, so nothing
 * here parses them.
 */
public final class PackageWiring {

    /** An import as wired: the package, the version its provider exports, and the provider. */
    public record Import(String packageName, Version version, Bundle provider) {

        @Override
        public String toString() {
            return packageName + " " + version + " from " + provider.getSymbolicName();
        }
    }

    /** An exported package with its version. */
    public record Export(String packageName, Version version) {

        @Override
        public String toString() {
            return packageName + " " + version;
        }
    }

    private final Bundle bundle;
    private final BundleRevision revision;
    private final BundleWiring wiring;

    private PackageWiring(Bundle bundle, BundleRevision revision, BundleWiring wiring) {
        this.bundle = bundle;
        this.revision = revision;
        this.wiring = wiring;
    }

    /** The current wiring of a resolved bundle; fails naming the bundle if it is not resolved. */
    public static PackageWiring of(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null || !wiring.isInUse()) {
            throw new AssertionError(bundle.getSymbolicName() + " is not resolved (state "
                    + Bundles.stateName(bundle) + "), so it has no package wiring");
        }
        return new PackageWiring(bundle, bundle.adapt(BundleRevision.class), wiring);
    }

    public Bundle bundle() {
        return bundle;
    }

    public String name() {
        return bundle.getSymbolicName();
    }

    /**
     * Every package import the resolver wired to another bundle, including dynamic imports wired so
     * far. An import the bundle's own export satisfies has no wire and is not listed.
     */
    public List<Import> imports() {
        return wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .map(wire -> new Import(packageName(wire.getCapability()), version(wire.getCapability()),
                        wire.getProviderWiring().getBundle()))
                .collect(Collectors.toList());
    }

    /** The packages this bundle exports. */
    public List<Export> exports() {
        return wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .map(capability -> new Export(packageName(capability), version(capability)))
                .collect(Collectors.toList());
    }

    /** The names of the packages this bundle exports. */
    public List<String> exportedPackageNames() {
        return exports().stream().map(Export::packageName).collect(Collectors.toList());
    }

    /**
     * Declared imports (Import-Package, optional ones included) that neither a wire nor the bundle's
     * own export satisfies: an optional import the framework could not supply. (An import of a
     * package the bundle exports itself gets no wire when the framework picks that export.) The
     * requirement decides the match itself ({@link BundleRequirement#matches}), so its filter is
     * never taken apart here.
     */
    public List<BundleRequirement> unwiredImports() {
        List<BundleCapability> wired = new ArrayList<>(wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE));
        wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).forEach(wire -> wired.add(wire.getCapability()));
        return revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .filter(requirement -> !isDynamic(requirement))
                .filter(requirement -> wired.stream().noneMatch(requirement::matches))
                .collect(Collectors.toList());
    }

    /** DynamicImport-Package clauses, as the framework declared them. */
    public List<BundleRequirement> dynamicImports() {
        return revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .filter(PackageWiring::isDynamic).collect(Collectors.toList());
    }

    /** Require-Bundle clauses. */
    public List<BundleRequirement> requiredBundles() {
        return revision.getDeclaredRequirements(BundleNamespace.BUNDLE_NAMESPACE);
    }

    private static boolean isDynamic(BundleRequirement requirement) {
        Map<String, String> directives = requirement.getDirectives();
        return PackageNamespace.RESOLUTION_DYNAMIC.equals(
                directives.get(PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
    }

    private static String packageName(BundleCapability capability) {
        return (String) capability.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
    }

    private static Version version(BundleCapability capability) {
        Object version = capability.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
        return version instanceof Version v ? v : Version.emptyVersion;
    }
}
