package io.upwell.devices.protocol;

import io.upwell.devices.protocol.internal.Checks;

import java.util.Objects;

/**
 * One channel as a device declares it in its {@link HelloReply}.
 *
 * @param maxVacuumCentiKpa the most vacuum the channel may be asked for, in hundredths of a kPa (1 to 65535)
 * @param magnet            how the cup's magnet is driven
 */
public record ChannelInfo(int maxVacuumCentiKpa, MagnetKind magnet) {

    public ChannelInfo {
        Checks.range("maxVacuumCentiKpa", maxVacuumCentiKpa, 1, 0xFFFF);
        Objects.requireNonNull(magnet, "magnet");
    }

    /** The channel's maximum in kPa. */
    public double maxVacuumKpa() {
        return Vacuum.kpa(maxVacuumCentiKpa);
    }
}
