package io.upwell.devices.intervalvacuum;

import io.upwell.devices.emulator.intervalvacuum.FunctionCodes;
import java.util.Arrays;

/**
 * Finds the device's answers in the bytes the line delivers, in chunks of any size, as a Modbus RTU
 * master must: RTU frames carry no length and no delimiter, so the length comes from the function
 * code (and a read's byte count), and the CRC decides whether a candidate is a frame.
 * <ul>
 * <li>A frame starts with the configured unit id and a function code the driver asks for (03, 04, 06,
 * 16, or one of them with the exception flag); anything else is skipped byte by byte until one does.</li>
 * <li>A candidate whose CRC is wrong is counted as a checksum error and the search goes on from its
 * second byte: a frame may begin inside the garbage.</li>
 * <li>A partial frame followed by more than {@link #GAP_NANOS} of silence is dropped: RTU ends a frame
 * with silence, and an answer that lost a byte would otherwise swallow the start of the next one.</li>
 * </ul>
 * Nothing here throws on any input, and nothing reaches the {@link Sink} but frames whose CRC checked.
 * Not thread-safe: the line's reader thread owns it.
 */
final class RtuResponseDecoder {
    /**
     * Silence that ends a partial frame. Far above RTU's 3.5 characters (2 ms at 19200 baud) because a
     * pseudo-terminal and a loaded machine deliver one answer in pieces a few ms apart, and far below the
     * time between two of the driver's requests, which each wait for their answer.
     */
    static final long GAP_NANOS = 20_000_000L;
    /** The longest RTU frame. */
    static final int MAX_FRAME = 256;

    /** Where decoded frames and decoding troubles go. */
    interface Sink {
        /** A frame whose CRC checked. */
        void frame(RtuResponse response);

        /** A candidate frame with a wrong CRC. */
        void checksumError();

        /** Bytes were skipped to find the start of a frame. */
        void resync();
    }

    private final int unitId;
    private final Sink sink;
    private final byte[] buffer = new byte[MAX_FRAME];
    private int length;
    private long lastByteNanos;
    private boolean searching;

    RtuResponseDecoder(int unitId, Sink sink) {
        this.unitId = unitId;
        this.sink = sink;
    }

    /** Forgets a partial frame: the line was reopened and its bytes belong to an opening that is gone. */
    void reset() {
        length = 0;
        searching = false;
    }

    /** Takes {@code chunk[0 .. count-1]}, which arrived at {@code nowNanos} ({@link System#nanoTime()}). */
    void feed(byte[] chunk, int count, long nowNanos) {
        if (length > 0 && nowNanos - lastByteNanos > GAP_NANOS) {
            length = 0; // a partial frame that silence ended: never completed, never a frame
            sink.resync();
        }
        lastByteNanos = nowNanos;
        for (int i = 0; i < count; i++) {
            if (length == buffer.length) {
                drop(1); // cannot happen with the lengths below; kept so that no input can overrun the buffer
            }
            buffer[length++] = chunk[i];
            decode();
        }
    }

    /** Emits every frame the buffer now completes, skipping what cannot start one. */
    private void decode() {
        while (length > 0) {
            int expected = expectedLength();
            if (expected < 0) {
                skipOne();
                continue;
            }
            if (expected == 0 || length < expected) {
                return; // more bytes needed to know the length, or to complete the frame
            }
            if (Crc16.isValid(buffer, 0, expected)) {
                searching = false;
                sink.frame(new RtuResponse(buffer[1], Arrays.copyOfRange(buffer, 2, expected - 2)));
                drop(expected);
            } else {
                sink.checksumError();
                skipOne();
            }
        }
    }

    /**
     * The length of the frame starting at {@code buffer[0]}: -1 when no frame can start there, 0 when
     * more bytes are needed to tell.
     */
    private int expectedLength() {
        if ((buffer[0] & 0xFF) != unitId) {
            return -1;
        }
        if (length < 2) {
            return 0;
        }
        int function = buffer[1] & 0xFF;
        switch (function) {
            case FunctionCodes.READ_HOLDING_REGISTERS, FunctionCodes.READ_INPUT_REGISTERS: {
                if (length < 3) {
                    return 0;
                }
                int byteCount = buffer[2] & 0xFF;
                boolean plausible = byteCount >= 2 && byteCount <= 2 * FunctionCodes.MAX_READ_QUANTITY && byteCount % 2 == 0;
                return plausible ? 3 + byteCount + 2 : -1;
            }
            case FunctionCodes.WRITE_SINGLE_REGISTER, FunctionCodes.WRITE_MULTIPLE_REGISTERS:
                return 8;
            case FunctionCodes.READ_HOLDING_REGISTERS | FunctionCodes.EXCEPTION_FLAG,
                    FunctionCodes.READ_INPUT_REGISTERS | FunctionCodes.EXCEPTION_FLAG,
                    FunctionCodes.WRITE_SINGLE_REGISTER | FunctionCodes.EXCEPTION_FLAG,
                    FunctionCodes.WRITE_MULTIPLE_REGISTERS | FunctionCodes.EXCEPTION_FLAG:
                return 5;
            default:
                return -1;
        }
    }

    private void skipOne() {
        if (!searching) {
            searching = true;
            sink.resync();
        }
        drop(1);
    }

    private void drop(int count) {
        System.arraycopy(buffer, count, buffer, 0, length - count);
        length -= count;
    }
}
