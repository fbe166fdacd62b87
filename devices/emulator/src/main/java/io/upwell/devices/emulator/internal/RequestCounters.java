package io.upwell.devices.emulator.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the request handling has seen, counted: written by the serial thread, read by anyone (the
 * emulator's status, the tests, the fuzz benchmark).
 */
public final class RequestCounters {
    /** What a frame turned out to be. */
    public enum Kind {
        /** Served: a normal reply went out (or, for a broadcast, the write was applied). */
        SERVED,
        /** Answered with a Modbus exception. */
        EXCEPTION,
        /** Dropped silently: the CRC did not match (RTU's rule: a corrupted frame gets no answer). */
        BAD_CRC,
        /** Dropped silently: shorter than unit id, function code and CRC (4 bytes), or longer than any RTU frame (256). */
        BAD_LENGTH,
        /** Dropped silently: addressed to another unit. */
        OTHER_UNIT,
        /** Dropped silently: a broadcast (unit 0) of something other than a write. */
        BROADCAST_IGNORED,
        /** Dropped silently by an emulator fault (stall or silence) before it was handled. */
        FAULT_DROPPED
    }

    private final AtomicLongArray kinds = new AtomicLongArray(Kind.values().length);
    private final AtomicLongArray exceptionCodes = new AtomicLongArray(256);

    void count(Kind kind) {
        kinds.incrementAndGet(kind.ordinal());
    }

    void countException(int code) {
        kinds.incrementAndGet(Kind.EXCEPTION.ordinal());
        exceptionCodes.incrementAndGet(code & 0xFF);
    }

    /** How many frames were of this kind. */
    public long get(Kind kind) {
        return kinds.get(kind.ordinal());
    }

    /** How many exceptions carried this code. */
    public long exceptions(int code) {
        return exceptionCodes.get(code & 0xFF);
    }

    /** Every frame counted, of any kind. */
    public long total() {
        long sum = 0;
        for (int i = 0; i < kinds.length(); i++) {
            sum += kinds.get(i);
        }
        return sum;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Kind kind : Kind.values()) {
            text.append(text.length() == 0 ? "" : ", ").append(kind.name().toLowerCase(java.util.Locale.ROOT))
                    .append(' ').append(get(kind));
        }
        for (int code = 1; code < exceptionCodes.length(); code++) {
            if (exceptions(code) > 0) {
                text.append(", exception ").append(code).append(' ').append(exceptions(code));
            }
        }
        return text.toString();
    }
}
