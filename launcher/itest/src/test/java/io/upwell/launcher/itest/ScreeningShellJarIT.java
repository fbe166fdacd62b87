package io.upwell.launcher.itest;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * SR-14 at the console: a client screened by answering the shell's {@code screen} questions, and
 * the next {@code start ... client=<id>} carrying that screening into the engine, which judges it.
 * The jar runs as a process; the tests wait for output, never for time.
 */
public class ScreeningShellJarIT {

    private static final Map<String, String> C_LOCALE = Map.of("LANG", "C", "LC_ALL", "C");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder(new java.io.File(System.getProperty("java.io.tmpdir")));

    /** SR-14: a relative contraindication lowers the limits and the consent reaches the journal. */
    @Test
    public void aRelativeConditionAnsweredInTheShellLowersTheLimitAndJournalsTheConsent() throws Exception {
        try (LaunchedJar shell = LaunchedJar.start(folder.newFolder("relative").toPath(), C_LOCALE)) {
            shell.type("screen c-9");
            shell.type("Jo Doe");      // name
            shell.type("nurse-ana");   // screened by
            shell.type("diabetes");    // conditions
            shell.type("");            // no local findings
            shell.type("");            // no limit of the screener's
            shell.type("Dr Lee");      // consent given by
            shell.type("GP agreed on 2026-11-20");
            shell.awaitOutput("the kept screening", "kept for this shell: start ... client=c-9 uses it");
            shell.type("start static-cupping sim-1 0 upper-back client=c-9 targetKpa=40");
            shell.awaitOutput("the session's start", "started session");
            shell.type("estop");
            shell.type("ack nurse-ana");
            shell.awaitOutput("the acknowledgement", "acknowledged by");
            shell.endInput();
            shell.awaitExit();

            String out = shell.stdout();
            assertTrue(out, out.contains("screening: the one taken in this shell for client c-9 by nurse-ana"));
            assertTrue("the plan names the screening as what lowered the limit:\n" + out,
                    out.contains("screening: relative contraindications"));
            String journal = read(sessionJournal(shell));
            assertTrue(journal, journal.contains("\"diabetes\"") || journal.contains("\"DIABETES\""));
            assertTrue(journal, journal.contains("Dr Lee") && journal.contains("GP agreed on 2026-11-20"));
            assertTrue(journal, journal.contains("\"client\"") && journal.contains("c-9"));
        }
    }

    /** SR-14: an absolute contraindication refuses the session, naming the rule and its source. */
    @Test
    public void anAbsoluteConditionAnsweredInTheShellRefusesTheSessionNamingTheRuleAndSource() throws Exception {
        try (LaunchedJar shell = LaunchedJar.start(folder.newFolder("absolute").toPath(), C_LOCALE)) {
            shell.type("screen c-10");
            shell.type("");            // name
            shell.type("nurse-ana");
            shell.type("pacemaker");
            shell.type("");
            shell.type("");
            shell.awaitOutput("the kept screening", "kept for this shell: start ... client=c-10 uses it");
            shell.type("start static-cupping sim-1 0 upper-back client=c-10");
            shell.awaitOutput("the refusal", "absolute contraindications");
            shell.endInput();
            shell.awaitExit();

            String out = shell.stdout();
            assertTrue(out, out.contains("screening: absolute contraindications: a pacemaker (pacemaker): do not treat"
                    + " (source: general cupping practice"));
            assertFalse(out, out.contains("started session"));
            assertTrue("no session journal for a refused start", sessionJournal(shell) == null);
        }
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

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
