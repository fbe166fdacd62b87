package io.upwell.devices.emulator.internal;

import java.util.Arrays;

/** Builds request frames for the tests, CRC and all, the way a host puts them on the wire. */
final class Frames {
    private Frames() {
    }

    static byte[] read(int unit, int function, int address, int quantity) {
        return withCrc(unit, function, address >>> 8, address, quantity >>> 8, quantity);
    }

    static byte[] writeSingle(int unit, int address, int value) {
        return withCrc(unit, 0x06, address >>> 8, address, value >>> 8, value);
    }

    static byte[] writeMultiple(int unit, int address, int... values) {
        int[] body = new int[7 + 2 * values.length];
        body[0] = unit;
        body[1] = 0x10;
        body[2] = address >>> 8;
        body[3] = address;
        body[4] = values.length >>> 8;
        body[5] = values.length;
        body[6] = 2 * values.length;
        for (int i = 0; i < values.length; i++) {
            body[7 + 2 * i] = values[i] >>> 8;
            body[8 + 2 * i] = values[i];
        }
        return withCrc(body);
    }

    /** The given bytes (each taken modulo 256) with their CRC appended. */
    static byte[] withCrc(int... bytes) {
        byte[] frame = new byte[bytes.length + 2];
        for (int i = 0; i < bytes.length; i++) {
            frame[i] = (byte) bytes[i];
        }
        Crc16.append(frame, bytes.length);
        return frame;
    }

    /** The frame with its last two bytes replaced by the CRC of the rest: a damaged frame that passes the CRC. */
    static byte[] recrc(byte[] frame) {
        byte[] copy = Arrays.copyOf(frame, frame.length);
        if (copy.length >= 2) {
            Crc16.append(copy, copy.length - 2);
        }
        return copy;
    }

    static int word(byte[] frame, int at) {
        return ((frame[at] & 0xFF) << 8) | (frame[at + 1] & 0xFF);
    }
}
