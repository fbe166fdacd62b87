package io.upwell.plugins.gliding.internal;

import static io.upwell.engine.testkit.PlanRequests.cup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.technique.Observation;
import io.upwell.api.technique.PerSession;
import io.upwell.api.technique.ParameterValue;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.ProgramRevision;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.TechniqueException;
import io.upwell.api.technique.Timeline;
import io.upwell.engine.testkit.PlanRequests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The seal-loss and re-seal logic, fed Observations as the core makes them. With the defaults a
 * cup ramps in over 0 to 5 s (segments 0 to 2), glides in 2 s pieces from 5 s (segment 3 covers 5 to
 * 7 s, segment k covers 2k - 1 to 2k + 1 s) until 305 s, and releases over 3 s.
 */
@Tag("SR-06")
class DynamicGlidingAdaptTest {

    private static final double GLIDE = 15.0;
    private static final double SEEK = 4.0;

    private final DynamicGlidingTechnique technique = new DynamicGlidingTechnique();
    private final PlanRequest request = PlanRequests.withDefaults(technique.descriptor(),
            List.of(cup(0, BodyRegion.UPPER_BACK), cup(1, BodyRegion.UPPER_BACK)));

    @Test
    void aSealedCupIsLeftAlone() throws TechniqueException {
        for (int tenth = 50; tenth < 300; tenth += 5) {
            assertEquals(Optional.empty(), adapt(tenth / 10.0, glideSegment(tenth / 10.0), GLIDE, 14.6));
        }
    }

    @Test
    void aSealLostForASecondDropsTheCupToTheSeekLevelFromItsNextBoundaryUntilTheEnd() throws TechniqueException {
        assertEquals(Optional.empty(), adapt(20.0, 10, GLIDE, 1.0), "low for the first time");
        assertEquals(Optional.empty(), adapt(20.5, 10, GLIDE, 0.8), "low for half a second");

        ProgramRevision drop = adapt(21.0, 11, GLIDE, 0.6).orElseThrow();

        assertEquals(List.of(0), drop.continuations().stream().map(Timeline::cup).toList(), "only the lost cup");
        List<Segment> segments = drop.continuations().get(0).segments();
        // Segment 11 ends at 23 s: holds of 4 kPa from there to the glide's end at 305 s, then the release.
        assertEquals(282 + 1, segments.size());
        for (Segment hold : segments.subList(0, 282)) {
            assertEquals(new Segment.Hold(SEEK, Duration.ofSeconds(1)), hold);
        }
        assertEquals(new Segment.Release(Duration.ofSeconds(3)), segments.get(282));
        assertEquals(Duration.ofSeconds(308 - 23), drop.continuations().get(0).duration(),
                "taken over at 23 s, it ends when the program would have: the session keeps its length");
        assertEquals("seal lost on cup 0 (0.6 of 15.0 kPa for 1.0 s): holding 4 kPa until it seals again",
                drop.reason());
    }

    @Test
    void aBriefLiftIsToleratedAndTheClockStartsAgainAfterIt() throws TechniqueException {
        assertEquals(Optional.empty(), adapt(20.0, 10, GLIDE, 1.0));
        assertEquals(Optional.empty(), adapt(20.75, 10, GLIDE, 1.0));
        assertEquals(Optional.empty(), adapt(21.0, 11, GLIDE, 14.0), "sealed again after 0.75 s");
        assertEquals(Optional.empty(), adapt(21.25, 11, GLIDE, 1.0));
        assertEquals(Optional.empty(), adapt(22.0, 11, GLIDE, 1.0), "low again, but only for 0.75 s");
        assertTrue(adapt(22.25, 11, GLIDE, 1.0).isPresent(), "low for 1 s since it was last sealed");
    }

    @Test
    void aMeasurementAboveHalfTheCommandIsNoSealLoss() throws TechniqueException {
        for (int tenth = 200; tenth < 260; tenth += 5) {
            assertEquals(Optional.empty(), adapt(tenth / 10.0, glideSegment(tenth / 10.0), GLIDE, 7.6));
        }
    }

