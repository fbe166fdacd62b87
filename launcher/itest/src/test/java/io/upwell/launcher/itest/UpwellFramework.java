package io.upwell.launcher.itest;

import static org.ops4j.pax.exam.CoreOptions.bootDelegationPackage;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.util.ArrayList;
import io.upwell.api.session.EngineProperties;
import java.util.List;
import java.util.UUID;

import org.ops4j.pax.exam.Constants;
import org.ops4j.pax.exam.Option;

/**
 * The Felix framework every integration test runs in: the same bundles the launcher ships, each
 * installed from the jar this build just produced or resolved.
 * <p>
 * Runs outside the framework (Pax Exam evaluates {@code @Configuration} in the test JVM). The jar
 * paths arrive as system properties that failsafe fills from the dependency plugin's
 * {@code properties} goal (see this module's pom); nothing is resolved from {@code ~/.m2} by Maven
 * coordinates or from the network at test time. Pax Exam runs as its "default" system
 * ({@code pax.exam.system=default}), so it adds no bundles of its own: its support bundles are in
 * the lists below too.
 */
public final class UpwellFramework {

    /** SLF4J, its provider and SPI Fly: started first, so that no bundle's first log line binds to the no-op logger. */
    static final String LOGGING_BUNDLES = "upwell.itest.bundles.logging";
    /** Pax Exam's own bundles: the probe extender, injection, the JUnit invoker, JUnit and Hamcrest. */
    static final String EXAM_BUNDLES = "upwell.itest.bundles.exam";
    /**
     * What the engine and the launcher app need around them: Declarative Services, Configuration Admin,
     * Gogo runtime, Gson, the JDBC drivers, the OSGi log, Metatype, the HTTP runtime and the Web Console.
     */
    static final String PLATFORM_BUNDLES = "upwell.itest.bundles.platform";
    /** The bundles under test, built by this reactor. */
    static final String UPWELL_BUNDLES = "upwell.itest.bundles.upwell";

    /** FileInstall's folder: the framework property tests read to drop files in. */
    public static final String TECHNIQUE_FOLDER = "felix.fileinstall.dir";
    /** The example technique module, which no test framework installs: tests drop it into the folder. */
    static final String EXAMPLE_MODULE = "upwell.itest.example.module";

    private static final int START_LEVEL_LOGGING = 1;
    private static final int START_LEVEL_EXAM = Constants.START_LEVEL_SYSTEM_BUNDLES;
    private static final int START_LEVEL_PLATFORM = Constants.START_LEVEL_DEFAULT_PROVISION;
    private static final int START_LEVEL_UPWELL = Constants.START_LEVEL_DEFAULT_PROVISION + 1;

    private UpwellFramework() {
    }

    /** The HTTP port's framework property (Felix HTTP's): tests that serve HTTP read it to connect. */
    public static final String HTTP_PORT = "org.osgi.service.http.port";

    /** Every test's framework: the launcher's bundles, the HTTP server installed but off. */
    public static Option[] options() {
        return options(0);
    }

    /**
     * The framework with the HTTP server on {@code httpPort} at 127.0.0.1 (0: off), as the launcher's
     * shell has it; the Web Console serves nothing until Upwell's security provider is there.
     */
    public static Option[] options(int httpPort) {
        List<Option> options = new ArrayList<>();
        options.add(frameworkProperty("org.apache.felix.http.enable").value(Boolean.toString(httpPort > 0)));
        options.add(frameworkProperty("org.apache.felix.https.enable").value("false"));
        options.add(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"));
        options.add(frameworkProperty(HTTP_PORT).value(Integer.toString(httpPort > 0 ? httpPort : 8080)));
        options.add(frameworkProperty("felix.webconsole.security.providers").value("upwell"));
        // Each test is a machine of its own: its own journal, and no latch left on disk by the test before.
        String data = "upwell-data-" + UUID.randomUUID();
        options.add(frameworkProperty(EngineProperties.DATA_DIRECTORY_PROPERTY).value(data));
        // FileInstall watches the data directory's technique folder, as in the application; at once, then often.
        options.add(frameworkProperty(TECHNIQUE_FOLDER).value(data + "/techniques"));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("felix.fileinstall.poll").value("200"));
        options.add(frameworkProperty("felix.fileinstall.log.level").value("0"));
        options.add(bootDelegationPackage("sun.*"));
        options.add(frameworkStartLevel(Constants.START_LEVEL_TEST_BUNDLE));
        options.add(cleanCaches());
        // The probe is driven by Pax Exam's JUnit 4 invoker (what junitBundles() would select).
        options.add(systemProperty("pax.exam.invoker").value("junit"));
        options.add(bundles(LOGGING_BUNDLES, START_LEVEL_LOGGING, false));
        options.add(bundles(EXAM_BUNDLES, START_LEVEL_EXAM, false));
        options.add(bundles(PLATFORM_BUNDLES, START_LEVEL_PLATFORM, false));
        options.add(bundles(UPWELL_BUNDLES, START_LEVEL_UPWELL, true));
        return options.toArray(new Option[0]);
    }

    private static Option bundles(String property, int startLevel, boolean builtByThisReactor) {
        List<Option> bundles = new ArrayList<>();
        for (File jar : jars(property, builtByThisReactor)) {
            bundles.add(bundle(jar.toURI().toString()).startLevel(startLevel).start());
        }
        return composite(bundles.toArray(new Option[0]));
    }

    static List<File> jars(String property, boolean builtByThisReactor) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property
                    + " is not set: run the integration tests through Maven (failsafe passes the bundle paths)");
        }
        List<File> jars = new ArrayList<>();
        for (String path : value.split(",")) {
            String trimmed = path.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("${")) {
                throw new IllegalStateException(property + ": " + trimmed
                        + " was not replaced by a path; is that artifact a dependency of this module?");
            }
            File jar = new File(trimmed);
            if (!jar.isFile()) {
                throw new IllegalStateException(property + ": no bundle at " + jar);
            }
            // A jar from ~/.m2 would be whatever was last installed, not what this build produced.
            if (builtByThisReactor && !"target".equals(jar.getParentFile().getName())) {
                throw new IllegalStateException(property + ": " + jar + " is not a freshly built jar in a"
                        + " module's target folder; build the bundles in the same reactor (mvn -pl launcher/itest -am verify)");
            }
            jars.add(jar);
        }
        return jars;
    }
}
