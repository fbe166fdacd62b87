package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
 * {@code records} from the executable jar, as a therapist runs it: a demo session run before is in the
 * embedded database of the data directory, listed, exported and printed.
 */
public class RecordsJarIT {

    private static final Map<String, String> C_LOCALE = Map.of("LANG", "C", "LC_ALL", "C", "TZ", "UTC");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder(new java.io.File(System.getProperty("java.io.tmpdir")));

    private static String run(Path home, String... arguments) throws Exception {
        try (LaunchedJar run = LaunchedJar.start(home, C_LOCALE, arguments)) {
            int exit = run.awaitExit(); // first: the message below reads what it printed
            assertEquals(String.join(" ", arguments) + ": exit code; stdout: " + run.stdout() + "\nstderr: "
                    + run.stderr(), 0, exit);
            return run.stdout();
        }
    }

    @Test
    public void aDemoSessionIsListedExportedAndPrinted() throws Exception {
        Path home = folder.newFolder("clinic").toPath();
        run(home, "demo", "--virtual");
        String id;
        try (Stream<Path> sessions = Files.list(home.resolve("upwell-data/sessions"))) {
            List<String> ids = sessions.map(p -> p.getFileName().toString().replace(".jsonl", ""))
                    .collect(Collectors.toList());
            assertEquals("one session journal: " + ids, 1, ids.size());
            id = ids.get(0);
        }
        assertTrue("the embedded database is in the data directory",
                Files.isRegularFile(home.resolve("upwell-data/records/upwell-records.mv.db")));

        String list = run(home, "records", "list", "--client", "demo-client", "--site", "shoulder/right");
        assertTrue(list, list.contains(id));
        assertTrue(list, list.contains("1 session(s)"));
        String none = run(home, "records", "list", "--technique", "flash-cupping");
        assertTrue(none, none.contains("no sessions match"));

        run(home, "records", "export", id, "--format", "json", "--out", "out/session.json");
        JsonObject json = JsonParser.parseString(Files.readString(home.resolve("out/session.json"),
                StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(id, json.getAsJsonObject("summary").get("sessionId").getAsString());
        assertEquals("ENDED", json.getAsJsonObject("summary").get("outcome").getAsString());
        assertEquals(4, json.getAsJsonArray("cups").size());
        assertTrue(json.getAsJsonArray("trace").size() > 100);

        run(home, "records", "export", "--client", "demo-client", "--format", "csv", "--out", "out/sessions.csv");
        List<String> rows = Files.readAllLines(home.resolve("out/sessions.csv"), StandardCharsets.UTF_8);
        assertEquals(2, rows.size());
        assertTrue(rows.get(1), rows.get(1).startsWith(id + ","));

        run(home, "records", "report", id, "--out", "out/report.html");
        String html = Files.readString(home.resolve("out/report.html"), StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue("the pressure chart is embedded", html.contains("<svg") && html.contains("vacuum (kPa below ambient)"));
    }

    @Test
    public void anUnknownSessionAndBadOptionsAreRefusedInOneLine() throws Exception {
        Path home = folder.newFolder("refusals").toPath();
        try (LaunchedJar run = LaunchedJar.start(home, C_LOCALE, "records", "show", "no-such-session")) {
            assertEquals(1, run.awaitExit());
            assertTrue(run.stderr(), run.stderr().contains("upwell: records: no session no-such-session in the records"
                    + " database"));
        }
        try (LaunchedJar run = LaunchedJar.start(home, C_LOCALE, "records", "export", "x", "--format", "xml", "--out",
                "f")) {
            assertEquals(2, run.awaitExit());
            assertTrue(run.stderr(), run.stderr().contains("upwell: records: --format must be csv or json, got 'xml'"));
        }
    }
}
