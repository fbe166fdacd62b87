package io.upwell.plugins.programs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.upwell.api.body.BodyRegion;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.TechniqueException;
import io.upwell.api.technique.TechniqueStyle;
import io.upwell.engine.testkit.PlanRequests;
import io.upwell.plugins.programs.validation.ProgramProblem;
import io.upwell.plugins.programs.validation.ProgramReport;
import io.upwell.plugins.programs.validation.ProgramValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading files (bounds, missing files), the schema against the API, and the published copies. */
class ProgramFilesTest {

    @TempDir
    Path dir;

    private static String valid() throws IOException {
        return Files.readString(Path.of("src/main/resources/examples/flash-cupping.json"));
    }

    @Test
    @Tag("SR-17")
    void aMissingFileIsAProblemWithoutALine() {
        ProgramReport report = ProgramValidator.validate(dir.resolve("nowhere.json"));
        assertEquals(List.of(new ProgramProblem(dir.resolve("nowhere.json").toString(), "$", 0, "no such file")),
                report.problems());
        assertEquals(dir.resolve("nowhere.json") + ": no such file", report.problems().get(0).toString());
    }

    @Test
    @Tag("SR-17")
    void aDirectoryIsRefused() {
        ProgramReport report = ProgramValidator.validate(dir);
        assertTrue(report.problems().get(0).message().contains("is a directory"));
    }

    @Test
    @Tag("SR-17")
    void aFileLargerThanOneMegabyteIsRefusedBeforeItIsParsed() throws IOException {
        Path big = dir.resolve("big.json");
        // valid JSON padded with white space: only the size is wrong
        Files.writeString(big, valid() + " ".repeat(JsonSource.MAX_BYTES));
        ProgramReport report = ProgramValidator.validate(big);
        assertEquals(1, report.problems().size());
        assertTrue(report.problems().get(0).message().contains("larger than 1000000 bytes"));
    }

