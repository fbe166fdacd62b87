package io.upwell.devices.emulator.internal;

/**
 * A device's registers as the Modbus request handling reaches them. Values cross as big-endian byte
 * pairs, straight from and into the frame buffers, so serving a request allocates nothing.
 * Every method returns 0 on success or the Modbus exception code to answer with; a write that returns
 * an exception has changed nothing.
 */
public interface RegisterSpace {

    /** Copies {@code quantity} holding registers from {@code address} into {@code out} at {@code offset}. */
    int readHolding(int address, int quantity, byte[] out, int offset);

    /** Copies {@code quantity} input registers from {@code address} into {@code out} at {@code offset}. */
    int readInput(int address, int quantity, byte[] out, int offset);

    /** Writes {@code quantity} holding registers from {@code address}, values read from {@code in} at {@code offset}, all or none. */
    int writeHolding(int address, int quantity, byte[] in, int offset);
}
