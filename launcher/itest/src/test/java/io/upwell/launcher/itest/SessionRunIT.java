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
import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.session.Client;
import io.upwell.api.session.Placement;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.technique.ParameterValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * A cue reaches a technique in its bundle through the running framework: a lymphatic sequence
     * that follows the therapist, cued on the proximal cup during its clearing pass, re-plans so that
     * a wave starts there once the pass is over, and the session's planned end moves with it.
     */
    @Test
    public void aCueReachesALymphaticSequenceFollowingTheTherapistAndMovesItsPlannedEnd() throws Exception {
        SessionService engine = UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM);
        UpwellServices.awaitTechnique(engine, "lymphatic-sequence");
        List<Placement> chain = List.of(
                new Placement(Sessions.SIMULATOR_ID, 0, new BodySite(BodyRegion.THIGH, Side.LEFT, "groin")).inZone(0),
                new Placement(Sessions.SIMULATOR_ID, 1, new BodySite(BodyRegion.THIGH, Side.LEFT, "knee")).inZone(1));
        // 4.5 s slots: 3 pulses of 1 s on and 0.5 s off, no pause between zones. The clearing pass takes
        // two slots, then three waves of two: 36 s planned.
        Map<String, ParameterValue> parameters = Map.of("followTherapist", ParameterValue.of(true),
                "pulsesPerZone", ParameterValue.of(3), "pulseOnSeconds", ParameterValue.of(1),
                "pulseOffSeconds", ParameterValue.of(0.5), "zoneGapSeconds", ParameterValue.of(0), "waves",
                ParameterValue.of(3));
        Session session = engine.start(new SessionRequest(Sessions.OPERATOR, new Client("itest-client", ""),
                null, "lymphatic-sequence", parameters, chain, 100));
        try {
            Sessions.awaitState(session, SessionState.RUNNING);
            assertEquals(Duration.ofSeconds(36), session.snapshot().planned());

            session.cue(0);

            // The pass finishes (2 slots), the cued wave is zone 0 alone (1 slot), then two full waves
            // (4 slots): 7 slots. The cue lands in the first slot, so this holds on any machine.
            Await.until("the planned end moves to 31.5 s",
                    () -> session.snapshot().planned().equals(Duration.ofMillis(31_500)));
            assertEquals(SessionState.RUNNING, session.state());
        } finally {
            if (!session.state().isFinal()) {
                session.stop();
            }
            Sessions.awaitFinal(session);
        }
    }
}
