package io.upwell.devices.simulator;

import io.upwell.devices.simulator.internal.PhysicsSettings;
import io.upwell.devices.simulator.internal.SimulatorDriver;
import io.upwell.devices.simulator.internal.SimulatorSettings;
import java.util.Objects;

/**
 * Makes simulated devices outside the framework: for the unit tests of the engine, of a technique,
 * or of anything else that needs a device that behaves like hardware (physics, faults, its own
 * failsafe) without OSGi.
 * <p>
 * A device made here is the same driver the simulator's bundle registers; connect it to an engine,
 * or to a test's {@code io.upwell.engine.testkit.RecordingLink}, like any {@code DeviceDriver}.
 * <pre>{@code
 * SimulatedDevice sim = Simulators.create(SimulatorOptions.defaults().withId("sim-2").withChannels(2));
 * sim.connect(link);
 * sim.inject(Fault.LEAK, 1);
 * }</pre>
 */
public final class Simulators {

    private Simulators() {
    }

    /** A simulated device with the {@linkplain SimulatorOptions#defaults() default options}. */
    public static SimulatedDevice create() {
        return create(SimulatorOptions.defaults());
    }

    /**
     * A simulated device with the given options.
     *
     * @throws IllegalArgumentException naming the first option that is wrong and its value
     */
    public static SimulatedDevice create(SimulatorOptions options) {
        Objects.requireNonNull(options, "options");
        SimulatorSettings settings = new SimulatorSettings(options.id, options.channels, options.channelMaxVacuumKpa,
                options.deviceMaxVacuumKpa, options.quietTime, options.seed, options.magnet, PhysicsSettings.defaults());
        for (ScriptedFault fault : options.script) {
            if (fault.channel() >= options.channels) {
                throw new IllegalArgumentException("scripted " + fault.fault() + ": channel " + fault.channel()
                        + " is not one of the device's channels 0.." + (options.channels - 1));
            }
        }
        return new SimulatorDriver(settings, options.script);
    }
}
