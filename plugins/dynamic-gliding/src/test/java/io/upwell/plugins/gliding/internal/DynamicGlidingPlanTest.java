package io.upwell.plugins.gliding.internal;

import static io.upwell.engine.testkit.PlanRequests.cup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.technique.Cup;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.ParameterValue;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueException;
import io.upwell.api.technique.TechniqueStyle;
import io.upwell.api.technique.Timeline;
import io.upwell.engine.testkit.PlanRequests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class DynamicGlidingPlanTest {

    private final DynamicGlidingTechnique technique = new DynamicGlidingTechnique();

    @Test
    void describesItselfAsDynamicGlidingWithSourcedParameters() {
        TechniqueDescriptor descriptor = technique.descriptor();
        assertEquals("dynamic-gliding", descriptor.id());
        assertEquals(TechniqueStyle.GLIDING, descriptor.style());
        assertEquals(List.of("glideKpa", "glideMode", "glideMinutes", "rampInSeconds", "rampOutSeconds", "sealSeekKpa",
                "resealRiseKpaPerSecond"), descriptor.parameters().stream().map(ParameterSpec::name).toList());
        for (ParameterSpec parameter : descriptor.parameters()) {
            assertFalse(parameter.description().isBlank(), parameter.name() + " is described");
            assertFalse(parameter.source().isBlank(), parameter.name() + " names its source");
        }
        ParameterSpec.Number level = (ParameterSpec.Number) descriptor.parameter("glideKpa").orElseThrow();
        assertEquals(List.of(10.0, 25.0, 15.0), List.of(level.min(), level.max(), level.defaultNumber()),
                "light: about 10 to 25 kPa");
        assertTrue(level.isPerCup());
        ParameterSpec.Choice mode = (ParameterSpec.Choice) descriptor.parameter("glideMode").orElseThrow();
        assertEquals(List.of("steady", "slow-pulse", "fast-pulse"), mode.options());
        ParameterSpec.Number rise = (ParameterSpec.Number) descriptor.parameter("resealRiseKpaPerSecond").orElseThrow();
        assertTrue(rise.max() < 10.0, "the ramp back is gentler than the engine's default 10 kPa/s");
    }

    @Test
    void eachCupRampsInGlidesSteadilyInTwoSecondPiecesAndReleases() throws TechniqueException {
        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(),
                List.of(cup(0, BodyRegion.UPPER_BACK), cup(1, BodyRegion.THIGH))));

        for (Timeline timeline : program.timelines()) {
            List<Segment> segments = timeline.segments();
            assertEquals(3 + 150 + 1, segments.size(), "ramp in 2 + 2 + 1 s, 150 glide pieces, release");
            assertEquals(new Segment.Ramp(6.0, Duration.ofSeconds(2)), segments.get(0));
            assertEquals(new Segment.Ramp(12.0, Duration.ofSeconds(2)), segments.get(1));
            assertEquals(new Segment.Ramp(15.0, Duration.ofSeconds(1)), segments.get(2));
            for (Segment glide : segments.subList(3, 153)) {
                assertEquals(new Segment.Hold(15.0, Duration.ofSeconds(2)), glide);
            }
            assertEquals(new Segment.Release(Duration.ofSeconds(3)), segments.get(153));
        }
        assertEquals(Duration.ofSeconds(5 + 300 + 3), program.duration());
        assertEquals("Dynamic gliding: 5 min, steady", program.name());
    }

    @Test
    @Tag("SR-06")
    void declaresAHigherLeakToleranceWithinTheEnginesBound() throws TechniqueException {
        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(),
                List.of(cup(0, BodyRegion.UPPER_BACK))));

        assertEquals(12.0, program.policy().leakToleranceKpa());
        assertTrue(program.policy().leakToleranceKpa() > 2.0, "more than the engine's default 2 kPa");
        assertTrue(program.policy().leakToleranceKpa() <= 15.0, "within the 15 kPa a program may declare");
        assertEquals(0.0, program.policy().maxRiseKpaPerSecond(), "the engine's own rise limit");
        double seekAtFullIntensity = ((ParameterSpec.Number) technique.descriptor().parameter("sealSeekKpa")
                .orElseThrow()).max() * 1.5;
        assertTrue(seekAtFullIntensity < program.policy().leakToleranceKpa(),
                "an unsealed cup at the seal-seeking level never counts as a leak, even at 150 % intensity");
    }

    @Test
    void isAdaptiveAndNoSegmentBeforeTheReleaseLastsMoreThanTwoSeconds() throws TechniqueException {
        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(),
                List.of(cup(0, BodyRegion.UPPER_BACK))));

        assertTrue(program.isAdaptive());
        assertEquals(Duration.ofMillis(250), program.adaptEvery());
        List<Segment> segments = program.timelines().get(0).segments();
        for (Segment segment : segments.subList(0, segments.size() - 1)) {
            assertTrue(segment.duration().compareTo(Duration.ofSeconds(2)) <= 0, segment + " is short");
        }
    }

    @Test
    void slowPulseAlternatesTheGlideLevelAndHalfOfItEachSecond() throws TechniqueException {
        Program program = technique.plan(request("slow-pulse", cup(0, BodyRegion.UPPER_BACK)));

        List<Segment> segments = program.timelines().get(0).segments();
        for (Segment glide : segments.subList(3, 153)) {
            assertEquals(new Segment.Pulse(7.5, 15.0, Duration.ofSeconds(1), Duration.ofSeconds(1), 1), glide);
        }
        assertEquals(Duration.ofSeconds(308), program.duration());
    }

    @Test
    void fastPulseDoesTheSameEveryHalfSecond() throws TechniqueException {
        Program program = technique.plan(request("fast-pulse", cup(0, BodyRegion.UPPER_BACK)));

        Segment.Pulse pulse = assertInstanceOf(Segment.Pulse.class, program.timelines().get(0).segments().get(3));
        assertEquals(new Segment.Pulse(7.5, 15.0, Duration.ofMillis(500), Duration.ofMillis(500), 2), pulse);
        assertEquals("Dynamic gliding: 5 min, fast-pulse", program.name());
    }

    @Test
    void durationsAndPerCupLevelsFollowTheParameters() throws TechniqueException {
        Map<String, ParameterValue> parameters = PlanRequests.defaultParameters(technique.descriptor());
        parameters.put("glideMinutes", ParameterValue.of(1.5));
        parameters.put("rampInSeconds", ParameterValue.of(3));
        parameters.put("rampOutSeconds", ParameterValue.of(0));
        List<Cup> cups = List.of(cup(0, BodyRegion.UPPER_BACK),
                cup(1, BodyRegion.UPPER_BACK).withOverrides(Map.of("glideKpa", ParameterValue.of(22))));

        Program program = technique.plan(new PlanRequest(cups, parameters));

        List<Segment> second = program.timelines().get(1).segments();
        assertEquals(new Segment.Ramp(44.0 / 3, Duration.ofSeconds(2)), second.get(0));
        assertEquals(new Segment.Ramp(22.0, Duration.ofSeconds(1)), second.get(1));
        assertEquals(new Segment.Hold(22.0, Duration.ofSeconds(2)), second.get(2));
        assertEquals(2 + 45 + 1, second.size());
        assertEquals(new Segment.Release(Duration.ZERO), second.get(second.size() - 1));
        assertEquals(new Segment.Hold(15.0, Duration.ofSeconds(2)), program.timelines().get(0).segments().get(2));
        assertEquals(Duration.ofSeconds(93), program.duration());
        assertEquals("Dynamic gliding: 1.5 min, steady", program.name());
    }

    @Test
    @Tag("SR-01")
    void aLevelAboveTheCupsLimitIsPlannedAtTheLimit() throws TechniqueException {
        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(),
                List.of(cup(0, BodyRegion.FACE))));

        assertEquals(new Segment.Hold(10.0, Duration.ofSeconds(2)), program.timelines().get(0).segments().get(3),
                "the face allows 10 kPa; the default glide is 15");
    }

    @Test
    @Tag("SR-17")
    void aLevelOutsideItsRangeIsRefusedNamingTheCup() {
        List<Cup> cups = List.of(cup(0, BodyRegion.UPPER_BACK).withOverrides(Map.of("glideKpa", ParameterValue.of(40))));

        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> technique.plan(PlanRequests.withDefaults(technique.descriptor(), cups)));

        assertEquals("dynamic-gliding: glideKpa for cup 0 is 40.0 kPa; it must be 10 to 25 kPa", refused.getMessage());
    }

    @Test
    @Tag("SR-17")
    void anUnknownGlideModeIsRefused() {
        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> technique.plan(request("zigzag", cup(0, BodyRegion.UPPER_BACK))));

        assertEquals("dynamic-gliding: glideMode is 'zigzag'; it must be one of steady, slow-pulse, fast-pulse",
                refused.getMessage());
    }

    @Test
    void aRequestWithoutCupsIsRefused() {
        assertThrows(TechniqueException.class,
                () -> technique.plan(PlanRequests.withDefaults(technique.descriptor(), List.of())));
    }

    private PlanRequest request(String mode, Cup... cups) {
        Map<String, ParameterValue> parameters = PlanRequests.defaultParameters(technique.descriptor());
        parameters.put("glideMode", ParameterValue.of(mode));
        return new PlanRequest(List.of(cups), parameters);
    }
}
