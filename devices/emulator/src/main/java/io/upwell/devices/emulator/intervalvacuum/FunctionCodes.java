package io.upwell.devices.emulator.intervalvacuum;

/** The Modbus function codes the device implements; any other is answered with exception 01. */
public final class FunctionCodes {
    /** 0x03: read holding registers, 1 to 125 at a time. */
    public static final int READ_HOLDING_REGISTERS = 0x03;
    /** 0x04: read input registers, 1 to 125 at a time. */
    public static final int READ_INPUT_REGISTERS = 0x04;
    /** 0x06: write a single holding register. */
    public static final int WRITE_SINGLE_REGISTER = 0x06;
    /** 0x10 (16): write 1 to 123 holding registers, applied together or not at all. */
    public static final int WRITE_MULTIPLE_REGISTERS = 0x10;
    /** Added to the function code in an exception reply. */
    public static final int EXCEPTION_FLAG = 0x80;
    /** The most registers one read may ask for (Modbus Application Protocol 1.1b3, 6.3). */
    public static final int MAX_READ_QUANTITY = 125;
    /** The most registers one write-multiple may carry (Modbus Application Protocol 1.1b3, 6.12). */
    public static final int MAX_WRITE_QUANTITY = 123;

    private FunctionCodes() {
    }
}
