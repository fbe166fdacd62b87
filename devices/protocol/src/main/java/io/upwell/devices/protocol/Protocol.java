package io.upwell.devices.protocol;

/**
 * The numbers that fix the wire format of protocol version {@value #VERSION}. Each is specified in
 * docs/protocol.md; a change to any of them is a new protocol version.
 */
public final class Protocol {

    /** The protocol version this codec speaks, sent in HELLO and HELLO_REPLY. */
    public static final int VERSION = 1;

    /** The first byte of every frame. Chosen for its alternating bits, unlike the idle line's 0x00 and 0xFF. */
    public static final int START_OF_FRAME = 0xA5;

    /** Start marker, two length bytes, type and sequence number. */
    public static final int HEADER_LENGTH = 5;

    /** The CRC-16 that ends every frame. */
    public static final int CRC_LENGTH = 2;

    /**
     * The longest payload a frame may carry. The largest message, a HELLO_REPLY for 255 channels with
     * the longest texts, needs 872 bytes; a length field above this is treated as garbage at once,
     * without waiting for the bytes it announces.
     */
    public static final int MAX_PAYLOAD = 1024;

    /** The longest frame: header, payload and CRC. */
    public static final int MAX_FRAME = HEADER_LENGTH + MAX_PAYLOAD + CRC_LENGTH;

    /** The most channels a device may declare: channel numbers are one byte, and 0xFF means "all". */
    public static final int MAX_CHANNELS = 255;

    /** The channel number that means every channel (VENT) or the whole device (FAULT). */
    public static final int ALL_CHANNELS = 0xFF;

    /** The longest device id, vendor or model name, in bytes of UTF-8. */
    public static final int MAX_TEXT_BYTES = 32;

    /** The fastest sample rate a device may declare. */
    public static final int MAX_SAMPLE_RATE_HZ = 1000;

    private Protocol() {
    }
}
