package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.MagnetSupport;
import io.upwell.api.screening.Screening;
import io.upwell.api.session.Placement;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.technique.ParameterValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoPlanTest {

    /** A device with a pump per channel, as the simulator and a magnetic cup array declare themselves. */
    private static DeviceDescriptor ownPumps(String id, int channels, boolean simulated) {
        List<ChannelDescriptor> list = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            list.add(new ChannelDescriptor(i, "cup " + (i + 1), 60, MagnetSupport.NONE, i));
        }
        return new DeviceDescriptor(id, "Upwell", "test", list, 70, simulated, Duration.ofMillis(200));
    }

    /** An interval vacuum system: one pump (group 0) behind every valve. */
    private static DeviceDescriptor onePump(String id, int channels) {
        List<ChannelDescriptor> list = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            list.add(new ChannelDescriptor(i, "valve " + (i + 1), 60, MagnetSupport.NONE, 0));
        }
        return new DeviceDescriptor(id, "Upwell", "interval", list, 70, false, Duration.ofMillis(300));
    }

    private final SessionRequest simulator = DemoPlan.on(ownPumps("sim-1", 4, true)).request();

    @Test
    void fourCupsOnTheSimulatorsFirstFourChannels() {
        List<Placement> placements = simulator.placements();
        assertEquals(4, placements.size());
        for (int i = 0; i < placements.size(); i++) {
            assertEquals("sim-1", placements.get(i).deviceId());
            assertEquals(i, placements.get(i).channel());
        }
        assertEquals(BodyRegion.UPPER_BACK, placements.get(0).site().region());
        assertEquals(BodyRegion.SHOULDER, placements.get(3).site().region());
    }

    @Test
    void staticCuppingAtFortyKpaWithOneCupOverriddenAndNoScreeningOnTheSimulator() {
        assertEquals("static-cupping", simulator.techniqueId());
        assertEquals(ParameterValue.of(40), simulator.parameters().get("targetKpa"));
        assertEquals(ParameterValue.of(30), simulator.placements().get(3).overrides().get("targetKpa"));
        assertTrue(simulator.screeningGiven().isEmpty(), "the engine allows no screening on a simulator only");
        assertEquals("demo", simulator.operator());
        assertEquals(100, simulator.intensity());
        assertEquals("static cupping on sim-1, 4 cups at 40 kPa (cup 3: 30 kPa), 5 s ramp, 20 s hold, 3 s release",
                DemoPlan.on(ownPumps("sim-1", 4, true)).headline());
    }

    @Test
    void aRealDeviceGetsAScreeningOfTheDemoClientThatFoundNothing() {
        SessionRequest request = DemoPlan.on(ownPumps("mc-1", 4, false)).request();
        Screening screening = request.screeningGiven().orElseThrow();
        assertEquals("demo", screening.screenedBy());
        assertTrue(screening.conditions().isEmpty());
        assertTrue(screening.sites().isEmpty());
        assertTrue(screening.limit().isEmpty());
        assertTrue(screening.consentGiven().isEmpty());
        assertEquals("demo-client", request.client().id());
        assertEquals(ParameterValue.of(30), request.placements().get(3).overrides().get("targetKpa"),
                "cups with a pump each keep the per-cup override");
        assertEquals("demo", request.override().approvedBy(), "SR-15 set aside for a client who is nobody, said why");
        assertTrue(request.override().reason().contains("no person is treated"), request.override().reason());
        assertTrue(DemoPlan.on(ownPumps("sim-1", 4, true)).request().overrideGiven().isEmpty(),
                "a simulator treats nobody: no override needed or given");
    }

    @Test
    void cupsThatShareOnePumpAreAllAskedForOneLevel() {
        DemoPlan plan = DemoPlan.on(onePump("iv-1", 4));
        SessionRequest request = plan.request();
        assertTrue(plan.sharedPump());
        assertEquals(4, request.placements().size());
        assertTrue(request.placements().stream().allMatch(p -> p.overrides().isEmpty()), request.placements()::toString);
        assertTrue(plan.overriddenCup().isEmpty());
        assertEquals("static cupping on iv-1, 4 cups at 40 kPa (one level for every cup: they share one pump), 5 s"
                + " ramp, 20 s hold, 3 s release", plan.headline());
    }

    @Test
    void theCupsFollowTheChannelsTheDeviceReportsUpToFour() {
        DemoPlan two = DemoPlan.on(ownPumps("mc-1", 2, false));
        assertEquals(2, two.request().placements().size());
        assertEquals(1, two.overriddenCup().getAsInt(), "the last cup shows the override");
        assertEquals(BodyRegion.UPPER_BACK, two.request().placements().get(1).site().region());

        DemoPlan one = DemoPlan.on(ownPumps("mc-1", 1, false));
        assertEquals(1, one.request().placements().size());
        assertTrue(one.overriddenCup().isEmpty(), "one cup has nothing to differ from");
        assertTrue(one.headline().contains("1 cup at 40 kPa,"), one.headline());

        DemoPlan sixteen = DemoPlan.on(onePump("iv-1", 16));
        assertEquals(4, sixteen.request().placements().size());
        assertEquals(List.of(0, 1, 2, 3), sixteen.request().placements().stream().map(Placement::channel).toList());
    }

    @Test
    void channelsWithAPumpEachAreNotOnePump() {
        assertFalse(DemoPlan.on(ownPumps("mc-1", 4, false)).sharedPump());
    }

    @Test
    void thePlannedLengthIsTheSumOfRampHoldAndRelease() {
        double seconds = number("rampInSeconds") + number("holdSeconds") + number("rampOutSeconds");
        assertEquals(Duration.ofSeconds((long) seconds), DemoPlan.PLANNED);
        assertEquals(Duration.ofSeconds(28), DemoPlan.PLANNED);
    }

    private double number(String name) {
        return ((ParameterValue.Number) simulator.parameters().get(name)).value();
    }
}
