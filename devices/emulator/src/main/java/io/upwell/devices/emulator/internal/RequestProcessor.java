package io.upwell.devices.emulator.internal;

import io.upwell.devices.emulator.intervalvacuum.ExceptionCodes;
import io.upwell.devices.emulator.intervalvacuum.FunctionCodes;
import io.upwell.devices.emulator.internal.RequestCounters.Kind;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * The slave's request handling: one complete RTU frame in (unit id, PDU, CRC), the reply out, or
 * nothing. It never throws on any input: a frame is whatever bytes arrived, and the line is noisy.
 * <p>
 * The rules, in the order they are checked: a frame shorter than 4 bytes or with a wrong CRC is dropped
 * silently (RTU's rule: the host times out and repeats); a frame for another unit is dropped; a
 * broadcast (unit 0) is executed if it is a write and never answered. Then the function code (01 for
 * any but 03, 04, 06 and 16), the frame's length and the quantity (03), the address range (02), and the
 * registers' own checks (03, 04). Allocation-free: one instance per line, used by one thread.
 */
public final class RequestProcessor {
    /** The longest RTU frame: 256 bytes (unit id, 253 bytes of PDU, CRC). */
    public static final int MAX_FRAME = 256;

    private final int unitId;
    private final RegisterSpace registers;
    private final IntSupplier refusal;
    private final RequestCounters counters;

    /**
     * @param refusal the exception code with which to refuse every write for now, 0 to serve them (the
     *                "refuse commands" fault)
     */
    public RequestProcessor(int unitId, RegisterSpace registers, IntSupplier refusal, RequestCounters counters) {
        this.unitId = unitId;
        this.registers = Objects.requireNonNull(registers, "registers");
        this.refusal = Objects.requireNonNull(refusal, "refusal");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    public RequestCounters counters() {
        return counters;
    }

    /**
     * Handles one frame.
     *
     * @param frame  the frame's bytes, from index 0
     * @param length how many bytes of {@code frame} belong to it; any value, a negative or oversized one
     *               included, is handled without an exception
     * @param reply  at least {@link #MAX_FRAME} bytes for the reply
     * @return the reply's length, with its CRC; 0 for no reply
     */
    public int process(byte[] frame, int length, byte[] reply) {
        if (length < 4 || length > MAX_FRAME || length > frame.length) {
            counters.count(Kind.BAD_LENGTH);
            return 0;
        }
        if (!Crc16.isValid(frame, length)) {
            counters.count(Kind.BAD_CRC);
            return 0;
        }
        int unit = frame[0] & 0xFF;
        boolean broadcast = unit == 0;
        if (!broadcast && unit != unitId) {
            counters.count(Kind.OTHER_UNIT);
            return 0;
        }
        int function = frame[1] & 0xFF;
        boolean write = function == FunctionCodes.WRITE_SINGLE_REGISTER || function == FunctionCodes.WRITE_MULTIPLE_REGISTERS;
        if (broadcast && !write) {
            counters.count(Kind.BROADCAST_IGNORED);
            return 0;
        }
        reply[0] = (byte) unitId;
        reply[1] = (byte) function;
        int code;
        int pduEnd = length - 2;
        int refuseWith = refusal.getAsInt();
        if (write && refuseWith != 0) {
            code = refuseWith;
        } else {
            code = switch (function) {
                case FunctionCodes.READ_HOLDING_REGISTERS, FunctionCodes.READ_INPUT_REGISTERS -> read(frame, pduEnd, reply);
                case FunctionCodes.WRITE_SINGLE_REGISTER -> writeSingle(frame, pduEnd, reply);
                case FunctionCodes.WRITE_MULTIPLE_REGISTERS -> writeMultiple(frame, pduEnd, reply);
                default -> ExceptionCodes.ILLEGAL_FUNCTION;
            };
        }
        if (code != 0) {
            counters.countException(code);
            if (broadcast) {
                return 0;
            }
            reply[1] = (byte) (function | FunctionCodes.EXCEPTION_FLAG);
            reply[2] = (byte) code;
            return Crc16.append(reply, 3);
        }
        counters.count(Kind.SERVED);
        if (broadcast) {
            return 0;
        }
        return Crc16.append(reply, replyLength);
    }

    /** The length of the reply's body (before the CRC) set by the handler that succeeded. */
    private int replyLength;

    private int read(byte[] frame, int pduEnd, byte[] reply) {
        if (pduEnd != 6) {
            return ExceptionCodes.ILLEGAL_DATA_VALUE;
        }
        int address = word(frame, 2);
        int quantity = word(frame, 4);
        if (quantity < 1 || quantity > FunctionCodes.MAX_READ_QUANTITY) {
            return ExceptionCodes.ILLEGAL_DATA_VALUE;
        }
        int code = (frame[1] & 0xFF) == FunctionCodes.READ_HOLDING_REGISTERS
                ? registers.readHolding(address, quantity, reply, 3)
                : registers.readInput(address, quantity, reply, 3);
        if (code == 0) {
            reply[2] = (byte) (2 * quantity);
            replyLength = 3 + 2 * quantity;
        }
        return code;
    }

    private int writeSingle(byte[] frame, int pduEnd, byte[] reply) {
        if (pduEnd != 6) {
            return ExceptionCodes.ILLEGAL_DATA_VALUE;
        }
        int code = registers.writeHolding(word(frame, 2), 1, frame, 4);
        if (code == 0) {
            // The reply echoes the request: address and value.
            System.arraycopy(frame, 2, reply, 2, 4);
            replyLength = 6;
        }
        return code;
    }

    private int writeMultiple(byte[] frame, int pduEnd, byte[] reply) {
        if (pduEnd < 7) {
            return ExceptionCodes.ILLEGAL_DATA_VALUE;
        }
        int quantity = word(frame, 4);
        int byteCount = frame[6] & 0xFF;
        if (quantity < 1 || quantity > FunctionCodes.MAX_WRITE_QUANTITY || byteCount != 2 * quantity
                || pduEnd != 7 + byteCount) {
            return ExceptionCodes.ILLEGAL_DATA_VALUE;
        }
        int code = registers.writeHolding(word(frame, 2), quantity, frame, 7);
        if (code == 0) {
            // The reply carries the starting address and the quantity.
            System.arraycopy(frame, 2, reply, 2, 4);
            replyLength = 6;
        }
        return code;
    }

    private static int word(byte[] frame, int at) {
        return ((frame[at] & 0xFF) << 8) | (frame[at + 1] & 0xFF);
    }
}
