package io.upwell.plugins.staticcupping.internal;

import static io.upwell.engine.testkit.PlanRequests.cup;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.upwell.api.body.BodyRegion;
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

/** Each site's dwell limit: holds shortened so a cup is never under vacuum longer, and the engine told the longest. */
@Tag("SR-04")
class SiteDwellTest {

    private final StaticCuppingTechnique technique = new StaticCuppingTechnique();

    @Test
    void thinAndSensitiveSitesGetLessThanTheUsualFifteenMinutes() {
        assertEquals(Duration.ofMinutes(5), SiteDwell.limitFor(BodyRegion.FACE));
        assertEquals(Duration.ofMinutes(5), SiteDwell.limitFor(BodyRegion.POSTERIOR_NECK));
        for (BodyRegion region : List.of(BodyRegion.CHEST, BodyRegion.ABDOMEN, BodyRegion.UPPER_ARM, BodyRegion.FOREARM)) {
            assertEquals(Duration.ofMinutes(10), SiteDwell.limitFor(region), region.name());
        }
        for (BodyRegion region : List.of(BodyRegion.UPPER_BACK, BodyRegion.LOWER_BACK, BodyRegion.SHOULDER,
                BodyRegion.GLUTES, BodyRegion.THIGH, BodyRegion.CALF)) {
            assertEquals(Duration.ofMinutes(15), SiteDwell.limitFor(region), region.name());
        }
    }

    @Test
    void aHoldWithinTheSitesLimitIsKeptAndTheProgramKeepsItsName() throws TechniqueException {
        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(),
                List.of(cup(0, BodyRegion.UPPER_BACK), cup(1, BodyRegion.CHEST))));

        assertEquals(Duration.ofSeconds(300), hold(program.timelines().get(0)).duration());
        assertEquals(Duration.ofSeconds(300), hold(program.timelines().get(1)).duration(), "5 + 300 + 3 s < 10 min");
        assertEquals("Static cupping", program.name());
    }

    @Test
    void aFaceCupsHoldIsShortenedSoRampsAndHoldStayWithinFiveMinutesAndTheNameSaysSo() throws TechniqueException {
        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(),
                List.of(cup(0, BodyRegion.UPPER_BACK), cup(1, BodyRegion.FACE))));

        Timeline face = program.timelines().get(1);
        assertEquals(Duration.ofSeconds(300 - 5 - 3), hold(face).duration());
        assertEquals(Duration.ofMinutes(5), face.duration(), "ramp in, hold and release: 5 min under vacuum");
        assertEquals(Duration.ofSeconds(300), hold(program.timelines().get(0)).duration(), "the back keeps its hold");
        assertEquals("Static cupping; hold shortened to the site's dwell limit for cup 1 (face: 5 min under vacuum,"
                + " hold 292 s)", program.name());
    }

    @Test
    void everyShortenedCupIsNamedWithItsSiteAndHold() throws TechniqueException {
        Map<String, ParameterValue> parameters = PlanRequests.defaultParameters(technique.descriptor());
        parameters.put("holdSeconds", ParameterValue.of(900));
        parameters.put("rampInSeconds", ParameterValue.of(4.5));
        List<Cup> cups = List.of(cup(0, BodyRegion.POSTERIOR_NECK), cup(1, BodyRegion.FOREARM),
                cup(2, BodyRegion.GLUTES));

        Program program = technique.plan(new PlanRequest(cups, parameters));

        assertEquals(Duration.ofMillis(292_500), hold(program.timelines().get(0)).duration());
        assertEquals(Duration.ofMillis(592_500), hold(program.timelines().get(1)).duration());
        assertEquals(Duration.ofMillis(892_500), hold(program.timelines().get(2)).duration(),
                "even the longest hold keeps the ramps within 15 min");
        assertEquals("Static cupping; hold shortened to the site's dwell limit for cup 0 (posterior neck: 5 min under"
                + " vacuum, hold 292.5 s), cup 1 (forearm: 10 min under vacuum, hold 592.5 s), cup 2 (glutes: 15 min"
                + " under vacuum, hold 892.5 s)", program.name());
    }

    @Test
    void aPerCupHoldOverrideIsShortenedToo() throws TechniqueException {
        List<Cup> cups = List.of(cup(0, BodyRegion.ABDOMEN).withOverrides(Map.of("holdSeconds", ParameterValue.of(700))));

        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(), cups));

        assertEquals(Duration.ofSeconds(592), hold(program.timelines().get(0)).duration());
    }

    @Test
    void theEngineIsToldTheLongestLimitOfTheSessionsSites() throws TechniqueException {
        assertEquals(Duration.ofMinutes(5), maxDwell(cup(0, BodyRegion.FACE), cup(1, BodyRegion.POSTERIOR_NECK)));
        assertEquals(Duration.ofMinutes(10), maxDwell(cup(0, BodyRegion.FACE), cup(1, BodyRegion.UPPER_ARM)));
        assertEquals(Duration.ofMinutes(15), maxDwell(cup(0, BodyRegion.FACE), cup(1, BodyRegion.CALF)));
    }

    private Duration maxDwell(Cup... cups) throws TechniqueException {
        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(), List.of(cups)));
        return program.policy().maxDwell();
    }

    private static Segment.Hold hold(Timeline timeline) {
        return (Segment.Hold) timeline.segments().get(1);
    }
}
