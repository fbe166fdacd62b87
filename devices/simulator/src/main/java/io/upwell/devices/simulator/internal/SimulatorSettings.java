package io.upwell.devices.simulator.internal;

import static io.upwell.devices.simulator.internal.Checks.inRange;
import static io.upwell.devices.simulator.internal.Checks.positiveAtMost;

import io.upwell.api.device.MagnetSupport;
import io.upwell.api.safety.HardLimits;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything that defines one simulated device, checked on construction: what a
 * {@link SimulatorConfig} becomes, and what code outside OSGi (the core's unit tests) builds directly.
 *
 * @param id                  the device id, unique among connected devices, without whitespace
 * @param channels            the number of channels, 1 to {@value #MAX_CHANNELS}
 * @param channelMaxVacuumKpa each channel's declared maximum, at most the device's
 * @param deviceMaxVacuumKpa  the device's declared maximum, at most the engine's hard limit
 * @param quietTime           the descriptor's quiet time, also the device's own command-staleness limit
 * @param seed                seeds the sensor noise; channel {@code n} uses {@code seed + n}
 * @param magnet              whether the cups carry magnets, and how they are driven
 * @param physics             the physical constants shared by every channel
 */
public record SimulatorSettings(String id, int channels, double channelMaxVacuumKpa, double deviceMaxVacuumKpa,
        Duration quietTime, long seed, MagnetSupport magnet, PhysicsSettings physics) {

    static final int MAX_CHANNELS = 16;
    /** Below this the failsafe would trip between two 50 Hz engine ticks on ordinary scheduling jitter. */
    static final long MIN_QUIET_TIME_MILLIS = 50;
    /** Above this a stopped engine would leave vacuum on the skin for too long before the device vents. */
    static final long MAX_QUIET_TIME_MILLIS = io.upwell.api.device.DeviceDescriptor.MAX_QUIET_TIME.toMillis();

    public SimulatorSettings {
        if (id == null || id.isBlank() || id.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("id must be a non-blank name without whitespace, got '" + id + "'");
        }
        inRange("channels", channels, 1, MAX_CHANNELS, "channels");
        positiveAtMost("deviceMaxVacuumKpa", deviceMaxVacuumKpa, HardLimits.MAX_VACUUM_KPA, "kPa");
        positiveAtMost("channelMaxVacuumKpa", channelMaxVacuumKpa, HardLimits.MAX_VACUUM_KPA, "kPa");
        if (channelMaxVacuumKpa > deviceMaxVacuumKpa) {
            throw new IllegalArgumentException("channelMaxVacuumKpa (" + channelMaxVacuumKpa
                    + ") must not exceed deviceMaxVacuumKpa (" + deviceMaxVacuumKpa + ")");
        }
        Objects.requireNonNull(quietTime, "quietTime");
        inRange("quietTimeMillis", quietTime.toMillis(), MIN_QUIET_TIME_MILLIS, MAX_QUIET_TIME_MILLIS, "ms");
        Objects.requireNonNull(magnet, "magnet");
        Objects.requireNonNull(physics, "physics");
    }

    /** Four plain 60 kPa channels on a 70 kPa device named {@code sim-1}, quiet time 200 ms, seed 42. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings("sim-1", 4, 60, 70, Duration.ofMillis(200), 42, MagnetSupport.NONE,
                PhysicsSettings.defaults());
    }

    public SimulatorSettings withId(String newId) {
        return new SimulatorSettings(newId, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa,
                quietTime, seed, magnet, physics);
    }

    public SimulatorSettings withChannels(int newChannels) {
        return new SimulatorSettings(id, newChannels, channelMaxVacuumKpa, deviceMaxVacuumKpa,
                quietTime, seed, magnet, physics);
    }

    public SimulatorSettings withQuietTime(Duration newQuietTime) {
        return new SimulatorSettings(id, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa,
                newQuietTime, seed, magnet, physics);
    }

    public SimulatorSettings withSeed(long newSeed) {
        return new SimulatorSettings(id, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa,
                quietTime, newSeed, magnet, physics);
    }

    public SimulatorSettings withMagnet(MagnetSupport newMagnet) {
        return new SimulatorSettings(id, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa,
                quietTime, seed, newMagnet, physics);
    }

    public SimulatorSettings withPhysics(PhysicsSettings newPhysics) {
        return new SimulatorSettings(id, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa,
                quietTime, seed, magnet, newPhysics);
    }

    /**
     * Checks and converts a configuration.
     *
     * @throws IllegalArgumentException naming the first property that is wrong and its value
     */
    static SimulatorSettings from(SimulatorConfig config) {
        PhysicsSettings physics = new PhysicsSettings(
                read("pumpMaxRiseKpaPerSecond", config::pumpMaxRiseKpaPerSecond),
                read("pumpUltimateVacuumKpa", config::pumpUltimateVacuumKpa),
                read("leakRatePerSecond", config::leakRatePerSecond),
                read("leakFaultRatePerSecond", config::leakFaultRatePerSecond),
                read("tissueCompliancePerKpa", config::tissueCompliancePerKpa),
                read("ventRatePerSecond", config::ventRatePerSecond),
                read("sensorNoiseKpa", config::sensorNoiseKpa),
                read("regulatorProportionalGain", config::regulatorProportionalGain),
                read("regulatorIntegralGain", config::regulatorIntegralGain));
        return new SimulatorSettings(
                read("id", config::id),
                read("channels", config::channels),
                read("channelMaxVacuumKpa", config::channelMaxVacuumKpa),
                read("deviceMaxVacuumKpa", config::deviceMaxVacuumKpa),
                Duration.ofMillis(read("quietTimeMillis", config::quietTimeMillis)),
                read("seed", config::seed),
                parseMagnet(read("magnet", config::magnet)),
                physics);
    }

    private static MagnetSupport parseMagnet(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (MagnetSupport support : MagnetSupport.values()) {
            if (support.name().equals(wanted)) {
                return support;
            }
        }
        throw new IllegalArgumentException("magnet must be one of " + Arrays.toString(MagnetSupport.values())
                + ", got '" + text + "'");
    }

    /** Reads one typed property, so that a value Configuration Admin cannot convert is reported by name. */
    private static <T> T read(String property, Supplier<T> value) {
        try {
            return value.get();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(property + " has a value that cannot be read: " + e.getMessage(), e);
        }
    }
}
