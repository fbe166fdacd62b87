package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.preview.Preview;
import io.upwell.api.preview.PreviewRequest;
import io.upwell.api.preview.PreviewService;
import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.Client;
import io.upwell.api.session.EngineProperties;
import io.upwell.api.session.Placement;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.ParameterValue;
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
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;

/**
 * The engine's {@link PreviewService} in Felix, as the launcher's {@code simulate} uses it: static
 * cupping previewed on a simulator of its own on the virtual clock while the therapist's engine runs
 * a session on the system clock.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class PreviewIT {

    private static final String PREVIEW_DEVICE = "preview-sim";
    private static final double TARGET_KPA = 30;
    private static final double RAMP_IN_S = 3;
    private static final double HOLD_S = 20;
    private static final double RAMP_OUT_S = 2;
    /** The simulator overshoots a little at the end of the ramp and settles within a few seconds. */
    private static final double SETTLE_S = 6;
    private static final double HOLD_TOLERANCE_KPA = 1.5;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return UpwellFramework.options();
    }

    @Test
    public void staticCuppingPreviewsToItsEndHoldingItsTargetWhileARealSessionRunsUndisturbed() throws Exception {
        SessionService engine = UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM);
        Session live = Sessions.startHoldingVacuum(engine);
        Await.value("the running session holding its target on every cup", live::snapshot,
                s -> s.channels().stream().allMatch(PreviewIT::holding));
        int liveAlarms = live.snapshot().alarms().size();
        PreviewService previews = UpwellServices.await(context, PreviewService.class, null);

        Preview preview = previews.run(new PreviewRequest(request(), Optional.empty(),
                Simulators.create(SimulatorOptions.defaults().withId(PREVIEW_DEVICE).withChannels(4)),
                Duration.ofMillis(100), Duration.ofMinutes(10)));

        assertEquals("preview final state (reason: " + preview.reason() + ")", SessionState.ENDED,
                preview.finalState());
        assertTrue("the preview ran its program's length on the virtual clock: " + preview.duration(),
                preview.duration().toMillis() >= (long) ((RAMP_IN_S + HOLD_S + RAMP_OUT_S) * 1000));
        List<String> offTarget = new ArrayList<>();
        int held = 0;
        for (Preview.Sample sample : preview.samples()) {
            double t = sample.time().toNanos() / 1e9;
            if (t < RAMP_IN_S + SETTLE_S || t > RAMP_IN_S + HOLD_S - 0.2) {
                continue;
            }
            held++;
            if (!"hold".equals(sample.phase()) || Math.abs(sample.commandKpa() - TARGET_KPA) > 1e-6
                    || Math.abs(sample.measuredKpa() - TARGET_KPA) > HOLD_TOLERANCE_KPA) {
                offTarget.add(sample.toString());
            }
        }
        assertTrue("samples in the settled hold: " + held, held >= 4 * 100);
        assertEquals("samples off the target during the hold", List.of(), offTarget);

        // The therapist's engine: the same session, still holding on every cup, no new alarm, nothing latched,
        // and the preview's device never joined its devices.
        SessionSnapshot after = live.snapshot();
        assertEquals(SessionState.RUNNING, after.state());
        for (ChannelStatus cup : after.channels()) {
            assertTrue("cup " + cup.cup() + " still holds its target: " + Sessions.describeChannels(after),
                    holding(cup) && cup.measuredKpa() >= Sessions.HOLDING_MEASURED_KPA);
        }
        assertEquals("alarms of the running session: " + after.alarms(), liveAlarms, after.alarms().size());
        assertFalse(engine.latched());
        assertTrue(engine.current().map(s -> s.id().equals(live.id())).orElse(false));
        assertFalse(engine.devices().stream().anyMatch(d -> d.descriptor().id().equals(PREVIEW_DEVICE)));
        live.stop();
        assertEquals(SessionState.ENDED, Sessions.awaitFinal(live).state());
    }

    private static boolean holding(ChannelStatus cup) {
        return "hold".equals(cup.phase()) && Math.abs(cup.targetKpa() - Sessions.HOLDING_TARGET_KPA) < 1e-6;
    }

    private static SessionRequest request() {
        List<Placement> cups = new ArrayList<>();
        for (int channel = 0; channel < 4; channel++) {
            cups.add(new Placement(PREVIEW_DEVICE, channel,
                    new BodySite(BodyRegion.UPPER_BACK, channel % 2 == 0 ? Side.LEFT : Side.RIGHT, "")));
        }
        return new SessionRequest("itest preview", new Client("itest-client", ""), null,
                Sessions.STATIC_CUPPING, Map.of("targetKpa", ParameterValue.of(TARGET_KPA), "rampInSeconds",
                        ParameterValue.of(RAMP_IN_S), "holdSeconds", ParameterValue.of(HOLD_S), "rampOutSeconds",
                        ParameterValue.of(RAMP_OUT_S)), cups, 100);
    }
}
