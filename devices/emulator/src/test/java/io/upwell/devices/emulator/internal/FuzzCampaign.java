package io.upwell.devices.emulator.internal;

import io.upwell.devices.emulator.internal.RequestCounters.Kind;
import io.upwell.devices.emulator.intervalvacuum.ExceptionCodes;
import io.upwell.devices.emulator.intervalvacuum.FunctionCodes;
import io.upwell.devices.emulator.intervalvacuum.HoldingRegisters;
import io.upwell.devices.emulator.intervalvacuum.InputRegisters;
import io.upwell.engine.testkit.ManualClock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Random bytes and mutated valid RTU frames into the slave's request handling, with every reply
 * checked against the rules of docs/interval-vacuum.md by an oracle written apart from the handler.
 * Shared by the fixed-seed slice in the tests ({@code RequestFuzzTest}) and the benchmark main
 * ({@code FuzzBenchmark}), so that both run the same campaign.
 * <p>
 * Four kinds of input, in turn: a frame of random bytes and random length straight into the handler;
 * a random byte stream cut into frames by the {@link RtuFramer} (with random silences); a valid request
 * of random fields; and a valid request mutated (bits flipped, bytes replaced, cut, lengthened), its
 * CRC recomputed half the time so the damage reaches the parser. The firmware behind it takes the
 * writes and ticks on virtual time, and its emergency stop is pressed now and then, so its latches and
 * the refusals they bring are exercised too.
 */
final class FuzzCampaign {
    private static final int UNIT = 17;

    private final SplittableRandom random;
    private final ManualClock clock = new ManualClock();
    private final IntervalVacuumFirmware firmware;
    private final RequestCounters counters = new RequestCounters();
    private final RequestProcessor processor;
    private final RtuFramer framer;
    private final byte[] input = new byte[300];
    private final byte[] reply = new byte[RequestProcessor.MAX_FRAME];
    private final byte[] framedReply = new byte[RequestProcessor.MAX_FRAME];
    private long inputs;
    private long handled;
    private long repliesChecked;
    private long oracleChecked;
    private long streamNanos;

    FuzzCampaign(long seed) {
        this.random = new SplittableRandom(seed);
        this.firmware = new IntervalVacuumFirmware("iv-fuzz", 4, 60, 70, "FUZZ", 0x0100, clock, () -> 0);
        clock.every(IntervalVacuumFirmware.TICK_NANOS, "firmware", firmware::tick);
        this.processor = new RequestProcessor(UNIT, firmware, () -> 0, counters);
        this.framer = new RtuFramer(RtuFramer.gapNanos(19200, 10_000_000L), this::framed);
    }

    /** Runs {@code count} inputs; throws an AssertionError naming the input on the first broken rule. */
    void run(long count) {
        for (long i = 0; i < count; i++) {
            switch ((int) (i & 3)) {
                case 0 -> direct(randomBytes());
                case 1 -> stream();
                case 2 -> direct(validRequest());
                default -> direct(mutate(validRequest()));
            }
            inputs++;
            if ((i & 1023) == 0) {
                clock.advance(Duration.ofMillis(10 + random.nextInt(400)));
            }
            if ((i & 4095) == 0) {
                // The device's own button, now and then, so that latched states (and their refusals) occur.
                firmware.emergencyStop("fuzz");
            }
        }
    }

    long inputs() {
        return inputs;
    }

    /** Frames the handler saw, from both paths. */
    long handled() {
        return handled;
    }

    long repliesChecked() {
        return repliesChecked;
    }

    /** Replies checked against the independent oracle (frames with a valid CRC for this unit). */
    long oracleChecked() {
        return oracleChecked;
    }

    RequestCounters counters() {
        return counters;
    }

    private int randomBytes() {
        int length = random.nextInt(input.length + 1);
        for (int i = 0; i < length; i++) {
            input[i] = (byte) random.nextInt(256);
        }
        if (length >= 2 && random.nextInt(4) == 0) {
            input[0] = (byte) UNIT; // often for this unit, so more of it gets past the address check
        }
        if (length >= 4 && random.nextInt(2) == 0) {
            Crc16.append(input, length - 2);
        }
        return length;
    }

