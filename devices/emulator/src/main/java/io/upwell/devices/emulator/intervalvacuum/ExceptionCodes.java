package io.upwell.devices.emulator.intervalvacuum;

/**
 * The exception codes the device answers with (function code + 0x80, then one of these). A request
 * that draws an exception changes nothing: a write-multiple is applied whole or not at all.
 */
public final class ExceptionCodes {
    /** 01: a function code the device does not implement (only 03, 04, 06 and 16 are). */
    public static final int ILLEGAL_FUNCTION = 0x01;
    /** 02: the register range reaches outside the map. */
    public static final int ILLEGAL_DATA_ADDRESS = 0x02;
    /**
     * 03: a quantity outside 1..125 (reads) or 1..123 (writes), a byte count that does not match the
     * quantity, or a value outside the register's range (see the map).
     */
    public static final int ILLEGAL_DATA_VALUE = 0x03;
    /**
     * 04: the device refuses to pull vacuum while a latched fault is set (see {@link FaultWord}); clear
     * it through {@link HoldingRegisters#FAULT_CLEAR} first.
     */
    public static final int SERVER_DEVICE_FAILURE = 0x04;
    /** 06: the device is busy and did nothing; the host may repeat the request later. */
    public static final int SERVER_DEVICE_BUSY = 0x06;

    private ExceptionCodes() {
    }

    /** The code's name as in the Modbus specification, for messages. */
    public static String name(int code) {
        return switch (code) {
            case ILLEGAL_FUNCTION -> "ILLEGAL FUNCTION";
            case ILLEGAL_DATA_ADDRESS -> "ILLEGAL DATA ADDRESS";
            case ILLEGAL_DATA_VALUE -> "ILLEGAL DATA VALUE";
            case SERVER_DEVICE_FAILURE -> "SERVER DEVICE FAILURE";
            case SERVER_DEVICE_BUSY -> "SERVER DEVICE BUSY";
            default -> "exception " + code;
        };
    }
}
