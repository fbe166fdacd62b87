package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.upwell.api.session.EngineProperties;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;

/** A whole session in the running framework: engine, simulated device and technique module together. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class SessionRunIT {

    private static final double TARGET_KPA = 20;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return UpwellFramework.options();
    }

    @Test
    public void staticCuppingRunsOnTheSimulatorToTheEnd() throws Exception {
        // The virtual clock runs the 3 s ramp, 10 s hold and 2 s release as fast as the engine computes.
        SessionService engine = UpwellServices.readyVirtualEngine(context);
        assertTrue("the engine's clock is virtual",
                UpwellServices.clock(context, EngineProperties.CLOCK_VIRTUAL).isVirtual());

        Session session = engine.start(Sessions.staticCupping(TARGET_KPA, 3, 10, 2));
        SessionSnapshot end = Sessions.awaitFinal(session);

        assertEquals("final state (reason: " + end.reason() + ")", SessionState.ENDED, end.state());
        assertTrue("the program ran its full length: elapsed " + end.elapsed() + ", planned " + end.planned(),
                end.elapsed().compareTo(end.planned()) >= 0);
        assertEquals(4, end.channels().size());
        for (ChannelStatus cup : end.channels()) {
            // The simulator really drew vacuum near the target on every cup, and none is left commanded.
            assertTrue("cup " + cup.cup() + " peak " + cup.peakKpa() + " kPa should approach the target " + TARGET_KPA,
                    cup.peakKpa() >= 0.8 * TARGET_KPA);
            assertTrue("cup " + cup.cup() + " peak " + cup.peakKpa() + " kPa must stay within the over-vacuum margin",
                    cup.peakKpa() <= TARGET_KPA + 2.7);
            assertEquals("cup " + cup.cup() + " target after the end", 0.0, cup.targetKpa(), 0.0);
        }
        List<String> highAlarms = end.alarms().stream().filter(a -> a.priority() == AlarmPriority.HIGH)
                .map(Object::toString).collect(Collectors.toList());
        assertEquals("high-priority alarms in a clean session", List.of(), highAlarms);
        assertEquals("a clean session leaves nothing latched", false, engine.latched());
    }
}
