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
     * session is caught holding vacuum. The core handles the technique's departure synchronously in
     * the service-unregistration callback, so the session is aborted and every cup commanded to vent
     * by the time {@code Bundle.stop()} returns: well within one control period.
     */
    @Test
    public void techniqueBundleStoppedMidSession_SR11() throws Exception {
        SessionService engine = UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM);
        Session session = Sessions.startHoldingVacuum(engine);

        Bundles.named(context, Bundles.STATIC_CUPPING).stop();
        SessionSnapshot after = session.snapshot();

        assertEquals("state right after the technique's bundle stopped (reason: " + after.reason() + ")",
                SessionState.ABORTED, after.state());
        assertTrue("the reason names the technique and its module: " + after.reason(),
                after.reason().contains(Sessions.STATIC_CUPPING) && after.reason().contains(Bundles.STATIC_CUPPING));
        assertFalse("the technique is no longer offered",
                engine.techniques().stream().anyMatch(t -> t.id().equals(Sessions.STATIC_CUPPING)));
        // The device really releases every cup (what the client feels), whatever the snapshot says ...
        SimulatorControl simulator = UpwellServices.await(context, SimulatorControl.class, null);
        int channels = UpwellServices.await(context, DeviceDriver.class, null).descriptor().channelCount();
        Await.value("the simulator's true vacuum below " + RELEASED_KPA + " kPa on every channel",
                () -> simulator, s -> allReleased(s, channels), s -> SimulatedCups.describe(s, channels));
        // ... and the engine's own view, captured right after stop(), already shows every cup commanded to vent.
        for (ChannelStatus cup : after.channels()) {
            assertTrue("every cup commanded to vent right after stop(): " + Sessions.describeChannels(after),
                    Sessions.vented(cup));
        }
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
     * SR-11 (the operator is told which module failed): a high alarm naming the module, in the
     * session and on the engine's listeners (what an operator's screen hears).
     */
    @Test
    public void techniqueBundleStoppedMidSessionTellsTheOperatorWhichModule_SR11() throws Exception {
        SessionService engine = UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM);
        RecordingListener operatorScreen = RecordingListener.register(context);
        Session session = Sessions.startHoldingVacuum(engine);

        Bundles.named(context, Bundles.STATIC_CUPPING).stop();

        List<Alarm> alarms = Sessions.alarms(session.snapshot(), AlarmCondition.TECHNIQUE_FAILED);
        assertEquals("one technique alarm in the session: " + session.snapshot().alarms(), 1, alarms.size());
        assertEquals(AlarmPriority.HIGH, alarms.get(0).priority());
        assertTrue("the alarm names the module: " + alarms.get(0).message(),
                alarms.get(0).message().contains(Bundles.STATIC_CUPPING));
        assertTrue("a technique fault latches until acknowledged", engine.latched());
        // Listeners are told on the engine's event thread, so wait for it.
        Await.value("a listener told of a TECHNIQUE_FAILED alarm naming " + Bundles.STATIC_CUPPING,
                operatorScreen::alarms, heard -> heard.stream().anyMatch(
                        a -> a.condition() == AlarmCondition.TECHNIQUE_FAILED
                                && a.message().contains(Bundles.STATIC_CUPPING)));
    }
}
