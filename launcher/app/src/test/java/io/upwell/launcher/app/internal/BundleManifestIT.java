package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the packaged application bundle (run by failsafe after the package phase): it reaches the
 * engine through the API packages only, never the core's or the simulator's internals.
 */
class BundleManifestIT {

    private static Attributes manifest;

    @BeforeAll
    static void readManifest() throws IOException {
        String bundle = System.getProperty("upwell.bundle");
        assertNotNull(bundle, "failsafe passes the packaged bundle's path as system property upwell.bundle");
        Path path = Path.of(bundle);
        assertTrue(Files.isRegularFile(path), "the packaged bundle should exist: " + path.toAbsolutePath());
        try (JarFile jar = new JarFile(path.toFile())) {
            manifest = jar.getManifest().getMainAttributes();
        }
    }

    @Test
    void importsOnlyApiPackagesOsgiAndGogo() {
        String imports = manifest.getValue("Import-Package");
        assertNotNull(imports, "Import-Package");
        List<String> packages = packageNames(imports);
        assertFalse(packages.isEmpty());
        for (String name : packages) {
            boolean allowed = name.startsWith("io.upwell.api.") || name.equals("io.upwell.devices.simulator")
                    || name.startsWith("org.osgi.") || name.equals("org.apache.felix.service.command")
                    || name.startsWith("java.");
            assertTrue(allowed, "unexpected import " + name + " in " + imports);
            assertFalse(name.contains(".internal"), name);
        }
        assertTrue(packages.contains("io.upwell.api.session"), imports);
    }

    @Test
    void exportsNothing() {
        assertNull(manifest.getValue("Export-Package"));
    }

    @Test
    void declaresItsComponents() {
        String components = manifest.getValue("Service-Component");
        assertNotNull(components, "Service-Component");
        assertTrue(components.contains("Main"), components);
        assertTrue(components.contains("EngineCommands"), components);
        assertTrue(components.contains("SimulatorCommands"), components);
    }

    /** The package names of an OSGi header, skipping attributes and quoted values. */
    private static List<String> packageNames(String header) {
        List<String> names = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String text = clause.toString().trim();
                int semicolon = text.indexOf(';');
                names.add(semicolon < 0 ? text : text.substring(0, semicolon).trim());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return names;
    }
}
