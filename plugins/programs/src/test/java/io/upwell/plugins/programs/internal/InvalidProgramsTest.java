package io.upwell.plugins.programs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.plugins.programs.validation.ProgramProblem;
import io.upwell.plugins.programs.validation.ProgramReport;
import io.upwell.plugins.programs.validation.ProgramValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under src/test/resources/invalid is refused, and its first problem (in line order)
 * names the JSON path and line where the mistake is and says, in the listed words, what is wrong
 * and what is allowed.
 */
@Tag("SR-17")
class InvalidProgramsTest {

    static final Path DIRECTORY = Path.of("src/test/resources/invalid");

    /** Files whose refusal is a hard limit (SR-01): levels above 80 kPa, policies above their bounds. */
    static final Set<String> HARD_LIMITS = Set.of("level-above-hard-limit.json", "parameter-above-hard-limit.json",
            "scaled-reference-above-hard-limit.json", "wave-above-hard-limit.json", "policy-above-hard-limits.json");

    record Row(String file, int problems, int line, String path, List<String> words) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Row row(String file, int problems, int line, String path, String... words) {
        return new Row(file, problems, line, path, List.of(words));
    }

    static final List<Row> ROWS = List.of(
                row("choice-default-not-an-option.json", 1, 26, "$.parameters[1].default", "default 'medium' is not one of its options", "slow, fast"),
                row("comment-not-allowed.json", 1, 2, "$", "not valid JSON", "comment"),
                row("condition-not-an-option.json", 1, 49, "$.phases[0].steps[2].when.is", "'medium' is not an option of parameter 'speed'", "slow, fast"),
                row("count-not-whole.json", 1, 43, "$.phases[0].steps[1].count", "must be a whole number", "2.5 to 10"),
                row("cup-index-beyond-minimum.json", 1, 25, "$.phases[0].cups[1]", "cup 3 is named", "as few as 2 cups", "cupCount.min"),
                row("cup-overlap.json", 1, 43, "$.phases[1].start", "cup 0 would run phase 'extra'", "still runs phase 'treat'", "one phase at a time"),
                row("default-outside-range.json", 1, 17, "$.parameters[0].default", "default 70 is outside its range", "from 8 to 60 kPa"),
                row("duplicate-key.json", 1, 29, "$.phases[0].steps[0].seconds", "field 'seconds' appears twice", "may appear once"),
                row("duplicate-parameter.json", 1, 20, "$.parameters[1].name", "parameter name 'targetKpa' is already used", "its own name"),
                row("duplicate-phase.json", 1, 42, "$.phases[1].name", "phase name 'treat' is already used", "its own name"),
                row("empty.json", 1, 1, "$", "not valid JSON", "ends too early"),
                row("format-unknown.json", 1, 2, "$.format", "'2' is not allowed", "allowed: 1"),
                row("intensity-above-100.json", 1, 40, "$.phases[0].intensity", "150 is out of range", "at most 100"),
                row("level-above-hard-limit.json", 1, 32, "$.phases[0].steps[1].kpa", "90 is out of range", "at most 80", "hard limit", "SR-01"),
                row("lymph-distal-first.json", 1, 17, "$.phases[0].cups", "wrong lymph order", "works zone 1", "proximal zone 0 is cleared", "proximal-first"),
                row("lymph-zones-overlap-while-clearing.json", 1, 17, "$.phases[0].cups", "wrong lymph order", "works zone 1 from 2 s", "ends at 10 s"),
                row("malformed-missing-comma.json", 1, 6, "$", "not valid JSON", "comma"),
                row("min-above-max.json", 1, 16, "$.parameters[0].max", "max 8 is below min 60", "at least min"),
                row("missing-required-fields.json", 1, 1, "$", "missing fields name, sources"),
                row("negative-duration.json", 1, 28, "$.phases[0].steps[0].seconds", "-5 is out of range", "at least 0"),
                row("nested-too-deep.json", 1, 3, "$.phases[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]", "nested deeper than 32 levels"),
                row("never-applies-vacuum.json", 1, 10, "$.phases", "never applies vacuum", "above 0 kPa"),
                row("not-an-object.json", 1, 1, "$", "the file holds a list", "one JSON object"),
                row("number-as-text.json", 1, 32, "$.phases[0].steps[1].kpa", "'40' is not allowed here", "a level in kPa from 0 to 80"),
                row("parameter-above-hard-limit.json", 2, 27, "$.phases[0].steps[0].toKpa", "can reach 95 kPa", "hard limit of 80 kPa", "SR-01", "lower the parameter's max"),
                row("policy-above-hard-limits.json", 2, 43, "$.policy.maxRiseKpaPerSecond", "30 is out of range", "at most 20"),
                row("pulse-low-above-high.json", 1, 32, "$.phases[0].steps[1].lowKpa", "lowKpa", "can be above highKpa", "must not be above"),
                row("pulse-on-parameter-can-be-zero.json", 1, 41, "$.phases[0].steps[1].onSeconds", "can be 0 s", "more than 0 s", "raise the parameter's min"),
                row("pulse-on-zero.json", 1, 33, "$.phases[0].steps[1].onSeconds", "0 is out of range", "more than 0"),
                row("reference-to-choice.json", 1, 41, "$.phases[0].steps[1].kpa", "parameter 'mode' is a choice", "needs a number parameter"),
                row("repeat-zero-times.json", 1, 32, "$.phases[0].steps[1].times", "0 is out of range", "at least 1"),
                row("scaled-reference-above-hard-limit.json", 1, 32, "$.phases[0].steps[1].kpa", "can reach 120 kPa", "times 2", "hard limit of 80 kPa", "SR-01"),
                row("session-too-long.json", 1, 20, "$.phases", "lasts 1 h 15 min", "at most 1 h", "SR-05"),
                row("several-problems.json", 4, 5, "$.version", "'one' is not allowed", "major.minor.patch"),
                row("start-after-unknown-phase.json", 1, 44, "$.phases[1].start.after", "no earlier phase is named 'frist'", "treat"),
                row("step-too-long.json", 1, 41, "$.phases[0].steps[1].seconds", "can last 5000 s", "at most 3600 s"),
                row("text-after-program.json", 1, 44, "$", "more text after the program's closing '}'"),
                row("truncated.json", 1, 22, "$", "not valid JSON", "ends too early"),
                row("unknown-parameter-reference.json", 1, 32, "$.phases[0].steps[1].kpa", "unknown parameter 'targetKPa'", "declared parameters: targetKpa"),
                row("unknown-region.json", 1, 44, "$.regions[1]", "'knee' is not allowed", "upper-back", "face"),
                row("unknown-step-field.json", 2, 30, "$.phases[0].steps[1]", "missing field kpa"),
                row("unknown-step-type.json", 1, 31, "$.phases[0].steps[1].type", "'squeeze' is not allowed", "ramp, hold, pulse, wave, release, repeat"),
                row("unknown-style.json", 1, 6, "$.style", "'swedish' is not allowed", "static, gliding, flash, lymphatic, interval"),
                row("unknown-top-field.json", 1, 42, "$.autor", "unknown field 'autor'", "allowed here", "author"),
                row("unused-parameter.json", 1, 19, "$.parameters[1]", "parameter 'holdSeconds' is declared but no field uses it"),
                row("version-not-semantic.json", 1, 5, "$.version", "'1.0' is not allowed", "major.minor.patch"),
                row("wave-above-hard-limit.json", 1, 33, "$.phases[0].steps[1].amplitudeKpa", "the wave can reach 90 kPa", "hard limit of 80 kPa", "SR-01"),
                row("wave-amplitude-above-base.json", 1, 33, "$.phases[0].steps[1].amplitudeKpa", "amplitudeKpa", "can be larger than baseKpa", "at most the base"));

