package io.upwell.devices.simulator;

import io.upwell.api.device.MagnetSupport;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a simulated device made by {@link Simulators#create(SimulatorOptions)} looks like: the same
 * choices as the simulator's configuration (PID {@code io.upwell.devices.simulator}, see the
 * simulator's README), with the physical model at its defaults.
 * <p>
 * Immutable: each {@code with} method returns a copy with one value changed. Values are checked
 * together when the device is created, so the maxima can be set in any order; a bad one is refused
 * there with an {@link IllegalArgumentException} that names the setting and the value, for example
 * {@code channels must be between 1 and 16 channels, got 0}.
 */
public final class SimulatorOptions {
    private static final SimulatorOptions DEFAULTS = new SimulatorOptions("sim-1", 4, 60, 70, Duration.ofMillis(200),
            42, MagnetSupport.NONE, List.of());

    final String id;
    final int channels;
    final double channelMaxVacuumKpa;
    final double deviceMaxVacuumKpa;
    final Duration quietTime;
    final long seed;
    final MagnetSupport magnet;
    final List<ScriptedFault> script;

    private SimulatorOptions(String id, int channels, double channelMaxVacuumKpa, double deviceMaxVacuumKpa,
            Duration quietTime, long seed, MagnetSupport magnet, List<ScriptedFault> script) {
        this.script = List.copyOf(script);
        this.id = id;
        this.channels = channels;
        this.channelMaxVacuumKpa = channelMaxVacuumKpa;
        this.deviceMaxVacuumKpa = deviceMaxVacuumKpa;
        this.quietTime = quietTime;
        this.seed = seed;
        this.magnet = magnet;
    }

    /**
     * The simulator's defaults: device {@code sim-1} with four plain cups of 60 kPa each on a 70 kPa
     * device, a quiet time of 200 ms and noise seed 42.
     */
    public static SimulatorOptions defaults() {
        return DEFAULTS;
    }

    /** The device id: unique among connected devices, non-blank, without whitespace. */
    public SimulatorOptions withId(String newId) {
        return new SimulatorOptions(newId, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa, quietTime, seed, magnet, script);
    }

    /** The number of channels (cups), 1 to 16. */
    public SimulatorOptions withChannels(int newChannels) {
        return new SimulatorOptions(id, newChannels, channelMaxVacuumKpa, deviceMaxVacuumKpa, quietTime, seed, magnet, script);
    }

    /** The maximum every channel declares, in kPa: above 0, at most 80 and at most the device's maximum. */
    public SimulatorOptions withChannelMaxVacuumKpa(double kpa) {
        return new SimulatorOptions(id, channels, kpa, deviceMaxVacuumKpa, quietTime, seed, magnet, script);
    }

    /** The device's declared maximum, in kPa: above 0, at most 80 (the engine's hard limit). */
    public SimulatorOptions withDeviceMaxVacuumKpa(double kpa) {
        return new SimulatorOptions(id, channels, channelMaxVacuumKpa, kpa, quietTime, seed, magnet, script);
    }

    /**
     * The quiet time, 50 ms to 1 s: how long the device may stay silent before the engine declares it
     * lost, and how long the engine's command sequence may stand still before the device vents by
     * itself.
     */
    public SimulatorOptions withQuietTime(Duration newQuietTime) {
        Objects.requireNonNull(newQuietTime, "quietTime");
        return new SimulatorOptions(id, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa, newQuietTime, seed, magnet, script);
    }

    /** Seeds the sensor noise, so that runs are reproducible; channel {@code n} uses {@code seed + n}. */
    public SimulatorOptions withSeed(long newSeed) {
        return new SimulatorOptions(id, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa, quietTime, newSeed, magnet, script);
    }

    /** Whether the cups carry magnets, and how they are driven. */
    public SimulatorOptions withMagnet(MagnetSupport newMagnet) {
        Objects.requireNonNull(newMagnet, "magnet");
        return new SimulatorOptions(id, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa, quietTime, seed, newMagnet, script);
    }

    /**
     * Adds a fault the device brings on and clears by itself at set times (see {@link ScriptedFault});
     * its channel is checked against the channel count when the device is created.
     *
     * @since 1.2
     */
    public SimulatorOptions withScriptedFault(ScriptedFault fault) {
        Objects.requireNonNull(fault, "fault");
        List<ScriptedFault> more = new java.util.ArrayList<>(script);
        more.add(fault);
        return new SimulatorOptions(id, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa, quietTime, seed, magnet,
                more);
    }

    @Override
    public String toString() {
        return "SimulatorOptions[id=" + id + ", channels=" + channels + ", channelMaxVacuumKpa=" + channelMaxVacuumKpa
                + ", deviceMaxVacuumKpa=" + deviceMaxVacuumKpa + ", quietTime=" + quietTime + ", seed=" + seed
                + ", magnet=" + magnet + (script.isEmpty() ? "" : ", script=" + script) + "]";
    }
}
