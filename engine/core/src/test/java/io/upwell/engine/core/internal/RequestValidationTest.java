package io.upwell.engine.core.internal;

import io.upwell.engine.core.internal.settings.EngineSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.Client;
import io.upwell.api.session.Placement;
import io.upwell.api.screening.Screening;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.Timeline;
import io.upwell.devices.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import io.upwell.api.technique.ParameterValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestValidationTest {
    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void setUp() {
        f = new EngineFixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private SessionRequest request(List<Placement> placements, Map<String, ParameterValue> parameters,
            Screening screening, String technique) {
        return new SessionRequest("tester", new Client("c-1", ""), screening, technique, parameters, placements, 100);
    }

    private static Placement cup(String device, int channel, BodyRegion region) {
        return new Placement(device, channel, new BodySite(region, Side.LEFT, ""));
    }

    private String refusal(SessionRequest request) {
        return assertThrows(SessionException.class, () -> f.engine.start(request)).getMessage();
    }

    @Test
    @Tag("SR-17")
    void everyProblemOfABadRequestIsNamed() {
        String message = refusal(request(List.of(
                cup("sim-1", 0, BodyRegion.UPPER_BACK).withOverrides(Map.of("holdSeconds", ParameterValue.of(20))),
                cup("sim-1", 0, BodyRegion.THIGH).withOverrides(Map.of("targetKpa", ParameterValue.of("deep"))),
                cup("sim-1", 9, BodyRegion.CALF).withOverrides(Map.of("depth", ParameterValue.of(3))),
                cup("nope", 0, BodyRegion.CALF)),
                Map.of("targetKpa", ParameterValue.of(75), "speed", ParameterValue.of(3), "holdSeconds",
                        ParameterValue.of(true)),
                null, ScriptedTechnique.ID));
        assertTrue(message.contains("cup 1 (sim-1 channel 0): that channel is already used"), message);
        assertTrue(message.contains("cup 2 (sim-1 channel 9): the device has channels 0..3"), message);
        assertTrue(message.contains("no device 'nope'"), message);
        assertTrue(message.contains("parameter 'targetKpa' = 75 kPa: must be 8 to 60 kPa"), message);
        assertTrue(message.contains("technique 'scripted' has no parameter 'speed'"), message);
        assertTrue(message.contains("parameter 'holdSeconds' takes a number (10 to 900 s), got 'on'"), message);
        assertTrue(message.contains("cup 0: parameter 'holdSeconds' applies to the whole session; it cannot be set"
                + " for one cup"), message);
        assertTrue(message.contains("cup 1: parameter 'targetKpa' takes a number (8 to 60 kPa), got 'deep'"), message);
        assertTrue(message.contains("cup 2: technique 'scripted' has no parameter 'depth'"), message);
    }

    @Test
    @Tag("SR-17")
    void anUnknownTechniqueIsNamedWithTheKnownOnes() {
        String message = refusal(request(List.of(cup("sim-1", 0, BodyRegion.UPPER_BACK)), Map.of(),
                null, "tai-chi"));
        assertTrue(message.contains("unknown technique 'tai-chi'") && message.contains("scripted"), message);
    }

    @Test
    @Tag("SR-17")
    void aBadRequestDoesNotDisturbARunningSession() throws Exception {
        Session running = f.start(2, Map.of("targetKpa", 40.0, "holdSeconds", 60.0));
        f.advance(Duration.ofSeconds(8));
        double before = f.commandedKpa(0);
        refusal(request(List.of(cup("sim-1", 2, BodyRegion.CALF)), Map.of("targetKpa", ParameterValue.of(99)), null,
                ScriptedTechnique.ID));
        f.advance(Duration.ofMillis(20));
        assertEquals(SessionState.RUNNING, running.state());
        assertEquals(before, f.commandedKpa(0), 1e-9);
    }

    @Test
    @Tag("SR-14")
    void withoutScreeningOnlyASimulatedDeviceMayBeUsed() {
        f.addDriver(new PluginFailureTest.StubbornDriver("real-1", () -> { }));
        EngineFixture.await("real-1 listed", () -> f.engine.devices().size() == 2);
        String message = refusal(request(List.of(cup("real-1", 0, BodyRegion.UPPER_BACK)), Map.of(),
                null, ScriptedTechnique.ID));
        assertTrue(message.contains("no screening given; without screening only a simulated device may be used"),
                message);
    }

    @Test
    void anEngineOnTheVirtualClockDrivesNoRealDeviceEvenWithScreening() {
        f.addDriver(new PluginFailureTest.StubbornDriver("real-1", () -> { }));
        EngineFixture.await("real-1 listed", () -> f.engine.devices().size() == 2);
        Screening screening = Screening.clear("nurse");
        String message = refusal(request(List.of(cup("real-1", 0, BodyRegion.UPPER_BACK)), Map.of(),
                screening, ScriptedTechnique.ID));
        assertTrue(message.contains("the engine runs on the virtual clock") && message.contains("real-1"), message);
    }

    @Test
    @Tag("SR-01")
    void eachCupsLimitIsTheLowestOfHardDeviceRegionAndScreeningLimits() throws Exception {
        f.technique.script(request -> EngineFixture.constant(request, 95.0, Duration.ofSeconds(60)));
        Screening screening = new Screening(java.util.Set.of(), List.of(), 35.0, "nurse", null);
        Session session = f.engine.start(request(List.of(cup("sim-1", 0, BodyRegion.GLUTES),
                cup("sim-1", 1, BodyRegion.FOREARM), cup("sim-1", 2, BodyRegion.FACE)), Map.of(),
                screening, ScriptedTechnique.ID));
        f.advance(Duration.ofSeconds(15));
        var cups = session.snapshot().channels();
        assertEquals(35.0, cups.get(0).limitKpa(), "glutes 60, channel 60, device 70: screening 35 wins");
        assertEquals(30.0, cups.get(1).limitKpa(), "forearm region 30");
        assertEquals(10.0, cups.get(2).limitKpa(), "face region 10");
        assertEquals(35.0, f.commandedKpa(0), 1e-9);
        assertEquals(30.0, f.commandedKpa(1), 1e-9);
        assertEquals(10.0, f.commandedKpa(2), 1e-9);
        assertEquals(3, EngineFixture.alarms(session, AlarmCondition.REQUEST_CLAMPED).size(), "one per clamped cup");
        assertTrue(f.technique.lastRequest.cups().get(2).maxVacuumKpa() == 10.0, "the technique is told each limit");
    }

    @Test
    @Tag("SR-01")
    void theHardLimitHoldsWhateverTheDeviceDeclares() throws Exception {
        f.close();
        f = new EngineFixture(EngineSettings.defaults(dir, true),
                SimulatorOptions.defaults().withChannels(2).withChannelMaxVacuumKpa(80).withDeviceMaxVacuumKpa(80)
                        .withSeed(1));
        f.technique.script(request -> new Program("max", List.of(new Timeline(0,
                List.of(new Segment.Hold(100.0, Duration.ofSeconds(30)))))));
        Session session = f.engine.start(request(List.of(cup("sim-1", 0, BodyRegion.GLUTES)), Map.of(),
                null, ScriptedTechnique.ID));
        f.advance(Duration.ofSeconds(10));
        assertEquals(60.0, session.snapshot().channels().get(0).limitKpa(), "glutes region 60 below the hard 80");
        assertTrue(f.commandedKpa(0) <= 60.0);
    }
}