    @Test
    @Tag("SR-17")
    void textThatIsNotUtf8IsRefused() throws IOException {
        Path latin = dir.resolve("latin.json");
        Files.write(latin, valid().replace("Upwell examples", "Müller").getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(ProgramValidator.validate(latin).problems().get(0).message().contains("not UTF-8"));
    }

    @Test
    @Tag("SR-17")
    void anIdAlreadyInstalledFromAnotherFileIsRefused() throws IOException {
        Path file = dir.resolve("flash.json");
        Files.writeString(file, valid());
        ProgramReport report = ProgramValidator.validate(file, Set.of("example.flash-cupping"));
        assertEquals("$.id", report.problems().get(0).path());
        assertEquals(4, report.problems().get(0).line());
        assertTrue(report.problems().get(0).message().contains("already used by another installed technique"));
    }

    @Test
    void validatingHasNoSideEffectsAndGivesEqualResultsTwice() throws IOException {
        Path file = dir.resolve("flash.json");
        Files.writeString(file, valid());
        ProgramReport first = ProgramValidator.validate(file);
        ProgramReport second = ProgramValidator.validate(file);
        assertEquals(first.summary(), second.summary());
        assertTrue(Files.readString(file).equals(valid()), "the file is untouched");
    }

    @Test
    void aValidProgramsSummaryNamesIdVersionParametersPhasesAndPlannedDuration() throws IOException {
        Path file = dir.resolve("flash.json");
        Files.writeString(file, valid());
        List<String> lines = ProgramValidator.validate(file).lines();
        assertEquals(file + ": valid", lines.get(0));
        String text = String.join("\n", lines);
        assertTrue(text.contains("example.flash-cupping 1.0.0"), text);
        assertTrue(text.contains("targetKpa: 8 to 40 kPa, default 25, per cup"), text);
        assertTrue(text.contains("flash: all cups, 2 steps, 0 s to 41 s"), text);
        assertTrue(text.contains("planned duration at the defaults: 41 s on 1 cup"), text);
    }

    @Test
    void phasesStartedWithAnotherOnOtherCupsRunSideBySide() throws IOException, TechniqueException {
        Path file = dir.resolve("side.json");
        Files.writeString(file, """
                {"format": 1, "id": "side", "name": "Side by side", "version": "2.1.0", "style": "static",
                 "sources": ["judgement"], "cupCount": {"min": 2, "max": 2},
                 "phases": [
                   {"name": "left", "cups": [0], "steps": [{"type": "hold", "kpa": 20, "seconds": 30}]},
                   {"name": "right", "cups": [1], "start": {"with": "left", "delaySeconds": 5},
                    "intensity": 50, "steps": [{"type": "repeat", "times": 2, "intensity": {"from": 50, "to": 100},
                      "steps": [{"type": "hold", "kpa": 40, "seconds": 10}]}]},
                   {"name": "both", "steps": [{"type": "release", "seconds": 2}]}
                 ]}
                """);
        ProgramReport report = ProgramValidator.validate(file);
        assertTrue(report.valid(), () -> String.join("\n", report.lines()));
        var program = report.technique().orElseThrow().plan(PlanRequests.withDefaults(
                report.technique().get().descriptor(), List.of(PlanRequests.cup(0, BodyRegion.THIGH),
                        PlanRequests.cup(1, BodyRegion.THIGH))));
        assertEquals(List.of(new Segment.Hold(20, Duration.ofSeconds(30)), new Segment.Release(Duration.ofSeconds(2))),
                program.timelines().get(0).segments());
        // right: waits 5 s at ambient, then 50 % of (50 % then 100 %) of 40 kPa, then holds until 'both' at 30 s
        assertEquals(List.of(new Segment.Hold(0, Duration.ofSeconds(5)), new Segment.Hold(10, Duration.ofSeconds(10)),
                new Segment.Hold(20, Duration.ofSeconds(10)), new Segment.Hold(20, Duration.ofSeconds(5)),
                new Segment.Release(Duration.ofSeconds(2))), program.timelines().get(1).segments());
    }

    @Test
    void theSchemaListsExactlyTheApisRegionsAndStyles() {
        JsonObject schema = SchemaCheck.loadSchema();
        JsonObject properties = schema.getAsJsonObject("properties");
        assertEquals(Arrays.stream(BodyRegion.values()).map(r -> r.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.toCollection(TreeSet::new)), strings(properties.getAsJsonObject("regions")
                        .getAsJsonObject("items").get("enum")));
        assertEquals(Arrays.stream(TechniqueStyle.values()).map(s -> s.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new)), strings(properties.getAsJsonObject("style").get("enum")));
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").getAsString());
    }

    @Test
    void docsCarryTheSameSchemaAndExamplesAsTheBundle() throws IOException {
        Path docs = Path.of("../../docs");
        assertEquals(Files.readString(Path.of("src/main/resources/program.schema.json")),
                Files.readString(docs.resolve("program.schema.json")), "docs/program.schema.json is the bundle's copy");
        try (Stream<Path> examples = Files.list(Path.of("src/main/resources/examples"))) {
            for (Path example : examples.toList()) {
                assertEquals(Files.readString(example), Files.readString(docs.resolve("examples")
                        .resolve(example.getFileName())), "docs/examples/" + example.getFileName());
            }
        }
    }

    @Test
    void lineNumbersFollowTheFileNotGsonsBuffer() throws IOException {
        Path file = dir.resolve("lines.json");
        Files.writeString(file, valid().replace("\"max\": 60, \"default\": 20,", "\"max\": 60, \"default\": 200,"));
        ProgramProblem problem = ProgramValidator.validate(file).problems().get(0);
        long line = Arrays.asList(Files.readString(file).split("\n")).indexOf(Arrays.stream(Files.readString(file)
                .split("\n")).filter(l -> l.contains("\"default\": 200")).findFirst().orElseThrow()) + 1;
        assertEquals("$.parameters[3].default", problem.path());
        assertEquals(line, problem.line());
        assertFalse(problem.message().isEmpty());
    }

    private static Set<String> strings(JsonElement array) {
        Set<String> out = new TreeSet<>();
        array.getAsJsonArray().forEach(e -> out.add(e.getAsString()));
        return out;
    }

    static JsonElement parse(String text) {
        return JsonParser.parseString(text);
    }
}
