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
 * Settings that must be in place before any other bundle logs, asked for by the run descriptor
 * ({@code launcher/upwell.bndrun}); without its properties this does nothing, so a framework that
 * embeds the bundle (the integration tests, an integrator's) keeps its own logging. The bundle
 * starts at level 1 ({@code -runbundles+}), before SPI Fly and slf4j-simple, so that:
 * <ul>
 * <li>{@value #LOG_FILE_SETTING} (a path such as {@code upwell-data/upwell.log}): slf4j-simple writes
 * there instead of the console, where log lines would interleave with the shell's prompt. Its
 * directory is created here if missing (slf4j-simple opens the file once, when the first logger is
 * made, and falls back to the console when it cannot). When the directory cannot be used (the engine
 * will refuse to start and say why) the log goes to a temporary file. A
 * {@value #LOG_FILE_PROPERTY} already set ({@code -D} on the command line) is left alone.</li>
 * <li>{@value #QUIET_SETTING} (a java.util.logging logger name, such as
 * {@code org.apache.aries.spifly}): that logger logs warnings only, through the JUL configuration.
 * SPI Fly's INFO line at every start ("Registered provider ...") is noise on a console.</li>
 * <li>whether and where the run serves HTTP: Felix HTTP's properties, from the options before the
 * command ({@link HttpSettings}).</li>
 * <li>{@value #TECHNIQUE_FOLDER_SETTING} ({@code true}): the folder watched for technique modules and
 * program files is prepared before Felix FileInstall starts ({@link TechniqueFolder}).</li>
 * </ul>
 * The file chosen is published as the system property {@value #LOG_PATH_PROPERTY} for the console's
 * notices ({@link LogNotices}).
 */
public final class LaunchActivator implements BundleActivator {

    /** Run property: where the log should go. */
    static final String LOG_FILE_SETTING = "upwell.log.file.wanted";
    /** Run property: a JUL logger to keep at WARNING. */
    static final String QUIET_SETTING = "upwell.jul.quiet";
    static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";
    /** Where this run's log is, for the launcher's own use. */
    static final String LOG_PATH_PROPERTY = "upwell.log.file";
    /** Run property: prepare the technique folder for FileInstall. */
    static final String TECHNIQUE_FOLDER_SETTING = "upwell.techniques.folder";

    /** Where an {@code emulate} run keeps the engine that starts beside it, away from a session's. */
    static final String EMULATOR_DATA_DIRECTORY = "upwell-data/emulator";

    @Override
    public void start(BundleContext context) {
        serveHttpOrNot(context);
        separateAnEmulatorsData(context);
        String quiet = context.getProperty(QUIET_SETTING);
        if (quiet != null && !quiet.isBlank()) {
            quiet(quiet.trim());
        }
        if (Boolean.parseBoolean(context.getProperty(TECHNIQUE_FOLDER_SETTING))) {
            try {
                TechniqueFolder.prepare(context);
            } catch (IllegalStateException e) {
                // An unusable data directory: the engine refuses to start and names it in one line; no second line here.
            }
        }
        String wanted = context.getProperty(LOG_FILE_SETTING);
        if (wanted != null && emulating(context)) {
            wanted = EMULATOR_DATA_DIRECTORY + "/upwell.log";
        }
        if (wanted == null || wanted.isBlank()) {
            return;
        }
        String chosen = System.getProperty(LOG_FILE_PROPERTY);
        if (chosen == null) {
            chosen = logFile(Path.of(wanted.trim()));
            if (chosen != null) {
                System.setProperty(LOG_FILE_PROPERTY, chosen);
            }
        }
        if (chosen != null && !chosen.equals("System.err") && !chosen.equals("System.out")) {
            System.setProperty(LOG_PATH_PROPERTY, chosen);
        }
    }

    /**
     * An {@code emulate} run is a device, typically beside a {@code demo --port} run in the same
     * directory: the engine every run of the jar starts must not share that session's journal, latch
     * and log, so it gets a directory of its own (unless one was given with {@code -Dupwell.data}).
     */
    private static void separateAnEmulatorsData(BundleContext context) {
        String property = io.upwell.api.session.EngineProperties.DATA_DIRECTORY_PROPERTY;
        if (emulating(context) && context.getProperty(property) == null) {
            System.setProperty(property, EMULATOR_DATA_DIRECTORY);
        }
    }

    private static boolean emulating(BundleContext context) {
        return LauncherArguments.read(context).map(HttpSettings::forThisRun).map(HttpSettings.Decision::command)
                .map(a -> !a.isEmpty() && a.get(0).equals("emulate")).orElse(false);
    }

    /**
     * Whether this run serves HTTP, and where ({@link HttpSettings}): decided before Felix HTTP starts,
     * which reads its settings once, as it starts. Only under the bnd launcher (an embedding keeps its own).
     */
    private static void serveHttpOrNot(BundleContext context) {
        LauncherArguments.read(context).ifPresent(arguments -> {
            HttpSettings.Decision decision = HttpSettings.decide(arguments, System::getProperty, System::getenv,
                    HttpSettings::freePort);
            HttpSettings.remember(decision);
            HttpSettings.apply(decision);
        });
    }

    @Override
    public void stop(BundleContext context) {
        // nothing to undo: the log file stays open until the JVM exits
    }

    /**
     * {@code file} when its directory can be made and written, else a temporary file; null if neither.
     * slf4j-simple truncates the file it opens, so the last runs' logs are kept first ({@link #keepPrevious}).
     */
    static String logFile(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
            if (Files.isDirectory(directory) && Files.isWritable(directory)) {
                keepPrevious(file);
                return file.toString();
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

    /** How many earlier runs' logs are kept beside the current one: {@code upwell.log.1} is the last run's. */
    static final int KEPT_LOGS = 5;

    /** Shifts {@code file} to {@code file.1}, {@code file.1} to {@code file.2} and so on; the oldest goes. */
    static void keepPrevious(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Path directory = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        for (int n = KEPT_LOGS - 1; n >= 1; n--) {
            Path older = directory.resolve(name + "." + n);
            if (Files.exists(older)) {
                Files.move(older, directory.resolve(name + "." + (n + 1)), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, directory.resolve(name + ".1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Raises {@code logger}'s JUL level to WARNING through the logging configuration, keeping every other setting. */
    static void quiet(String logger) {
        byte[] settings = (logger + ".level=WARNING\n").getBytes(StandardCharsets.ISO_8859_1);
        try {
            LogManager.getLogManager().updateConfiguration(new ByteArrayInputStream(settings),
                    key -> (current, wanted) -> wanted == null ? current : wanted);
        } catch (IOException e) {
            throw new IllegalStateException("could not update the java.util.logging configuration: " + e.getMessage(),
                    e);
        }
    }
}