    @Test
    void afterTheDropACupSealedForHalfASecondRampsBackGentlyAndGlidesOnToTheEnd() throws TechniqueException {
        loseSealOnCup0At21();
        // The drop took over at 23 s: its segment k covers 23 + k to 24 + k s.
        assertEquals(Optional.empty(), adapt(23.5, 0, SEEK, 0.2), "still unsealed at the seek level");
        assertEquals(Optional.empty(), adapt(30.0, 7, SEEK, 3.5), "sealed for the first time");
        assertEquals(Optional.empty(), adapt(30.25, 7, SEEK, 3.8));

        ProgramRevision back = adapt(30.5, 7, SEEK, 3.9).orElseThrow();

        List<Segment> segments = back.continuations().get(0).segments();
        // From 31 s: 4 -> 15 kPa at 2 kPa/s is 5.5 s, in 1 s pieces.
        double[] levels = {6, 8, 10, 12, 14, 15};
        for (int i = 0; i < levels.length; i++) {
            Segment.Ramp ramp = assertInstanceOf(Segment.Ramp.class, segments.get(i));
            assertEquals(levels[i], ramp.toKpa(), 1e-9, "ramp piece " + i);
            assertEquals(i < 5 ? Duration.ofSeconds(1) : Duration.ofMillis(500), ramp.duration());
        }
        // Then the glide from 36.5 s to 305 s: 134 pieces of 2 s and 0.5 s left, and the release.
        for (Segment glide : segments.subList(6, 140)) {
            assertEquals(new Segment.Hold(GLIDE, Duration.ofSeconds(2)), glide);
        }
        assertEquals(new Segment.Hold(GLIDE, Duration.ofMillis(500)), segments.get(140));
        assertEquals(new Segment.Release(Duration.ofSeconds(3)), segments.get(141));
        assertEquals(142, segments.size());
        assertEquals(Duration.ofSeconds(308 - 31), back.continuations().get(0).duration());
        assertEquals("cup 0 sealed again: back to 15 kPa at 2 kPa/s", back.reason());
    }

    @Test
    void theRampBackRisesNoFasterThanTheResealRise() throws TechniqueException {
        Map<String, ParameterValue> parameters = PlanRequests.defaultParameters(technique.descriptor());
        parameters.put("resealRiseKpaPerSecond", ParameterValue.of(1.0));
        PlanRequest slow = new PlanRequest(request.cups(), parameters);
        adapt(slow, 20.0, 10, GLIDE, 1.0);
        adapt(slow, 21.0, 11, GLIDE, 1.0);
        adapt(slow, 30.0, 7, SEEK, 3.9);

        ProgramRevision back = adapt(slow, 30.5, 7, SEEK, 3.9).orElseThrow();

        double level = SEEK;
        for (Segment segment : back.continuations().get(0).segments()) {
            if (segment instanceof Segment.Ramp ramp) {
                double rise = (ramp.toKpa() - level) / (ramp.duration().toNanos() / 1e9);
                assertTrue(rise <= 1.0 + 1e-9, "rises at " + rise + " kPa/s");
                level = ramp.toKpa();
            }
        }
        assertEquals(GLIDE, level, 1e-9, "and gets back to the glide level");
    }

    @Test
    void aCupStillUnsealedStaysAtTheSeekLevel() throws TechniqueException {
        loseSealOnCup0At21();
        for (int tenth = 235; tenth < 600; tenth += 5) {
            assertEquals(Optional.empty(), adapt(tenth / 10.0, tenth / 10 - 23, SEEK, 0.3));
        }
    }

    @Test
    void aSealBackBeforeTheDropTookOverGlidesOnWithoutARamp() throws TechniqueException {
        loseSealOnCup0At21();
        assertEquals(Optional.empty(), adapt(21.25, 11, GLIDE, 14.0), "the drop is due at 23 s; sealed already");

        ProgramRevision resume = adapt(21.75, 11, GLIDE, 14.2).orElseThrow();

        List<Segment> segments = resume.continuations().get(0).segments();
        assertEquals(new Segment.Hold(GLIDE, Duration.ofSeconds(2)), segments.get(0), "no dip, no ramp");
        assertEquals(Duration.ofSeconds(308 - 23), resume.continuations().get(0).duration(),
                "it replaces the drop at the same boundary");
        assertEquals("cup 0 sealed again before it dropped: gliding on at 15 kPa", resume.reason());
    }

    @Test
    void aSecondLossAfterTheRampBackDropsAgainFromTheRampBacksBoundary() throws TechniqueException {
        loseSealOnCup0At21();
        adapt(30.0, 7, SEEK, 3.9);
        adapt(30.5, 7, SEEK, 3.9); // ramp back handed, due at 31 s
        // At 40 s the cup runs the ramp back's segment 7 (36.5 to 38.5 s is 6, 38.5 to 40.5 s is 7).
        adapt(40.0, 7, GLIDE, 1.0);

        ProgramRevision again = adapt(41.0, 8, GLIDE, 1.0).orElseThrow();

        assertEquals(Duration.ofMillis(308_000 - 42_500), again.continuations().get(0).duration(),
                "segment 8 ends at 42.5 s");
        assertEquals(new Segment.Hold(SEEK, Duration.ofSeconds(1)), again.continuations().get(0).segments().get(0));
    }

