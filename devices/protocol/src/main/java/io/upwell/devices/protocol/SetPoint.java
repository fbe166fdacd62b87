package io.upwell.devices.protocol;

import io.upwell.devices.protocol.internal.Checks;

/**
 * Hold one channel at a vacuum. The value is absolute, so sending the same set point twice is harmless:
 * a host may resend a command whose ACK it missed.
 *
 * @param channel        the channel, 0 to 254
 * @param vacuumCentiKpa the vacuum to hold below ambient, in hundredths of a kPa (0 to 65535; 0 holds
 *                       ambient pressure with the pump running, unlike {@link Vent})
 */
public record SetPoint(int channel, int vacuumCentiKpa) implements HostMessage {

    public SetPoint {
        Checks.channel(channel);
        Checks.u16("vacuumCentiKpa", vacuumCentiKpa);
    }

    /** The set point in kPa. */
    public double vacuumKpa() {
        return Vacuum.kpa(vacuumCentiKpa);
    }

    @Override
    public MessageType type() {
        return MessageType.SET_POINT;
    }
}
