package io.upwell.devices.protocol.internal;

/** Writes little-endian fields into a byte array, advancing a position. */
final class PayloadWriter {

    private final byte[] out;
    private int position;

    PayloadWriter(byte[] out, int position) {
        this.out = out;
        this.position = position;
    }

    void u8(int value) {
        out[position++] = (byte) value;
    }

    void u16(int value) {
        out[position++] = (byte) value;
        out[position++] = (byte) (value >>> 8);
    }

    void u32(long value) {
        u16((int) (value & 0xFFFF));
        u16((int) ((value >>> 16) & 0xFFFF));
    }

    /** A length byte, then the bytes. */
    void text(byte[] utf8) {
        u8(utf8.length);
        System.arraycopy(utf8, 0, out, position, utf8.length);
        position += utf8.length;
    }

    int position() {
        return position;
    }
}
