package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.upwell.api.session.EngineProperties;
import io.upwell.api.device.DeviceDriver;
import io.upwell.api.session.SessionService;
import io.upwell.api.technique.Technique;
import io.upwell.api.time.Clock;
import io.upwell.devices.simulator.SimulatorControl;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The shipped bundles resolve and start together in Felix, and the engine finds its plugins as services. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundlesStartIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return UpwellFramework.options();
    }

    @Test
    public void everyBundleIsActive() {
        // Bundles start at their start levels; wait for all, then name any that did not make it and why.
        Await.value("every bundle ACTIVE (fragments RESOLVED)", this::bundlesNotActive, List::isEmpty,
                Bundles::whyNotStarted);
    }

    @Test
    public void theUpwellBundlesComeFromThisBuild() {
        for (String name : Bundles.UPWELL) {
            Bundle bundle = Bundles.named(context, name);
            assertTrue(name + " must be the jar this build produced, not one from ~/.m2: " + bundle.getLocation(),
                    bundle.getLocation().contains("/target/"));
            assertEquals(name + " state", "ACTIVE", Bundles.stateName(bundle));
        }
    }

    @Test
    public void theEngineAndItsPluginsRegisterTheirServices() {
        SessionService engine = UpwellServices.engine(context, EngineProperties.CLOCK_SYSTEM);
        Clock clock = UpwellServices.clock(context, EngineProperties.CLOCK_SYSTEM);
        assertFalse("the default engine runs on the system clock", clock.isVirtual());

        DeviceDriver simulator = UpwellServices.await(context, DeviceDriver.class, null);
        assertEquals(Sessions.SIMULATOR_ID, simulator.descriptor().id());
        assertTrue("the simulator declares itself simulated", simulator.descriptor().simulated());
        assertEquals(4, simulator.descriptor().channelCount());
        SimulatorControl control = UpwellServices.await(context, SimulatorControl.class, null);
        assertEquals(Sessions.SIMULATOR_ID, control.deviceId());

        Technique technique = UpwellServices.await(context, Technique.class, null);
        assertEquals(Sessions.STATIC_CUPPING, technique.descriptor().id());
        for (String parameter : List.of("targetKpa", "holdSeconds", "rampInSeconds", "rampOutSeconds")) {
            assertTrue("static cupping declares " + parameter, technique.descriptor().parameter(parameter).isPresent());
        }

        // The core tracks both as whiteboard services: it connects the device and lists the technique.
        UpwellServices.awaitReady(engine);
    }

    private List<Bundle> bundlesNotActive() {
        return Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getState() != (Bundles.isFragment(bundle) ? Bundle.RESOLVED : Bundle.ACTIVE))
                .collect(Collectors.toList());
    }
}
