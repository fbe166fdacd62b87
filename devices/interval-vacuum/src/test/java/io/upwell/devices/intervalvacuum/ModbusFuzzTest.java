package io.upwell.devices.intervalvacuum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A fixed-seed fuzz slice of what the driver does with bytes from the line: the decoder, then the
 * status parser that turns an answer into readings. Random bytes and mutated valid answers must never
 * throw, and must never become a reading for a channel the device does not have or a value no register
 * can hold; a valid answer with a single bit flipped, the emulator's {@code corrupt} fault, must never
 * become a reading at all.
 */
class ModbusFuzzTest {
    private static final long SEED = 20_261_124L;
    private static final int CHANNELS = 4;
    private static final int ROUNDS = 20_000;
    /** What a signed 16-bit register holds at 0.01 kPa. */
    private static final double REGISTER_RANGE_KPA = 327.67;

    private final Random random = new Random(SEED);

    /** What reached the "engine" from one run. */
    private record Reading(int channel, double kpa) {
    }

    @Test
    void randomBytesNeverThrowAndNeverBecomeAReadingOutsideTheChannels() {
        List<Reading> readings = new ArrayList<>();
        Frames.Recorder recorder = new Frames.Recorder();
        RtuResponseDecoder decoder = new RtuResponseDecoder(1, recorder);
        long nanos = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] chunk = new byte[random.nextInt(64) + 1];
            random.nextBytes(chunk);
            if (random.nextInt(4) == 0) {
                chunk[0] = 1; // our unit id, so that candidates are tried
                if (chunk.length > 1) {
                    chunk[1] = 4;
                }
            }
            nanos += random.nextInt(3) == 0 ? 30_000_000L : 1_000_000L;
            decoder.feed(chunk, chunk.length, nanos);
            readings.addAll(parse(recorder));
        }
        assertSane(readings);
        assertTrue(recorder.checksumErrors > 0, "the fuzz reached the CRC check");
    }

    @Test
    void aValidAnswerWithOneBitFlippedNeverBecomesAReading() {
        for (int round = 0; round < ROUNDS / 10; round++) {
            byte[] frame = validStatus();
            int bit = random.nextInt(8 * frame.length);
            frame[bit / 8] ^= (byte) (1 << (bit % 8));
            Frames.Recorder recorder = new Frames.Recorder();
            new RtuResponseDecoder(1, recorder).feed(frame, frame.length, 0);

            assertEquals(List.of(), parse(recorder), "bit " + bit + " flipped in " + Frames.hex(frame));
        }
    }

    @Test
    void mutatedValidAnswersNeverThrowAndNeverBecomeAReadingOutsideTheChannels() {
        List<Reading> readings = new ArrayList<>();
        Frames.Recorder recorder = new Frames.Recorder();
        RtuResponseDecoder decoder = new RtuResponseDecoder(1, recorder);
        long nanos = 0;
        int intact = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] frame = mutate(validStatus());
            int cut = frame.length == 0 ? 0 : random.nextInt(frame.length + 1);
            nanos += 1_000_000L;
            decoder.feed(Arrays.copyOfRange(frame, 0, cut), cut, nanos);
            decoder.feed(Arrays.copyOfRange(frame, cut, frame.length), frame.length - cut, nanos + 1_000_000L);
            nanos += random.nextBoolean() ? 50_000_000L : 1_000_000L;
            List<Reading> found = parse(recorder);
            intact += found.isEmpty() ? 0 : 1;
            readings.addAll(found);
        }
        assertSane(readings);
        assertTrue(intact > 0, "some mutations keep a valid frame (appended bytes after it, a split): the parser was reached");
    }

    /** A status answer for {@value #CHANNELS} channels with random registers, its CRC right. */
    private byte[] validStatus() {
        int[] registers = new int[StatusBlock.quantity(CHANNELS)];
        for (int i = 0; i < registers.length; i++) {
            registers[i] = random.nextInt(0x10000);
        }
        return Frames.readAnswer(1, 4, registers);
    }

    /** One of: truncate, drop a byte, duplicate a byte, overwrite a byte, append garbage, prepend garbage. */
    private byte[] mutate(byte[] frame) {
        int at = random.nextInt(frame.length);
        switch (random.nextInt(6)) {
            case 0:
                return Arrays.copyOf(frame, at);
            case 1: {
                byte[] shorter = new byte[frame.length - 1];
                System.arraycopy(frame, 0, shorter, 0, at);
                System.arraycopy(frame, at + 1, shorter, at, frame.length - at - 1);
                return shorter;
            }
            case 2: {
                byte[] longer = new byte[frame.length + 1];
                System.arraycopy(frame, 0, longer, 0, at + 1);
                System.arraycopy(frame, at, longer, at + 1, frame.length - at);
                return longer;
            }
            case 3:
                frame[at] = (byte) random.nextInt(256);
                return frame;
            case 4: {
                byte[] tail = new byte[random.nextInt(8) + 1];
                random.nextBytes(tail);
                byte[] longer = Arrays.copyOf(frame, frame.length + tail.length);
                System.arraycopy(tail, 0, longer, frame.length, tail.length);
                return longer;
            }
            default: {
                byte[] head = new byte[random.nextInt(8) + 1];
                random.nextBytes(head);
                byte[] longer = Arrays.copyOf(head, head.length + frame.length);
                System.arraycopy(frame, 0, longer, head.length, frame.length);
                return longer;
            }
        }
    }

    /** What the driver's cycle would report for every answer the decoder found since last asked. */
    private static List<Reading> parse(Frames.Recorder recorder) {
        List<Reading> readings = new ArrayList<>();
        for (RtuResponse answer : recorder.frames) {
            StatusBlock status = StatusBlock.parse(answer, CHANNELS);
            if (status == null) {
                continue;
            }
            double[] measured = status.measuredKpa();
            assertEquals(CHANNELS, measured.length);
            for (int ch = 0; ch < measured.length; ch++) {
                readings.add(new Reading(ch, measured[ch]));
            }
        }
        recorder.frames.clear();
        return readings;
    }

    private static void assertSane(List<Reading> readings) {
        for (Reading reading : readings) {
            assertTrue(reading.channel() >= 0 && reading.channel() < CHANNELS, "a reading for channel " + reading.channel());
            assertTrue(Double.isNaN(reading.kpa()) || Math.abs(reading.kpa()) <= REGISTER_RANGE_KPA,
                    "a reading of " + reading.kpa() + " kPa");
        }
    }
}