    @Test
    void twoCupsLosingTheirSealTogetherChangeInOneRevision() throws TechniqueException {
        observe(request, 20.0, state(0, 10, GLIDE, 1.0), state(1, 10, GLIDE, 2.0));

        ProgramRevision drop = observe(request, 21.0, state(0, 11, GLIDE, 1.0), state(1, 11, GLIDE, 2.0))
                .orElseThrow();

        assertEquals(List.of(0, 1), drop.continuations().stream().map(Timeline::cup).toList());
        assertTrue(drop.reason().contains("seal lost on cup 0") && drop.reason().contains("seal lost on cup 1"),
                drop.reason());
    }

    @Test
    void aLossDuringTheFinalReleaseChangesNothing() throws TechniqueException {
        adapt(305.5, 153, 8.0, 0.5);
        assertEquals(Optional.empty(), adapt(306.5, 153, 4.0, 0.2));
    }

    @Test
    void aCupTheEngineStoppedOrOneWithoutAReadingIsNotJudged() throws TechniqueException {
        assertEquals(Optional.empty(), observe(request, 20.0, new Observation.CupState(0, 10, GLIDE, GLIDE, 0.0, true, Duration.ZERO)));
        assertEquals(Optional.empty(), observe(request, 22.0, new Observation.CupState(0, 11, GLIDE, GLIDE, 0.0, true, Duration.ZERO)));
        assertEquals(Optional.empty(), adapt(22.5, 11, GLIDE, Double.NaN));
        assertEquals(Optional.empty(), adapt(24.0, 12, GLIDE, Double.NaN));
    }

    @Test
    void eachSessionHasItsOwnWatchEvenWithAnEqualRequest() throws TechniqueException {
        PlanRequest other = new PlanRequest(request.cups(), request.parameters());
        assertEquals(request, other, "equal, but another session's");
        adapt(request, 20.0, 10, GLIDE, 1.0);

        assertEquals(Optional.empty(), adapt(other, 21.0, 11, GLIDE, 1.0), "the other session's cup was low only now");
        assertTrue(adapt(request, 21.0, 11, GLIDE, 1.0).isPresent());
        assertEquals(2, technique.watches().size());
    }

    @Test
    void aSessionsWatchIsDroppedOnceTheEngineLetsGoOfItsRequest() throws TechniqueException {
        PerSession<SealWatch> watches = new PerSession<>(request -> new SealWatch(GlidePlan.of(request)));
        watches.of(PlanRequests.withDefaults(technique.descriptor(), List.of(cup(0, BodyRegion.CALF))));
        // A weak reference is cleared by the collection itself, so the condition is awaited by collecting,
        // a bounded number of times, with no waiting in between.
        for (int attempt = 0; attempt < 50 && watches.size() > 0; attempt++) {
            System.gc();
        }
        assertEquals(0, watches.size());
    }

    @Test
    void theProgramAndTheWatchAgreeOnTheBoundaries() throws TechniqueException {
        Program program = technique.plan(request);
        List<Duration> ends = new ArrayList<>();
        Duration t = Duration.ZERO;
        for (Segment segment : program.timelines().get(0).segments()) {
            t = t.plus(segment.duration());
            ends.add(t);
        }
        assertEquals(Duration.ofSeconds(23), ends.get(11), "the class comment's segment arithmetic");
        assertEquals(Duration.ofSeconds(305), ends.get(152));
    }

    // ------------------------------------------------------------------ helpers

    private void loseSealOnCup0At21() throws TechniqueException {
        adapt(20.0, 10, GLIDE, 1.0);
        assertTrue(adapt(21.0, 11, GLIDE, 1.0).isPresent(), "dropped at 21 s, due at 23 s");
    }

    /** The glide segment running at {@code seconds} in the program (5 s and later). */
    private static int glideSegment(double seconds) {
        return (int) Math.floor((seconds + 1) / 2);
    }

    private Optional<ProgramRevision> adapt(double seconds, int segment, double command, double measured)
            throws TechniqueException {
        return adapt(request, seconds, segment, command, measured);
    }

    /** Cup 0 as given, cup 1 gliding along sealed. */
    private Optional<ProgramRevision> adapt(PlanRequest on, double seconds, int segment, double command,
            double measured) throws TechniqueException {
        return observe(on, seconds, state(0, segment, command, measured), state(1, glideSegment(seconds), GLIDE, 14.8));
    }

    private Optional<ProgramRevision> observe(PlanRequest on, double seconds, Observation.CupState... cups)
            throws TechniqueException {
        return technique.adapt(new Observation(on, Duration.ofMillis(Math.round(seconds * 1000)), 0, List.of(cups)));
    }

    /** A cup at 100 % intensity: the command is what the program asks. */
    private static Observation.CupState state(int cup, int segment, double command, double measured) {
        return new Observation.CupState(cup, segment, command, command, measured, false, Duration.ZERO);
    }
}
