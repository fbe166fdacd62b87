package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.upwell.api.session.EngineProperties;
import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The device's bundle leaves while a session holds vacuum on it, and comes back. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class DeviceDepartureIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return UpwellFramework.options();
    }

    /**
     * SR-09 (device lost mid-session): the session pauses with its channels commanded to vent and
     * never resumes without acknowledgement, even after the device is back and ready.
     */
    @Test
    public void simulatorBundleStoppedMidSession_SR09() throws Exception {
        SessionService engine = UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM);
        RecordingListener operatorScreen = RecordingListener.register(context);
        Session session = Sessions.startHoldingVacuum(engine);

        Bundle simulator = Bundles.named(context, Bundles.SIMULATOR);
        simulator.stop();

        SessionSnapshot paused = Sessions.awaitState(session, SessionState.PAUSED);
        assertTrue("the reason names the device: " + paused.reason(), paused.reason().contains(Sessions.SIMULATOR_ID));
        Sessions.awaitVented(session);
        List<Alarm> lost = Sessions.alarms(session.snapshot(), AlarmCondition.DEVICE_LOST);
        assertEquals("one device-lost alarm: " + session.snapshot().alarms(), 1, lost.size());
        assertEquals(AlarmPriority.HIGH, lost.get(0).priority());
        assertTrue("the fault latches", engine.latched());
        Await.value("a listener told of a DEVICE_LOST alarm naming " + Sessions.SIMULATOR_ID, operatorScreen::alarms,
                heard -> heard.stream().anyMatch(a -> a.condition() == AlarmCondition.DEVICE_LOST
                        && a.deviceId().equals(Sessions.SIMULATOR_ID)));
        assertFalse("the device is no longer READY: " + engine.devices(),
                UpwellServices.device(engine, Sessions.SIMULATOR_ID).map(d -> d.state() == DeviceState.READY)
                        .orElse(false));

        simulator.start();
        UpwellServices.awaitDevice(engine, Sessions.SIMULATOR_ID, DeviceState.READY);
        // Reconnecting never restarts therapy: still paused, still vented, and resume is refused.
        SessionSnapshot back = session.snapshot();
        assertEquals("state once the device is back (reason: " + back.reason() + ")", SessionState.PAUSED, back.state());
        assertTrue("still vented once the device is back: " + Sessions.describeChannels(back),
                back.channels().stream().allMatch(Sessions::vented));
        SessionException refused = assertThrows(SessionException.class, session::resume);
        assertTrue("the refusal asks for acknowledgement: " + refused.getMessage(),
                refused.getMessage().contains("acknowledge"));
        assertEquals(SessionState.PAUSED, session.state());

        engine.acknowledge(Sessions.OPERATOR);
        assertFalse("acknowledged", engine.latched());
        assertEquals("acknowledging resumes nothing by itself", SessionState.PAUSED, session.state());
        session.resume();
        assertEquals(SessionState.RUNNING, session.state());
        // The resumed session draws vacuum again through the reconnected device.
        Sessions.awaitHoldingVacuum(session);
    }
}
