package io.upwell.plugins.lymphatic.internal;

import static io.upwell.engine.testkit.PlanRequests.cup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.technique.Cup;
import io.upwell.api.technique.Observation;
import io.upwell.api.technique.ParameterValue;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.ProgramRevision;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.TechniqueException;
import io.upwell.api.technique.TherapistCue;
import io.upwell.api.technique.Timeline;
import io.upwell.engine.testkit.PlanRequests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A lymphatic sequence that follows the therapist: a cue on a cup starts a wave at its zone, towards
 * the trunk, on every cup at the same slot; the clearing pass and a wave under way are never cut
 * short. The engine's side is modelled as the core runs it: each cup takes a revision over at the
 * end of the segment it is running, and the observation tells the technique when that is.
 */
class FollowTherapistTest {

    /** The default slot: 5 pulses of 2 s on and 1 s off, then 0.5 s between zones. */
    private static final Duration SLOT = Duration.ofMillis(15_500);

    private final LymphaticSequenceTechnique technique = new LymphaticSequenceTechnique();

    /** A three-zone chain on a leg, listed out of zone order: cup 0 is the most distal. */
    private final List<Cup> leg = List.of(
            cup(0, BodyRegion.CALF).inZone(2, List.of(2)),
            cup(1, BodyRegion.THIGH).inZone(0, List.of(2)),
            cup(2, BodyRegion.THIGH).inZone(1, List.of(0, 1)));

    private final PlanRequest request = following(leg);

    /** What each cup runs, as the core would, revisions included. */
    private final Map<Integer, List<Segment>> running = new HashMap<>();

    private PlanRequest following(List<Cup> cups) {
        PlanRequest defaults = PlanRequests.withDefaults(technique.descriptor(), cups);
        Map<String, ParameterValue> parameters = new HashMap<>(defaults.parameters());
        parameters.put(LymphaticParameters.FOLLOW_THERAPIST, new ParameterValue.Toggle(true));
        return new PlanRequest(cups, parameters);
    }

    private Program plan() throws TechniqueException {
        Program program = technique.plan(request);
        for (Timeline timeline : program.timelines()) {
            running.put(timeline.cup(), new ArrayList<>(timeline.segments()));
        }
        return program;
    }

    @Test
    void followingIsOffByDefaultAndThenTheProgramDoesNotAdapt() throws TechniqueException {
        Program program = technique.plan(PlanRequests.withDefaults(technique.descriptor(), leg));

        assertFalse(program.isAdaptive());
    }

    @Test
    void aFollowingProgramRunsTheSameTurnsOnAGridWhereEveryCupHasABoundaryAtEverySlot() throws TechniqueException {
        Program program = plan();

        assertTrue(program.isAdaptive());
        assertEquals(LymphaticSequenceTechnique.ADAPT_EVERY, program.adaptEvery());
        assertEquals(List.of(0, 1, 2, 2, 1, 0, 2, 1, 0, 2, 1, 0), turns(), "clearing pass, then three waves");
        for (Timeline timeline : program.timelines()) {
            List<Duration> boundaries = boundaries(timeline.segments());
            for (int slot = 1; slot <= 12; slot++) {
                assertTrue(boundaries.contains(SLOT.multipliedBy(slot)), "cup " + timeline.cup() + " at slot " + slot);
            }
        }
    }

    @Test
    void aCueMidWaveLetsThatWaveReachTheTrunkThenStartsAWaveUnderTheHands() throws TechniqueException {
        plan();
        // 2 s into slot 7: the second wave's turn on zone 1. The hands are on the calf (cup 0, zone 2).
        Duration now = SLOT.multipliedBy(7).plusSeconds(2);

        ProgramRevision revision = adapt(now, new TherapistCue(0, now)).orElseThrow();

        assertEquals(List.of(0, 1, 2, 2, 1, 0, 2, 1, 0, 2, 1, 0, 2, 1, 0, 2, 1, 0), turns(),
                "the second wave finishes at zone 0 in slot 8, the cued wave from zone 2 starts in slot 9,"
                        + " then the three full waves less one");
        assertEquals(SLOT.multipliedBy(9), startOfTurn(9), "the cued wave starts on its slot");
        assertTrue(revision.reason().contains("cup 0 (zone 2)") && revision.reason().contains("139.5 s"),
                revision.reason());
        ZoneOrder.check(effective(), Chain.of(leg), true);
    }

    @Test
    void aCueOnAProximalZoneStartsAShortWaveThere() throws TechniqueException {
        plan();
        // During slot 5, the first wave's turn on zone 0: the wave is done at the end of it.
        Duration now = SLOT.multipliedBy(5).plusSeconds(4);

        adapt(now, new TherapistCue(2, now)).orElseThrow(); // cup 2 is zone 1

        assertEquals(List.of(0, 1, 2, 2, 1, 0, 1, 0, 2, 1, 0, 2, 1, 0), turns(),
                "a wave from zone 1 to the trunk right after the first, then the two further full waves");
    }

