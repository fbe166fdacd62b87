package io.upwell.devices.emulator.internal;

import com.ghgande.j2mod.modbus.util.ModbusUtil;

/**
 * The Modbus RTU CRC, computed by j2mod (the same code its master checks our replies with), and
 * appended low byte first as RTU sends it.
 */
public final class Crc16 {

    private Crc16() {
    }

    /** Whether the last two of {@code length} bytes are the CRC of the ones before. */
    public static boolean isValid(byte[] frame, int length) {
        if (length < 3) {
            return false;
        }
        int[] crc = ModbusUtil.calculateCRC(frame, 0, length - 2);
        return (frame[length - 2] & 0xFF) == crc[0] && (frame[length - 1] & 0xFF) == crc[1];
    }

    /** Writes the CRC of the first {@code length} bytes after them and returns the frame's new length. */
    public static int append(byte[] frame, int length) {
        int[] crc = ModbusUtil.calculateCRC(frame, 0, length);
        frame[length] = (byte) crc[0];
        frame[length + 1] = (byte) crc[1];
        return length + 2;
    }
}
