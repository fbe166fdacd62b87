package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate FILE.json}: exit codes and what it prints, for valid, invalid and unreadable files. */
class ValidateCommandTest {

    static final Path EXAMPLES = Path.of("../../plugins/programs/src/main/resources/examples");
    static final Path INVALID = Path.of("../../plugins/programs/src/test/resources/invalid");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... files) {
        return ValidateCommand.run(List.of(files), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCommandLineRecognisesValidateWithFiles() {
        assertEquals(CommandLine.VALIDATE, CommandLine.parse(List.of("validate", "a.json")));
        assertEquals(CommandLine.VALIDATE, CommandLine.parse(List.of("validate", "a.json", "b.json")));
        assertEquals(CommandLine.USAGE, CommandLine.parse(List.of("validate")));
        assertTrue(CommandLine.USAGE_TEXT.contains("validate FILE"));
    }

    @Test
    void aValidProgramExitsZeroWithASummary() {
        int code = run(EXAMPLES.resolve("lymphatic-4-zones.json").toString());
        assertEquals(ExitCodes.OK, code);
        String text = out();
        assertTrue(text.startsWith(EXAMPLES.resolve("lymphatic-4-zones.json") + ": valid"), text);
        assertTrue(text.contains("example.lymphatic-4-zones 1.0.0"), "id and version: " + text);
        assertTrue(text.contains("pulseKpa: 2.7 to 20 kPa, default 6.7, per cup"), "parameters: " + text);
        assertTrue(text.contains("cups: 4 cups, placed in a chain (zones)"), "cups: " + text);
        assertTrue(text.contains("clear: zones proximal first, one after another, 1 step, 0 s to 40 s"), "phases: " + text);
        assertTrue(text.contains("planned duration at the defaults: 164 s (2 min 44 s) on 4 cups"), "duration: " + text);
        assertEquals("", err());
    }

    @Test
    @Tag("SR-17")
    void anInvalidProgramExitsNonZeroWithEveryProblem() {
        int code = run(INVALID.resolve("several-problems.json").toString());
        assertEquals(ExitCodes.INVALID_PROGRAM, code);
        assertTrue(code != 0);
        List<String> lines = err().lines().toList();
        assertEquals(INVALID.resolve("several-problems.json") + ": 4 problems, not a valid program", lines.get(0));
        assertEquals(5, lines.size(), err());
        assertTrue(lines.get(1).startsWith(INVALID.resolve("several-problems.json") + ":5: $.version: "), lines.get(1));
        assertTrue(lines.get(4).contains(":38: $.phases[0].steps[2].secs: unknown field 'secs'"), lines.get(4));
        assertEquals("", out());
    }

    @Test
    @Tag("SR-17")
    void aMissingFileOrADirectoryIsReportedWithoutAStackTrace() {
        assertEquals(ExitCodes.INVALID_PROGRAM, run(dir.resolve("missing.json").toString()));
        assertEquals(ExitCodes.INVALID_PROGRAM, run(dir.toString()));
        String text = err();
        assertTrue(text.contains(dir.resolve("missing.json") + ": no such file"), text);
        assertTrue(text.contains(dir + ": is a directory"), text);
        assertFalse(text.contains("Exception") || text.contains("\tat "), "no stack trace: " + text);
    }

    @Test
    @Tag("SR-17")
    void anUnreadableFileIsReportedWithoutAStackTrace() throws IOException {
        Path locked = Files.writeString(dir.resolve("locked.json"), "{}");
        boolean denied = locked.toFile().setReadable(false) && !Files.isReadable(locked);
        int code = run(locked.toString());
        assertEquals(ExitCodes.INVALID_PROGRAM, code);
        assertTrue(err().contains(denied ? "permission denied" : "missing fields"), err());
        assertFalse(err().contains("Exception"), err());
    }

    @Test
    void severalFilesAreEachReportedAndOneInvalidFailsTheRun() {
        int code = run(EXAMPLES.resolve("flash-cupping.json").toString(),
                INVALID.resolve("cup-overlap.json").toString());
        assertEquals(ExitCodes.INVALID_PROGRAM, code);
        assertTrue(out().contains("flash-cupping.json: valid"), out());
        assertTrue(err().contains("cup-overlap.json:43: $.phases[1].start: cup 0 would run phase 'extra'"), err());
    }

    @Test
    void noFileIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run());
        assertTrue(err().contains("name a program file"));
    }
}
