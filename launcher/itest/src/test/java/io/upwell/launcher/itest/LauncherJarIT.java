package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The executable jar run as a process, the way operators run it: how it starts, how it fails, how
 * it ends, and what its console shows. Each test gets its own working directory, so its own
 * {@code upwell-data}. Nothing is timed against the wall clock: the tests wait for output or for
 * journal records, with generous bounds that only decide when to give up.
 */
public class LauncherJarIT {

    /** The platform charset is ASCII under this locale on JDK 17; the console must not care. */
    private static final Map<String, String> C_LOCALE = Map.of("LANG", "C", "LC_ALL", "C");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder(new java.io.File(System.getProperty("java.io.tmpdir")));

    @Test
    public void theShellDoesNotOpenOnAnEngineThatFailedToStartAndSaysWhyInOneLine() throws Exception {
        Path directory = unusableDataDirectory();
        try (LaunchedJar shell = LaunchedJar.start(directory, C_LOCALE)) {
            shell.endInput();
            assertEquals("exit code NOT_READY; stdout: " + shell.stdout(), 3, shell.awaitExit());
            assertFalse("the shell opened on a dead engine: " + shell.stdout(), shell.stdout().contains("upwell>"));
            assertCauseInOneLine(shell, directory);
        }
    }

    @Test
    public void theDemoEndsAtOnceWhenTheEngineFailedToStartAndSaysWhyInOneLine() throws Exception {
        Path directory = unusableDataDirectory();
        try (LaunchedJar demo = LaunchedJar.start(directory, C_LOCALE, "demo", "--virtual")) {
            assertEquals("exit code NOT_READY; stdout: " + demo.stdout(), 3, demo.awaitExit());
            assertCauseInOneLine(demo, directory);
        }
    }

    @Test
    public void sigtermOnTheShellStopsTheEngineInOrderEndingTheLiveSession() throws Exception {
        try (LaunchedJar shell = LaunchedJar.start(folder.newFolder("sigterm").toPath(), C_LOCALE)) {
            shell.type("start static-cupping sim-1 0,1 upper-back");
            shell.awaitOutput("the session's start", "started session");
            Path journal = Await.value("the session's journal with samples", () -> sessionJournal(shell),
                    path -> path != null && read(path).contains("\"type\":\"sample\""));

            shell.terminate();
            shell.awaitExit();

            String session = read(journal);
            assertTrue("the session ended, vented, with its reason:\n" + session,
                    session.contains("\"type\":\"session-end\"") && session.contains("\"state\":\"ABORTED\"")
                            && session.contains("the engine stopped"));
            assertFalse("an orderly stop raises no high-priority alarm for modules leaving:\n" + session,
                    session.contains("\"priority\":\"HIGH\""));
            List<String> engine = Files.readAllLines(shell.dataDirectory().resolve("engine.jsonl"));
            assertTrue("engine-stop journaled last: " + engine, engine.get(engine.size() - 1).contains("\"engine-stop\""));
        }
    }

    @Test
    public void endOfInputRampsALiveSessionOutAndWaitsForItsEnd() throws Exception {
        try (LaunchedJar shell = LaunchedJar.start(folder.newFolder("ctrl-d").toPath(), C_LOCALE)) {
            shell.type("start static-cupping sim-1 0 upper-back targetKpa=20");
            shell.awaitOutput("the session's start", "started session");

            shell.endInput();

            assertEquals(0, shell.awaitExit());
            assertTrue(shell.stdout(), shell.stdout().contains("leaving: stopping session"));
            String session = read(sessionJournal(shell));
            assertTrue("stopped by its operator, ENDED (not aborted by the engine's stop):\n" + session,
                    session.contains("\"type\":\"session-end\"") && session.contains("\"state\":\"ENDED\""));
            assertTrue(shell.stdout(), shell.stdout().contains("ENDED: stopped by shell")); // the session's operator
        }
    }

    @Test
    public void helpStartExplainsUpwellsStartNotTheBundleCommand() throws Exception {
        try (LaunchedJar shell = LaunchedJar.start(folder.newFolder("help").toPath(), C_LOCALE)) {
            shell.type("help start");
            shell.awaitOutput("help for start", "scope:");
            shell.endInput();
            shell.awaitExit();
            assertTrue(shell.stdout(), shell.stdout().contains("start - start a session"));
            assertTrue(shell.stdout(), shell.stdout().contains("scope: upwell"));
            assertFalse(shell.stdout(), shell.stdout().contains("start bundles"));
        }
    }

    @Test
    public void nonAsciiNamesSurviveTheConsoleUnderTheCLocale() throws Exception {
        try (LaunchedJar shell = LaunchedJar.start(folder.newFolder("utf-8").toPath(), C_LOCALE)) {
            shell.type("start static-cupping sim-1 0 upper-back operator=Zoë");
            shell.awaitOutput("the session's start", "started session");
            shell.type("estop");
            shell.type("ack Zoë");
            shell.awaitOutput("the acknowledgement", "acknowledged by");
            shell.endInput();
            shell.awaitExit();

            assertTrue(shell.stdout(), shell.stdout().contains("acknowledged by Zoë;"));
            assertTrue("the operator's name reached the journal intact",
                    read(sessionJournal(shell)).contains("\"operator\":\"Zoë\""));
        }
    }

