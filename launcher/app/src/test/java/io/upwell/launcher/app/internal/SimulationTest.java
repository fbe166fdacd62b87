package io.upwell.launcher.app.internal;

import io.upwell.api.preview.Preview;
import io.upwell.api.preview.PreviewRequest;
import io.upwell.api.preview.PreviewService;
import io.upwell.api.session.AvailableTechnique;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionPlan;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.ParameterValue;
import io.upwell.engine.records.report.Trace;
import io.upwell.engine.records.report.TraceCsv;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulate command from its words to its files and lines, on a stand-in for the engine's preview. */
class SimulationTest {

    private static final List<AvailableTechnique> INSTALLED = List.of(
            new AvailableTechnique(SimulateArgumentsTest.STATIC, "io.upwell.plugins.staticcupping 1.0.0", "bundle"));

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<PreviewRequest> asked = new ArrayList<>();

    /** A preview that ends as told after 3 s, every cup at 30 kPa from 1 s. */
    private PreviewService previews(SessionState end) {
        return request -> {
            asked.add(request);
            List<Preview.Sample> samples = new ArrayList<>();
            for (int tenth = 0; tenth <= 30; tenth++) {
                for (int cup = 0; cup < request.session().placements().size(); cup++) {
                    double level = tenth < 10 ? 3 * tenth : 30;
                    samples.add(new Preview.Sample(Duration.ofMillis(100L * tenth), cup, level,
                            tenth == 0 ? Double.NaN : level, tenth < 10 ? "ramp" : "hold"));
                }
            }
            return new Preview(new SessionPlan("static-cupping", "", Duration.ofSeconds(3), List.of()), samples, List.of(),
                    end, end == SessionState.ENDED ? "program complete" : "leak on cup 1", Duration.ofSeconds(3));
        };
    }

    private int run(PreviewService previews, String... words) {
        return Simulation.run(List.of(words), INSTALLED, previews, print(out), print(err), "upwell: simulate: ");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private List<String> lines(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aSimulationWritesTheTraceAndTheChartAndPrintsTheSummary(@TempDir Path temp) throws Exception {
        Path folder = temp.resolve("sc");

        int exit = run(previews(SessionState.ENDED), "static-cupping", "--cups", "2", "--param", "targetKpa=30",
                "--out", folder.toString());

        assertEquals(ExitCodes.OK, exit, err.toString());
        assertEquals(List.of(), lines(err));
        PreviewRequest request = asked.get(0);
        assertEquals("static-cupping", request.session().techniqueId());
        assertEquals(ParameterValue.of(30), request.session().parameters().get("targetKpa"));
        assertTrue(request.technique().isEmpty(), "an installed technique runs as installed");
        assertEquals(SimulateArguments.DEVICE_ID, request.device().descriptor().id());
        assertEquals(2, request.device().descriptor().channelCount());
        assertTrue(request.device().descriptor().simulated());
        assertEquals(Simulation.SAMPLE_EVERY, request.sampleEvery());

        List<String> csv = Files.readAllLines(folder.resolve(Simulation.CSV));
        assertEquals(TraceCsv.header(Trace.of(List.of(new Preview.Sample(Duration.ZERO, 0, 0, 0, ""),
                new Preview.Sample(Duration.ZERO, 1, 0, 0, "")))), csv.get(0));
        assertEquals(32, csv.size());
        assertTrue(Files.readString(folder.resolve(Simulation.SVG)).contains("Static cupping (static-cupping 1.0.0)"));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("static-cupping 1.0.0: ENDED after 3.0 s"), printed);
        assertTrue(printed.contains("alarms: none"), printed);
        assertTrue(printed.contains("wrote " + folder.resolve(Simulation.CSV)), printed);
    }

    @Test
    void aSessionThatDidNotEndNormallyStillLeavesItsTraceButExitsNonZero(@TempDir Path temp) {
        int exit = run(previews(SessionState.ABORTED), "static-cupping", "--out", temp.toString());

        assertEquals(ExitCodes.SESSION_FAILED, exit);
        assertTrue(Files.isRegularFile(temp.resolve(Simulation.CSV)));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("ABORTED after 3.0 s"));
    }

    @Test
    @Tag("SR-17")
    void anUnknownTechniqueIsOneLineAndAUsageExitWithoutRunningAnything(@TempDir Path temp) {
        int exit = run(previews(SessionState.ENDED), "tai-chi", "--out", temp.toString());

        assertEquals(ExitCodes.USAGE, exit);
        assertEquals(List.of("upwell: simulate: unknown technique 'tai-chi'; installed: [static-cupping]"),
                lines(err));
        assertEquals(List.of(), asked);
        assertEquals(List.of(), lines(out));
    }

