package io.upwell.plugins.lymphatic.internal;

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
import io.upwell.api.units.Pressure;
import io.upwell.engine.testkit.PlanRequests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class LymphaticSequenceTechniqueTest {

    private final LymphaticSequenceTechnique technique = new LymphaticSequenceTechnique();

    /** A three-zone chain on a leg, listed out of zone order: cup 0 is the most distal. */
    private final List<Cup> leg = List.of(
            cup(0, BodyRegion.CALF).inZone(2, List.of(2)),
            cup(1, BodyRegion.THIGH).inZone(0, List.of(2)),
            cup(2, BodyRegion.THIGH).inZone(1, List.of(0, 1)));

    @Test
    void describesItselfAsALymphaticSequenceWithSourcedParameters() {
        TechniqueDescriptor descriptor = technique.descriptor();
        assertEquals("lymphatic-sequence", descriptor.id());
        assertEquals(TechniqueStyle.LYMPHATIC, descriptor.style());
        assertEquals(List.of("pulseKpa", "pulsesPerZone", "pulseOnSeconds", "pulseOffSeconds", "zoneGapSeconds",
                "waves", "followTherapist"), descriptor.parameters().stream().map(ParameterSpec::name).toList());
        for (ParameterSpec parameter : descriptor.parameters()) {
            assertFalse(parameter.description().isBlank(), parameter.name() + " is described");
            assertFalse(parameter.source().isBlank(), parameter.name() + " names its source");
        }
    }

    @Test
    void rangesFollowTheLymphDeviceAndSequentialCompression() {
        ParameterSpec.Number pulse = number("pulseKpa");
        assertEquals(Pressure.ofMmHg(20).kpa(), pulse.min(), 0.05, "oedema range from 20 mmHg");
        assertEquals(Pressure.ofMmHg(150).kpa(), pulse.max(), 0.05, "to 150 mmHg");
        assertEquals(Pressure.ofMmHg(50).kpa(), pulse.defaultNumber(), 0.05, "the bottom of pulse mode: low vacuum");
        assertTrue(pulse.isPerCup());
        assertEquals(List.of(3.0, 10.0), List.of(number("pulsesPerZone").min(), number("pulsesPerZone").max()),
                "3 to 10 pulses per zone");
        assertEquals(List.of(0.0, 0.5), List.of(number("zoneGapSeconds").min(), number("zoneGapSeconds").max()),
                "0 to 0.5 s between chambers");
    }

    @Test
    void proximalZonesAreClearedFirstThenWavesRunDistalToProximal() throws TechniqueException {
        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(), leg));

        assertEquals(List.of(0, 1, 2, 2, 1, 0, 2, 1, 0, 2, 1, 0), turns(program, leg),
                "a clearing pass from the trunk outwards, then three waves towards the trunk");
    }

    @Test
    void eachTurnIsFiveGentlePulsesReleasedToAmbientWithHalfASecondBetweenZones() throws TechniqueException {
        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(), leg));

        List<ZoneOrder.Span> spans = spans(program, leg);
        for (int i = 0; i < spans.size(); i++) {
            ZoneOrder.Span span = spans.get(i);
            assertEquals(Duration.ofMillis(15_500).multipliedBy(i), span.start(), "turn " + i + " starts on time");
            assertEquals(Duration.ofSeconds(15), span.end().minus(span.start()), "5 pulses of 2 s on, 1 s off");
        }
        Timeline proximal = timelineOf(program, 1);
        Segment.Pulse pulse = assertInstanceOf(Segment.Pulse.class, proximal.segments().get(0));
        assertEquals(new Segment.Pulse(0.0, 6.7, Duration.ofSeconds(2), Duration.ofSeconds(1), 5), pulse,
                "released to ambient between pulses");
        Segment.Hold wait = assertInstanceOf(Segment.Hold.class, proximal.segments().get(1));
        assertEquals(new Segment.Hold(0.0, Duration.ofMillis(62_500)), wait,
                "zone 0 waits at ambient while zones 1 and 2 are cleared and the first wave works through 2 and 1");
        assertEquals(Duration.ofMillis(12 * 15_000 + 11 * 500), program.duration());
    }

    @Test
    void aWaveOverFourZonesAtTheDefaultsTakes62Seconds() throws TechniqueException {
        List<Cup> arm = new ArrayList<>();
        for (int zone = 0; zone < 4; zone++) {
            arm.add(cup(zone, BodyRegion.FOREARM).inZone(zone, List.of()));
        }

        List<ZoneOrder.Span> spans = spans(technique.plan(PlanRequests.withDefaults(technique.descriptor(), arm)), arm);

        assertEquals(Duration.ofSeconds(62), spans.get(8).start().minus(spans.get(4).start()),
                "within reach of a sequential compression cycle (75 s to 5 min)");
    }

    @Test
    void pulseCountTimesGapAndWavesFollowTheParameters() throws TechniqueException {
        Map<String, ParameterValue> parameters = PlanRequests.defaultParameters(technique.descriptor());
        parameters.put("pulsesPerZone", ParameterValue.of(3));
        parameters.put("pulseOnSeconds", ParameterValue.of(1.5));
        parameters.put("pulseOffSeconds", ParameterValue.of(0.5));
        parameters.put("zoneGapSeconds", ParameterValue.of(0));
        parameters.put("waves", ParameterValue.of(1));

        Program program = technique.plan(new PlanRequest(leg, parameters));

        // Without a gap the distal zone's clearing turn and first wave turn run as one: six pulses.
        assertEquals(List.of(0, 1, 2, 1, 0), turns(program, leg));
        assertEquals(Duration.ofSeconds(12), spans(program, leg).get(2).end().minus(spans(program, leg).get(2).start()));
        Segment.Pulse pulse = (Segment.Pulse) timelineOf(program, 0).segments().get(1);
        assertEquals(new Segment.Pulse(0.0, 6.7, Duration.ofMillis(1500), Duration.ofMillis(500), 3), pulse);
        assertEquals(Duration.ofSeconds(6 * 6), program.duration(), "six turns of three 2 s pulses, no gaps");
    }

    @Test
    @Tag("SR-03")
    void asksForAGentlerRiseThanTheEnginesDefault() throws TechniqueException {
        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(), leg));

        assertEquals(5.0, program.policy().maxRiseKpaPerSecond(), "half the engine's default 10 kPa/s");
    }

    @Test
    @Tag("SR-01")
    void aPerCupLevelIsUsedAndClampedToTheCupsLimit() throws TechniqueException {
        List<Cup> cups = List.of(cup(0, BodyRegion.UPPER_BACK).inZone(0, List.of(1)),
                cup(1, BodyRegion.FACE).inZone(1, List.of(0)).withOverrides(Map.of("pulseKpa", ParameterValue.of(15))),
                cup(2, BodyRegion.UPPER_BACK).inZone(2, List.of(1)).withOverrides(Map.of("pulseKpa",
                        ParameterValue.of(12))));

        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(), cups));

        assertEquals(6.7, ((Segment.Pulse) timelineOf(program, 0).segments().get(0)).highKpa());
        assertEquals(10.0, ((Segment.Pulse) timelineOf(program, 1).segments().get(1)).highKpa(), "face: 10 kPa");
        assertEquals(12.0, ((Segment.Pulse) timelineOf(program, 2).segments().get(1)).highKpa());
    }

    @Test
    void aSingleZoneIsClearedThenPulsedOnceEachWave() throws TechniqueException {
        List<Cup> one = List.of(cup(0, BodyRegion.CALF).inZone(0, List.of()));

        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(), one));

        assertEquals(List.of(0, 0, 0, 0), turns(program, one));
    }

    @Test
    @Tag("SR-17")
    void aCupWithoutAZoneIsRefusedNamingIt() {
        List<Cup> cups = List.of(leg.get(0), leg.get(1), cup(2, BodyRegion.THIGH));

        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> technique.plan(PlanRequests.withDefaults(technique.descriptor(), cups)));

        assertEquals("lymphatic-sequence: cup 2 has no zone; every cup needs its place in the chain, 0 nearest the"
                + " trunk", refused.getMessage());
    }

    @Test
    @Tag("SR-17")
    void twoCupsInOneZoneAreRefusedNamingBoth() {
        List<Cup> cups = List.of(leg.get(0), leg.get(1), cup(2, BodyRegion.THIGH).inZone(0, List.of()));

        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> technique.plan(PlanRequests.withDefaults(technique.descriptor(), cups)));

        assertEquals("lymphatic-sequence: cups 1 and 2 are both in zone 0, so the order is ambiguous; give each cup"
                + " its own zone", refused.getMessage());
    }

    @Test
    @Tag("SR-17")
    void aGapInTheChainIsRefusedNamingTheCupBeyondIt() {
        List<Cup> cups = List.of(cup(0, BodyRegion.THIGH).inZone(0, List.of()),
                cup(1, BodyRegion.CALF).inZone(2, List.of()));

        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> technique.plan(PlanRequests.withDefaults(technique.descriptor(), cups)));

        assertEquals("lymphatic-sequence: cup 1 is in zone 2 but no cup is in zone 1; zones must run 0, 1, 2, ..."
                + " without a gap", refused.getMessage());
    }

    @Test
    @Tag("SR-17")
    void aChainThatDoesNotStartAtZeroIsRefused() {
        List<Cup> cups = List.of(cup(0, BodyRegion.THIGH).inZone(1, List.of()));

        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> technique.plan(PlanRequests.withDefaults(technique.descriptor(), cups)));

        assertTrue(refused.getMessage().contains("no cup is in zone 0"), refused.getMessage());
    }

    @Test
    @Tag("SR-17")
    void aPulseCountOutsideThreeToTenIsRefused() {
        Map<String, ParameterValue> parameters = PlanRequests.defaultParameters(technique.descriptor());
        parameters.put("pulsesPerZone", ParameterValue.of(12));

        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> technique.plan(new PlanRequest(leg, parameters)));

        assertEquals("lymphatic-sequence: pulsesPerZone is 12.0 ; it must be 3 to 10", refused.getMessage());
    }

    @Test
    void aRequestWithoutCupsIsRefused() {
        assertThrows(TechniqueException.class,
                () -> technique.plan(PlanRequests.withDefaults(technique.descriptor(), List.of())));
    }

    // ------------------------------------------------------------------ the order checker

    @Test
    void theCheckerRefusesAProgramThatDrainsDistalBeforeProximal() throws TechniqueException {
        Chain chain = Chain.of(leg);
        Program planned = technique.plan(PlanRequests.withDefaults(technique.descriptor(), leg));
        // Zone 0's and zone 2's programs swapped: the distal calf would be drained first.
        Program swapped = new Program(planned.name(), List.of(
                new Timeline(0, timelineOf(planned, 1).segments()),
                new Timeline(1, timelineOf(planned, 0).segments()),
                timelineOf(planned, 2)), planned.policy());

        TechniqueException refused = assertThrows(TechniqueException.class, () -> ZoneOrder.check(swapped, chain));

        assertEquals("lymphatic-sequence: zone 2 (cup 0) would be drained at 0.0 s before zone 0 (cup 1) has been"
                + " cleared; proximal zones are cleared first", refused.getMessage());
    }

    @Test
    void theCheckerRefusesAWaveRunningAwayFromTheTrunk() throws TechniqueException {
        Chain chain = Chain.of(leg);
        // Clearing 0, 1, 2 then a "wave" 0, 1, 2: every turn 1 s, one after another.
        Program outwards = program(chain, List.of(0, 1, 2, 0, 1, 2));

        TechniqueException refused = assertThrows(TechniqueException.class, () -> ZoneOrder.check(outwards, chain));

        assertEquals("lymphatic-sequence: zone 0 (cup 1) would pull at 6.0 s out of wave order; waves run distal to"
                + " proximal, so zone 2 (cup 0) comes next", refused.getMessage());
    }

    @Test
    void theCheckerRefusesTwoZonesPullingAtOnce() throws TechniqueException {
        Chain chain = Chain.of(leg.subList(1, 3));
        Segment.Pulse pulse = new Segment.Pulse(0.0, 5.0, Duration.ofSeconds(1), Duration.ofSeconds(1), 3);
        Program overlapping = new Program("overlap", List.of(new Timeline(1, List.of(pulse)),
                new Timeline(2, List.of(new Segment.Hold(0.0, Duration.ofSeconds(2)), pulse))));

        TechniqueException refused = assertThrows(TechniqueException.class, () -> ZoneOrder.check(overlapping, chain));

        assertEquals("lymphatic-sequence: zone 1 (cup 2) would pull at 2.0 s while zone 0 (cup 1) still pulls; one"
                + " zone at a time", refused.getMessage());
    }

    @Test
    void theCheckerRefusesAWaveThatStopsShortOfTheTrunk() throws TechniqueException {
        Chain chain = Chain.of(leg);

        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> ZoneOrder.check(program(chain, List.of(0, 1, 2, 2, 1)), chain));

        assertTrue(refused.getMessage().contains("the last wave stops at zone 1 (cup 2)"), refused.getMessage());
    }

    @Test
    void theCheckerRefusesAZoneNeverCleared() throws TechniqueException {
        Chain chain = Chain.of(leg);

        TechniqueException refused = assertThrows(TechniqueException.class,
                () -> ZoneOrder.check(program(chain, List.of(0, 1)), chain));

        assertEquals("lymphatic-sequence: zone 2 (cup 0) is never cleared", refused.getMessage());
    }

    @Test
    void theCheckerAcceptsAClearingPassFollowedByCompleteWaves() throws TechniqueException {
        Chain chain = Chain.of(leg);

        ZoneOrder.check(program(chain, List.of(0, 1, 2, 2, 1, 0, 2, 1, 0)), chain);
    }

    // ------------------------------------------------------------------ helpers

    /** A program where the zones take 1 s turns in the given order, each followed by 1 s at ambient. */
    private static Program program(Chain chain, List<Integer> order) {
        List<Timeline> timelines = new ArrayList<>();
        for (int zone = 0; zone < chain.size(); zone++) {
            List<Segment> segments = new ArrayList<>();
            int idle = 0;
            for (int turn : order) {
                if (turn == zone) {
                    if (idle > 0) {
                        segments.add(new Segment.Hold(0.0, Duration.ofSeconds(idle)));
                    }
                    segments.add(new Segment.Hold(5.0, Duration.ofSeconds(1)));
                    idle = 1;
                } else {
                    idle += 2;
                }
            }
            timelines.add(new Timeline(chain.cup(zone).index(), segments));
        }
        return new Program("test", timelines);
    }

    /** The program's spans of vacuum across the chain the cups form, in time order. */
    private static List<ZoneOrder.Span> spans(Program program, List<Cup> cups) throws TechniqueException {
        Chain chain = Chain.of(cups);
        List<ZoneOrder.Span> spans = new ArrayList<>();
        for (Timeline timeline : program.timelines()) {
            spans.addAll(ZoneOrder.spansOf(timeline, chain.zoneOf(timeline.cup())));
        }
        spans.sort(Comparator.comparing(ZoneOrder.Span::start));
        return spans;
    }

    /** The zones in the order they take their turns. */
    private static List<Integer> turns(Program program, List<Cup> cups) throws TechniqueException {
        return spans(program, cups).stream().map(ZoneOrder.Span::zone).toList();
    }

    private static Timeline timelineOf(Program program, int cup) {
        return program.timelines().stream().filter(t -> t.cup() == cup).findFirst().orElseThrow();
    }

    private ParameterSpec.Number number(String name) {
        return (ParameterSpec.Number) technique.descriptor().parameter(name).orElseThrow();
    }
}
