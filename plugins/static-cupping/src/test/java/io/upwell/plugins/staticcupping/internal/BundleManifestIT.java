package io.upwell.plugins.staticcupping.internal;

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
 * Checks the manifest of the bundle the build just packaged (run by failsafe after the package
 * phase): a technique module must depend on the engine's API only, and offer nothing but its service.
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
    void importsOnlyTheEngineApiAndOsgi() {
        String imports = manifest.getValue("Import-Package");
        assertNotNull(imports, "Import-Package");
        List<String> packages = packageNames(imports);
        assertFalse(packages.isEmpty());
        for (String name : packages) {
            assertTrue(name.startsWith("io.upwell.api.") || name.startsWith("org.osgi.") || name.startsWith("java."),
                    "unexpected import " + name + " in " + imports);
        }
        assertTrue(packages.contains("io.upwell.api.technique"), imports);
    }

    @Test
    void exportsNothing() {
        assertNull(manifest.getValue("Export-Package"));
    }

    @Test
    void offersTheTechniqueServiceThroughDeclarativeServices() {
        assertNotNull(manifest.getValue("Service-Component"), "Service-Component");
        String provided = manifest.getValue("Provide-Capability");
        assertNotNull(provided, "Provide-Capability");
        assertTrue(provided.contains("io.upwell.api.technique.Technique"), provided);
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
