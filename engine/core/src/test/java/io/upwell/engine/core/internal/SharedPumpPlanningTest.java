package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.device.DeviceState;
import io.upwell.api.session.Client;
import io.upwell.api.session.Placement;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.Segment;
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
 * Channels that share one pump hold one vacuum at a time: a program that asks them for two levels at
 * once is refused at planning, naming the cups, the moment and the levels; one that pulls them
 * together or takes turns is accepted.
 */
class SharedPumpPlanningTest {

    @TempDir
    Path dir;

    private EngineFixture f;

    @BeforeEach
    void setUp() {
        f = new EngineFixture(dir);
        f.addDriver(new ScriptedDevice("iv-1", 3, true));
        f.awaitDevice("iv-1", DeviceState.READY);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static SessionRequest onThePump(int cups) {
        List<Placement> placements = new ArrayList<>();
        for (int c = 0; c < cups; c++) {
            placements.add(new Placement("iv-1", c, new BodySite(BodyRegion.LOWER_BACK, Side.LEFT, "")));
        }
        return new SessionRequest("tester", new Client("client-1", "Test Client"), null,
                ScriptedTechnique.ID, Map.of(), placements, 100);
    }

    private void plan(List<List<Segment>> cups) {
        f.technique.script(request -> {
            List<Timeline> timelines = new ArrayList<>();
            for (int c = 0; c < cups.size(); c++) {
                timelines.add(new Timeline(c, cups.get(c)));
            }
            return new Program("scripted", timelines);
        });
    }

    private static Segment.Hold hold(double kpa, double seconds) {
        return new Segment.Hold(kpa, Duration.ofMillis((long) (seconds * 1000)));
    }

    @Test
    void twoLevelsAtOnceOnOnePumpAreRefusedNamingTheCupsTheMomentAndTheLevels() {
        plan(List.of(List.of(hold(20, 10)), List.of(hold(0, 4), hold(12, 6))));

        SessionException refused = assertThrows(SessionException.class, () -> f.engine.start(onThePump(2)));

        assertTrue(refused.getMessage().contains("cup 1 (iv-1 channel 1) and cup 0 (iv-1 channel 0) share one pump,"
                + " which holds one vacuum at a time, but at 4.00 s the program asks 12.0 and 20.0 kPa"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("technique 'scripted'"), "names who planned it: "
                + refused.getMessage());
        assertTrue(f.engine.current().isEmpty(), "nothing started");
    }

    @Test
    void theCheckRefusesItToo() {
        plan(List.of(List.of(hold(20, 10)), List.of(hold(0, 4), hold(12, 6))));

        assertThrows(SessionException.class, () -> f.engine.check(onThePump(2)));
    }

    @Test
    void cupsPullingTogetherAtOneLevelRun() throws Exception {
        plan(List.of(List.of(new Segment.Ramp(20, Duration.ofSeconds(2)), hold(20, 4)),
                List.of(new Segment.Ramp(20, Duration.ofSeconds(2)), hold(20, 4)),
                List.of(new Segment.Ramp(20, Duration.ofSeconds(2)), hold(20, 4))));

        Session session = f.engine.start(onThePump(3));

        assertEquals(SessionState.RUNNING, session.state());
    }

    @Test
    void cupsTakingTurnsOnOnePumpRun() throws Exception {
        // While one pulls the other vents: its valve is shut to the pump.
        plan(List.of(List.of(hold(20, 2), hold(0, 2), hold(20, 2)), List.of(hold(0, 2), hold(12, 2), hold(0, 2))));

        Session session = f.engine.start(onThePump(2));

        assertEquals(SessionState.RUNNING, session.state());
    }

    @Test
    void levelsWithinHalfAKilopascalAreOneLevel() throws Exception {
        plan(List.of(List.of(hold(20, 4)), List.of(hold(20.5, 4))));

        Session session = f.engine.start(onThePump(2));

        assertEquals(SessionState.RUNNING, session.state());
    }

    @Test
    void justBeyondTheToleranceIsRefused() {
        plan(List.of(List.of(hold(20, 4)), List.of(hold(20.6, 4))));

        assertThrows(SessionException.class, () -> f.engine.start(onThePump(2)));
    }
}
