package io.upwell.devices.protocol;

/**
 * The message types of protocol version {@value Protocol#VERSION} and their codes on the wire. Codes
 * below 0x80 travel from host to device, codes from 0x80 up from device to host, so a line that echoes
 * what the host sent (a half-duplex RS-485 adapter) is recognisable at a glance.
 */
public enum MessageType {
    HELLO(0x01),
    HEARTBEAT(0x02),
    SET_POINT(0x03),
    VENT(0x04),
    MAGNET(0x05),
    HELLO_REPLY(0x81),
    ACK(0x82),
    NAK(0x83),
    SAMPLE(0x84),
    FAULT(0x85);

    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** The type's byte in the frame header. */
    public int code() {
        return code;
    }

    /** True for the types the device sends. */
    public boolean fromDevice() {
        return code >= 0x80;
    }

    /** The type with this code, or null for a code this version does not know (the caller counts it). */
    public static MessageType of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
