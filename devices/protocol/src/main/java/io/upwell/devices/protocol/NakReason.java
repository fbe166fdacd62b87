package io.upwell.devices.protocol;

/**
 * Why a device refused a command. A host treats a reason it does not know ({@link #UNKNOWN}) as a
 * refusal all the same: the command was not applied.
 */
public enum NakReason {
    /** The channel number is not one of the device's channels. */
    UNKNOWN_CHANNEL(0x01),
    /** The value is beyond what the channel declared (a set point above its maximum). */
    OUT_OF_RANGE(0x02),
    /** The channel cannot do this (a MAGNET command for a cup without a magnet). */
    NOT_SUPPORTED(0x03),
    /** The device does not know the frame's message type. */
    UNKNOWN_TYPE(0x04),
    /** The payload's length or contents do not fit the message type. */
    MALFORMED(0x05),
    /** A command arrived before HELLO: the device only answers commands after a handshake. */
    NOT_READY(0x06),
    /** The device is held in a fault or by its emergency-stop button and applies no vacuum. */
    FAULTED(0x07),
    /** A code this version of the protocol does not know. */
    UNKNOWN(-1);

    private final int code;

    NakReason(int code) {
        this.code = code;
    }

    /** The reason's byte on the wire; -1 for {@link #UNKNOWN}, which has none. */
    public int code() {
        return code;
    }

    /** The reason with this code, or {@link #UNKNOWN}. */
    public static NakReason of(int code) {
        for (NakReason reason : values()) {
            if (reason.code == code && reason != UNKNOWN) {
                return reason;
            }
        }
        return UNKNOWN;
    }
}
