package io.upwell.devices.simulator.internal;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceDriver;
import io.upwell.api.device.DeviceLink;
import io.upwell.devices.simulator.Fault;
import io.upwell.devices.simulator.ScriptedFault;
import io.upwell.devices.simulator.SimulatedDevice;
import io.upwell.devices.simulator.SimulatorControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated device's driver, and the control through which it is made to misbehave.
 * <p>
 * It does what every driver must (see {@code io.upwell.api.device}): it vents before anything
 * else, reports its connection truthfully, delivers a sample per channel every 10 ms, follows the
 * engine's latest commands, vents by itself when the engine's command sequence stands still for
 * longer than its quiet time, and reconnects with back-off when its line drops.
 * <p>
 * Outside OSGi, make one with {@link io.upwell.devices.simulator.Simulators}.
 */
@Designate(ocd = SimulatorConfig.class, factory = true)
@Component(configurationPid = SimulatorDriver.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {DeviceDriver.class, SimulatorControl.class})
public final class SimulatorDriver implements SimulatedDevice {
    /**
     * The Configuration Admin factory PID: one simulated device per factory configuration (see
     * {@link DefaultSimulator} for the one there is before any is made).
     */
    public static final String PID = "io.upwell.devices.simulator";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorDriver.class);

    private final SimulatorSettings settings;
    private final DeviceDescriptor descriptor;
    private final FaultBoard faults;
    private final List<SimulatedChannel> channels;
    private final AtomicReference<Connection> connection = new AtomicReference<>();
    private final List<ScriptedFault> script;

    /**
     * Activated by Declarative Services.
     *
     * @throws IllegalArgumentException naming the property that is wrong; the component then stays inactive
     */
    @Activate
    public SimulatorDriver(SimulatorConfig config) {
        this(SimulatorSettings.from(config));
    }

    /** A simulator for use without OSGi; see {@link io.upwell.devices.simulator.Simulators}. */
    public SimulatorDriver(SimulatorSettings settings) {
        this(settings, List.of());
    }

    /** A simulator that brings on faults by itself at set times after each connection. */
    public SimulatorDriver(SimulatorSettings settings, List<ScriptedFault> script) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.script = List.copyOf(script);
        this.descriptor = describe(settings);
        this.faults = new FaultBoard(settings.channels());
        List<SimulatedChannel> list = new ArrayList<>(settings.channels());
        for (int i = 0; i < settings.channels(); i++) {
            list.add(new SimulatedChannel(new ChannelPhysics(settings.physics(), settings.seed() + i), settings.magnet(),
                    settings.channelMaxVacuumKpa()));
        }
        this.channels = List.copyOf(list);
    }

    @Deactivate
    void deactivate() {
        disconnect();
    }

    @Override
    public DeviceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void connect(DeviceLink link) {
        Objects.requireNonNull(link, "link");
        Connection opened = new Connection(settings.id(), link, channels, faults, settings.quietTime().toNanos(),
                script);
        if (!connection.compareAndSet(null, opened)) {
            throw new IllegalStateException(settings.id() + " is already connected; disconnect it first");
        }
        try {
            opened.open();
        } catch (RuntimeException e) {
            connection.compareAndSet(opened, null);
            opened.close();
            throw e;
        }
    }

    @Override
    public void disconnect() {
        Connection closing = connection.getAndSet(null);
        if (closing != null) {
            closing.close();
        }
    }

    @Override
    public String deviceId() {
        return settings.id();
    }

    @Override
    public void inject(Fault fault, int channel) {
        Objects.requireNonNull(fault, "fault");
        checkChannelOrEvery(channel);
        faults.inject(fault, channel);
        LOG.info("{}: injected {} {}", settings.id(), fault, where(fault, channel));
    }

    @Override
    public void clear(Fault fault, int channel) {
        Objects.requireNonNull(fault, "fault");
        checkChannelOrEvery(channel);
        faults.clear(fault, channel);
        LOG.info("{}: cleared {} {}", settings.id(), fault, where(fault, channel));
    }

    @Override
    public void clearAll() {
        faults.clearAll();
        LOG.info("{}: cleared every fault", settings.id());
    }

    @Override
    public Set<Fault> activeFaults(int channel) {
        if (channel < 0 || channel >= settings.channels()) {
            throw new IllegalArgumentException(rangeMessage(channel));
        }
        return faults.active(channel);
    }

    @Override
    public void pressEmergencyStop() {
        Connection current = connection.get();
        if (current == null || !current.isLineUp()) {
            throw new IllegalStateException(settings.id()
                    + " is not connected to an engine: its emergency-stop button reaches nobody");
        }
        LOG.warn("{}: emergency-stop button pressed", settings.id());
        current.link().emergencyStop(settings.id() + " button");
    }

    @Override
    public double truePressureKpa(int channel) {
        if (channel < 0 || channel >= settings.channels()) {
            throw new IllegalArgumentException(rangeMessage(channel));
        }
        return channels.get(channel).pressureKpa();
    }

    private void checkChannelOrEvery(int channel) {
        if (channel < -1 || channel >= settings.channels()) {
            throw new IllegalArgumentException(rangeMessage(channel) + ", or -1 for every channel");
        }
    }

    private String rangeMessage(int channel) {
        return "channel " + channel + " is out of range: " + settings.id()
                + " has channels 0.." + (settings.channels() - 1);
    }

    private static String where(Fault fault, int channel) {
        if (FaultBoard.isDeviceWide(fault)) {
            return "on the whole device";
        }
        return channel == -1 ? "on every channel" : "on channel " + channel;
    }

    private static DeviceDescriptor describe(SimulatorSettings settings) {
        List<ChannelDescriptor> described = new ArrayList<>(settings.channels());
        for (int i = 0; i < settings.channels(); i++) {
            // One pump per channel: each cup has its own, so each is its own pump group.
            described.add(new ChannelDescriptor(i, "cup " + (i + 1), settings.channelMaxVacuumKpa(), settings.magnet(), i));
        }
        return new DeviceDescriptor(settings.id(), "Upwell", "Simulator", described, settings.deviceMaxVacuumKpa(), true,
                settings.quietTime());
    }
}
