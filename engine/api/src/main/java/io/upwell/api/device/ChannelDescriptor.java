package io.upwell.api.device;

import java.util.Objects;

/**
 * One vacuum channel of a device: usually one cup.
 *
 * @param index        channel number, {@code 0 .. channels-1}
 * @param label        a label printed on the device, for example {@code "A"} or {@code "cup 1"}
 * @param maxVacuumKpa the most vacuum this channel can safely produce, in kPa; the core never commands more
 * @param magnet       whether the cup carries a magnet
 * @param pumpGroup    channels sharing one pump have the same group (an interval vacuum system has one
 *                     pump for many channels); a device with a pump per channel gives each its own. A
 *                     shared pump holds one vacuum at a time: the core refuses at planning a program that
 *                     asks channels of one group for different levels at the same moment, and publishes
 *                     each tick's commands as one set ({@link DeviceLink#readCommands}). A revision from an
 *                     adaptive technique is not checked that way: a driver holds the group at the lowest
 *                     level its pulling channels ask for
 */
public record ChannelDescriptor(int index, String label, double maxVacuumKpa, MagnetSupport magnet, int pumpGroup) {

    public ChannelDescriptor {
        if (index < 0) {
            throw new IllegalArgumentException("channel index must be >= 0, got " + index);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(magnet, "magnet");
        if (!(maxVacuumKpa > 0) || !Double.isFinite(maxVacuumKpa)) {
            throw new IllegalArgumentException(
                    "channel " + index + ": maxVacuumKpa must be a positive number, got " + maxVacuumKpa);
        }
    }

    /** A plain cup with its own pump. */
    public static ChannelDescriptor plain(int index, double maxVacuumKpa) {
        return new ChannelDescriptor(index, "cup " + (index + 1), maxVacuumKpa, MagnetSupport.NONE, index);
    }
}
