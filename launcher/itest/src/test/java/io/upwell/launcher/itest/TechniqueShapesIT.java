package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.preview.Preview;
import io.upwell.api.preview.PreviewRequest;
import io.upwell.api.preview.PreviewService;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.Client;
import io.upwell.api.session.EngineProperties;
import io.upwell.api.session.Placement;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.ParameterValue;
import io.upwell.devices.simulator.Fault;
import io.upwell.devices.simulator.ScriptedFault;
import io.upwell.devices.simulator.SimulatorOptions;
import io.upwell.devices.simulator.Simulators;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Each built-in technique run through the real engine on the virtual clock, in Felix, with the
 * installed modules and a simulator: what the cups are commanded, tick by tick, has the shape the
 * technique promises. Timings are checked to one control tick (20 ms), which is also the trace's
 * sample period.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TechniqueShapesIT {

    private static final Duration TICK = Duration.ofMillis(20);
    private static final double TICK_SECONDS = 0.02;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return UpwellFramework.options();
    }

    // ------------------------------------------------------------------ static cupping

    @Test
    public void staticCuppingRampsHoldsAndReleasesOnTime() throws Exception {
        Preview run = preview("static-cupping", Map.of("targetKpa", ParameterValue.of(30), "holdSeconds",
                ParameterValue.of(20), "rampInSeconds", ParameterValue.of(5), "rampOutSeconds", ParameterValue.of(3)),
                cups(2, false), List.of());

        assertEquals(run.reason(), SessionState.ENDED, run.finalState());
        List<Preview.Sample> cup = cup(run, 0);
        assertWithinATick("the hold begins after the 5 s ramp", 5.0, firstTime(cup, "hold"));
        assertWithinATick("the release begins after the 20 s hold", 25.0, firstTime(cup, "release"));
        for (Preview.Sample s : cup) {
            double t = seconds(s.time());
            if (t >= 7 && t < 25) {
                assertEquals("measured at " + t + " s, within 2 kPa of the target", 30.0, s.measuredKpa(), 2.0);
            }
        }
        assertTrue(run.alarms().toString(), run.alarms().isEmpty());
    }

    // ------------------------------------------------------------------ flash cupping

    @Test
    public void flashCuppingReleasesOnItsCycle() throws Exception {
        Preview run = preview("flash-cupping", Map.of("flashKpa", ParameterValue.of(15), "onSeconds",
                ParameterValue.of(1.5), "offSeconds", ParameterValue.of(1), "flashes", ParameterValue.of(5)),
                cups(1, false), List.of());

        assertEquals(run.reason(), SessionState.ENDED, run.finalState());
        List<Double> releases = falls(cup(run, 0));
        assertEquals("five flashes: " + releases, 5, releases.size());
        assertWithinATick("the first release after 1.5 s of suction", 1.5, releases.get(0));
        for (int i = 1; i < releases.size(); i++) {
            assertWithinATick("cycle " + i + " lasts 1.5 s on and 1 s off", 2.5, releases.get(i) - releases.get(i - 1));
        }
    }

    // ------------------------------------------------------------------ interval suction

    @Test
    public void intervalSuctionShiftsTheNeighbouringCupAndKeepsItsCycle() throws Exception {
        Preview run = preview("interval-suction", Map.of("suctionKpa", ParameterValue.of(5.3), "onSeconds",
                ParameterValue.of(5), "offSeconds", ParameterValue.of(5), "cycles", ParameterValue.of(3), "mode",
                ParameterValue.of("shifted"), "shiftSeconds", ParameterValue.of(3)), cups(2, true), List.of());

        assertEquals(run.reason(), SessionState.ENDED, run.finalState());
        double first = firstAbove(cup(run, 0), 0.01);
        double second = firstAbove(cup(run, 1), 0.01);
        assertWithinATick("the odd zone starts 3 s after the even one", 3.0, second - first);
        List<Double> releases = falls(cup(run, 0));
        assertEquals("three cycles: " + releases, 3, releases.size());
        assertWithinATick("a 10 s cycle", 10.0, releases.get(1) - releases.get(0));
        assertWithinATick("a 10 s cycle", 10.0, releases.get(2) - releases.get(1));
        assertEquals("shifted by 3 s all along", releases.get(0) + 3.0, falls(cup(run, 1)).get(0), TICK_SECONDS);
    }

    // ------------------------------------------------------------------ lymphatic sequence

    /** SR-03: the lymphatic program rises no faster than its own lower limit; zones go proximal first, then distal waves. */
    @Test
    public void aLymphaticSequenceClearsProximalFirstThenWavesFromDistalOneZoneAtATime_SR03() throws Exception {
        Preview run = preview("lymphatic-sequence", Map.of("pulseKpa", ParameterValue.of(5), "pulsesPerZone",
                ParameterValue.of(3), "pulseOnSeconds", ParameterValue.of(2), "pulseOffSeconds", ParameterValue.of(1),
                "zoneGapSeconds", ParameterValue.of(0.5), "waves", ParameterValue.of(1)), cups(4, true), List.of());

        assertEquals(run.reason(), SessionState.ENDED, run.finalState());
        List<List<Double>> turns = new ArrayList<>();
        for (int zone = 0; zone < 4; zone++) {
            turns.add(turnStarts(cup(run, zone)));
        }
        for (int zone = 1; zone < 4; zone++) {
            assertTrue("clearing: zone " + zone + " starts after zone " + (zone - 1) + ": " + turns,
                    turns.get(zone).get(0) > turns.get(zone - 1).get(0));
        }
        for (int zone = 0; zone < 3; zone++) {
            assertTrue("the wave runs from the distal zone to the trunk: zone " + zone + " after zone " + (zone + 1)
                    + ": " + turns, turns.get(zone).get(1) > turns.get(zone + 1).get(1));
        }
        int samples = cup(run, 0).size();
        for (int i = 0; i < samples; i++) {
            int pulling = 0;
            for (int zone = 0; zone < 4; zone++) {
                pulling += cup(run, zone).get(i).commandKpa() > 0 ? 1 : 0;
            }
            assertTrue("one zone at a time, at " + seconds(cup(run, 0).get(i).time()) + " s", pulling <= 1);
        }
        for (int zone = 0; zone < 4; zone++) {
            List<Preview.Sample> cup = cup(run, zone);
            for (int i = 1; i < cup.size(); i++) {
                double rise = cup.get(i).commandKpa() - cup.get(i - 1).commandKpa();
                assertTrue("zone " + zone + " rises " + rise + " kPa in a tick: more than 5 kPa/s", rise <= 5 * TICK_SECONDS + 1e-9);
            }
        }
    }

    // ------------------------------------------------------------------ dynamic gliding

    /**
     * SR-06 and the adaptive path: a gliding cup slides off the skin for 4 s. The technique sees it,
     * drops that cup to a seal-seeking level from its next segment boundary, and once the cup seals
     * again ramps it back gently; the other cup glides on, and a loss shorter than the leak delay
     * raises no leak alarm.
     */
    @Test
    public void glidingThroughASealLossDropsTheCupAndRampsItBackGently_SR06() throws Exception {
        Preview run = preview("dynamic-gliding", Map.of("glideKpa", ParameterValue.of(15), "glideMode",
                ParameterValue.of("steady"), "glideMinutes", ParameterValue.of(1)), cups(2, false),
                List.of(new ScriptedFault(Fault.SEAL_LOST, 0, Duration.ofSeconds(20), Duration.ofSeconds(24))));

        assertEquals(run.reason(), SessionState.ENDED, run.finalState());
        List<Preview.Sample> lifted = cup(run, 0);
        List<Preview.Sample> other = cup(run, 1);
        assertEquals("gliding before the loss", 15.0, at(lifted, 19.0).commandKpa(), 1e-6);
        assertTrue("dropped to the seal-seeking level within 3.5 s: " + at(lifted, 23.5).commandKpa(),
                at(lifted, 23.5).commandKpa() <= 4.0 + 1e-6);
        assertEquals("the other cup glides on", 15.0, at(other, 23.5).commandKpa(), 1e-6);
        assertEquals("back at the glide level well after the re-seal", 15.0, at(lifted, 36.0).commandKpa(), 1e-6);
        for (int i = 1; i < lifted.size(); i++) {
            double t = seconds(lifted.get(i).time());
            double rise = lifted.get(i).commandKpa() - lifted.get(i - 1).commandKpa();
            if (t > 24 && t < 36) {
                assertTrue("a gentle ramp back (" + rise + " kPa at " + t + " s)", rise <= 2 * TICK_SECONDS + 1e-6);
            }
        }
        assertTrue("no leak alarm for a 4 s loss: " + run.alarms(),
                run.alarms().stream().noneMatch(a -> a.condition() == AlarmCondition.LEAK));
    }

    // ------------------------------------------------------------------ helpers

    private Preview preview(String technique, Map<String, ParameterValue> parameters, List<Placement> cups,
            List<ScriptedFault> script) throws Exception {
        UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM); // the installed techniques
        UpwellServices.awaitTechnique(UpwellServices.engine(context, EngineProperties.CLOCK_SYSTEM), technique);
        PreviewService previews = UpwellServices.await(context, PreviewService.class, null);
        SimulatorOptions options = SimulatorOptions.defaults().withId(DEVICE).withChannels(Math.max(cups.size(), 1));
        for (ScriptedFault fault : script) {
            options = options.withScriptedFault(fault);
        }
        SessionRequest request = new SessionRequest("itest", new Client("itest-client", ""), null,
                technique, parameters, cups, 100);
        return previews.run(new PreviewRequest(request, Optional.empty(), Simulators.create(options), TICK,
                Duration.ofMinutes(30)));
    }

    private static final String DEVICE = "shape-sim";

    private static List<Placement> cups(int count, boolean chained) {
        List<Placement> cups = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            Placement cup = new Placement(DEVICE, c, new BodySite(BodyRegion.THIGH, Side.LEFT, "zone " + c));
            cups.add(chained ? cup.inZone(c) : cup);
        }
        return cups;
    }

    private static List<Preview.Sample> cup(Preview run, int cup) {
        return run.samples().stream().filter(s -> s.cup() == cup).toList();
    }

    private static double seconds(Duration time) {
        return time.toNanos() / 1e9;
    }

    private static double firstTime(List<Preview.Sample> cup, String phase) {
        return cup.stream().filter(s -> s.phase().equals(phase)).mapToDouble(s -> seconds(s.time())).findFirst()
                .orElseThrow(() -> new AssertionError("no sample in phase " + phase));
    }

    private static double firstAbove(List<Preview.Sample> cup, double kpa) {
        return cup.stream().filter(s -> s.commandKpa() > kpa).mapToDouble(s -> seconds(s.time())).findFirst()
                .orElseThrow(() -> new AssertionError("never above " + kpa + " kPa"));
    }

    private static Preview.Sample at(List<Preview.Sample> cup, double t) {
        return cup.stream().filter(s -> seconds(s.time()) >= t - 1e-9).findFirst()
                .orElseThrow(() -> new AssertionError("no sample at " + t + " s"));
    }

    /** Times at which the command falls from above 1 kPa to ambient: the releases. */
    private static List<Double> falls(List<Preview.Sample> cup) {
        List<Double> times = new ArrayList<>();
        for (int i = 1; i < cup.size(); i++) {
            if (cup.get(i - 1).commandKpa() > 1 && cup.get(i).commandKpa() == 0) {
                times.add(seconds(cup.get(i).time()));
            }
        }
        return times;
    }

    /** Times at which a zone's turn begins: its first pulse after the zone was idle for more than 1.5 s. */
    private static List<Double> turnStarts(List<Preview.Sample> cup) {
        List<Double> starts = new ArrayList<>();
        double lastActive = Double.NEGATIVE_INFINITY;
        for (Preview.Sample s : cup) {
            double t = seconds(s.time());
            if (s.commandKpa() > 0) {
                if (t - lastActive > 1.5) {
                    starts.add(t);
                }
                lastActive = t;
            }
        }
        return starts;
    }

    private static void assertWithinATick(String what, double expectedSeconds, double actualSeconds) {
        assertEquals(what + " (at " + actualSeconds + " s)", expectedSeconds, actualSeconds, TICK_SECONDS + 1e-9);
    }
}
