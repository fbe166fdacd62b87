package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.device.MagnetSupport;
import io.upwell.api.session.Client;
import io.upwell.api.session.Placement;
import io.upwell.api.screening.Screening;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionPlan;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.Cup;
import io.upwell.api.technique.ParameterValue;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueStyle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a request would do, before it starts: each cup's limit and which limit set it; and what
 * the technique is told about each cup (its magnet, pump, place in a chain, own values).
 */
class SessionCheckTest {

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

    private static Placement cup(int channel, BodyRegion region) {
        return new Placement("sim-1", channel, new BodySite(region, Side.LEFT, ""));
    }

    private static SessionRequest request(List<Placement> placements, Screening screening) {
        return new SessionRequest("tester", new Client("c-1", ""), screening, ScriptedTechnique.ID,
                Map.of("targetKpa", ParameterValue.of(35)), placements, 100);
    }

    /** SR-01: a face cup asked for 35 kPa is clamped to the face's 10 kPa, and the plan says so before anything starts. */
    @Test
    @Tag("SR-01")
    void eachCupsLimitAndWhatSetItAreKnownBeforeTheStart() throws SessionException {
        SessionPlan plan = f.engine.check(request(List.of(cup(0, BodyRegion.FACE), cup(1, BodyRegion.GLUTES)),
                null));

        SessionPlan.CupPlan face = plan.cups().get(0);
        assertEquals(10.0, face.limitKpa());
        assertEquals("body region face", face.limitSetBy());
        assertEquals(35.0, face.programPeakKpa());
        assertTrue(face.clamped());
        SessionPlan.CupPlan glutes = plan.cups().get(1);
        assertFalse(glutes.clamped(), "35 kPa is within the glutes' limit");
        assertEquals(ScriptedTechnique.ID, plan.techniqueId());
        assertEquals(Duration.ofSeconds(5 + 60 + 3), plan.duration());
        assertTrue(f.engine.current().isEmpty(), "checking starts nothing");
    }

    @Test
    @Tag("SR-01")
    void aScreeningLimitBelowTheRegionsIsNamedAsTheLimit() throws SessionException {
        Screening screening = new Screening(java.util.Set.of(), List.of(), 25.0, "nurse", null);
        SessionPlan plan = f.engine.check(request(List.of(cup(0, BodyRegion.GLUTES)), screening));
        assertEquals(25.0, plan.cups().get(0).limitKpa());
        assertEquals("screening", plan.cups().get(0).limitSetBy());
    }

    @Test
    void aCheckDoesNotDisturbARunningSessionAndRefusesWhatAStartWould() throws Exception {
        var running = f.start(2, Map.of("targetKpa", 40.0, "holdSeconds", 60.0));
        f.advance(Duration.ofSeconds(8));
        double before = f.commandedKpa(0);
        SessionPlan plan = f.engine.check(request(List.of(cup(2, BodyRegion.CALF)), null));
        assertEquals(1, plan.cups().size(), "a check is allowed while a session runs");
        String refused = assertThrows(SessionException.class, () -> f.engine.check(request(
                List.of(cup(9, BodyRegion.CALF)), null))).getMessage();
        assertTrue(refused.contains("cup 0 (sim-1 channel 9): the device has channels 0..3"), refused);
        f.advance(Duration.ofMillis(40));
        assertEquals(SessionState.RUNNING, running.state());
        assertEquals(before, f.commandedKpa(0), 1e-9);
    }

    @Test
    void theTechniqueIsToldEachCupsPumpChainPlaceNeighboursAndOwnValues() throws SessionException {
        List<Placement> placements = List.of(
                cup(0, BodyRegion.THIGH).inZone(2),
                cup(1, BodyRegion.THIGH).inZone(0),
                cup(2, BodyRegion.THIGH).inZone(1).withOverrides(Map.of("targetKpa", ParameterValue.of(20))),
                cup(3, BodyRegion.THIGH));
        f.engine.start(request(placements, null));

        PlanRequest asked = f.technique.lastRequest;
        Cup distal = asked.cups().get(0);
        Cup proximal = asked.cups().get(1);
        Cup middle = asked.cups().get(2);
        Cup loose = asked.cups().get(3);
        assertEquals(2, distal.zone().getAsInt());
        assertEquals(List.of(2), distal.neighbours(), "zone 2 is next to zone 1 only");
        assertEquals(List.of(2), proximal.neighbours());
        assertEquals(List.of(0, 1), middle.neighbours(), "zone 1 is next to zones 0 and 2, in cup order");
        assertTrue(loose.zone().isEmpty());
        assertEquals(List.of(), loose.neighbours());
        assertEquals(20.0, asked.number("targetKpa", middle));
        assertEquals(35.0, asked.number("targetKpa", distal));
        assertEquals(MagnetSupport.NONE, distal.magnet());
        assertEquals(4, asked.cups().stream().map(Cup::pumpGroup).distinct().count(),
                "the simulator has a pump per channel");
        assertEquals(Map.of("targetKpa", ParameterValue.of(35), "holdSeconds", ParameterValue.of(60)),
                asked.parameters(), "the given value and the default of the other");
    }

    @Test
    @Tag("SR-17")
    void aCupOutsideTheRegionsATechniqueIsMeantForIsRefused() {
        f.engine.addTechnique(new ScriptedTechnique("face-only", EngineFixture::holdProgram) {
            @Override
            public TechniqueDescriptor descriptor() {
                return TechniqueDescriptor.of("face-only", "Face", TechniqueStyle.FLASH, "", List.of())
                        .withRegions(List.of(BodyRegion.FACE, BodyRegion.POSTERIOR_NECK));
            }
        }, "face.module");
        EngineFixture.await("face-only listed", () -> f.engine.techniques().size() == 2);
        SessionRequest onTheBack = new SessionRequest("tester", new Client("c-1", ""), null, "face-only",
                Map.of(), List.of(cup(0, BodyRegion.FACE), cup(1, BodyRegion.UPPER_BACK)), 100);
        String refused = assertThrows(SessionException.class, () -> f.engine.start(onTheBack)).getMessage();
        assertTrue(refused.contains("cup 1 (sim-1 channel 1): technique 'face-only' is meant for face, posterior-neck,"
                + " not upper-back"), refused);
        assertFalse(refused.contains("cup 0"), refused);
    }

    @Test
    void theTechniquesAreListedWithTheirModuleAndOrigin() {
        f.engine.addTechnique(new ScriptedTechnique("from-file", EngineFixture::holdProgram), "io.upwell.programs 1.0.0",
                "/data/techniques/from-file.json");
        EngineFixture.await("from-file listed", () -> f.engine.techniques().size() == 2);
        var fromFile = f.engine.techniques().stream().filter(t -> t.descriptor().id().equals("from-file")).findFirst()
                .orElseThrow();
        assertEquals("io.upwell.programs 1.0.0", fromFile.module());
        assertEquals("/data/techniques/from-file.json", fromFile.origin());
        var scripted = f.engine.techniques().stream().filter(t -> t.descriptor().id().equals(ScriptedTechnique.ID))
                .findFirst().orElseThrow();
        assertEquals("bundle", scripted.origin());
    }
}
