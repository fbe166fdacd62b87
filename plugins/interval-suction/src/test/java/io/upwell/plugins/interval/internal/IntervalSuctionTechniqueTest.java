package io.upwell.plugins.interval.internal;

import static io.upwell.engine.testkit.PlanRequests.cup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
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
import io.upwell.api.units.Pressure;
import io.upwell.engine.testkit.PlanRequests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class IntervalSuctionTechniqueTest {

    private final IntervalSuctionTechnique technique = new IntervalSuctionTechnique();

    @Test
    void describesItselfAsIntervalSuctionWithSourcedParameters() {
        TechniqueDescriptor descriptor = technique.descriptor();
        assertEquals("interval-suction", descriptor.id());
        assertEquals(TechniqueStyle.INTERVAL, descriptor.style());
        assertEquals(List.of("suctionKpa", "onSeconds", "offSeconds", "cycles", "mode", "shiftSeconds"),
                descriptor.parameters().stream().map(ParameterSpec::name).toList());
        for (ParameterSpec parameter : descriptor.parameters()) {
            assertFalse(parameter.description().isBlank(), parameter.name() + " is described");
            assertFalse(parameter.source().isBlank(), parameter.name() + " names its source");
        }
        ParameterSpec.Choice mode = (ParameterSpec.Choice) descriptor.parameter("mode").orElseThrow();
        assertEquals(List.of("together", "shifted"), mode.options());
        assertEquals("together", mode.defaultOption());
    }

    @Test
    void rangesAreIntervalVacuumTherapysAndDefaultsAreSundby2017s() {
        ParameterSpec.Number suction = number("suctionKpa");
        assertEquals(2.0, suction.min(), "20 mbar");
        assertEquals(7.0, suction.max(), "70 mbar");
        assertEquals(Pressure.ofMmHg(40).kpa(), suction.defaultNumber(), 0.05, "40 mmHg");
        assertTrue(suction.isPerCup());
        assertEquals(List.of(5.0, 12.0, 10.0), List.of(number("onSeconds").min(), number("onSeconds").max(),
                number("onSeconds").defaultNumber()));
        assertEquals(List.of(5.0, 10.0, 7.0), List.of(number("offSeconds").min(), number("offSeconds").max(),
                number("offSeconds").defaultNumber()));
        assertEquals(35.0, number("cycles").defaultNumber(), "35 cycles of 17 s: Sundby's 10 min");
        assertEquals(Duration.ofMinutes(30).toSeconds(), number("cycles").max() * (5 + 5),
                "the most cycles of the shortest cycle make the longest interval vacuum session");
        assertTrue(number("shiftSeconds").max() < number("onSeconds").min() + number("offSeconds").min(),
                "a shift is always shorter than a cycle");
    }

    @Test
    void togetherEveryCupAlternatesSuctionAndAtmosphereOnSundbysRhythm() throws TechniqueException {
        List<Cup> cups = List.of(cup(0, BodyRegion.THIGH), cup(1, BodyRegion.CALF));

        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(), cups));

        for (Timeline timeline : program.timelines()) {
            assertEquals(1, timeline.segments().size());
            Segment.Pulse pulse = assertInstanceOf(Segment.Pulse.class, timeline.segments().get(0));
            assertEquals(0.0, pulse.lowKpa(), "atmospheric phase: released to ambient");
            assertEquals(5.3, pulse.highKpa());
            assertEquals(Duration.ofSeconds(10), pulse.on());
            assertEquals(Duration.ofSeconds(7), pulse.off());
            assertEquals(Duration.ofSeconds(17), pulse.on().plus(pulse.off()), "cycle time");
            assertEquals(35, pulse.count());
        }
        assertEquals(Duration.ofSeconds(595), program.duration(), "35 cycles of 17 s");
        assertEquals("Interval suction: 35 cycles", program.name());
    }

    @Test
    void onOffTimesCyclesAndPerCupLevelsFollowTheParameters() throws TechniqueException {
        Map<String, ParameterValue> parameters = PlanRequests.defaultParameters(technique.descriptor());
        parameters.put("onSeconds", ParameterValue.of(5.5));
        parameters.put("offSeconds", ParameterValue.of(9));
        parameters.put("cycles", ParameterValue.of(4));
        List<Cup> cups = List.of(cup(0, BodyRegion.THIGH),
                cup(1, BodyRegion.THIGH).withOverrides(Map.of("suctionKpa", ParameterValue.of(2.5))));

        Program program = technique.plan(new PlanRequest(cups, parameters));

        Segment.Pulse second = (Segment.Pulse) program.timelines().get(1).segments().get(0);
        assertEquals(5.3, ((Segment.Pulse) program.timelines().get(0).segments().get(0)).highKpa());
        assertEquals(2.5, second.highKpa());
        assertEquals(Duration.ofMillis(5500), second.on());
        assertEquals(Duration.ofSeconds(9), second.off());
        assertEquals(4, second.count());
        assertEquals(Duration.ofSeconds(58), program.duration());
    }

    @Test
    void shiftedAdjacentCupsStartShiftSecondsApartAndKeepTheirRhythm() throws TechniqueException {
        Map<String, ParameterValue> parameters = shifted();
        List<Cup> cups = List.of(inChain(0, 0, List.of(1)), inChain(1, 1, List.of(0, 2)), inChain(2, 2, List.of(1)));

        Program program = technique.plan(new PlanRequest(cups, parameters));

        Timeline zone0 = program.timelines().get(0);
        Timeline zone1 = program.timelines().get(1);
        Timeline zone2 = program.timelines().get(2);
        assertEquals(Duration.ZERO, onset(zone0));
        assertEquals(Duration.ofSeconds(3), onset(zone1).minus(onset(zone0)), "zone 1 starts 3 s after zone 0");
        assertEquals(Duration.ofSeconds(3), onset(zone1).minus(onset(zone2)), "and 3 s after zone 2");
        Segment.Hold wait = assertInstanceOf(Segment.Hold.class, zone1.segments().get(0));
        assertEquals(0.0, wait.kpa(), "the late cup waits at ambient");
        Segment.Pulse late = assertInstanceOf(Segment.Pulse.class, zone1.segments().get(1));
        Segment.Pulse early = assertInstanceOf(Segment.Pulse.class, zone0.segments().get(0));
        assertEquals(early, late, "the same rhythm, only later");
        assertEquals(Duration.ofSeconds(598), program.duration(), "35 cycles of 17 s, plus the shift");
        assertEquals("Interval suction: 35 cycles, odd zones 3 s after even zones", program.name());
    }

    @Test
    void theShiftFollowsShiftSeconds() throws TechniqueException {
        Map<String, ParameterValue> parameters = shifted();
        parameters.put("shiftSeconds", ParameterValue.of(4.5));
        List<Cup> cups = List.of(inChain(0, 0, List.of(1)), inChain(1, 1, List.of(0)));

        Program program = technique.plan(new PlanRequest(cups, parameters));

        assertEquals(Duration.ofMillis(4500), onset(program.timelines().get(1)).minus(onset(program.timelines().get(0))));
    }

    @Test
    void cupsInZonesOfTheSameParityMayShareAPump() throws TechniqueException {
        List<Cup> cups = List.of(inChain(0, 0, List.of(1)), inChain(1, 1, List.of(0, 2)).withPumpGroup(7),
                inChain(2, 2, List.of(1)).withPumpGroup(0));

        Program program = technique.plan(new PlanRequest(cups, shifted()));

        assertEquals(onset(program.timelines().get(0)), onset(program.timelines().get(2)),
                "zones 0 and 2 run in step on their shared pump");
    }

    @Test
    @Tag("SR-17")
    void shiftingAdjacentCupsThatShareAPumpIsRefusedNamingThem() {
        List<Cup> cups = List.of(inChain(0, 0, List.of(1)).withPumpGroup(4), inChain(1, 1, List.of(0, 2)).withPumpGroup(9),
                inChain(2, 2, List.of(1)).withPumpGroup(9));

        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> technique.plan(new PlanRequest(cups, shifted())));

        assertEquals("interval-suction: cups 1 and 2 share pump group 9 but would run shifted against each other"
                + " (zones 1 and 2); give them separate pumps or use mode together", refused.getMessage());
    }

    @Test
    @Tag("SR-17")
    void shiftingACupOutsideAChainIsRefusedNamingIt() {
        List<Cup> cups = List.of(inChain(0, 0, List.of()), cup(1, BodyRegion.THIGH));

        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> technique.plan(new PlanRequest(cups, shifted())));

        assertTrue(refused.getMessage().contains("cup 1 has no zone"), refused.getMessage());
    }

    @Test
    void togetherCupsMayShareAPumpAndNeedNoChain() throws TechniqueException {
        List<Cup> cups = List.of(cup(0, BodyRegion.THIGH).withPumpGroup(0), cup(1, BodyRegion.THIGH).withPumpGroup(0));

        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(), cups));

        assertEquals(onset(program.timelines().get(0)), onset(program.timelines().get(1)));
    }

    @Test
    @Tag("SR-01")
    void aLevelAboveTheCupsLimitIsPlannedAtTheLimit() throws TechniqueException {
        Cup screened = Cup.of(0, new BodySite(BodyRegion.CALF, Side.LEFT, ""), 4.0);

        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(), List.of(screened)));

        assertEquals(4.0, ((Segment.Pulse) program.timelines().get(0).segments().get(0)).highKpa());
    }

    @Test
    @Tag("SR-17")
    void anOffTimeOutsideItsRangeIsRefused() {
        Map<String, ParameterValue> parameters = PlanRequests.defaultParameters(technique.descriptor());
        parameters.put("offSeconds", ParameterValue.of(2));

        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> technique.plan(new PlanRequest(List.of(cup(0, BodyRegion.THIGH)), parameters)));

        assertEquals("interval-suction: offSeconds is 2.0 s; it must be 5 to 10 s", refused.getMessage());
    }

    @Test
    @Tag("SR-17")
    void anUnknownModeIsRefused() {
        Map<String, ParameterValue> parameters = PlanRequests.defaultParameters(technique.descriptor());
        parameters.put("mode", ParameterValue.of("wave"));

        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> technique.plan(new PlanRequest(List.of(cup(0, BodyRegion.THIGH)), parameters)));

        assertEquals("interval-suction: mode is 'wave'; it must be one of together, shifted", refused.getMessage());
    }

    @Test
    void aRequestWithoutCupsIsRefused() {
        assertThrows(TechniqueException.class,
                () -> technique.plan(PlanRequests.withDefaults(technique.descriptor(), List.of())));
    }

    private Map<String, ParameterValue> shifted() {
        Map<String, ParameterValue> parameters = PlanRequests.defaultParameters(technique.descriptor());
        parameters.put("mode", ParameterValue.of("shifted"));
        return parameters;
    }

    private static Cup inChain(int index, int zone, List<Integer> neighbours) {
        return cup(index, BodyRegion.THIGH).inZone(zone, neighbours);
    }

    /** When suction first starts on the timeline. */
    private static Duration onset(Timeline timeline) {
        Duration t = Duration.ZERO;
        for (Segment segment : timeline.segments()) {
            if (segment instanceof Segment.Pulse pulse && pulse.highKpa() > 0) {
                return t;
            }
            t = t.plus(segment.duration());
        }
        throw new AssertionError("no suction on cup " + timeline.cup());
    }

    private ParameterSpec.Number number(String name) {
        return (ParameterSpec.Number) technique.descriptor().parameter(name).orElseThrow();
    }
}
