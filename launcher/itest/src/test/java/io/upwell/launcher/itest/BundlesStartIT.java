package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.session.AvailableTechnique;
import io.upwell.api.session.Client;
import io.upwell.api.session.EngineProperties;
import io.upwell.api.session.Placement;
import io.upwell.api.session.SessionPlan;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.device.DeviceDriver;
import io.upwell.api.session.SessionService;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.ParameterValue;
import io.upwell.api.technique.Technique;
import io.upwell.api.technique.TechniqueStyle;
import io.upwell.api.time.Clock;
import io.upwell.devices.simulator.SimulatorControl;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentConstants;

/**
 * The shipped bundles resolve and start together in Felix, and the engine finds its plugins as services:
 * the simulator and every built-in technique, each offered from its own module.
 */
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

        Technique technique = UpwellServices.await(context, Technique.class, "(" + ComponentConstants.COMPONENT_NAME
                + "=io.upwell.plugins.staticcupping.internal.StaticCuppingTechnique)");
        assertEquals(Sessions.STATIC_CUPPING, technique.descriptor().id());
        for (String parameter : List.of("targetKpa", "holdSeconds", "rampInSeconds", "rampOutSeconds")) {
            assertTrue("static cupping declares " + parameter, technique.descriptor().parameter(parameter).isPresent());
        }

        // The core tracks both as whiteboard services: it connects the device and lists the technique.
        UpwellServices.awaitReady(engine);
    }

    @Test
    public void everyBuiltInTechniqueIsOfferedByTheEngineFromItsOwnModuleAndPlansOnTheSimulator() throws Exception {
        SessionService engine = UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM);
        Map<String, String> modules = new LinkedHashMap<>();
        modules.put(Sessions.STATIC_CUPPING, Bundles.STATIC_CUPPING);
        modules.put("flash-cupping", Bundles.FLASH_CUPPING);
        modules.put("interval-suction", Bundles.INTERVAL_SUCTION);
        modules.put("lymphatic-sequence", Bundles.LYMPHATIC_SEQUENCE);
        modules.put("dynamic-gliding", Bundles.DYNAMIC_GLIDING);
        Map<String, TechniqueStyle> styles = Map.of(Sessions.STATIC_CUPPING, TechniqueStyle.STATIC,
                "flash-cupping", TechniqueStyle.FLASH, "interval-suction", TechniqueStyle.INTERVAL,
                "lymphatic-sequence", TechniqueStyle.LYMPHATIC, "dynamic-gliding", TechniqueStyle.GLIDING);
        // A chain of four cups down the back of a leg, zone 0 nearest the trunk.
        List<Placement> chain = List.of(
                new Placement(Sessions.SIMULATOR_ID, 0, new BodySite(BodyRegion.GLUTES, Side.LEFT, "")).inZone(0),
                new Placement(Sessions.SIMULATOR_ID, 1, new BodySite(BodyRegion.THIGH, Side.LEFT, "upper")).inZone(1),
                new Placement(Sessions.SIMULATOR_ID, 2, new BodySite(BodyRegion.THIGH, Side.LEFT, "lower")).inZone(2),
                new Placement(Sessions.SIMULATOR_ID, 3, new BodySite(BodyRegion.CALF, Side.LEFT, "")).inZone(3));

        for (Map.Entry<String, String> technique : modules.entrySet()) {
            UpwellServices.awaitTechnique(engine, technique.getKey());
            AvailableTechnique offered = engine.techniques().stream()
                    .filter(t -> t.descriptor().id().equals(technique.getKey())).findFirst().orElseThrow();
            assertTrue(technique.getKey() + " comes from " + technique.getValue() + ": " + offered.module(),
                    offered.module().startsWith(technique.getValue() + " "));
            assertEquals(technique.getKey() + " is written in Java", "bundle", offered.origin());
            assertEquals(styles.get(technique.getKey()), offered.descriptor().style());
            for (ParameterSpec parameter : offered.descriptor().parameters()) {
                assertFalse(technique.getKey() + " " + parameter.name() + " names its source",
                        parameter.source().isBlank());
            }

            SessionPlan plan = engine.check(new SessionRequest(Sessions.OPERATOR, new Client("itest-client",
                    "Integration test"), null, technique.getKey(), Map.of(), chain, 100));

            assertEquals(technique.getKey(), plan.techniqueId());
            assertEquals(technique.getKey() + " plans every cup", 4, plan.cups().size());
            assertTrue(technique.getKey() + " plans a program of some length: " + plan.duration(),
                    !plan.duration().isZero() && !plan.duration().isNegative());
        }

        // The engine hands the techniques each cup's zone and pump (one per simulator channel).
        SessionPlan lymphatic = engine.check(new SessionRequest(Sessions.OPERATOR, new Client("itest-client",
                "Integration test"), null, "lymphatic-sequence", Map.of(), chain, 100));
        assertTrue(lymphatic.program(), lymphatic.program().startsWith("Lymphatic sequence: 4 zones"));
        SessionPlan shifted = engine.check(new SessionRequest(Sessions.OPERATOR, new Client("itest-client",
                "Integration test"), null, "interval-suction",
                Map.of("mode", ParameterValue.of("shifted")), chain, 100));
        assertEquals("35 cycles of 17 s, odd zones 3 s later", Duration.ofSeconds(598), shifted.duration());
    }

    private List<Bundle> bundlesNotActive() {
        return Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getState() != (Bundles.isFragment(bundle) ? Bundle.RESOLVED : Bundle.ACTIVE))
                .collect(Collectors.toList());
    }
}
