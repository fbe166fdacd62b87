package io.upwell.devices.protocol;

/**
 * CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection of input or output, no
 * final XOR; the check value of the ASCII bytes "123456789" is 0x29B1.
 * <p>
 * Chosen because nearly every microcontroller vendor library has it (often in hardware), and because
 * for frames up to this protocol's 1031 bytes it detects every error of up to three bits, every odd
 * number of bit errors and every burst of up to 16 bits: a single corrupted byte is always caught.
 */
public final class Crc16 {

    /** The value a CRC starts from. */
    public static final int INITIAL = 0xFFFF;

    private static final int POLYNOMIAL = 0x1021;
    private static final char[] TABLE = table();

    private Crc16() {
    }

    /** The CRC of {@code length} bytes of {@code data} from {@code offset}. */
    public static int of(byte[] data, int offset, int length) {
        return update(INITIAL, data, offset, length);
    }

    /** Continues {@code crc} over more bytes, so a frame can be checked in pieces. */
    public static int update(int crc, byte[] data, int offset, int length) {
        int c = crc & 0xFFFF;
        for (int i = offset, end = offset + length; i < end; i++) {
            c = ((c << 8) & 0xFFFF) ^ TABLE[((c >>> 8) ^ data[i]) & 0xFF];
        }
        return c;
    }

    private static char[] table() {
        char[] table = new char[256];
        for (int b = 0; b < 256; b++) {
            int c = b << 8;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 0x8000) != 0 ? (c << 1) ^ POLYNOMIAL : c << 1;
            }
            table[b] = (char) (c & 0xFFFF);
        }
        return table;
    }
}
