package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.upwell.api.session.EngineProperties;
import io.upwell.api.device.DeviceDriver;
import io.upwell.devices.simulator.SimulatorControl;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;

/** A technique module leaves while its session holds vacuum. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class TechniqueDepartureIT {

    /** Below this the cup is released: well under any therapeutic level (8 kPa is the least static cupping uses). */
    private static final double RELEASED_KPA = 0.5;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return UpwellFramework.options();
    }

    /**
     * SR-11 (misbehaving technique: uninstalled mid-session). On the system clock, so that the
     * session is caught holding vacuum. The session's program is compiled data, so it goes on while
     * the module might be coming back (an update); once the grace has passed it ramps out through
     * the envelope, ends, and says which module left.
     */
    @Test
    public void techniqueBundleStoppedMidSessionRampsOutNamingTheModule_SR11() throws Exception {
        SessionService engine = UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM);
        Session session = Sessions.startHoldingVacuum(engine);

        Bundles.named(context, Bundles.STATIC_CUPPING).stop();

        assertEquals("right after the technique's bundle stopped", SessionState.RUNNING, session.state());
        assertFalse("the technique is no longer offered",
                engine.techniques().stream().anyMatch(t -> t.descriptor().id().equals(Sessions.STATIC_CUPPING)));
        SessionSnapshot ended = Sessions.awaitFinal(session);
        assertEquals("a ramp-out ends the session (reason: " + ended.reason() + ")", SessionState.ENDED,
                ended.state());
        assertTrue("the reason names the technique and its module: " + ended.reason(),
                ended.reason().contains(Sessions.STATIC_CUPPING) && ended.reason().contains(Bundles.STATIC_CUPPING));
        // The device really releases every cup (what the client feels).
        SimulatorControl simulator = UpwellServices.await(context, SimulatorControl.class, null);
        int channels = UpwellServices.await(context, DeviceDriver.class, null).descriptor().channelCount();
        Await.value("the simulator's true vacuum below " + RELEASED_KPA + " kPa on every channel",
                () -> simulator, s -> allReleased(s, channels), s -> SimulatedCups.describe(s, channels));
        for (ChannelStatus cup : ended.channels()) {
            assertTrue("every cup vented at the end: " + Sessions.describeChannels(ended), Sessions.vented(cup));
        }
    }

    /**
     * SR-11 and runtime updates: a module that leaves and comes back within the grace (what an
     * update does) leaves the running session undisturbed.
     */
    @Test
    public void techniqueBundleRestartedWithinItsGraceLeavesTheSessionRunning_SR11() throws Exception {
        SessionService engine = UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM);
        Session session = Sessions.startHoldingVacuum(engine);

        org.osgi.framework.Bundle module = Bundles.named(context, Bundles.STATIC_CUPPING);
        module.stop();
        module.start();
        java.time.Duration stoppedAt = session.snapshot().elapsed();
        UpwellServices.awaitTechnique(engine, Sessions.STATIC_CUPPING);
        // The engine's own clock decides when the grace is over; wait on it, not on a sleep.
        Await.value("the session ran 2 s past the technique's grace", () -> session.snapshot(),
                s -> s.state().isFinal() || s.elapsed().compareTo(stoppedAt.plusSeconds(7)) >= 0);
        assertEquals(SessionState.RUNNING, session.state());
        assertTrue("no technique alarm: " + session.snapshot().alarms(),
                Sessions.alarms(session.snapshot(), AlarmCondition.TECHNIQUE_FAILED).isEmpty());
    }

    private static boolean allReleased(SimulatorControl simulator, int channels) {
        for (int channel = 0; channel < channels; channel++) {
            if (SimulatedCups.trueVacuumKpa(simulator, channel) >= RELEASED_KPA) {
                return false;
            }
        }
        return true;
    }

    /**
     * SR-11 (the operator is told which module failed): a medium alarm naming the module, in the
     * session and on the engine's listeners (what an operator's screen hears); a ramp-out needs no
     * acknowledgement, so the engine is not latched.
     */
    @Test
    public void techniqueBundleStoppedMidSessionTellsTheOperatorWhichModule_SR11() throws Exception {
        SessionService engine = UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM);
        RecordingListener operatorScreen = RecordingListener.register(context);
        Session session = Sessions.startHoldingVacuum(engine);

        Bundles.named(context, Bundles.STATIC_CUPPING).stop();
        Sessions.awaitFinal(session);

        List<Alarm> alarms = Sessions.alarms(session.snapshot(), AlarmCondition.TECHNIQUE_FAILED);
        assertEquals("one technique alarm in the session: " + session.snapshot().alarms(), 1, alarms.size());
        assertEquals(AlarmPriority.MEDIUM, alarms.get(0).priority());
        assertTrue("the alarm names the module: " + alarms.get(0).message(),
                alarms.get(0).message().contains(Bundles.STATIC_CUPPING));
        assertFalse("a ramp-out does not latch", engine.latched());
        // Listeners are told on the engine's event thread, so wait for it.
        Await.value("a listener told of a TECHNIQUE_FAILED alarm naming " + Bundles.STATIC_CUPPING,
                operatorScreen::alarms, heard -> heard.stream().anyMatch(
                        a -> a.condition() == AlarmCondition.TECHNIQUE_FAILED
                                && a.message().contains(Bundles.STATIC_CUPPING)));
    }
}