    private void stream() {
        int length = random.nextInt(64);
        for (int i = 0; i < length; i++) {
            input[i] = (byte) random.nextInt(256);
        }
        streamNanos += random.nextInt(4) == 0 ? 20_000_000L : random.nextInt(2_000_000);
        framer.silence(streamNanos);
        framer.receive(input, 0, length, streamNanos);
    }

    private void framed(byte[] frame, int length) {
        int n = handle(frame, length, framedReply);
        checkReply(frame, length, framedReply, n);
    }

    private int validRequest() {
        int function = switch (random.nextInt(5)) {
            case 0 -> FunctionCodes.READ_HOLDING_REGISTERS;
            case 1 -> FunctionCodes.READ_INPUT_REGISTERS;
            case 2 -> FunctionCodes.WRITE_SINGLE_REGISTER;
            case 3 -> FunctionCodes.WRITE_MULTIPLE_REGISTERS;
            default -> random.nextInt(256);
        };
        input[0] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256) : UNIT);
        input[1] = (byte) function;
        int address = random.nextInt(3) == 0 ? random.nextInt(0x10000) : random.nextInt(0x60);
        putWord(2, address);
        if (function == FunctionCodes.WRITE_MULTIPLE_REGISTERS) {
            int quantity = random.nextInt(8) == 0 ? random.nextInt(130) : 1 + random.nextInt(20);
            putWord(4, quantity);
            int bytes = Math.min(2 * quantity, 255);
            input[6] = (byte) bytes;
            int length = 7 + Math.min(bytes, input.length - 9);
            for (int i = 7; i < length; i++) {
                input[i] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256) : 0);
            }
            return Crc16.append(input, length);
        }
        int value = function == FunctionCodes.WRITE_SINGLE_REGISTER
                ? (random.nextInt(2) == 0 ? random.nextInt(0x10000) : random.nextInt(3))
                : (random.nextInt(8) == 0 ? random.nextInt(0x10000) : 1 + random.nextInt(40));
        putWord(4, value);
        return Crc16.append(input, 6);
    }

    private int mutate(int length) {
        int n = length;
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            switch (random.nextInt(4)) {
                case 0 -> input[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> input[random.nextInt(n)] = (byte) random.nextInt(256);
                case 2 -> n = Math.max(0, n - 1 - random.nextInt(Math.min(n, 4)));
                default -> {
                    int more = Math.min(1 + random.nextInt(4), input.length - n);
                    for (int i = 0; i < more; i++) {
                        input[n++] = (byte) random.nextInt(256);
                    }
                }
            }
            if (n == 0) {
                return 0;
            }
        }
        if (n >= 4 && random.nextInt(2) == 0) {
            Crc16.append(input, n - 2);
        }
        return n;
    }

    private void direct(int length) {
        int n = handle(input, length, reply);
        checkReply(input, length, reply, n);
    }

    private int handle(byte[] frame, int length, byte[] out) {
        long before = counters.total();
        boolean framed = length >= 4 && length <= RequestProcessor.MAX_FRAME;
        boolean crcValid = framed && Crc16.isValid(frame, length);
        long badCrcBefore = counters.get(Kind.BAD_CRC);
        int n;
        try {
            n = processor.process(frame, length, out);
        } catch (RuntimeException | Error e) {
            throw new AssertionError("the handler threw on " + hex(frame, length), e);
        }
        handled++;
        if (!framed && (n != 0 || counters.get(Kind.BAD_LENGTH) == 0)) {
            throw new AssertionError("a frame of " + length + " bytes was answered or not counted: " + hex(frame, length));
        }
        if (counters.total() != before + 1) {
            throw new AssertionError("the handler did not count exactly one outcome for " + hex(frame, length));
        }
        if (framed && !crcValid && (n != 0 || counters.get(Kind.BAD_CRC) != badCrcBefore + 1)) {
            throw new AssertionError("a frame with a bad CRC was answered or not counted: " + hex(frame, length));
        }
        return n;
    }

    /** The rules every reply keeps, and for frames with a valid CRC for this unit the oracle's exact answer. */
    private void checkReply(byte[] frame, int length, byte[] out, int n) {
        boolean forUs = length >= 4 && length <= RequestProcessor.MAX_FRAME && (frame[0] & 0xFF) == UNIT && Crc16.isValid(frame, length);
        if (!forUs) {
            if (n != 0) {
                throw new AssertionError("answered a frame not for this unit or with a bad CRC: " + hex(frame, length));
            }
            return;
        }
        if (n < 5 || !Crc16.isValid(out, n) || (out[0] & 0xFF) != UNIT) {
            throw new AssertionError("malformed reply " + hex(out, n) + " to " + hex(frame, length));
        }
        repliesChecked++;
        int function = frame[1] & 0xFF;
        int expected = expectedException(frame, length);
        boolean isException = (out[1] & 0xFF) == (function | 0x80);
        if (!isException && (out[1] & 0xFF) != function) {
            throw new AssertionError("reply " + hex(out, n) + " carries another function than " + hex(frame, length));
        }
        int code = isException ? out[2] & 0xFF : 0;
        if (isException && n != 5) {
            throw new AssertionError("an exception reply of " + n + " bytes: " + hex(out, n));
        }
        oracleChecked++;
        if (expected >= 0 ? code != expected : !(code == 0 || code == ExceptionCodes.ILLEGAL_DATA_VALUE
                || code == ExceptionCodes.SERVER_DEVICE_FAILURE)) {
            throw new AssertionError("expected " + (expected >= 0 ? "exception " + expected : "success, 03 or 04")
                    + " for " + hex(frame, length) + ", got " + hex(out, n));
        }
        if (code == 0 && (function == 3 || function == 4) && n != 5 + 2 * word(frame, 4)) {
            throw new AssertionError("a read reply of the wrong length: " + hex(out, n));
        }
    }

    /**
     * What the map says a frame (valid CRC, this unit) must draw: the exception code, 0 for success,
     * or -1 when the registers' own value checks decide (a write inside the map).
     */
    private static int expectedException(byte[] frame, int length) {
        int function = frame[1] & 0xFF;
        int pdu = length - 2;
        switch (function) {
            case 3, 4 -> {
                if (pdu != 6) {
                    return ExceptionCodes.ILLEGAL_DATA_VALUE;
                }
                int quantity = word(frame, 4);
                if (quantity < 1 || quantity > 125) {
                    return ExceptionCodes.ILLEGAL_DATA_VALUE;
                }
                int end = function == 3 ? HoldingRegisters.END : InputRegisters.END;
                return word(frame, 2) + quantity > end ? ExceptionCodes.ILLEGAL_DATA_ADDRESS : 0;
            }
            case 6 -> {
                if (pdu != 6) {
                    return ExceptionCodes.ILLEGAL_DATA_VALUE;
                }
                return word(frame, 2) >= HoldingRegisters.END ? ExceptionCodes.ILLEGAL_DATA_ADDRESS : -1;
            }
            case 16 -> {
                if (pdu < 7) {
                    return ExceptionCodes.ILLEGAL_DATA_VALUE;
                }
                int quantity = word(frame, 4);
                int bytes = frame[6] & 0xFF;
                if (quantity < 1 || quantity > 123 || bytes != 2 * quantity || pdu != 7 + bytes) {
                    return ExceptionCodes.ILLEGAL_DATA_VALUE;
                }
                return word(frame, 2) + quantity > HoldingRegisters.END ? ExceptionCodes.ILLEGAL_DATA_ADDRESS : -1;
            }
            default -> {
                return ExceptionCodes.ILLEGAL_FUNCTION;
            }
        }
    }

    private void putWord(int at, int value) {
        input[at] = (byte) (value >>> 8);
        input[at + 1] = (byte) value;
    }

    private static int word(byte[] frame, int at) {
        return ((frame[at] & 0xFF) << 8) | (frame[at + 1] & 0xFF);
    }

    private static String hex(byte[] bytes, int length) {
        if (length <= 0) {
            return "[] (length " + length + ")";
        }
        return "[" + HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(length, bytes.length)) + "]";
    }
}
