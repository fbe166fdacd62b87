package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.upwell.api.technique.Technique;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The architecture's dependency rules, checked on the wiring the real framework resolved: the API
 * exports the versioned contract, the core and the plugins reach each other only through it, and
 * no bundle reaches into another's {@code .internal} packages.
 * <p>
 * A bundle's import of a package it exports itself (bnd makes exports substitutable) is an export
 * in disguise: the export rules cover its name, so the import-name rules let it pass. When the
 * framework picks the bundle's own export there is no wire; when it picks another bundle's, the
 * wire must still lead where the provider rule allows.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundleDependenciesIT {

    private static final List<String> API_PACKAGES = List.of("io.upwell.api.body", "io.upwell.api.device",
            "io.upwell.api.history", "io.upwell.api.install", "io.upwell.api.preview", "io.upwell.api.records",
            "io.upwell.api.safety", "io.upwell.api.screening", "io.upwell.api.session",
            "io.upwell.api.technique", "io.upwell.api.time", "io.upwell.api.units");
    private static final String SIMULATOR_CONTROL_PACKAGE = "io.upwell.devices.simulator";
    private static final String EMULATOR_PACKAGE = "io.upwell.devices.emulator";
    /** The driver kit's packages: what a driver may use besides the API. */
    private static final List<String> KIT_PACKAGES = List.of("io.upwell.devices.kit", "io.upwell.devices.kit.driver",
            "io.upwell.devices.kit.serial");
    private static final String PROGRAM_VALIDATION_PACKAGE = "io.upwell.plugins.programs.validation";
    /** The records bundle's one export: reports, exports and charts, free of state. */
    private static final String RECORDS_REPORT_PACKAGE = "io.upwell.engine.records.report";
    /** The access bundle's user administration API (the launcher's users command). */
    private static final String ACCESS_PACKAGE = "io.upwell.engine.access";
    private static final Version FIRST_RELEASED_VERSION = new Version(1, 0, 0);
    /** The extender namespace and DS's extender name (org.osgi.namespace.extender is not on this class path). */
    private static final String EXTENDER_NAMESPACE = "osgi.extender";
    private static final String DS_EXTENDER = "osgi.component";
    private static final String SCR_BUNDLE = "org.apache.felix.scr";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return UpwellFramework.options();
    }

    @Test
    public void theApiExportsExactlyTheVersionedApiPackages() {
        PackageWiring api = wiring(Bundles.ENGINE_API);
        assertEquals(api.name() + " exports exactly the API packages", API_PACKAGES,
                api.exportedPackageNames().stream().sorted().collect(Collectors.toList()));
        assertVersionedFromFirstRelease(api);
    }

    @Test
    public void theCoreImportsNoPluginPackage() {
        PackageWiring core = wiring(Bundles.ENGINE_CORE);
        assertExportsNothing(core);
        assertImportsOnly(core, List.of("io.upwell.api.*", "org.osgi.*", "org.slf4j", "com.google.gson",
                "com.google.gson.*", "java.*"));
        assertImports(core, "io.upwell.api.session");
        assertImports(core, "io.upwell.api.device");
        assertImports(core, "io.upwell.api.technique");
    }

    @Test
    public void theSimulatorExportsOnlyItsControlPackageAndImportsOnlyTheApiAndTheDriverKit() {
        PackageWiring simulator = wiring(Bundles.SIMULATOR);
        assertEquals(simulator.name() + " exports only its control package", List.of(SIMULATOR_CONTROL_PACKAGE),
                simulator.exportedPackageNames());
        assertVersionedFromFirstRelease(simulator);
        // The kit's back-off and command watchdog, which every driver shares.
        assertImportsOnly(simulator, List.of("io.upwell.api.*", "io.upwell.devices.kit", "org.osgi.*", "org.slf4j",
                "java.*"));
        assertImports(simulator, "io.upwell.api.device");
        assertImports(simulator, "io.upwell.devices.kit");
    }

    @Test
    public void theDriverKitExportsItsVersionedPackagesAndImportsOnlyTheApiAndJSerialComm() {
        PackageWiring kit = wiring(Bundles.DRIVER_KIT);
        assertEquals(kit.name() + " exports its three packages", KIT_PACKAGES,
                kit.exportedPackageNames().stream().sorted().collect(Collectors.toList()));
        assertVersionedFromFirstRelease(kit);
        assertImportsOnly(kit, List.of("io.upwell.api.*", "com.fazecast.jSerialComm", "org.slf4j", "java.*"));
        assertImports(kit, "io.upwell.api.device");
        assertImports(kit, "com.fazecast.jSerialComm");
    }

    @Test
    public void staticCuppingExportsNothingAndImportsOnlyTheApi() {
        PackageWiring staticCupping = wiring(Bundles.STATIC_CUPPING);
        assertExportsNothing(staticCupping);
        assertImportsOnly(staticCupping, List.of("io.upwell.api.*", "org.osgi.*", "org.slf4j", "java.*"));
        assertImports(staticCupping, "io.upwell.api.technique");
    }

    @Test
    public void everyTechniqueModuleExportsNothingImportsOnlyTheApiAndRegistersThroughDeclarativeServices() {
        for (String module : Bundles.TECHNIQUES) {
            PackageWiring technique = wiring(module);
            assertExportsNothing(technique);
            assertImportsOnly(technique, List.of("io.upwell.api.*", "org.osgi.*", "org.slf4j", "java.*"));
            assertImports(technique, "io.upwell.api.technique");
            Bundle bundle = Bundles.named(context, module);
            assertWiredToDeclarativeServices(bundle);
            Await.value("a Technique service registered by " + module + " through DS",
                    () -> techniqueRegisteredBy(bundle), Optional::isPresent);
        }
    }

    @Test
    public void theProgramsBundleExportsOnlyItsValidationPackageAndImportsOnlyTheApiAndGson() {
        PackageWiring programs = wiring(Bundles.PROGRAMS);
        assertEquals(programs.name() + " exports only its validation package", List.of(PROGRAM_VALIDATION_PACKAGE),
                programs.exportedPackageNames());
        assertVersionedFromFirstRelease(programs);
        // the JSON Schema validator it uses is embedded, so nothing of it is imported
        assertImportsOnly(programs, List.of("io.upwell.api.*", "com.google.gson", "com.google.gson.*", "org.osgi.*",
                "org.apache.felix.fileinstall", "org.slf4j", "java.*"));
        assertImports(programs, "io.upwell.api.technique");
    }

    @Test
    public void theRecordsBundleExportsOnlyItsReportPackageAndNeverImportsTheCore() {
        PackageWiring records = wiring(Bundles.RECORDS);
        assertEquals(records.name() + " exports only its report package", List.of(RECORDS_REPORT_PACKAGE),
                records.exportedPackageNames());
        assertVersionedFromFirstRelease(records);
        assertTrue(records.name() + " imports nothing of the core: " + records.imports(), records.imports().stream()
                .noneMatch(imported -> imported.packageName().startsWith("io.upwell.engine.core")));
    }

    /**
     * The REST bundle exports nothing and reaches the engine through the API alone; of other bundles it
     * uses only their exported packages (the records' reports, the programs' validation, the
     * simulator's control for previews), and never the access bundle: who calls is the request's
     * remote user, which the access bundle's context sets.
     */
    @Test
    public void theRestBundleExportsNothingAndImportsOnlyTheApiTheServletApiAndThreeExportedPackages() {
        PackageWiring rest = wiring(Bundles.REST);
        assertExportsNothing(rest);
        assertImportsOnly(rest, List.of("io.upwell.api.*", RECORDS_REPORT_PACKAGE, PROGRAM_VALIDATION_PACKAGE,
                SIMULATOR_CONTROL_PACKAGE, "com.google.gson", "com.google.gson.*", "jakarta.servlet",
                "jakarta.servlet.*", "org.osgi.*", "org.slf4j", "java.*"));
        assertImports(rest, "io.upwell.api.session");
        assertWiredToDeclarativeServices(Bundles.named(context, Bundles.REST));
    }

    @Test
    public void theLauncherAppExportsNothingAndImportsOnlyTheApiTheSimulatorControlTheEmulatorAndGogo() {
        PackageWiring app = wiring(Bundles.LAUNCHER_APP);
        assertExportsNothing(app);
        // io.upwell.engine.records.report: records reports and exports, and simulate's chart and CSV.
        // com.google.gson: screening files (start screening=FILE.json) are JSON, read with Gson.
        // com.fazecast.jSerialComm: Ctrl-C on a serial run hands the framework's stop to jSerialComm's own
        // shutdown, which otherwise closes the ports under the drivers before the engine has vented.
        // io.upwell.engine.access: the users command administers the users through the access bundle's API.
        assertImportsOnly(app, List.of("io.upwell.api.*", SIMULATOR_CONTROL_PACKAGE, PROGRAM_VALIDATION_PACKAGE,
                EMULATOR_PACKAGE, RECORDS_REPORT_PACKAGE, ACCESS_PACKAGE, "com.google.gson",
                "com.fazecast.jSerialComm", "org.osgi.*", "org.apache.felix.service.command", "org.slf4j", "java.*"));
        assertImports(app, "io.upwell.api.session");
    }

    @Test
    public void theAccessBundleExportsOnlyItsAdministrationApiAndImportsOnlyTheApiServletsTheConsoleSpiGsonAndSlf4j() {
        PackageWiring access = wiring(Bundles.ACCESS);
        assertEquals(access.name() + " exports only its user administration API", List.of(ACCESS_PACKAGE),
                access.exportedPackageNames());
        assertVersionedFromFirstRelease(access);
        // jakarta.servlet.*: the servlet API; org.osgi.service.servlet.*: the Servlet Whiteboard's context;
        // org.apache.felix.webconsole.spi: the Web Console's security provider, so that it logs in the same way.
        assertImportsOnly(access, List.of("io.upwell.api.*", "jakarta.servlet", "jakarta.servlet.*", "org.osgi.*",
                "org.apache.felix.webconsole.spi", "com.google.gson", "com.google.gson.*", "org.slf4j", "java.*",
                "javax.crypto", "javax.crypto.*"));
        assertImports(access, "io.upwell.api.session");
        assertImports(access, "org.osgi.service.servlet.context");
        assertWiredToDeclarativeServices(Bundles.named(context, Bundles.ACCESS));
    }

    @Test
    public void noUpwellBundleIsWiredToAnotherBundlesInternalPackage() {
        List<String> violations = new ArrayList<>();
        for (String name : Bundles.UPWELL) {
            PackageWiring bundle = wiring(name);
            // Every wire leads to another bundle: an import the bundle's own export satisfies has none.
            bundle.imports().stream()
                    .filter(imported -> imported.packageName().contains(".internal"))
                    .forEach(imported -> violations.add(name + " imports " + imported));
        }
        assertEquals("imports of another bundle's internal package", List.of(), violations);
    }

    @Test
    public void everyUpwellPackageImportIsWiredToTheApiTheSimulatorControlOrTheDriverKit() {
        Bundle api = Bundles.named(context, Bundles.ENGINE_API);
        Bundle simulator = Bundles.named(context, Bundles.SIMULATOR);
        Bundle programs = Bundles.named(context, Bundles.PROGRAMS);
        Bundle kit = Bundles.named(context, Bundles.DRIVER_KIT);
        List<String> violations = new ArrayList<>();
        for (String name : Bundles.UPWELL) {
            PackageWiring bundle = wiring(name);
            for (PackageWiring.Import imported : bundle.imports()) {
                if (!imported.packageName().startsWith("io.upwell.")) {
                    continue;
                }
                boolean fromTheApi = imported.provider().equals(api);
                boolean appUsesSimulatorControl = name.equals(Bundles.LAUNCHER_APP)
                        && imported.provider().equals(simulator)
                        && imported.packageName().equals(SIMULATOR_CONTROL_PACKAGE);
                boolean appUsesProgramValidation = name.equals(Bundles.LAUNCHER_APP)
                        && imported.provider().equals(programs)
                        && imported.packageName().equals(PROGRAM_VALIDATION_PACKAGE);
                boolean appUsesRecordsReports = name.equals(Bundles.LAUNCHER_APP)
                        && imported.provider().equals(Bundles.named(context, Bundles.RECORDS))
                        && imported.packageName().equals(RECORDS_REPORT_PACKAGE);
                // The emulator is a device, but its serial servers wait between reopen attempts on the kit's back-off.
                boolean driverUsesTheKit = (name.equals(Bundles.SIMULATOR) || name.equals(Bundles.EMULATOR))
                        && imported.provider().equals(kit) && KIT_PACKAGES.contains(imported.packageName());
                // The emulate command hosts the emulator, which runs the simulator's physics.
                boolean appUsesTheEmulator = name.equals(Bundles.LAUNCHER_APP)
                        && imported.provider().equals(Bundles.named(context, Bundles.EMULATOR))
                        && imported.packageName().equals(EMULATOR_PACKAGE);
                boolean emulatorUsesSimulatorControl = name.equals(Bundles.EMULATOR)
                        && imported.provider().equals(simulator)
                        && imported.packageName().equals(SIMULATOR_CONTROL_PACKAGE);
                // The emulator speaks the Upwell device protocol with the one codec the driver uses too.
                boolean emulatorUsesTheCodec = name.equals(Bundles.EMULATOR)
                        && imported.provider().equals(Bundles.named(context, Bundles.PROTOCOL))
                        && imported.packageName().equals(Bundles.PROTOCOL);
                // The REST API writes records as the shell does, validates programs and previews on a simulator.
                boolean restUsesExportedPackages = name.equals(Bundles.REST)
                        && (imported.provider().equals(Bundles.named(context, Bundles.RECORDS))
                                && imported.packageName().equals(RECORDS_REPORT_PACKAGE)
                        || imported.provider().equals(programs) && imported.packageName().equals(PROGRAM_VALIDATION_PACKAGE)
                        || imported.provider().equals(simulator) && imported.packageName().equals(SIMULATOR_CONTROL_PACKAGE));
                boolean appUsesUserAdministration = name.equals(Bundles.LAUNCHER_APP)
                        && imported.provider().equals(Bundles.named(context, Bundles.ACCESS))
                        && imported.packageName().equals(ACCESS_PACKAGE);
                if (!fromTheApi && !appUsesSimulatorControl && !appUsesProgramValidation && !appUsesRecordsReports
                        && !driverUsesTheKit && !appUsesTheEmulator && !emulatorUsesSimulatorControl
                        && !emulatorUsesTheCodec && !appUsesUserAdministration && !restUsesExportedPackages) {
                    violations.add(name + " imports " + imported);
                }
            }
        }
        assertEquals("io.upwell packages must come from " + Bundles.ENGINE_API + " (or, for " + Bundles.LAUNCHER_APP
                + " only, " + SIMULATOR_CONTROL_PACKAGE + " from " + Bundles.SIMULATOR + " and "
                + PROGRAM_VALIDATION_PACKAGE + " from " + Bundles.PROGRAMS + ", " + RECORDS_REPORT_PACKAGE + " from "
                + Bundles.RECORDS + " and " + ACCESS_PACKAGE + " from " + Bundles.ACCESS + "; for " + Bundles.REST
                + ", the records' report, the programs' validation and the simulator's control; for a driver, the"
                + " kit's packages from "
                + Bundles.DRIVER_KIT + ")", List.of(), violations);
    }

    @Test
    public void noUpwellBundleImportsDynamicallyOrRequiresABundle() {
        List<String> violations = new ArrayList<>();
        for (String name : Bundles.UPWELL) {
            PackageWiring bundle = wiring(name);
            bundle.dynamicImports().forEach(r -> violations.add(name + " has DynamicImport-Package " + r));
            bundle.requiredBundles().forEach(r -> violations.add(name + " has Require-Bundle " + r));
            // The framework only records dynamic imports it could parse; the header itself must be absent too.
            String header = bundle.bundle().getHeaders().get(Constants.DYNAMICIMPORT_PACKAGE);
            if (header != null) {
                violations.add(name + " has a DynamicImport-Package header: " + header);
            }
        }
        assertEquals("dependencies that bypass Import-Package", List.of(), violations);
    }

    @Test
    public void staticCuppingRegistersItsTechniqueThroughDeclarativeServices() throws InvalidSyntaxException {
        Bundle staticCupping = Bundles.named(context, Bundles.STATIC_CUPPING);
        assertNotNull(Bundles.STATIC_CUPPING + " has a Service-Component header",
                staticCupping.getHeaders().get("Service-Component"));
        assertWiredToDeclarativeServices(staticCupping);

        // Registered by the bundle itself through DS (DS adds component.name), not by some other bundle.
        ServiceReference<Technique> technique = Await.value(
                "a Technique service registered by " + Bundles.STATIC_CUPPING + " through DS",
                () -> techniqueRegisteredBy(staticCupping), Optional::isPresent).orElseThrow();
        assertNotNull(technique.getProperty(ComponentConstants.COMPONENT_NAME));

        Collection<ComponentDescriptionDTO> components = scr().getComponentDescriptionDTOs(staticCupping);
        assertTrue(Bundles.STATIC_CUPPING + " declares a component providing " + Technique.class.getName() + ": "
                + names(components), components.stream().anyMatch(component -> List.of(component.serviceInterfaces)
                        .contains(Technique.class.getName())));
    }

    @Test
    public void theLauncherAppDeclaresItsCommandsAndEntryPointThroughDeclarativeServices() {
        Bundle app = Bundles.named(context, Bundles.LAUNCHER_APP);
        assertWiredToDeclarativeServices(app);
        List<String> components = names(scr().getComponentDescriptionDTOs(app));
        for (String component : List.of("Main", "EngineCommands", "SimulatorCommands", "ProgramCommands")) {
            assertTrue(Bundles.LAUNCHER_APP + " declares component " + component + ": " + components,
                    components.contains("io.upwell.launcher.app.internal." + component));
        }
    }

    private PackageWiring wiring(String symbolicName) {
        return PackageWiring.of(Bundles.named(context, symbolicName));
    }

    private static void assertExportsNothing(PackageWiring bundle) {
        assertEquals(bundle.name() + " exports nothing", List.of(), bundle.exports());
    }

    private static void assertVersionedFromFirstRelease(PackageWiring bundle) {
        for (PackageWiring.Export export : bundle.exports()) {
            assertTrue(bundle.name() + " exports " + export + ": an API package is versioned from "
                    + FIRST_RELEASED_VERSION, export.version().compareTo(FIRST_RELEASED_VERSION) >= 0);
        }
    }

    /**
     * Every import is wired to a package matching one of {@code allowed} ("a.b" exactly, "a.b.*"
     * for its subpackages), or is one of the bundle's own exports; and every declared import is
     * wired, since an optional import the framework left unwired could not be checked at all.
     */
    private static void assertImportsOnly(PackageWiring bundle, List<String> allowed) {
        Set<String> ownExports = Set.copyOf(bundle.exportedPackageNames());
        List<String> forbidden = bundle.imports().stream()
                .filter(imported -> !ownExports.contains(imported.packageName()))
                .filter(imported -> allowed.stream().noneMatch(pattern -> matches(pattern, imported.packageName())))
                .map(PackageWiring.Import::toString)
                .collect(Collectors.toList());
        assertEquals(bundle.name() + " may import only " + allowed + "; it imports", List.of(), forbidden);
        assertEquals(bundle.name() + " declares imports the framework did not wire", List.of(),
                bundle.unwiredImports().stream().map(Object::toString).collect(Collectors.toList()));
    }

    private static void assertImports(PackageWiring bundle, String packageName) {
        List<PackageWiring.Import> imports = bundle.imports();
        assertTrue(bundle.name() + " imports " + packageName + ": " + imports,
                imports.stream().anyMatch(imported -> imported.packageName().equals(packageName)));
    }

    private static boolean matches(String pattern, String packageName) {
        return pattern.endsWith(".*")
                ? packageName.startsWith(pattern.substring(0, pattern.length() - 1))
                : packageName.equals(pattern);
    }

    /** The bundle's osgi.extender requirement for DS is wired to Felix SCR, which reads its components. */
    private static void assertWiredToDeclarativeServices(Bundle bundle) {
        List<String> extenders = bundle.adapt(BundleWiring.class).getRequiredWires(EXTENDER_NAMESPACE)
                .stream()
                .filter(wire -> DS_EXTENDER.equals(
                        wire.getCapability().getAttributes().get(EXTENDER_NAMESPACE)))
                .map(wire -> wire.getProvider().getSymbolicName())
                .collect(Collectors.toList());
        assertEquals(bundle.getSymbolicName() + " is wired to the DS extender", List.of(SCR_BUNDLE), extenders);
    }

    private Optional<ServiceReference<Technique>> techniqueRegisteredBy(Bundle bundle) {
        try {
            return context.getServiceReferences(Technique.class, "(" + ComponentConstants.COMPONENT_NAME + "=*)")
                    .stream().filter(reference -> bundle.equals(reference.getBundle())).findFirst();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("the component.name filter is malformed", e);
        }
    }

    private ServiceComponentRuntime scr() {
        return UpwellServices.await(context, ServiceComponentRuntime.class, null);
    }

    private static List<String> names(Collection<ComponentDescriptionDTO> components) {
        return components.stream().map(component -> component.name).sorted().collect(Collectors.toList());
    }
}
