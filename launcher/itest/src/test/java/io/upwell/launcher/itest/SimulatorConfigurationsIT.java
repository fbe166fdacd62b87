package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.upwell.api.device.DeviceState;
import io.upwell.api.session.DeviceStatus;
import io.upwell.api.session.EngineProperties;
import io.upwell.api.session.SessionService;
import java.util.Hashtable;
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
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Simulated devices are factory configurations: a fresh framework has one, sim-1, made for it; each
 * further configuration adds a device the engine connects, and deleting one takes its device away.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class SimulatorConfigurationsIT {

    private static final String FACTORY_PID = "io.upwell.devices.simulator";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return UpwellFramework.options();
    }

    @Test
    public void aFreshFrameworkHasTheDefaultSimulatorAsAFactoryConfiguration() throws Exception {
        SessionService engine = UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM);
        UpwellServices.awaitDevice(engine, Sessions.SIMULATOR_ID, DeviceState.READY);
        ConfigurationAdmin admin = UpwellServices.await(context, ConfigurationAdmin.class, null);

        org.osgi.service.cm.Configuration[] configurations =
                admin.listConfigurations("(service.factoryPid=" + FACTORY_PID + ")");

        assertEquals(1, configurations.length);
        assertEquals("sim-1", configurations[0].getProperties().get("id"));
    }

    @Test
    public void aSecondConfigurationAddsADeviceAndDeletingItTakesItAway() throws Exception {
        SessionService engine = UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM);
        ConfigurationAdmin admin = UpwellServices.await(context, ConfigurationAdmin.class, null);
        org.osgi.service.cm.Configuration second = admin.getFactoryConfiguration(FACTORY_PID, "bench", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("id", "sim-2");
        properties.put("channels", 2);
        second.update(properties);

        DeviceStatus added = UpwellServices.awaitDevice(engine, "sim-2", DeviceState.READY);
        assertEquals(2, added.descriptor().channelCount());
        UpwellServices.awaitDevice(engine, Sessions.SIMULATOR_ID, DeviceState.READY);

        second.delete();

        Await.until("sim-2 leaves the engine", () -> UpwellServices.device(engine, "sim-2").isEmpty());
        assertTrue("sim-1 stays", UpwellServices.device(engine, Sessions.SIMULATOR_ID).isPresent());
    }

    @Test
    public void aConfigurationThatIsWrongMakesNoDeviceAndDisturbsNoOther() throws Exception {
        SessionService engine = UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM);
        UpwellServices.awaitDevice(engine, Sessions.SIMULATOR_ID, DeviceState.READY);
        ConfigurationAdmin admin = UpwellServices.await(context, ConfigurationAdmin.class, null);
        org.osgi.service.cm.Configuration wrong = admin.getFactoryConfiguration(FACTORY_PID, "wrong", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("id", "sim-3");
        properties.put("channels", 99); // at most 16
        wrong.update(properties);
        // A good one made after it shows the wrong one had its turn.
        org.osgi.service.cm.Configuration good = admin.getFactoryConfiguration(FACTORY_PID, "good", "?");
        Hashtable<String, Object> goodProperties = new Hashtable<>();
        goodProperties.put("id", "sim-4");
        good.update(goodProperties);
        UpwellServices.awaitDevice(engine, "sim-4", DeviceState.READY);

        List<String> ids = engine.devices().stream().map(d -> d.descriptor().id()).toList();
        assertFalse("no device from the wrong configuration: " + ids, ids.contains("sim-3"));
        assertEquals(DeviceState.READY, UpwellServices.device(engine, Sessions.SIMULATOR_ID).orElseThrow().state());
        wrong.delete();
        good.delete();
    }
}
