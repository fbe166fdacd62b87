package io.upwell.plugins.staticcupping.internal;

import static io.upwell.engine.testkit.PlanRequests.cup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.technique.Cup;
import io.upwell.api.technique.ParameterValue;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.TechniqueException;
import io.upwell.api.technique.Timeline;
import io.upwell.engine.testkit.PlanRequests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class StaticCuppingTechniqueTest {

    private final StaticCuppingTechnique technique = new StaticCuppingTechnique();

    @Test
    void eachCupRampsToItsTargetHoldsAndReleasesWithTheDefaultTimes() throws TechniqueException {
        List<Cup> cups = List.of(cup(0, BodyRegion.UPPER_BACK), cup(1, BodyRegion.SHOULDER));

        Program program = technique.plan(new PlanRequest(cups, defaults()));

        assertEquals(2, program.timelines().size());
        for (int i = 0; i < cups.size(); i++) {
            Timeline timeline = program.timelines().get(i);
            assertEquals(i, timeline.cup());
            List<Segment> segments = timeline.segments();
            assertEquals(3, segments.size(), "ramp, hold, release");
            Segment.Ramp ramp = assertInstanceOf(Segment.Ramp.class, segments.get(0));
            Segment.Hold hold = assertInstanceOf(Segment.Hold.class, segments.get(1));
            Segment.Release release = assertInstanceOf(Segment.Release.class, segments.get(2));
            assertEquals(40.0, ramp.toKpa());
            assertEquals(Duration.ofSeconds(5), ramp.duration());
            assertEquals(40.0, hold.kpa());
            assertEquals(Duration.ofSeconds(300), hold.duration());
            assertEquals(Duration.ofSeconds(3), release.duration());
        }
        assertEquals(Duration.ofSeconds(308), program.duration());
    }

    @Test
    void fractionalSecondsArePlannedExactly() throws TechniqueException {
        Map<String, ParameterValue> parameters = defaults();
        parameters.put(StaticCuppingParameters.RAMP_IN_SECONDS, ParameterValue.of(3.25));
        parameters.put(StaticCuppingParameters.RAMP_OUT_SECONDS, ParameterValue.of(0.0));

        Timeline timeline = technique.plan(new PlanRequest(List.of(cup(0, BodyRegion.THIGH)), parameters))
                .timelines().get(0);

        assertEquals(Duration.ofMillis(3250), timeline.segments().get(0).duration());
        assertEquals(Duration.ZERO, timeline.segments().get(2).duration(), "a zero ramp-out releases at once");
    }

    @Test
    void aPerCupOverrideChangesOnlyThatCup() throws TechniqueException {
        Map<String, ParameterValue> parameters = defaults();
        List<Cup> cups = List.of(cup(0, BodyRegion.UPPER_BACK), cup(1, BodyRegion.UPPER_BACK).withOverrides(Map.of(
                "targetKpa", ParameterValue.of(30), "holdSeconds", ParameterValue.of(20))),
                cup(2, BodyRegion.UPPER_BACK));

        Program program = technique.plan(new PlanRequest(cups, parameters));

        assertEquals(40.0, level(program.timelines().get(0)));
        assertEquals(30.0, level(program.timelines().get(1)));
        assertEquals(Duration.ofSeconds(20), program.timelines().get(1).segments().get(1).duration());
        assertEquals(40.0, level(program.timelines().get(2)));
        assertEquals(Duration.ofSeconds(300), program.timelines().get(2).segments().get(1).duration());
    }

    @Test
    @Tag("SR-01")
    void aTargetAboveTheCupsLimitIsPlannedAtTheLimit() throws TechniqueException {
        // The posterior neck allows 20 kPa; the default target is 40.
        Cup neck = Cup.of(0, new BodySite(BodyRegion.POSTERIOR_NECK, Side.CENTRE, ""), 20.0);
        Cup back = cup(1, BodyRegion.UPPER_BACK);

        Program program = technique.plan(new PlanRequest(List.of(neck, back), defaults()));

        Timeline neckTimeline = program.timelines().get(0);
        assertEquals(20.0, ((Segment.Ramp) neckTimeline.segments().get(0)).toKpa());
        assertEquals(20.0, ((Segment.Hold) neckTimeline.segments().get(1)).kpa());
        assertEquals(40.0, level(program.timelines().get(1)), "a cup below its limit keeps its target");
    }

    @Test
    @Tag("SR-17")
    void aValueOutsideItsRangeIsRefusedNamingParameterAndCup() {
        Map<String, ParameterValue> parameters = defaults();
        List<Cup> cups = List.of(cup(0, BodyRegion.GLUTES),
                cup(1, BodyRegion.GLUTES).withOverrides(Map.of("targetKpa", ParameterValue.of(75.0))));

        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> technique.plan(new PlanRequest(cups, parameters)));

        assertTrue(refused.getMessage().contains("targetKpa"), refused.getMessage());
        assertTrue(refused.getMessage().contains("cup 1"), refused.getMessage());
        assertTrue(refused.getMessage().contains("75.0"), refused.getMessage());
        assertTrue(refused.getMessage().contains("8 to 60 kPa"), refused.getMessage());
    }

    @Test
    @Tag("SR-17")
    void aMissingParameterIsRefusedNamingIt() {
        Map<String, ParameterValue> parameters = defaults();
        parameters.remove(StaticCuppingParameters.HOLD_SECONDS);

        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> technique.plan(new PlanRequest(List.of(cup(0, BodyRegion.CALF)), parameters)));

        assertTrue(refused.getMessage().contains("holdSeconds"), refused.getMessage());
    }

    @Test
    void aCupWithoutAUsableLimitIsRefused() {
        Cup broken = Cup.of(0, new BodySite(BodyRegion.CALF, Side.LEFT, ""), Double.NaN);

        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> technique.plan(new PlanRequest(List.of(broken), defaults())));

        assertTrue(refused.getMessage().contains("cup 0"), refused.getMessage());
    }

    @Test
    void aRequestWithoutCupsIsRefused() {
        assertThrows(TechniqueException.class, () -> technique.plan(new PlanRequest(List.of(), defaults())));
    }

    private Map<String, ParameterValue> defaults() {
        return PlanRequests.defaultParameters(technique.descriptor());
    }

    private static double level(Timeline timeline) {
        return ((Segment.Hold) timeline.segments().get(1)).kpa();
    }
}
