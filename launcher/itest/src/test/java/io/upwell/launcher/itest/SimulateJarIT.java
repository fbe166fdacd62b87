package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** {@code techniques} and {@code simulate} run from the executable jar as a process, the way therapists run them. */
public class SimulateJarIT {

    private static final Map<String, String> C_LOCALE = Map.of("LANG", "C", "LC_ALL", "C");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder(new java.io.File(System.getProperty("java.io.tmpdir")));

    @Test
    public void techniquesListsStaticCuppingWithItsParametersAndExitsZero() throws Exception {
        try (LaunchedJar run = LaunchedJar.start(folder.newFolder("techniques").toPath(), C_LOCALE, "techniques")) {
            int exit = run.awaitExit(); // first: the message below reads what it printed
            assertEquals("exit code; stderr: " + run.stderr(), 0, exit);
            String out = run.stdout();
            assertTrue(out, out.contains("static-cupping 1.0.0"));
            assertTrue(out, out.contains("targetKpa (per cup): 8 to 60 kPa, default 40"));
            assertTrue(out, out.contains("from io.upwell.plugins.staticcupping"));
        }
    }

    /**
     * A module in the technique folder is installed by FileInstall on a thread of its own after start
     * and described by the engine after that: {@code techniques} waits for both, with a bound, and
     * lists it beside the built-in one; {@code simulate} runs it the same way.
     */
    @Test
    public void techniquesAndSimulateWaitForTheTechniqueFoldersModules() throws Exception {
        Path home = folder.newFolder("folder").toPath();
        Path techniques = Files.createDirectories(home.resolve("upwell-data").resolve("techniques"));
        Files.copy(UpwellFramework.jars(UpwellFramework.EXAMPLE_MODULE, true).get(0).toPath(),
                techniques.resolve("example.jar"));
        try (LaunchedJar run = LaunchedJar.start(home, C_LOCALE, "techniques")) {
            int exit = run.awaitExit(); // first: the message below reads what it printed
            assertEquals("exit code; stderr: " + run.stderr(), 0, exit);
            String out = run.stdout();
            assertTrue(out, out.contains("static-cupping 1.0.0"));
            assertTrue(out, out.contains("example-pulse 0.1.0"));
            assertTrue(out, out.contains("from io.upwell.plugins.example 0.1.0"));
        }
        try (LaunchedJar run = LaunchedJar.start(home, C_LOCALE, "simulate", "example-pulse", "--cups", "1", "--out",
                "pulse")) {
            int exit = run.awaitExit(); // first: the message below reads what it printed
            assertEquals("exit code; stdout: " + run.stdout() + "\nstderr: " + run.stderr(), 0, exit);
            assertTrue(run.stdout(), run.stdout().contains("example-pulse 0.1.0: ENDED after"));
        }
        assertTrue(Files.isRegularFile(home.resolve("pulse/trace.svg")));
    }

    @Test
    public void simulateWritesTheTraceAndAChartAndPrintsTheSummary() throws Exception {
        Path directory = folder.newFolder("simulate").toPath();
        try (LaunchedJar run = LaunchedJar.start(directory, C_LOCALE, "simulate", "static-cupping", "--param",
                "holdSeconds=10", "--cups", "2", "--out", "sc")) {
            int exit = run.awaitExit(); // first: the message below reads what it printed
            assertEquals("exit code; stdout: " + run.stdout() + "\nstderr: " + run.stderr(), 0, exit);
            String out = run.stdout();
            assertTrue(out, out.contains("static-cupping 1.0.0: ENDED after"));
            assertTrue(out, out.contains(">= 20 kPa"));
            assertTrue(out, out.contains("alarms: none"));
        }
        List<String> csv = Files.readAllLines(directory.resolve("sc/trace.csv"));
        assertEquals("time_s,cup0_target_kPa,cup0_measured_kPa,cup0_phase,cup1_target_kPa,cup1_measured_kPa,cup1_phase",
                csv.get(0));
        assertTrue("rows: " + csv.size(), csv.size() > 150);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = factory.newDocumentBuilder().parse(new InputSource(new StringReader(
                Files.readString(directory.resolve("sc/trace.svg"), StandardCharsets.UTF_8))));
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertTrue(svg.getDocumentElement().getTextContent().contains("time (s)"));
    }

    @Test
    public void anUnknownTechniqueIsOneLineAndAUsageExit() throws Exception {
        try (LaunchedJar run = LaunchedJar.start(folder.newFolder("unknown").toPath(), C_LOCALE, "simulate",
                "no-such-technique")) {
            int exit = run.awaitExit(); // first: the message below reads what it printed
            assertEquals("exit code; stderr: " + run.stderr(), 2, exit);
            List<String> lines = run.stderr().lines().filter(line -> !line.isBlank()).toList();
            assertEquals("one line: " + lines, 1, lines.size());
            assertTrue(lines.get(0), lines.get(0).startsWith(
                    "upwell: simulate: unknown technique 'no-such-technique'; installed: ["));
            for (String technique : List.of("static-cupping", "flash-cupping", "interval-suction", "lymphatic-sequence",
                    "dynamic-gliding")) {
                assertTrue(technique + " named: " + lines.get(0), lines.get(0).contains(technique));
            }
        }
    }
}