    static Stream<Arguments> rows() {
        return ROWS.stream().filter(r -> !HARD_LIMITS.contains(r.file())).map(Arguments::of);
    }

    static Stream<Arguments> hardLimitRows() {
        return ROWS.stream().filter(r -> HARD_LIMITS.contains(r.file())).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachInvalidFileIsRefusedWithItsOwnMessage(Row row) {
        assertRefused(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hardLimitRows")
    @Tag("SR-01")
    void levelsAndPoliciesAboveTheHardLimitsAreRefused(Row row) {
        assertRefused(row);
    }

    private static void assertRefused(Row row) {
        Path file = DIRECTORY.resolve(row.file());
        ProgramReport report = ProgramValidator.validate(file);
        assertFalse(report.valid(), row.file() + " must be refused");
        assertTrue(report.technique().isEmpty(), "no technique from an invalid file");
        assertEquals(row.problems(), report.problems().size(), () -> "problems of " + row.file() + ": "
                + report.problems());
        ProgramProblem first = report.problems().get(0);
        assertEquals(file.toString(), first.file(), "the problem names the file");
        assertEquals(row.path(), first.path(), () -> "path of " + first);
        assertEquals(row.line(), first.line(), () -> "line of " + first);
        for (String word : row.words()) {
            assertTrue(first.message().contains(word), () -> "'" + word + "' in: " + first.message());
        }
    }

    @Test
    void atLeastTwentyFiveInvalidFilesAndEveryOneHasARow() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(DIRECTORY)) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertTrue(files.size() >= 25, "at least 25 invalid files, found " + files.size());
        assertEquals(files, ROWS.stream().map(Row::file).collect(Collectors.toCollection(TreeSet::new)),
                "every invalid file has its expected message in the table");
    }

    @Test
    void everyProblemOfAFileIsReportedNotJustTheFirst() {
        ProgramReport report = ProgramValidator.validate(DIRECTORY.resolve("several-problems.json"));
        assertEquals(List.of("$.version", "$.parameters[0].default", "$.phases[0].steps[0].toKpa",
                "$.phases[0].steps[2].secs"), report.problems().stream().map(ProgramProblem::path).toList());
        assertEquals(List.of(5, 17, 27, 38), report.problems().stream().map(ProgramProblem::line).toList());
        assertTrue(report.problems().get(1).message().contains("default 99 is outside its range"));
        assertTrue(report.problems().get(2).message().contains("unknown parameter 'target'"));
        assertTrue(report.problems().get(3).message().contains("unknown field 'secs'"));
    }

    @Test
    void aMistypedFieldIsBothUnknownAndLeavesTheRealOneMissing() {
        ProgramReport report = ProgramValidator.validate(DIRECTORY.resolve("unknown-step-field.json"));
        ProgramProblem typo = report.problems().get(1);
        assertEquals("$.phases[0].steps[1].kpaa", typo.path());
        assertEquals(32, typo.line());
        assertTrue(typo.message().contains("unknown field 'kpaa'") && typo.message().contains("type, when, kpa, seconds"),
                typo.message());
    }

    @Test
    @Tag("SR-01")
    void aParameterAboveTheHardLimitIsRefusedAtEveryFieldThatUsesIt() {
        ProgramReport report = ProgramValidator.validate(DIRECTORY.resolve("parameter-above-hard-limit.json"));
        assertEquals(List.of("$.phases[0].steps[0].toKpa", "$.phases[0].steps[1].kpa"),
                report.problems().stream().map(ProgramProblem::path).toList());
    }

    @Test
    @Tag("SR-01")
    void theLeakToleranceAboveItsBoundIsRefusedBesideTheRiseLimit() {
        ProgramReport report = ProgramValidator.validate(DIRECTORY.resolve("policy-above-hard-limits.json"));
        ProgramProblem leak = report.problems().get(1);
        assertEquals("$.policy.leakToleranceKpa", leak.path());
        assertTrue(leak.message().contains("20 is out of range") && leak.message().contains("at most 15"),
                leak.message());
    }

    @Test
    void theProblemLineReadsFileLinePathMessage() {
        ProgramReport report = ProgramValidator.validate(DIRECTORY.resolve("default-outside-range.json"));
        assertEquals(DIRECTORY.resolve("default-outside-range.json") + ":17: $.parameters[0].default: parameter"
                + " 'targetKpa': default 70 is outside its range; it must be from 8 to 60 kPa",
                report.problems().get(0).toString());
        assertEquals(Arrays.asList(DIRECTORY.resolve("default-outside-range.json")
                + ": 1 problem, not a valid program", report.problems().get(0).toString()), report.lines());
    }
}
