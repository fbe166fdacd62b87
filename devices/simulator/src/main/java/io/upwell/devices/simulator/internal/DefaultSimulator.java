package io.upwell.devices.simulator.internal;

import java.io.IOException;
import java.util.Hashtable;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a fresh installation one simulated device, {@value #DEFAULT_ID}, so the demo and a first
 * session work before anyone configures a device: when the simulator bundle starts and no factory
 * configuration of {@link SimulatorDriver#PID} exists, it makes one named {@value #NAME}. Every
 * simulated device, this one included, is an ordinary factory configuration a user may change or
 * delete; to have none at all, stop the simulator bundle.
 */
@Component(immediate = true, service = {})
public final class DefaultSimulator {

    static final String NAME = "default";
    static final String DEFAULT_ID = "sim-1";
    private static final Logger LOG = LoggerFactory.getLogger(DefaultSimulator.class);

    @Activate
    public DefaultSimulator(@Reference ConfigurationAdmin admin) throws IOException, InvalidSyntaxException {
        Configuration[] existing = admin.listConfigurations("(service.factoryPid=" + SimulatorDriver.PID + ")");
        if (existing != null && existing.length > 0) {
            return;
        }
        Configuration configuration = admin.getFactoryConfiguration(SimulatorDriver.PID, NAME, "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("id", DEFAULT_ID);
        configuration.update(properties);
        LOG.info("no simulated device was configured: made {} (configuration {})", DEFAULT_ID,
                configuration.getPid());
    }
}
