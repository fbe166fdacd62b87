package io.upwell.launcher.app.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.LogManager;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Settings that must be in place before any other bundle logs. This bundle starts at level 1
 * ({@code -runbundles+} in {@code launcher/upwell.bndrun}), before SPI Fly and slf4j-simple, so that:
 * <ul>
 * <li>slf4j-simple writes to {@value #LOG_NAME} in the data directory ({@code upwell-data}, created
 * here if missing) instead of the console, where log lines would interleave with the shell's prompt.
 * It reads {@value #LOG_FILE_PROPERTY} once, when the first logger is made. A value already set
 * (on the command line, {@code -D}) is left alone. When the data directory cannot be used (the
 * engine will refuse to start and say why) the log goes to a temporary file instead.</li>
 * <li>SPI Fly's java.util.logging logger ({@value #SPIFLY_LOGGER}) logs warnings only: its INFO line
 * at every start ("Registered provider ...") is noise on a console.</li>
 * </ul>
 * The file chosen is published as the system property {@value #LOG_PATH_PROPERTY} for the console's
 * notices ({@link LogNotices}).
 */
public final class LaunchActivator implements BundleActivator {

    static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";
    /** Where this run's log is, for the launcher's own use. */
    static final String LOG_PATH_PROPERTY = "upwell.log.file";
    /** The engine's default data directory (EngineProperties' configuration default), relative to the working directory. */
    static final String DATA_DIRECTORY = "upwell-data";
    static final String LOG_NAME = "upwell.log";
    static final String SPIFLY_LOGGER = "org.apache.aries.spifly";

    @Override
    public void start(BundleContext context) {
        quietSpiFly();
        String chosen = System.getProperty(LOG_FILE_PROPERTY);
        if (chosen == null) {
            chosen = logFile(Path.of(DATA_DIRECTORY));
            if (chosen != null) {
                System.setProperty(LOG_FILE_PROPERTY, chosen);
            }
        }
        if (chosen != null && !chosen.equals("System.err") && !chosen.equals("System.out")) {
            System.setProperty(LOG_PATH_PROPERTY, chosen);
        }
    }

    @Override
    public void stop(BundleContext context) {
        // nothing to undo: the log file stays open until the JVM exits
    }

    /** {@code directory/upwell.log}, or a temporary file when the directory cannot be made or written; null if neither. */
    static String logFile(Path directory) {
        try {
            Files.createDirectories(directory);
            if (Files.isDirectory(directory) && Files.isWritable(directory)) {
                return directory.resolve(LOG_NAME).toString();
            }
        } catch (IOException | SecurityException e) {
            // fall through: the engine names the problem with its data directory when it refuses to start
        }
        try {
            return Files.createTempFile("upwell-", ".log").toString();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** Raises SPI Fly's JUL level to WARNING through the logging configuration, keeping every other setting. */
    static void quietSpiFly() {
        byte[] settings = (SPIFLY_LOGGER + ".level=WARNING\n").getBytes(StandardCharsets.ISO_8859_1);
        try {
            LogManager.getLogManager().updateConfiguration(new ByteArrayInputStream(settings),
                    key -> (current, wanted) -> wanted == null ? current : wanted);
        } catch (IOException e) {
            throw new IllegalStateException("could not update the java.util.logging configuration: " + e.getMessage(),
                    e);
        }
    }
}
