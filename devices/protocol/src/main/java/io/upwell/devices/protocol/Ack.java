package io.upwell.devices.protocol;

import io.upwell.devices.protocol.internal.Checks;

/**
 * The device accepted a command and is applying it.
 *
 * @param commandSequence the sequence number of the command's frame, 0 to 255
 * @param commandType     the code of the command's type, 0 to 255
 */
public record Ack(int commandSequence, int commandType) implements DeviceMessage {

    public Ack {
        Checks.u8("commandSequence", commandSequence);
        Checks.u8("commandType", commandType);
    }

    /** The ACK of a command of a known type. */
    public static Ack of(int commandSequence, MessageType commandType) {
        return new Ack(commandSequence, commandType.code());
    }

    @Override
    public MessageType type() {
        return MessageType.ACK;
    }
}
