package io.upwell.plugins.flash.internal;

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
import io.upwell.api.technique.ProgramPolicy;
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

class FlashCuppingTechniqueTest {

    private final FlashCuppingTechnique technique = new FlashCuppingTechnique();

    @Test
    void describesItselfAsFlashCuppingWithSourcedParameters() {
        TechniqueDescriptor descriptor = technique.descriptor();
        assertEquals("flash-cupping", descriptor.id());
        assertEquals(TechniqueStyle.FLASH, descriptor.style());
        assertEquals(List.of("flashKpa", "onSeconds", "offSeconds", "flashes"),
                descriptor.parameters().stream().map(ParameterSpec::name).toList());
        for (ParameterSpec parameter : descriptor.parameters()) {
            assertFalse(parameter.description().isBlank(), parameter.name() + " is described");
            assertFalse(parameter.source().isBlank(), parameter.name() + " names its source");
        }
        assertTrue(descriptor.parameter("flashKpa").orElseThrow().isPerCup());
        ParameterSpec.Number level = (ParameterSpec.Number) descriptor.parameter("flashKpa").orElseThrow();
        assertEquals(8.0, level.min(), "the bottom of the dry-cupping range (Kim 2020)");
        assertEquals(30.0, level.max(), "kept light");
        assertEquals(15.0, level.defaultNumber());
    }

    @Test
    void defaultCyclesLastTwoAndAHalfSecondsAndFallWithinOneToThreeSeconds() {
        double on = number("onSeconds").defaultNumber();
        double off = number("offSeconds").defaultNumber();
        assertEquals(2.5, on + off);
        assertTrue(number("onSeconds").min() + number("offSeconds").min() >= 1.0, "the shortest cycle is 1 s");
    }

    @Test
    void everyCupFlashesTogetherFromAmbientToItsLevelWithTheDefaultTimes() throws TechniqueException {
        List<Cup> cups = List.of(cup(0, BodyRegion.UPPER_BACK), cup(1, BodyRegion.THIGH));

        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(), cups));

        assertEquals(2, program.timelines().size());
        for (Timeline timeline : program.timelines()) {
            assertEquals(1, timeline.segments().size());
            Segment.Pulse pulse = assertInstanceOf(Segment.Pulse.class, timeline.segments().get(0));
            assertEquals(0.0, pulse.lowKpa(), "released to ambient between flashes");
            assertEquals(15.0, pulse.highKpa());
            assertEquals(Duration.ofMillis(1500), pulse.on());
            assertEquals(Duration.ofSeconds(1), pulse.off());
            assertEquals(20, pulse.count());
        }
        assertEquals(Duration.ofSeconds(50), program.duration(), "20 cycles of 2.5 s");
        assertEquals(ProgramPolicy.DEFAULT, program.policy(), "flash needs no margin of its own");
        assertFalse(program.isAdaptive());
    }

    @Test
    void levelTimesAndCountFollowTheParametersAndPerCupOverrides() throws TechniqueException {
        Map<String, ParameterValue> parameters = PlanRequests.defaultParameters(technique.descriptor());
        parameters.put("onSeconds", ParameterValue.of(0.75));
        parameters.put("offSeconds", ParameterValue.of(0.5));
        parameters.put("flashes", ParameterValue.of(8));
        List<Cup> cups = List.of(cup(0, BodyRegion.GLUTES),
                cup(1, BodyRegion.GLUTES).withOverrides(Map.of("flashKpa", ParameterValue.of(22.5))));

        Program program = technique.plan(new PlanRequest(cups, parameters));

        Segment.Pulse first = (Segment.Pulse) program.timelines().get(0).segments().get(0);
        Segment.Pulse second = (Segment.Pulse) program.timelines().get(1).segments().get(0);
        assertEquals(15.0, first.highKpa());
        assertEquals(22.5, second.highKpa());
        assertEquals(Duration.ofMillis(750), second.on());
        assertEquals(Duration.ofMillis(500), second.off());
        assertEquals(8, second.count());
        assertEquals(Duration.ofSeconds(10), program.duration(), "8 cycles of 1.25 s");
    }

    @Test
    @Tag("SR-01")
    void aLevelAboveTheCupsLimitIsPlannedAtTheLimit() throws TechniqueException {
        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(),
                List.of(cup(0, BodyRegion.FACE))));

        assertEquals(10.0, ((Segment.Pulse) program.timelines().get(0).segments().get(0)).highKpa(),
                "the face allows 10 kPa; the default flash is 15");
    }

    @Test
    @Tag("SR-17")
    void aLevelOutsideItsRangeIsRefusedNamingParameterCupAndRange() {
        List<Cup> cups = List.of(cup(0, BodyRegion.CALF),
                cup(1, BodyRegion.CALF).withOverrides(Map.of("flashKpa", ParameterValue.of(45))));

        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> technique.plan(PlanRequests.withDefaults(technique.descriptor(), cups)));

        assertEquals("flash-cupping: flashKpa for cup 1 is 45.0 kPa; it must be 8 to 30 kPa", refused.getMessage());
    }

    @Test
    @Tag("SR-17")
    void aFractionalFlashCountIsRefused() {
        Map<String, ParameterValue> parameters = PlanRequests.defaultParameters(technique.descriptor());
        parameters.put("flashes", ParameterValue.of(10.5));

        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> technique.plan(new PlanRequest(List.of(cup(0, BodyRegion.CALF)), parameters)));

        assertTrue(refused.getMessage().contains("flashes is 10.5; it must be a whole number"), refused.getMessage());
    }

    @Test
    @Tag("SR-17")
    void anOnTimeOutsideItsRangeIsRefused() {
        Map<String, ParameterValue> parameters = PlanRequests.defaultParameters(technique.descriptor());
        parameters.put("onSeconds", ParameterValue.of(5));

        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> technique.plan(new PlanRequest(List.of(cup(0, BodyRegion.CALF)), parameters)));

        assertEquals("flash-cupping: onSeconds is 5.0 s; it must be 0.5 to 2 s", refused.getMessage());
    }

    @Test
    void aRequestWithoutCupsIsRefused() {
        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> technique.plan(PlanRequests.withDefaults(technique.descriptor(), List.of())));
        assertEquals("flash-cupping: the request has no cups", refused.getMessage());
    }

    private ParameterSpec.Number number(String name) {
        return (ParameterSpec.Number) technique.descriptor().parameter(name).orElseThrow();
    }
}
