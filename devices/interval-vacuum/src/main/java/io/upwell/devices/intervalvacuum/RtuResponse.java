package io.upwell.devices.intervalvacuum;

import io.upwell.devices.emulator.intervalvacuum.ExceptionCodes;
import io.upwell.devices.emulator.intervalvacuum.FunctionCodes;
import java.util.Arrays;

/**
 * One answer from the device whose CRC checked, without the unit id and CRC the decoder already
 * checked: its function code and the rest of its PDU. Immutable.
 * <ul>
 * <li>a read (03, 04): a byte count and the registers, {@link #registerCount()} and {@link #register(int)};</li>
 * <li>a write (06, 16): the echo of the address and of the value (06) or quantity (16), {@link #word(int)};</li>
 * <li>an exception: the function code with {@link FunctionCodes#EXCEPTION_FLAG} and {@link #exceptionCode()}.</li>
 * </ul>
 */
final class RtuResponse {
    private final int function;
    private final byte[] data;

    /** @param data the PDU after the function code */
    RtuResponse(int function, byte[] data) {
        this.function = function & 0xFF;
        this.data = data.clone();
    }

    /** The function code as received, with the exception flag if it is set. */
    int function() {
        return function;
    }

    /** The function it answers, without the exception flag. */
    int answers() {
        return function & ~FunctionCodes.EXCEPTION_FLAG;
    }

    boolean isException() {
        return (function & FunctionCodes.EXCEPTION_FLAG) != 0;
    }

    /** The exception code of an exception answer; -1 for any other. */
    int exceptionCode() {
        return isException() && data.length >= 1 ? data[0] & 0xFF : -1;
    }

    /** The registers a read answer carries; 0 for any other answer. */
    int registerCount() {
        return isRead() && !isException() ? (data[0] & 0xFF) / 2 : 0;
    }

    /** A read answer's register {@code index} (0 is the first register read), 0 to 65535. */
    int register(int index) {
        if (index < 0 || index >= registerCount()) {
            throw new IndexOutOfBoundsException("register " + index + " of a read answer with " + registerCount());
        }
        return word(1 + 2 * index);
    }

    /** A write answer's echoed word {@code index}: 0 the address, 1 the value (06) or quantity (16). */
    int echo(int index) {
        if (isRead() || isException() || index < 0 || index > 1) {
            throw new IllegalStateException("not a write answer's echo: function " + function + ", word " + index);
        }
        return word(2 * index);
    }

    /** For messages: "exception 04 (SERVER DEVICE FAILURE) to function 16". */
    String describeException() {
        int code = exceptionCode();
        return String.format("exception %02X (%s) to function %d", code, ExceptionCodes.name(code), answers());
    }

    private boolean isRead() {
        int answers = answers();
        return answers == FunctionCodes.READ_HOLDING_REGISTERS || answers == FunctionCodes.READ_INPUT_REGISTERS;
    }

    private int word(int at) {
        return ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
    }

    @Override
    public String toString() {
        return "RtuResponse[function=" + function + ", data=" + Arrays.toString(data) + "]";
    }
}
