package io.upwell.devices.intervalvacuum;

import com.ghgande.j2mod.modbus.util.ModbusUtil;

/**
 * The Modbus RTU CRC-16, computed by j2mod (the same code the emulator answers with), sent low byte
 * first. Only j2mod's arithmetic is used: the kit's serial line owns the port, so nothing here lets
 * j2mod open one.
 */
final class Crc16 {

    private Crc16() {
    }

    /** Whether the two bytes after {@code frame[offset .. offset+length-3]} are their CRC, low byte first. */
    static boolean isValid(byte[] frame, int offset, int length) {
        if (length < 3) {
            return false;
        }
        int[] crc = ModbusUtil.calculateCRC(frame, offset, length - 2);
        return (frame[offset + length - 2] & 0xFF) == crc[0] && (frame[offset + length - 1] & 0xFF) == crc[1];
    }

    /** Writes the CRC of {@code frame[0 .. length-1]} after them; returns the frame's length with it. */
    static int append(byte[] frame, int length) {
        int[] crc = ModbusUtil.calculateCRC(frame, 0, length);
        frame[length] = (byte) crc[0];
        frame[length + 1] = (byte) crc[1];
        return length + 2;
    }
}