    /** A program file runs as it is written, without being installed: what a therapist previews while writing one. */
    @Test
    void aProgramFileRunsWithoutBeingInstalled(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("mine.json");
        try (var example = getClass().getResourceAsStream("/examples/static-cupping.json")) {
            Files.copy(example, file);
        }

        int exit = run(previews(SessionState.ENDED), file.toString(), "--cups", "2", "--param", "holdSeconds=60",
                "--out", temp.resolve("out").toString());

        assertEquals(ExitCodes.OK, exit, err.toString());
        PreviewRequest request = asked.get(0);
        assertEquals("example.static-cupping", request.session().techniqueId());
        assertTrue(request.technique().isPresent(), "the file's technique is handed to the preview");
        assertEquals("example.static-cupping", request.technique().get().descriptor().id());
        assertEquals(ParameterValue.of(60), request.session().parameters().get("holdSeconds"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(file.toAbsolutePath().toString()), out.toString());
    }

    @Test
    @Tag("SR-17")
    void anInvalidProgramFileIsRefusedWithEveryProblemAndNothingRuns(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("bad.json");
        Files.writeString(file, "{\"format\": 1, \"id\": \"bad\"}\n");

        int exit = run(previews(SessionState.ENDED), file.toString(), "--out", temp.resolve("out").toString());

        assertEquals(ExitCodes.USAGE, exit);
        String refused = err.toString(StandardCharsets.UTF_8);
        assertTrue(refused.startsWith("upwell: simulate: " + file + ": "), refused);
        assertTrue(refused.contains("not a valid program"), refused);
        assertEquals(List.of(), asked);
    }

    @Test
    @Tag("SR-17")
    void aBadParameterOrFolderIsOneLineBeforeAnythingRuns(@TempDir Path temp) throws Exception {
        assertEquals(ExitCodes.USAGE, run(previews(SessionState.ENDED), "static-cupping", "--param", "targetKpa=high",
                "--out", temp.toString()));
        Path file = Files.writeString(temp.resolve("file"), "");
        assertEquals(ExitCodes.USAGE, run(previews(SessionState.ENDED), "static-cupping", "--out", file.toString()));

        List<String> refusals = lines(err);
        assertEquals(2, refusals.size(), refusals.toString());
        assertTrue(refusals.get(0).startsWith("upwell: simulate: ") && refusals.get(0).contains("targetKpa"),
                refusals.get(0));
        assertEquals("upwell: simulate: --out " + file + " exists and is not a folder", refusals.get(1));
        assertEquals(List.of(), asked);
    }

    @Test
    @Tag("SR-17")
    void aValueOutOfItsRangeIsRefusedBeforeAnythingRuns(@TempDir Path temp) {
        assertEquals(ExitCodes.USAGE, run(previews(SessionState.ENDED), "static-cupping", "--param", "targetKpa=99",
                "--out", temp.toString()));
        assertEquals(ExitCodes.USAGE, run(previews(SessionState.ENDED), "static-cupping", "--param", "targetKpa@1=7",
                "--out", temp.toString()));

        List<String> refusals = lines(err);
        assertEquals(2, refusals.size(), refusals.toString());
        assertTrue(refusals.get(0).contains("targetKpa") && refusals.get(0).contains("99")
                && refusals.get(0).contains("8 to 60 kPa"), refusals.get(0));
        assertTrue(refusals.get(1).startsWith("upwell: simulate: cup 1: ") && refusals.get(1).contains("7"),
                refusals.get(1));
        assertEquals(List.of(), asked);
        assertEquals(List.of(), lines(out));
    }

    @Test
    void theChartSaysWhichCupsTheirLimitsClampedAndByWhat() {
        // cups 0 and 2 are asked 40 kPa (the default); cup 1 is given 8 kPa, within its limit; cup 3 35 kPa
        io.upwell.api.session.SessionRequest request = SimulateArguments.parse(List.of("static-cupping", "--param",
                "targetKpa@1=8", "--param", "targetKpa@3=35")).toRequest(SimulateArgumentsTest.STATIC);
        java.util.function.IntFunction<io.upwell.api.session.Placement> at = cup -> request.placements().get(cup);
        SessionPlan plan = new SessionPlan("static-cupping", "", Duration.ofSeconds(30), List.of(
                new SessionPlan.CupPlan(0, at.apply(0), 10, "body region face", 10),
                new SessionPlan.CupPlan(1, at.apply(1), 10, "body region face", 8),
                new SessionPlan.CupPlan(2, at.apply(2), 10, "body region face", 10),
                new SessionPlan.CupPlan(3, at.apply(3), 30, "device preview-sim", 30)));

        assertEquals("cups 0, 2 asked 40.0 kPa (targetKpa); clamped to 10.0 kPa by the limit of the body region face."
                + " cup 3 asked 35.0 kPa (targetKpa); clamped to 30.0 kPa by the limit of the device preview-sim",
                Simulation.clamped(plan, request, SimulateArgumentsTest.STATIC));
        assertEquals("", Simulation.clamped(new SessionPlan("static-cupping", "", Duration.ofSeconds(30),
                List.of(new SessionPlan.CupPlan(1, at.apply(1), 10, "body region face", 8))), request,
                SimulateArgumentsTest.STATIC));
    }

    @Test
    void aPreviewTheEngineRefusesIsOneLine(@TempDir Path temp) {
        int exit = run(request -> {
            throw new SessionException("cup 0: 70 kPa is above the limit");
        }, "static-cupping", "--out", temp.toString());

        assertEquals(ExitCodes.SESSION_FAILED, exit);
        List<String> refusals = lines(err);
        assertEquals(List.of("upwell: simulate: the preview could not run: cup 0: 70 kPa is above the limit"), refusals);
        assertFalse(Files.exists(temp.resolve(Simulation.CSV)));
    }

    @Test
    void aFailingPreviewIsOneLineNeverAStackTrace(@TempDir Path temp) {
        int exit = run(request -> {
            throw new NullPointerException("boom");
        }, "static-cupping", "--out", temp.toString());

        assertEquals(ExitCodes.SESSION_FAILED, exit);
        assertEquals(List.of("upwell: simulate: the preview failed: java.lang.NullPointerException: boom"), lines(err));
    }
}
