package io.upwell.devices.intervalvacuum;

import io.upwell.devices.emulator.intervalvacuum.FunctionCodes;

/**
 * The Modbus RTU requests the driver sends, as whole frames (unit id, PDU, CRC): a read of input
 * registers, a write of one holding register and a write of several. Each method returns a new array;
 * the line copies it anyway.
 */
final class RtuRequests {
    /** A write-multiple's frame without its values: unit, function, address, quantity, byte count, CRC. */
    static final int WRITE_MULTIPLE_OVERHEAD = 9;
    /** Every request other than a write-multiple: unit, function, two words, CRC. */
    static final int FIXED_REQUEST_LENGTH = 8;

    private RtuRequests() {
    }

    /** Function 04: {@code quantity} input registers from {@code address}. */
    static byte[] readInputRegisters(int unitId, int address, int quantity) {
        checkQuantity(quantity, FunctionCodes.MAX_READ_QUANTITY, "read");
        return fixed(unitId, FunctionCodes.READ_INPUT_REGISTERS, address, quantity);
    }

    /** Function 06: one holding register. */
    static byte[] writeSingleRegister(int unitId, int address, int value) {
        return fixed(unitId, FunctionCodes.WRITE_SINGLE_REGISTER, address, value);
    }

    /** Function 16: {@code values.length} holding registers from {@code address}, applied together by the device. */
    static byte[] writeMultipleRegisters(int unitId, int address, int[] values) {
        checkQuantity(values.length, FunctionCodes.MAX_WRITE_QUANTITY, "write");
        byte[] frame = new byte[WRITE_MULTIPLE_OVERHEAD + 2 * values.length];
        frame[0] = (byte) unitId;
        frame[1] = (byte) FunctionCodes.WRITE_MULTIPLE_REGISTERS;
        putWord(frame, 2, address);
        putWord(frame, 4, values.length);
        frame[6] = (byte) (2 * values.length);
        for (int i = 0; i < values.length; i++) {
            putWord(frame, 7 + 2 * i, values[i]);
        }
        Crc16.append(frame, frame.length - 2);
        return frame;
    }

    /**
     * Whether {@code answer} is the device's answer to {@code request}: an exception to its function,
     * or the same function with the quantity read (03, 04) or the echo of address and value or
     * quantity (06, 16). RTU has no transaction ids; this keeps a late answer to one request from being
     * taken for the answer to another.
     */
    static boolean answers(byte[] request, RtuResponse answer) {
        int function = request[1] & 0xFF;
        if (answer.answers() != function) {
            return false;
        }
        if (answer.isException()) {
            return true;
        }
        int first = word(request, 2);
        int second = word(request, 4);
        return switch (function) {
            case FunctionCodes.READ_HOLDING_REGISTERS, FunctionCodes.READ_INPUT_REGISTERS -> answer.registerCount() == second;
            default -> answer.echo(0) == first && answer.echo(1) == second;
        };
    }

    /** How long the answer to {@code request} is when it is not an exception, in bytes. */
    static int answerLength(byte[] request) {
        int function = request[1] & 0xFF;
        boolean read = function == FunctionCodes.READ_HOLDING_REGISTERS || function == FunctionCodes.READ_INPUT_REGISTERS;
        return read ? 5 + 2 * word(request, 4) : FIXED_REQUEST_LENGTH;
    }

    private static int word(byte[] frame, int at) {
        return ((frame[at] & 0xFF) << 8) | (frame[at + 1] & 0xFF);
    }

    private static byte[] fixed(int unitId, int function, int first, int second) {
        byte[] frame = new byte[FIXED_REQUEST_LENGTH];
        frame[0] = (byte) unitId;
        frame[1] = (byte) function;
        putWord(frame, 2, first);
        putWord(frame, 4, second);
        Crc16.append(frame, 6);
        return frame;
    }

    private static void checkQuantity(int quantity, int max, String what) {
        if (quantity < 1 || quantity > max) {
            throw new IllegalArgumentException("a Modbus " + what + " carries 1 to " + max + " registers, not " + quantity);
        }
    }

    private static void putWord(byte[] frame, int at, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("a Modbus register holds 0 to 65535, not " + value);
        }
        frame[at] = (byte) (value >>> 8);
        frame[at + 1] = (byte) value;
    }
}
