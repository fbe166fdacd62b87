package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.preview.Preview;
import io.upwell.api.preview.PreviewRequest;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.Client;
import io.upwell.api.session.Placement;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.ParameterValue;
import io.upwell.api.technique.Technique;
import io.upwell.devices.simulator.SimulatorOptions;
import io.upwell.devices.simulator.Simulators;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A preview runs a session on an engine of its own, on the virtual clock, and leaves the running engine alone. */
class PreviewTest {

    private static final String DEVICE = "preview-sim";

    @TempDir
    Path dir;

    private EngineFixture f;
    private Previewer previewer;

    @BeforeEach
    void setUp() {
        f = new EngineFixture(dir);
        previewer = new Previewer(() -> f.engine);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static SessionRequest request(String technique, BodyRegion region, double targetKpa, double holdSeconds) {
        List<Placement> cups = List.of(new Placement(DEVICE, 0, new BodySite(region, Side.LEFT, "")),
                new Placement(DEVICE, 1, new BodySite(BodyRegion.UPPER_BACK, Side.RIGHT, "")));
        return new SessionRequest("therapist", new Client("c-1", ""), null, technique,
                Map.of("targetKpa", ParameterValue.of(targetKpa), "holdSeconds", ParameterValue.of(holdSeconds)), cups,
                100);
    }

    private static PreviewRequest preview(SessionRequest session, Optional<Technique> technique, Duration limit) {
        return new PreviewRequest(session, technique, Simulators.create(SimulatorOptions.defaults().withId(DEVICE)),
                Duration.ofMillis(100), limit);
    }

    @Test
    void anInstalledTechniqueRunsToItsEndTracedAtTheSamplePeriod() throws SessionException {
        Preview result = previewer.run(preview(request(ScriptedTechnique.ID, BodyRegion.UPPER_BACK, 30, 20),
                Optional.empty(), Duration.ofMinutes(5)));

        assertEquals(SessionState.ENDED, result.finalState());
        assertEquals("program complete", result.reason());
        assertTrue(result.duration().compareTo(Duration.ofSeconds(28)) >= 0
                && result.duration().compareTo(Duration.ofSeconds(32)) <= 0, "5 + 20 + 3 s and the last ramp-out: "
                        + result.duration());
        List<Preview.Sample> cup0 = result.samples().stream().filter(s -> s.cup() == 0).toList();
        assertEquals(Duration.ZERO, cup0.get(0).time());
        assertEquals(Duration.ofMillis(100), cup0.get(1).time().minus(cup0.get(0).time()));
        Preview.Sample holding = cup0.stream().filter(s -> s.time().equals(Duration.ofSeconds(15))).findFirst()
                .orElseThrow();
        assertEquals(30.0, holding.commandKpa(), 1e-9);
        assertEquals(30.0, holding.measuredKpa(), 2.0, "the simulator tracks its command");
        assertEquals("hold", holding.phase());
        assertTrue(result.alarms().isEmpty(), result.alarms().toString());
        assertTrue(f.engine.current().isEmpty(), "nothing started on the running engine");
    }

    @Test
    void aRunningSessionOnTheTherapistsEngineIsNotDisturbed() throws Exception {
        Session running = f.start(2, Map.of("targetKpa", 40.0, "holdSeconds", 300.0));
        f.advance(Duration.ofSeconds(10));
        double before = f.commandedKpa(0);

        Preview result = previewer.run(preview(request(ScriptedTechnique.ID, BodyRegion.FACE, 35, 10),
                Optional.empty(), Duration.ofMinutes(5)));

        assertEquals(SessionState.RUNNING, running.state());
        assertEquals(before, f.commandedKpa(0), 1e-9);
        assertFalse(result.alarms().isEmpty(), "the face cup is clamped in the preview");
        assertTrue(result.alarms().stream().allMatch(a -> a.condition() == AlarmCondition.REQUEST_CLAMPED));
        assertTrue(EngineFixture.alarms(running, AlarmCondition.REQUEST_CLAMPED).isEmpty(),
                "the preview's alarms stay in the preview");
        assertTrue(result.plan().cups().get(0).clamped());
        assertEquals("body region face", result.plan().cups().get(0).limitSetBy());
    }

    @Test
    void aTechniqueThatIsNotInstalledCanBePreviewed() throws SessionException {
        ScriptedTechnique draft = new ScriptedTechnique("draft", request -> EngineFixture.constant(request, 12,
                Duration.ofSeconds(6)));
        Preview result = previewer.run(preview(request("draft", BodyRegion.CALF, 30, 20), Optional.of(draft),
                Duration.ofMinutes(1)));
        assertEquals(SessionState.ENDED, result.finalState());
        assertTrue(f.engine.techniques().stream().noneMatch(t -> t.descriptor().id().equals("draft")),
                "previewing installs nothing");
        double most = result.samples().stream().mapToDouble(Preview.Sample::commandKpa).max().orElseThrow();
        assertEquals(12.0, most, 1e-9);
    }

    @Test
    void aPreviewStopsItsSessionAtTheLimitWithARampOut() throws SessionException {
        Preview result = previewer.run(preview(request(ScriptedTechnique.ID, BodyRegion.UPPER_BACK, 30, 300),
                Optional.empty(), Duration.ofSeconds(10)));
        assertEquals(SessionState.ENDED, result.finalState());
        assertTrue(result.reason().startsWith("the preview's limit of PT10S was reached"), result.reason());
        // 30 kPa at the default ramp-out of 10 kPa/s takes 3 s; the tick after the last sees every cup out.
        assertTrue(result.duration().compareTo(Duration.ofMillis(13_100)) <= 0, "a 3 s ramp-out and a tick or two: "
                + result.duration());
    }

    @Test
    void anUnknownTechniqueIsRefusedNamingTheKnownOnes() {
        String message = assertThrows(SessionException.class, () -> previewer.run(preview(
                request("tai-chi", BodyRegion.CALF, 30, 20), Optional.empty(), Duration.ofMinutes(1)))).getMessage();
        assertEquals("unknown technique 'tai-chi'; available: [scripted]", message);
    }

    @Test
    void aBadRequestIsRefusedAsAStartWouldBe() {
        String message = assertThrows(SessionException.class, () -> previewer.run(preview(
                request(ScriptedTechnique.ID, BodyRegion.CALF, 90, 20), Optional.empty(), Duration.ofMinutes(1))))
                .getMessage();
        assertTrue(message.contains("parameter 'targetKpa' = 90 kPa: must be 8 to 60 kPa"), message);
    }
}