    @Test
    void aCueDuringTheClearingPassWaitsForItToFinish() throws TechniqueException {
        plan();
        Duration now = SLOT.plusSeconds(3); // zone 1 is being cleared

        adapt(now, new TherapistCue(2, now)).orElseThrow();

        assertEquals(List.of(0, 1, 2, 1, 0, 2, 1, 0, 2, 1, 0), turns(),
                "zone 2 is cleared before the cued wave from zone 1 starts");
        ZoneOrder.check(effective(), Chain.of(leg), true);
    }

    @Test
    void aCueTooCloseToABoundaryIsKeptForTheNextObservation() throws TechniqueException {
        plan();
        // 0.2 s before slot 8 starts: the cup in its 0.5 s pause after a turn is even closer to its boundary.
        Duration now = SLOT.multipliedBy(8).minusMillis(200);

        assertEquals(Optional.empty(), adapt(now, new TherapistCue(0, now)), "too close: a cup could miss it");
        Duration later = SLOT.multipliedBy(8).plusMillis(250);
        ProgramRevision revision = adapt(later, null).orElseThrow();

        assertTrue(revision.reason().contains("cup 0 (zone 2)"), revision.reason());
        assertEquals(List.of(0, 1, 2, 2, 1, 0, 2, 1, 0, 2, 1, 0, 2, 1, 0, 2, 1, 0), turns(),
                "the wave under way (zone 0 from slot 8) finishes, then the cued wave from zone 2, then two full"
                        + " waves");
    }

    @Test
    void withoutACueNothingChanges() throws TechniqueException {
        plan();

        assertEquals(Optional.empty(), adapt(SLOT.multipliedBy(4), null));
        assertEquals(Optional.empty(), adapt(SLOT.multipliedBy(6).plusSeconds(3), null));
    }

    @Test
    void twoCuesInARowFollowTheLatestHands() throws TechniqueException {
        plan();
        Duration first = SLOT.multipliedBy(3).plusSeconds(1); // zone 2's turn of the first wave
        adapt(first, new TherapistCue(0, first)).orElseThrow();
        Duration second = SLOT.multipliedBy(6).plusSeconds(1); // the cued wave's turn on zone 2
        adapt(second, new TherapistCue(2, second)).orElseThrow();

        ZoneOrder.check(effective(), Chain.of(leg), true);
        List<Integer> turns = turns();
        assertEquals(List.of(0, 1, 2, 2, 1, 0, 2, 1, 0, 1, 0), turns.subList(0, 11),
                "the first wave, the wave cued on zone 2, then the wave cued on zone 1");
    }

    // ------------------------------------------------------------------ the engine's side, modelled

    /** Asks the technique at program time {@code now}, and applies its revision as the core would. */
    private Optional<ProgramRevision> adapt(Duration now, TherapistCue cue) throws TechniqueException {
        List<Observation.CupState> cups = new ArrayList<>();
        for (Cup cup : leg) {
            Duration end = segmentEnd(running.get(cup.index()), now);
            cups.add(new Observation.CupState(cup.index(), 0, 0, 0, 0, false,
                    end == null ? Duration.ZERO : end.minus(now)));
        }
        Optional<ProgramRevision> revision = technique.adapt(new Observation(request, now, 0, cups,
                Optional.ofNullable(cue)));
        revision.ifPresent(r -> {
            for (Timeline continuation : r.continuations()) {
                List<Segment> segments = running.get(continuation.cup());
                Duration end = segmentEnd(segments, now);
                List<Segment> kept = new ArrayList<>();
                Duration t = Duration.ZERO;
                for (Segment segment : segments) {
                    if (t.compareTo(end) >= 0) {
                        break;
                    }
                    kept.add(segment);
                    t = t.plus(segment.duration());
                }
                kept.addAll(continuation.segments());
                running.put(continuation.cup(), kept);
            }
        });
        return revision;
    }

    /** Where the segment running at {@code now} ends; null when the timeline is done. */
    private static Duration segmentEnd(List<Segment> segments, Duration now) {
        Duration t = Duration.ZERO;
        for (Segment segment : segments) {
            t = t.plus(segment.duration());
            if (t.compareTo(now) > 0) {
                return t;
            }
        }
        return null;
    }

    private static List<Duration> boundaries(List<Segment> segments) {
        List<Duration> boundaries = new ArrayList<>();
        Duration t = Duration.ZERO;
        for (Segment segment : segments) {
            t = t.plus(segment.duration());
            boundaries.add(t);
        }
        return boundaries;
    }

    private Program effective() {
        List<Timeline> timelines = new ArrayList<>();
        running.forEach((cup, segments) -> timelines.add(new Timeline(cup, segments)));
        return new Program("run", timelines);
    }

    private List<ZoneOrder.Span> spans() throws TechniqueException {
        Chain chain = Chain.of(leg);
        List<ZoneOrder.Span> spans = new ArrayList<>();
        running.forEach((cup, segments) -> spans.addAll(ZoneOrder.spansOf(new Timeline(cup, segments),
                chain.zoneOf(cup))));
        spans.sort(Comparator.comparing(ZoneOrder.Span::start));
        return spans;
    }

    /** The zones in the order they take their turns, as the cups run them. */
    private List<Integer> turns() throws TechniqueException {
        return spans().stream().map(ZoneOrder.Span::zone).toList();
    }

    private Duration startOfTurn(int turn) throws TechniqueException {
        return spans().get(turn).start();
    }
}
