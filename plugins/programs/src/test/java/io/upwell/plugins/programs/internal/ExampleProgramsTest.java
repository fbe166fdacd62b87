package io.upwell.plugins.programs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.technique.Cup;
import io.upwell.api.technique.ParameterValue;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.Technique;
import io.upwell.api.technique.TechniqueException;
import io.upwell.api.technique.TechniqueStyle;
import io.upwell.api.technique.Timeline;
import io.upwell.engine.testkit.PlanRequests;
import io.upwell.plugins.programs.validation.ProgramReport;
import io.upwell.plugins.programs.validation.ProgramValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped example programs are valid, and each plans the segments its file describes. */
class ExampleProgramsTest {

    static final Path EXAMPLES = Path.of("src/main/resources/examples");

    static Stream<Path> examples() throws IOException {
        return Files.list(EXAMPLES).sorted();
    }

    static Technique load(String name) {
        ProgramReport report = ProgramValidator.validate(EXAMPLES.resolve(name));
        assertTrue(report.valid(), () -> String.join("\n", report.lines()));
        return report.technique().orElseThrow();
    }

    static List<Cup> chain(int n, BodyRegion region) {
        List<Cup> cups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> next = new ArrayList<>();
            if (i > 0) {
                next.add(i - 1);
            }
            if (i < n - 1) {
                next.add(i + 1);
            }
            cups.add(PlanRequests.cup(i, region).inZone(i, next));
        }
        return cups;
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleIsValidAndPlansWithinASession(Path file) throws TechniqueException {
        ProgramReport report = ProgramValidator.validate(file);
        assertTrue(report.valid(), () -> String.join("\n", report.lines()));
        Technique technique = report.technique().orElseThrow();
        int cups = technique.descriptor().style() == TechniqueStyle.LYMPHATIC ? 4 : 2;
        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(), chain(cups,
                BodyRegion.THIGH)));
        assertEquals(cups, program.timelines().size());
        assertTrue(program.duration().compareTo(Duration.ZERO) > 0);
        assertTrue(program.duration().compareTo(Duration.ofMinutes(60)) <= 0);
        assertEquals(report.summary().orElseThrow().id(), technique.descriptor().id());
        assertEquals(report.origin(), file.toAbsolutePath().normalize().toString());
    }

    @Test
    void staticCuppingRampsHoldsAndReleasesEachCupWithItsOwnTarget() throws TechniqueException {
        Technique technique = load("static-cupping.json");
        List<Cup> cups = List.of(PlanRequests.cup(0, BodyRegion.UPPER_BACK),
                PlanRequests.cup(1, BodyRegion.UPPER_BACK).withOverrides(Map.of("targetKpa", ParameterValue.of(30))));
        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(), cups));
        assertEquals(List.of(new Segment.Ramp(40, Duration.ofSeconds(5)), new Segment.Hold(40, Duration.ofSeconds(300)),
                new Segment.Release(Duration.ofSeconds(3))), program.timelines().get(0).segments());
        assertEquals(List.of(new Segment.Ramp(30, Duration.ofSeconds(5)), new Segment.Hold(30, Duration.ofSeconds(300)),
                new Segment.Release(Duration.ofSeconds(3))), program.timelines().get(1).segments());
        assertEquals(Duration.ofSeconds(900), program.policy().maxDwell());
        assertEquals("static-cupping.json", Path.of(technique.toString().substring(technique.toString()
                .lastIndexOf(' ') + 1)).getFileName().toString());
    }

    @Test
    void flashCuppingPulsesTheCountOfCyclesThenReleases() throws TechniqueException {
        Technique technique = load("flash-cupping.json");
        Map<String, ParameterValue> values = PlanRequests.defaultParameters(technique.descriptor());
        values.put("cycles", ParameterValue.of(12));
        Program program = technique.plan(new PlanRequest(List.of(PlanRequests.cup(0, BodyRegion.CALF)), values));
        assertEquals(List.of(new Segment.Pulse(0, 25, Duration.ofSeconds(1), Duration.ofSeconds(1), 12),
                new Segment.Release(Duration.ofSeconds(1))), program.timelines().get(0).segments());
    }

    @Test
    void intervalSuctionShiftedStartsEachZoneHalfASuctionPhaseAfterTheOneBefore() throws TechniqueException {
        Technique technique = load("interval-suction.json");
        Map<String, ParameterValue> values = PlanRequests.defaultParameters(technique.descriptor());
        values.put("mode", ParameterValue.of("shifted"));
        Program program = technique.plan(new PlanRequest(chain(3, BodyRegion.THIGH), values));
        Segment.Pulse pulse = new Segment.Pulse(0, 5.3, Duration.ofSeconds(10), Duration.ofSeconds(7), 35);
        assertEquals(List.of(pulse), program.timelines().get(0).segments());
        assertEquals(List.of(new Segment.Hold(0, Duration.ofSeconds(5)), pulse), program.timelines().get(1).segments());
        assertEquals(List.of(new Segment.Hold(0, Duration.ofSeconds(10)), pulse), program.timelines().get(2).segments());
    }

    @Test
    void intervalSuctionTogetherPulsesEveryCupAtOnce() throws TechniqueException {
        Technique technique = load("interval-suction.json");
        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(), List.of(
                PlanRequests.cup(0, BodyRegion.THIGH), PlanRequests.cup(1, BodyRegion.CALF))));
        for (Timeline timeline : program.timelines()) {
            assertEquals(List.of(new Segment.Pulse(0, 5.3, Duration.ofSeconds(10), Duration.ofSeconds(7), 35)),
                    timeline.segments());
        }
    }

    @Test
    void lymphaticSequenceClearsZonesFromTheTrunkOutwardsThenWavesTowardsTheTrunk() throws TechniqueException {
        Technique technique = load("lymphatic-4-zones.json");
        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(), chain(4, BodyRegion.THIGH)));
        Duration pulseLength = Duration.ofSeconds(10); // 5 pulses of 1 s on and 1 s off
        for (int zone = 0; zone < 4; zone++) {
            List<Segment> segments = program.timelines().get(zone).segments();
            int first = 0;
            if (zone > 0) {
                assertEquals(new Segment.Hold(0, pulseLength.multipliedBy(zone)), segments.get(0),
                        "zone " + zone + " waits until every zone nearer the trunk is cleared");
                first = 1;
            }
            assertEquals(new Segment.Pulse(0, 6.7, Duration.ofSeconds(1), Duration.ofSeconds(1), 5), segments.get(first));
            Segment.Wave wave = (Segment.Wave) segments.stream().filter(s -> s instanceof Segment.Wave).findFirst()
                    .orElseThrow();
            // distal first: zone 3 leads, each zone nearer the trunk a quarter period behind
            double expectedOffset = ((0 - 0.25 * (3 - zone)) % 1.0 + 1.0) % 1.0;
            assertEquals(expectedOffset, wave.phaseOffset(), 1e-9, "wave offset of zone " + zone);
            assertEquals(3.35, wave.baseKpa(), 1e-9);
            assertInstanceOf(Segment.Release.class, segments.get(segments.size() - 1));
        }
        assertEquals(5.0, program.policy().maxRiseKpaPerSecond());
    }

    @Test
    void aLymphaticProgramRefusesCupsThatAreNotInAChain() {
        Technique technique = load("lymphatic-4-zones.json");
        List<Cup> loose = List.of(PlanRequests.cup(0, BodyRegion.THIGH), PlanRequests.cup(1, BodyRegion.THIGH),
                PlanRequests.cup(2, BodyRegion.THIGH), PlanRequests.cup(3, BodyRegion.THIGH));
        TechniqueException e = assertThrows(TechniqueException.class,
                () -> technique.plan(PlanRequests.withDefaults(technique.descriptor(), loose)));
        assertTrue(e.getMessage().contains("cup 0 has no zone"), e.getMessage());
        assertTrue(e.getMessage().contains("$.style"), e.getMessage());
    }

    @Test
    void aRequestWithTheWrongNumberOfCupsIsRefusedNamingTheRange() {
        Technique technique = load("lymphatic-4-zones.json");
        TechniqueException e = assertThrows(TechniqueException.class,
                () -> technique.plan(PlanRequests.withDefaults(technique.descriptor(), chain(3, BodyRegion.THIGH))));
        assertTrue(e.getMessage().contains("needs 4 cups; the session has 3"), e.getMessage());
    }

    @Test
    void theDescriptorCarriesTheFilesMetadata() {
        Technique technique = load("lymphatic-4-zones.json");
        assertEquals("example.lymphatic-4-zones", technique.descriptor().id());
        assertEquals("1.0.0", technique.descriptor().version());
        assertEquals(TechniqueStyle.LYMPHATIC, technique.descriptor().style());
        assertEquals(List.of(BodyRegion.THIGH, BodyRegion.CALF), technique.descriptor().regions());
        assertEquals("Upwell examples", technique.descriptor().author());
        assertEquals(3, technique.descriptor().sources().size());
        assertTrue(technique.descriptor().parameter("pulseKpa").orElseThrow().isPerCup());
        assertFalse(technique.descriptor().parameter("pulses").orElseThrow().isPerCup());
    }
}
