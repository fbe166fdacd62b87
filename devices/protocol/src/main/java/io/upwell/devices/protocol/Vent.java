package io.upwell.devices.protocol;

import io.upwell.devices.protocol.internal.Checks;

/**
 * Put one channel, or all of them, in the safe state: pump off for that channel, open to the air.
 * Venting stays in force until a later SET_POINT for the channel.
 *
 * @param channel the channel, 0 to 254, or {@link Protocol#ALL_CHANNELS} for every channel
 */
public record Vent(int channel) implements HostMessage {

    public Vent {
        Checks.u8("channel", channel);
    }

    /** Vent every channel. */
    public static Vent all() {
        return new Vent(Protocol.ALL_CHANNELS);
    }

    /** True when this vents every channel. */
    public boolean allChannels() {
        return channel == Protocol.ALL_CHANNELS;
    }

    @Override
    public MessageType type() {
        return MessageType.VENT;
    }
}
