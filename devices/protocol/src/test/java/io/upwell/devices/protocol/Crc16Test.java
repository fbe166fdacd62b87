package io.upwell.devices.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

class Crc16Test {

    @Test
    void checkValueOfTheNineDigitsIs29B1() {
        byte[] digits = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x29B1, Crc16.of(digits, 0, digits.length));
    }

    @Test
    void crcOfNothingIsTheInitialValue() {
        assertEquals(0xFFFF, Crc16.of(new byte[0], 0, 0));
    }

    @Test
    void crcComputedInPiecesEqualsCrcOfTheWhole() {
        byte[] data = new byte[300];
        new Random(7).nextBytes(data);
        int pieces = Crc16.update(Crc16.update(Crc16.INITIAL, data, 0, 100), data, 100, 200);
        assertEquals(Crc16.of(data, 0, data.length), pieces);
    }

    @Test
    void tableDrivenCrcAgreesWithTheBitwiseDefinitionOnRandomData() {
        Random random = new Random(11);
        for (int i = 0; i < 500; i++) {
            byte[] data = new byte[random.nextInt(64)];
            random.nextBytes(data);
            assertEquals(bitwise(data), Crc16.of(data, 0, data.length));
        }
    }

    /** The definition in docs/protocol.md's C code, transcribed. */
    private static int bitwise(byte[] data) {
        int crc = 0xFFFF;
        for (byte b : data) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }
        return crc;
    }
}
