package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.Observation;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.ProgramRevision;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.Timeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adaptive programs: a technique hands the core a revision while its session runs; the core checks
 * it off the control thread and each cup takes it over at its next segment boundary, judged by the
 * same envelope. A technique that fails to adapt ends the session with a ramp-out (SR-11).
 */
class AdaptiveProgramTest {

    private static final Duration ADAPT_EVERY = Duration.ofMillis(200);

    @TempDir
    Path dir;

    private EngineFixture f;

    @BeforeEach
    void setUp() {
        f = new EngineFixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    /** Each cup: a 2 s ramp to 20 kPa, then one-second holds at 20 kPa; adaptive. */
    private static Program oneSecondHolds(PlanRequest request, int holds) {
        List<Timeline> timelines = new ArrayList<>();
        for (var cup : request.cups()) {
            List<Segment> segments = new ArrayList<>();
            segments.add(new Segment.Ramp(20, Duration.ofSeconds(2)));
            for (int i = 0; i < holds; i++) {
                segments.add(new Segment.Hold(20, Duration.ofSeconds(1)));
            }
            timelines.add(new Timeline(cup.index(), segments));
        }
        return new Program("holds", timelines).adaptingEvery(ADAPT_EVERY);
    }

    /** Answers once, with {@code revision}, when the program has run at least {@code after}. */
    private void reviseOnceAfter(Duration after, ProgramRevision revision) {
        AtomicBoolean given = new AtomicBoolean();
        f.technique.adaptWith(observation -> observation.elapsed().compareTo(after) >= 0 && given.compareAndSet(false,
                true) ? Optional.of(revision) : Optional.empty());
    }

    private Session start(int holds) throws SessionException {
        f.technique.script(request -> oneSecondHolds(request, holds));
        return f.start(2, Map.of());
    }

    private Duration elapsed(Session session) {
        return session.snapshot().elapsed();
    }

    @Test
    void aRevisionTakesOverAtTheCupsNextSegmentBoundaryAndOnlyOnTheCupsItNames() throws Exception {
        reviseOnceAfter(Duration.ofMillis(3500), new ProgramRevision(List.of(
                new Timeline(0, List.of(new Segment.Hold(10, Duration.ofSeconds(5))))), "seal lost on cup 0"));
        Session session = start(30);

        // The revision arrives at 3.6 s, during the hold from 3 s to 4 s: the cup finishes that hold.
        f.advanceUntil("3.9 s of program", Duration.ofSeconds(5),
                () -> elapsed(session).compareTo(Duration.ofMillis(3900)) >= 0);
        assertEquals(20.0, f.commandedKpa(0), 1e-9, "still the old hold until its end");
        f.advanceUntil("4.1 s of program", Duration.ofSeconds(1),
                () -> elapsed(session).compareTo(Duration.ofMillis(4100)) >= 0);
        assertEquals(10.0, f.commandedKpa(0), 1e-9, "the revision's hold after the boundary at 4 s");
        assertEquals(20.0, f.commandedKpa(1), 1e-9, "a cup the revision does not name keeps its program");
        assertEquals(SessionState.RUNNING, session.state());
        assertTrue(f.technique.observations.get(f.technique.observations.size() - 1).revision() == 1,
                "later observations count the accepted revision");
    }

    @Test
    void theObservationTellsTheTechniqueWhatEachCupDid() throws Exception {
        Session session = start(30);
        f.advanceUntil("5 s of program", Duration.ofSeconds(7),
                () -> elapsed(session).compareTo(Duration.ofSeconds(5)) >= 0);
        Observation last = f.technique.observations.get(f.technique.observations.size() - 1);
        assertEquals(2, last.cups().size());
        Observation.CupState cup = last.cups().get(1);
        assertEquals(1, cup.cup());
        assertEquals(20.0, cup.programKpa(), 1e-9);
        assertEquals(20.0, cup.commandKpa(), 1e-9);
        assertEquals(20.0, cup.measuredKpa(), 2.0, "the simulator tracks its command");
        assertTrue(cup.segment() >= 3, "past the ramp and two holds: " + cup.segment());
        assertFalse(cup.stopped());
        assertTrue(last.elapsed().compareTo(Duration.ofMillis(4700)) >= 0, "elapsed " + last.elapsed());
        assertEquals(f.technique.lastRequest, last.request(), "the request the technique planned for");
        // Every 200 ms of a 5 s run, give or take the first period.
        int calls = f.technique.observations.size();
        assertTrue(calls >= 23 && calls <= 26, calls + " calls");
    }

    /** SR-05: the time limit follows the revised planned end, so a revision that lengthens the session is not cut short. */
    @Test
    @Tag("SR-05")
    void aLongerRevisionMovesThePlannedEndAndTheTimeLimitWithIt() throws Exception {
        reviseOnceAfter(Duration.ofMillis(3500), new ProgramRevision(List.of(
                new Timeline(0, List.of(new Segment.Hold(20, Duration.ofSeconds(100))))), "longer"));
        Session session = start(3); // 5 s planned; the time limit would be 65 s
        f.advanceUntil("4.1 s of program", Duration.ofSeconds(6),
                () -> elapsed(session).compareTo(Duration.ofMillis(4100)) >= 0);
        assertEquals(Duration.ofSeconds(104), session.snapshot().planned(), "4 s boundary plus 100 s");
        f.advance(Duration.ofSeconds(80));
        assertEquals(SessionState.RUNNING, session.state());
        assertTrue(EngineFixture.alarms(session, AlarmCondition.SESSION_TIME_LIMIT).isEmpty());
        f.advanceUntil("the session ends", Duration.ofSeconds(40), () -> session.state().isFinal());
        assertEquals(SessionState.ENDED, session.state());
        assertEquals("program complete", session.reason());
    }

    /** SR-11: a technique that throws when asked to adapt ends its session with a ramp-out, naming the module. */
    @Test
    @Tag("SR-11")
    void aTechniqueThatThrowsWhileAdaptingRampsTheSessionOut() throws Exception {
        f.technique.adaptWith(observation -> {
            throw new IllegalStateException("lost track of the glide");
        });
        Session session = start(30);
        f.advanceUntil("ramping out", Duration.ofSeconds(2), () -> session.state() == SessionState.STOPPING);
        f.advanceUntil("ended", Duration.ofSeconds(10), () -> session.state().isFinal());
        assertEquals(SessionState.ENDED, session.state());
        Alarm alarm = onlyTechniqueAlarm(session);
        assertEquals(AlarmPriority.MEDIUM, alarm.priority());
        assertTrue(alarm.message().contains("technique 'scripted' (module test.module) could not adapt the program")
                && alarm.message().contains("lost track of the glide"), alarm.message());
        assertFalse(f.engine.latched());
    }

    /** SR-11, SR-17: a revision for a cup the session does not have is refused and the session ramps out. */
    @Test
    @Tag("SR-11")
    @Tag("SR-17")
    void aRevisionNamingACupTheSessionLacksRampsTheSessionOut() throws Exception {
        reviseOnceAfter(Duration.ZERO, new ProgramRevision(List.of(
                new Timeline(5, List.of(new Segment.Hold(10, Duration.ofSeconds(5))))), "wrong cup"));
        Session session = start(30);
        f.advanceUntil("ended", Duration.ofSeconds(10), () -> session.state().isFinal());
        String message = onlyTechniqueAlarm(session).message();
        assertTrue(message.contains("handed a revision the engine refuses")
                && message.contains("revised cup 5 but the session has cups 0..1"), message);
    }

    /** SR-05, SR-17: a revision longer than any session may be is refused before it is compiled. */
    @Test
    @Tag("SR-05")
    @Tag("SR-17")
    void aRevisionLongerThanASessionMayBeIsRefused() throws Exception {
        reviseOnceAfter(Duration.ZERO, new ProgramRevision(List.of(
                new Timeline(0, List.of(new Segment.Hold(10, Duration.ofMinutes(61))))), "forever"));
        Session session = start(30);
        f.advanceUntil("ended", Duration.ofSeconds(10), () -> session.state().isFinal());
        String message = onlyTechniqueAlarm(session).message();
        assertTrue(message.contains("which is too long: the maximum session is 60 min"), message);
    }

    @Test
    void aPausedSessionIsNotAskedToAdaptAndIsAgainAfterItResumes() throws Exception {
        Session session = start(30);
        f.advanceUntil("3 s of program", Duration.ofSeconds(5),
                () -> elapsed(session).compareTo(Duration.ofSeconds(3)) >= 0);
        session.pause();
        int before = f.technique.observations.size();
        f.advance(Duration.ofSeconds(5));
        assertEquals(before, f.technique.observations.size(), "no observation while paused");
        session.resume();
        f.advance(Duration.ofSeconds(1));
        assertTrue(f.technique.observations.size() >= before + 4, "asked again after resuming");
    }

    @Test
    void aProgramThatDidNotAskToAdaptIsNeverAsked() throws Exception {
        f.start(2, Map.of("targetKpa", 30.0, "holdSeconds", 20.0)); // the fixture's hold program is not adaptive
        f.advance(Duration.ofSeconds(10));
        assertTrue(f.technique.observations.isEmpty());
    }

    private static Alarm onlyTechniqueAlarm(Session session) {
        List<Alarm> alarms = EngineFixture.alarms(session, AlarmCondition.TECHNIQUE_FAILED);
        assertEquals(1, alarms.size(), alarms.toString());
        return alarms.get(0);
    }
}
