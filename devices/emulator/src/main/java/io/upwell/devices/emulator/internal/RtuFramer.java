package io.upwell.devices.emulator.internal;

import io.upwell.devices.emulator.intervalvacuum.FunctionCodes;

/**
 * Cuts the bytes arriving on the line into RTU frames.
 * <p>
 * RTU marks a frame's end by silence (3.5 character times). Over a pseudo-terminal and a JVM thread
 * that timing cannot be kept, so this framer does what careful slaves do: it knows the length of every
 * request it implements (8 bytes for 03, 04 and 06; 9 plus the byte count for 16) and hands a frame on
 * as soon as its last byte is in, without waiting; silence of at least {@code gapNanos} still ends
 * whatever has arrived (a request with an unknown function code, which then draws exception 01, or
 * garbage, which fails its CRC), and resynchronises the line after a partial frame.
 * <p>
 * Not thread-safe: the serial thread feeds it. Allocation-free.
 */
public final class RtuFramer {
    /** Receives each frame; the buffer is reused after {@code frame} returns. */
    @FunctionalInterface
    public interface Sink {
        void frame(byte[] buffer, int length);
    }

    private final byte[] buffer = new byte[RequestProcessor.MAX_FRAME];
    private final long gapNanos;
    private final Sink sink;
    private int length;
    private long lastByteNanos;

    public RtuFramer(long gapNanos, Sink sink) {
        if (gapNanos <= 0) {
            throw new IllegalArgumentException("the inter-frame gap must be positive, got " + gapNanos + " ns");
        }
        this.gapNanos = gapNanos;
        this.sink = sink;
    }

    /** The silence that ends a frame at {@code baudRate}: 3.5 characters of 11 bits, never under {@code floorNanos}. */
    public static long gapNanos(int baudRate, long floorNanos) {
        long chars = (long) (3.5 * 11 * 1_000_000_000L / baudRate);
        return Math.max(chars, floorNanos);
    }

    /** Takes {@code count} bytes that arrived at {@code nowNanos}. */
    public void receive(byte[] bytes, int offset, int count, long nowNanos) {
        if (count <= 0) {
            return;
        }
        silence(nowNanos);
        for (int i = 0; i < count; i++) {
            if (length == buffer.length) {
                // Longer than any RTU frame: hand it on (its CRC will fail) and start again.
                emit();
            }
            buffer[length++] = bytes[offset + i];
            int expected = expectedLength();
            if (expected > 0 && length >= expected) {
                emit();
            }
        }
        lastByteNanos = nowNanos;
    }

    /** Notes the time with nothing arriving: a silence long enough ends the frame in progress. */
    public void silence(long nowNanos) {
        if (length > 0 && nowNanos - lastByteNanos >= gapNanos) {
            emit();
        }
    }

    /** Bytes held, waiting for the rest of their frame. */
    public int pending() {
        return length;
    }

    /** The whole frame's length once the function code (and, for 16, the byte count) is in; 0 while unknown. */
    private int expectedLength() {
        if (length < 2) {
            return 0;
        }
        return switch (buffer[1] & 0xFF) {
            case FunctionCodes.READ_HOLDING_REGISTERS, FunctionCodes.READ_INPUT_REGISTERS,
                    FunctionCodes.WRITE_SINGLE_REGISTER -> 8;
            case FunctionCodes.WRITE_MULTIPLE_REGISTERS -> length < 7 ? 0 : 9 + (buffer[6] & 0xFF);
            default -> 0;
        };
    }

    private void emit() {
        int n = length;
        length = 0;
        sink.frame(buffer, n);
    }
}
