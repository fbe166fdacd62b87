package io.upwell.api.device;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a device is and what it can do.
 *
 * @param id           unique among connected devices, stable across restarts (for example the serial number)
 * @param vendor       the maker's name
 * @param model        the model name
 * @param channels     the channels, indexed {@code 0 .. n-1} in order
 * @param maxVacuumKpa the device's declared maximum vacuum, in kPa
 * @param simulated    true for a simulator: only a simulated device may run a session without screening data
 * @param quietTime    how long the device may stay silent before the core declares it lost: zero to
 *                     {@link #MAX_QUIET_TIME}; the core never uses less than three control periods or 100 ms,
 *                     whichever is longer
 */
public record DeviceDescriptor(String id, String vendor, String model, List<ChannelDescriptor> channels,
        double maxVacuumKpa, boolean simulated, Duration quietTime) {

    /** The most channels one device may declare. */
    public static final int MAX_CHANNELS = 256;

    /**
     * The longest quiet-time a device may declare (SR-08). A device that cannot send a sample a
     * second cannot be watched closely enough to hold vacuum on skin.
     */
    public static final Duration MAX_QUIET_TIME = Duration.ofSeconds(1);

    public DeviceDescriptor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("device id must not be blank");
        }
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(quietTime, "quietTime");
        if (quietTime.isNegative() || quietTime.compareTo(MAX_QUIET_TIME) > 0) {
            throw new IllegalArgumentException("device " + id + ": quietTime must be 0 to "
                    + MAX_QUIET_TIME.toMillis() + " ms, got " + quietTime);
        }
        Objects.requireNonNull(channels, "channels");
        if (channels.size() > MAX_CHANNELS) {
            throw new IllegalArgumentException("device " + id + ": at most " + MAX_CHANNELS + " channels, got "
                    + channels.size());
        }
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("device " + id + " declares no channels");
        }
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i).index() != i) {
                throw new IllegalArgumentException("device " + id + ": channel at position " + i
                        + " has index " + channels.get(i).index() + "; channels must be listed 0..n-1 in order");
            }
        }
        if (!(maxVacuumKpa > 0) || !Double.isFinite(maxVacuumKpa)) {
            throw new IllegalArgumentException(
                    "device " + id + ": maxVacuumKpa must be a positive number, got " + maxVacuumKpa);
        }
    }

    public int channelCount() {
        return channels.size();
    }
}
