package io.upwell.devices.protocol;

import io.upwell.devices.protocol.internal.Checks;

/**
 * Something went wrong in the device, which has already vented what the fault concerns. The code is
 * kept as a number, so that a fault from a newer device is still a fault ({@link #kind()} is then
 * {@link FaultCode#UNKNOWN}).
 *
 * @param code    what happened, 0 to 255 (see {@link FaultCode})
 * @param channel the channel concerned, 0 to 254, or {@link Protocol#ALL_CHANNELS} for the whole device
 * @param detail  a vendor's detail for the service log (an error number, a measured value), 0 to 65535
 */
public record Fault(int code, int channel, int detail) implements DeviceMessage {

    public Fault {
        Checks.u8("code", code);
        Checks.u8("channel", channel);
        Checks.u16("detail", detail);
    }

    /** A fault of a known kind. */
    public static Fault of(FaultCode kind, int channel, int detail) {
        if (kind == FaultCode.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN has no code on the wire");
        }
        return new Fault(kind.code(), channel, detail);
    }

    /** The kind, or {@link FaultCode#UNKNOWN} for a code this version does not know. */
    public FaultCode kind() {
        return FaultCode.of(code);
    }

    /** True when the fault concerns the whole device rather than one channel. */
    public boolean deviceWide() {
        return channel == Protocol.ALL_CHANNELS;
    }

    @Override
    public MessageType type() {
        return MessageType.FAULT;
    }
}
