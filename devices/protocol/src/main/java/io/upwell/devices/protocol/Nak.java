package io.upwell.devices.protocol;

import io.upwell.devices.protocol.internal.Checks;

/**
 * The device refused a command; it did not apply it. The reason is kept as its code, so that a reason
 * from a newer device is still a refusal ({@link #reason()} is then {@link NakReason#UNKNOWN}).
 *
 * @param commandSequence the sequence number of the refused command's frame, 0 to 255
 * @param commandType     the code of the refused command's type, 0 to 255 (it may be a type the device does not know)
 * @param reasonCode      why, 0 to 255 (see {@link NakReason})
 */
public record Nak(int commandSequence, int commandType, int reasonCode) implements DeviceMessage {

    public Nak {
        Checks.u8("commandSequence", commandSequence);
        Checks.u8("commandType", commandType);
        Checks.u8("reasonCode", reasonCode);
    }

    /** The NAK of a command for a known reason. */
    public static Nak of(int commandSequence, int commandType, NakReason reason) {
        if (reason == NakReason.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN has no code on the wire");
        }
        return new Nak(commandSequence, commandType, reason.code());
    }

    /** The reason, or {@link NakReason#UNKNOWN} for a code this version does not know. */
    public NakReason reason() {
        return NakReason.of(reasonCode);
    }

    @Override
    public MessageType type() {
        return MessageType.NAK;
    }
}
