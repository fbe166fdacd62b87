package io.upwell.launcher.itest;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.upwell.api.session.EngineProperties;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionService;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.Technique;
import io.upwell.api.technique.TechniqueDescriptor;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * SR-18 in the framework: a bundle that provides a technique (a plugin) reads the engine and may
 * press the emergency stop, but may not acknowledge the latch or start a session. The test's own
 * bundle plays the plugin by registering a technique service.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class PluginControlIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return UpwellFramework.options();
    }

    /** A technique that is never asked to plan: it only makes its bundle a plugin. */
    private static final class IdleTechnique implements Technique {
        @Override
        public TechniqueDescriptor descriptor() {
            throw new UnsupportedOperationException("only registered to make the test bundle a plugin");
        }

        @Override
        public Program plan(PlanRequest request) {
            throw new UnsupportedOperationException("only registered to make the test bundle a plugin");
        }
    }

    @Test
    public void aPluginMayStopButNeverAcknowledgeOrStart_SR18() throws Exception {
        SessionService engine = UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM);
        ServiceRegistration<Technique> plugin = context.registerService(Technique.class, new IdleTechnique(), null);
        try {
            engine.emergencyStop("a plugin");
            assertTrue("a plugin may press the emergency stop", engine.latched());
            SessionException ack = assertThrows(SessionException.class, () -> engine.acknowledge("plugin"));
            assertTrue(ack.getMessage(), ack.getMessage().contains("SR-18") && ack.getMessage().contains("acknowledge"));
            assertTrue("still latched", engine.latched());
            SessionException start = assertThrows(SessionException.class,
                    () -> engine.start(Sessions.staticCupping(20, 3, 10, 2)));
            assertTrue(start.getMessage(), start.getMessage().contains("SR-18"));
        } finally {
            plugin.unregister();
        }
        engine.acknowledge(Sessions.OPERATOR); // no longer a plugin: the same bundle may now act as a front end
        assertFalse(engine.latched());
    }
}
