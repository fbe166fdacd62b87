package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.Observation;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.ProgramRevision;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.TherapistCue;
import io.upwell.api.technique.Timeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The therapist's cue: the session hands it to an adaptive technique once, at the next time it is
 * asked, with each cup's time to its next segment boundary so the technique can line its cups up;
 * what the technique makes of it is judged like any revision. Refused where it cannot mean anything.
 */
class TherapistCueTest {

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

    /** Each cup: 3 s holds at 0 kPa, so every cup has a boundary at every multiple of 3 s; adaptive or not. */
    private static Program threeSecondRests(PlanRequest request, boolean adaptive) {
        List<Timeline> timelines = new ArrayList<>();
        for (var cup : request.cups()) {
            List<Segment> segments = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                segments.add(new Segment.Hold(0, Duration.ofSeconds(3)));
            }
            timelines.add(new Timeline(cup.index(), segments));
        }
        Program program = new Program("rests", timelines);
        return adaptive ? program.adaptingEvery(Duration.ofMillis(200)) : program;
    }

    private Session start(boolean adaptive) throws SessionException {
        f.technique.script(request -> threeSecondRests(request, adaptive));
        return f.start(2, Map.of());
    }

    private void advanceTo(Session session, Duration programTime) {
        f.advanceUntil(programTime + " of program", programTime.plusSeconds(2),
                () -> session.snapshot().elapsed().compareTo(programTime) >= 0);
    }

    private List<Observation> withCue() {
        return f.technique.observations.stream().filter(o -> o.cue().isPresent()).toList();
    }

    @Test
    void aCueReachesTheTechniqueOnceWithTheCupAndWhenItWasGiven() throws Exception {
        Session session = start(true);
        advanceTo(session, Duration.ofMillis(4100));

        session.cue(1);
        Duration given = session.snapshot().elapsed();
        advanceTo(session, Duration.ofMillis(5000));

        List<Observation> cued = withCue();
        assertEquals(1, cued.size(), "handed over once, not on every later observation");
        TherapistCue cue = cued.get(0).cue().orElseThrow();
        assertEquals(1, cue.cup());
        assertTrue(Math.abs(cue.at().minus(given).toMillis()) <= 20, "given at " + given + ", stamped " + cue.at());
        assertTrue(f.technique.observations.size() > f.technique.observations.indexOf(cued.get(0)) + 1,
                "the technique was asked again since, without the cue");
    }

    @Test
    void theObservationTellsEachCupsTimeToItsNextBoundary() throws Exception {
        Session session = start(true);
        advanceTo(session, Duration.ofMillis(4000));
        Observation last = f.technique.observations.get(f.technique.observations.size() - 1);

        for (Observation.CupState cup : last.cups()) {
            Duration boundary = last.elapsed().plus(cup.segmentLeft());
            assertEquals(Duration.ofSeconds(6), boundary, "cup " + cup.cup() + ": its 3 s hold from 3 s ends at 6 s");
        }
    }

    @Test
    void aRevisionMadeFromACueIsRunAtTheNextBoundary() throws Exception {
        f.technique.adaptWith(observation -> observation.cue().map(cue -> new ProgramRevision(List.of(
                new Timeline(cue.cup(), List.of(new Segment.Hold(8, Duration.ofSeconds(4))))), "hands on cup "
                        + cue.cup())));
        Session session = start(true);
        advanceTo(session, Duration.ofMillis(3500));
        session.cue(0);

        advanceTo(session, Duration.ofMillis(5900));
        assertEquals(0.0, f.commandedKpa(0), 1e-9, "the hold running when the cue came is finished first");
        advanceTo(session, Duration.ofMillis(8000));
        assertTrue(f.commandedKpa(0) > 0, "after the boundary at 6 s the cued cup pulls: " + f.commandedKpa(0));
        assertEquals(0.0, f.commandedKpa(1), 1e-9, "the other cup keeps its program");
    }

    @Test
    void aCueIsJournaledWithItsCup() throws Exception {
        Session session = start(true);
        advanceTo(session, Duration.ofMillis(1000));
        session.cue(1);
        session.stop();
        f.advanceUntil("ended", Duration.ofSeconds(30), () -> session.state().isFinal());
        f.close();

        List<JsonObject> cues = SessionLifecycleTest.read(dir.resolve("sessions").resolve(session.id() + ".jsonl"))
                .stream().filter(r -> r.get("type").getAsString().equals("cue")).toList();
        assertEquals(1, cues.size());
        assertEquals(1, cues.get(0).get("cup").getAsInt());
    }

    @Test
    void aCueForAProgramThatDoesNotAdaptIsRefusedSayingSo() throws Exception {
        Session session = start(false);
        advanceTo(session, Duration.ofMillis(500));

        SessionException refused = assertThrows(SessionException.class, () -> session.cue(0));

        assertTrue(refused.getMessage().contains("does not adapt"), refused.getMessage());
        assertEquals(SessionState.RUNNING, session.state(), "nothing running is disturbed");
    }

    @Test
    void aCueForACupTheSessionDoesNotHaveIsRefusedNamingTheCups() throws Exception {
        Session session = start(true);

        SessionException refused = assertThrows(SessionException.class, () -> session.cue(2));

        assertTrue(refused.getMessage().contains("cups 0 to 1; there is no cup 2"), refused.getMessage());
        assertThrows(SessionException.class, () -> session.cue(-1));
    }

    @Test
    void aCueWhilePausedIsRefusedAndNothingReachesTheTechnique() throws Exception {
        Session session = start(true);
        advanceTo(session, Duration.ofMillis(1000));
        session.pause();

        SessionException refused = assertThrows(SessionException.class, () -> session.cue(0));
        assertTrue(refused.getMessage().contains("PAUSED; cues are taken while it runs"), refused.getMessage());
        session.resume();
        advanceTo(session, Duration.ofMillis(2000));

        assertEquals(List.of(), withCue());
    }
}
