package io.upwell.devices.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.devices.emulator.internal.RequestCounters.Kind;
import io.upwell.devices.emulator.intervalvacuum.ExceptionCodes;
import io.upwell.devices.emulator.intervalvacuum.HoldingRegisters;
import io.upwell.devices.emulator.intervalvacuum.InputRegisters;
import io.upwell.engine.testkit.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request handling's rules, one frame each, without a port. */
class RequestProcessorTest {
    private static final int UNIT = 5;

    private final byte[] reply = new byte[RequestProcessor.MAX_FRAME];
    private IntervalVacuumFirmware firmware;
    private RequestCounters counters;
    private int refusal;
    private RequestProcessor processor;

    @BeforeEach
    void setUp() {
        firmware = new IntervalVacuumFirmware("iv-test", 2, 60, 70, "SN1", 0x0100, new ManualClock(), () -> 0);
        counters = new RequestCounters();
        processor = new RequestProcessor(UNIT, firmware, () -> refusal, counters);
    }

    private int handle(byte[] frame) {
        return processor.process(frame, frame.length, reply);
    }

    private int exceptionCode(byte[] frame, int function) {
        int n = handle(frame);
        assertEquals(5, n, "an exception reply is unit, function | 0x80, code and CRC");
        assertTrue(Crc16.isValid(reply, n), "the reply carries a valid CRC");
        assertEquals(UNIT, reply[0] & 0xFF);
        assertEquals(function | 0x80, reply[1] & 0xFF);
        return reply[2] & 0xFF;
    }

    @Test
    void readsTheIdentity() {
        int n = handle(Frames.read(UNIT, 0x04, InputRegisters.DEVICE_TYPE, 4));
        assertEquals(3 + 8 + 2, n);
        assertTrue(Crc16.isValid(reply, n));
        assertEquals(8, reply[2]);
        assertEquals(InputRegisters.DEVICE_TYPE_INTERVAL_VACUUM, Frames.word(reply, 3));
        assertEquals(2, Frames.word(reply, 3 + 2 * InputRegisters.CHANNEL_COUNT));
        assertEquals(1, counters.get(Kind.SERVED));
    }

    @Test
    void writesEchoTheRequest() {
        int n = handle(Frames.writeSingle(UNIT, HoldingRegisters.PUMP_SET_POINT, 1234));
        assertEquals(8, n);
        assertEquals(HoldingRegisters.PUMP_SET_POINT, Frames.word(reply, 2));
        assertEquals(1234, Frames.word(reply, 4));
        n = handle(Frames.writeMultiple(UNIT, HoldingRegisters.CHANNEL_SET_POINT_BASE, 100, 200));
        assertEquals(8, n);
        assertEquals(2, Frames.word(reply, 4), "the quantity written");
    }

    @Test
    void anUnknownFunctionIsIllegal() {
        assertEquals(ExceptionCodes.ILLEGAL_FUNCTION, exceptionCode(Frames.withCrc(UNIT, 0x01, 0, 0, 0, 1), 0x01));
        assertEquals(ExceptionCodes.ILLEGAL_FUNCTION, exceptionCode(Frames.withCrc(UNIT, 0x2B, 0x0E, 1, 0), 0x2B));
    }

    @Test
    void quantitiesAndLengthsOutsideTheSpecificationAreIllegalValues() {
        assertEquals(ExceptionCodes.ILLEGAL_DATA_VALUE, exceptionCode(Frames.read(UNIT, 0x03, 0, 0), 0x03));
        assertEquals(ExceptionCodes.ILLEGAL_DATA_VALUE, exceptionCode(Frames.read(UNIT, 0x04, 0, 126), 0x04));
        assertEquals(ExceptionCodes.ILLEGAL_DATA_VALUE, exceptionCode(Frames.withCrc(UNIT, 0x03, 0, 0, 0), 0x03), "short");
        byte[] badCount = Frames.writeMultiple(UNIT, 0x20, 1, 2);
        badCount[6] = 3;
        assertEquals(ExceptionCodes.ILLEGAL_DATA_VALUE, exceptionCode(Frames.recrc(badCount), 0x10));
    }

    @Test
    void rangesOutsideTheMapAreIllegalAddresses() {
        assertEquals(ExceptionCodes.ILLEGAL_DATA_ADDRESS, exceptionCode(Frames.read(UNIT, 0x04, InputRegisters.END - 1, 2), 0x04));
        assertEquals(ExceptionCodes.ILLEGAL_DATA_ADDRESS, exceptionCode(Frames.read(UNIT, 0x03, 0xFFFF, 1), 0x03));
        assertEquals(ExceptionCodes.ILLEGAL_DATA_ADDRESS, exceptionCode(Frames.writeSingle(UNIT, HoldingRegisters.END, 0), 0x06));
    }

    @Test
    void aBadCrcOrAnotherUnitGetsNoAnswerAndIsCounted() {
        byte[] frame = Frames.read(UNIT, 0x04, 0, 1);
        frame[3] ^= 1;
        assertEquals(0, handle(frame));
        assertEquals(1, counters.get(Kind.BAD_CRC));
        assertEquals(0, handle(Frames.read(UNIT + 1, 0x04, 0, 1)));
        assertEquals(1, counters.get(Kind.OTHER_UNIT));
        assertEquals(0, processor.process(new byte[3], 3, reply));
        assertEquals(1, counters.get(Kind.BAD_LENGTH));
    }

    @Test
    void aBroadcastWriteIsAppliedUnansweredAndABroadcastReadIgnored() {
        assertEquals(0, handle(Frames.writeSingle(0, HoldingRegisters.PUMP_SET_POINT, 777)));
        assertEquals(0, handle(Frames.read(0, 0x03, HoldingRegisters.PUMP_SET_POINT, 1)));
        assertEquals(1, counters.get(Kind.BROADCAST_IGNORED));
        handle(Frames.read(UNIT, 0x03, HoldingRegisters.PUMP_SET_POINT, 1));
        assertEquals(777, Frames.word(reply, 3));
    }

    @Test
    void theRefuseFaultAnswersEveryWriteWithItsCodeButServesReads() {
        refusal = ExceptionCodes.SERVER_DEVICE_BUSY;
        assertEquals(ExceptionCodes.SERVER_DEVICE_BUSY, exceptionCode(Frames.writeSingle(UNIT, HoldingRegisters.PUMP_SET_POINT, 5), 0x06));
        assertEquals(5 + 2 * 1, handle(Frames.read(UNIT, 0x03, HoldingRegisters.PUMP_SET_POINT, 1)));
        assertEquals(0, Frames.word(reply, 3), "nothing was written");
        assertEquals(1, counters.exceptions(ExceptionCodes.SERVER_DEVICE_BUSY));
    }

    @Test
    void oversizedOrNegativeLengthsAreHandledWithoutAnException() {
        byte[] frame = Frames.read(UNIT, 0x04, 0, 1);
        assertEquals(0, processor.process(frame, -1, reply));
        assertEquals(0, processor.process(frame, frame.length + 1, reply));
        assertEquals(0, processor.process(new byte[300], 300, reply));
    }
}
