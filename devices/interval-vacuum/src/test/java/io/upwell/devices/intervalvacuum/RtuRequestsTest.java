package io.upwell.devices.intervalvacuum;

import static io.upwell.devices.intervalvacuum.Frames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The requests on the wire, byte for byte. The CRCs were computed independently of j2mod (a plain
 * CRC-16/MODBUS: polynomial 0xA001 reflected, start 0xFFFF, low byte first).
 */
class RtuRequestsTest {

    @Test
    void aReadOfInputRegisters() {
        assertEquals("01 04 00 00 00 0a 70 0d", hex(RtuRequests.readInputRegisters(1, 0x0000, 10)));
    }

    @Test
    void aWriteOfOneRegister() {
        assertEquals("01 06 00 00 01 2c 89 87", hex(RtuRequests.writeSingleRegister(1, 0x0000, 300)));
    }

    @Test
    void aWriteOfSeveralRegisters() {
        assertEquals("01 10 00 01 00 02 04 00 05 00 64 23 89",
                hex(RtuRequests.writeMultipleRegisters(1, 0x0001, new int[] {5, 100})));
    }

    @Test
    void quantitiesAndValuesOutsideModbusAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RtuRequests.readInputRegisters(1, 0, 126));
        assertThrows(IllegalArgumentException.class, () -> RtuRequests.writeMultipleRegisters(1, 0, new int[124]));
        assertThrows(IllegalArgumentException.class, () -> RtuRequests.writeSingleRegister(1, 0, 65536));
    }

    @Test
    void anAnswerMatchesOnlyItsRequest() {
        byte[] read = RtuRequests.readInputRegisters(1, 0x0010, 2);
        byte[] write = RtuRequests.writeMultipleRegisters(1, 0x0001, new int[] {5, 100});

        assertTrue(RtuRequests.answers(read, response(Frames.readAnswer(1, 4, 7, 8))));
        assertFalse(RtuRequests.answers(read, response(Frames.readAnswer(1, 4, 7))), "another quantity");
        assertFalse(RtuRequests.answers(read, response(Frames.readAnswer(1, 3, 7, 8))), "another function");
        assertTrue(RtuRequests.answers(write, response(Frames.withCrc("01 10 00 01 00 02"))));
        assertFalse(RtuRequests.answers(write, response(Frames.withCrc("01 10 00 00 00 02"))), "another address");
        assertTrue(RtuRequests.answers(write, response(Frames.withCrc("01 90 04"))), "an exception to it");
        assertFalse(RtuRequests.answers(read, response(Frames.withCrc("01 90 04"))), "an exception to another function");
    }

    @Test
    void theAnswerLengthIsKnownFromTheRequest() {
        assertEquals(5 + 2 * 20, RtuRequests.answerLength(RtuRequests.readInputRegisters(1, 0x0010, 20)));
        assertEquals(8, RtuRequests.answerLength(RtuRequests.writeSingleRegister(1, 0, 1)));
        assertEquals(8, RtuRequests.answerLength(RtuRequests.writeMultipleRegisters(1, 1, new int[35])));
    }

    /** Decodes one whole frame. */
    static RtuResponse response(byte[] frame) {
        Frames.Recorder recorder = new Frames.Recorder();
        new RtuResponseDecoder(frame[0] & 0xFF, recorder).feed(frame, frame.length, 0);
        assertEquals(1, recorder.frames.size(), "one frame in " + hex(frame));
        return recorder.frames.get(0);
    }
}