    @Test
    public void logLinesGoToTheLogFileAndTheConsoleGetsOneLinePerWarning() throws Exception {
        try (LaunchedJar shell = LaunchedJar.start(folder.newFolder("logs").toPath(), C_LOCALE)) {
            shell.type("start static-cupping sim-1 0 upper-back");
            shell.awaitOutput("the session's start", "started session");
            shell.type("estop");
            shell.awaitOutput("the alarm's notice", "[ERROR] ALARM HIGH EMERGENCY_STOP");
            shell.endInput();
            shell.awaitExit();

            String log = read(shell.dataDirectory().resolve("upwell.log"));
            assertTrue("the full log is in upwell-data/upwell.log:\n" + log,
                    log.contains(" INFO io.upwell.engine.core.internal.Engine - Upwell engine started")
                            && log.contains(" ERROR io.upwell.engine.core.internal.AlarmDesk - ALARM HIGH EMERGENCY_STOP"));
            List<String> notices = shell.stdout().lines().filter(line -> line.contains("ALARM HIGH EMERGENCY_STOP"))
                    .collect(Collectors.toList());
            assertEquals("one console line for the alarm: " + notices, 1, notices.size());
            assertFalse("no log line on the console:\n" + shell.stdout(), shell.stdout().contains(" INFO "));
            assertEquals("nothing on standard error (no SPI Fly INFO line, no log lines)", "", shell.stderr());
        }
    }

    /** SR-01: before a session starts, the shell says which cups will be clamped and by which limit. */
    @Test
    public void startSaysBeforehandThatAFaceCupIsClampedAndByWhichLimit() throws Exception {
        try (LaunchedJar shell = LaunchedJar.start(folder.newFolder("clamp").toPath(), C_LOCALE)) {
            shell.type("start static-cupping sim-1 0,1 face,upper-back targetKpa=35 holdSeconds=10");
            shell.awaitOutput("the session's start", "started session");
            shell.type("estop");
            shell.endInput();
            shell.awaitExit();
            String out = shell.stdout();
            assertTrue(out, out.contains("cup 0 sim-1#0 face: asked 35.0 kPa (targetKpa); clamped to 10.0 kPa"
                    + " by the limit of the body region face"));
            assertTrue(out, out.contains("cup 1 sim-1#1 upper-back: up to 35.0 kPa, limit 55.0 kPa (body region"
                    + " upper-back)"));
            assertTrue("the plan comes before the start", out.indexOf("clamped to") < out.indexOf("started session"));
        }
    }

    /**
     * A module and a program file dropped into the technique folder are there again after a restart:
     * each run is a new process that finds the folder as the last one left it, and the shell lists both.
     */
    @Test
    public void aModuleAndAProgramFileInTheTechniqueFolderAreThereAgainAfterARestart() throws Exception {
        Path home = folder.newFolder("restart").toPath();
        Path techniques = Files.createDirectories(home.resolve("upwell-data").resolve("techniques"));
        Files.copy(UpwellFramework.jars(UpwellFramework.EXAMPLE_MODULE, true).get(0).toPath(),
                techniques.resolve("example.jar"));
        java.io.File programs = UpwellFramework.jars(UpwellFramework.UPWELL_BUNDLES, true).stream()
                .filter(jar -> jar.getName().startsWith("io.upwell.plugins.programs")).findFirst().orElseThrow();
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(programs);
                java.io.InputStream example = jar.getInputStream(jar.getEntry("examples/static-cupping.json"))) {
            Files.copy(example, techniques.resolve("static.json"));
        }
        Path log = home.resolve("upwell-data").resolve("upwell.log");
        for (int run = 1; run <= 2; run++) {
            Files.deleteIfExists(log); // so that the wait below reads this run's log, not the last one's
            try (LaunchedJar shell = LaunchedJar.start(home, C_LOCALE)) {
                // FileInstall installs the module and the engine describes it after the shell opens: wait for the log.
                Await.value("run " + run + ": the engine logs the example technique", () -> read(log),
                        text -> text.contains("technique example-pulse 0.1.0 from io.upwell.plugins.example"));
                Await.value("run " + run + ": the engine logs the program file's technique", () -> read(log),
                        text -> text.contains("technique example.static-cupping 1.0.0 from io.upwell.plugins.programs"));
                shell.type("techniques");
                shell.awaitOutput("run " + run + ": the example technique listed", "example-pulse");
                shell.endInput();
                shell.awaitExit();
                assertTrue(shell.stdout(), shell.stdout().contains("from io.upwell.plugins.example 0.1.0"));
                assertTrue(shell.stdout(), shell.stdout().contains("example.static-cupping 1.0.0"));
                assertTrue("the program's origin is its file:\n" + shell.stdout(),
                        shell.stdout().contains("upwell-data/techniques/static.json"));
            }
        }
    }

    private Path unusableDataDirectory() throws IOException {
        Path directory = folder.newFolder().toPath();
        // A regular file where the data directory should be: the engine cannot create its journal there.
        Files.writeString(directory.resolve("upwell-data"), "not a directory");
        return directory;
    }

    private static void assertCauseInOneLine(LaunchedJar run, Path directory) throws IOException {
        String expected = "upwell: the engine did not start: journal data directory "
                + directory.toRealPath().resolve("upwell-data") + " is unusable";
        List<String> lines = run.stderr().lines().filter(line -> line.startsWith("upwell: ")).collect(Collectors.toList());
        assertEquals("one line naming the cause on standard error:\n" + run.stderr(), 1, lines.size());
        assertTrue(lines.get(0) + "\nshould start with\n" + expected, lines.get(0).startsWith(expected));
        assertFalse("no stack trace on the console:\n" + run.stderr(), run.stderr().contains("\tat "));
    }

    private static Path sessionJournal(LaunchedJar run) {
        Path sessions = run.dataDirectory().resolve("sessions");
        if (!Files.isDirectory(sessions)) {
            return null;
        }
        try (Stream<Path> files = Files.list(sessions)) {
            return files.filter(file -> file.toString().endsWith(".jsonl")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
