package io.upwell.devices.protocol;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates what a bad serial line might deliver, from a seed, for the fuzz test and the benchmark:
 * random bytes, streams of valid frames mutated in the ways lines damage them, and valid frames
 * embedded in noise (whose messages a decoder must still find). Public for the benchmark
 * ({@code bench.DecoderBenchmark}).
 */
public final class FuzzInputs {

    /** The kinds of input, one after another in turn. */
    public enum Kind {
        /** Random bytes, sometimes rich in start bytes. */
        RANDOM,
        /** Valid frames with bits flipped, bytes changed, inserted, deleted, duplicated or cut off. */
        MUTATED,
        /** Valid frames with noise before, between and after them. */
        EMBEDDED,
        /**
         * Intact frames with wrong contents: a valid frame whose type or payload was changed, cut or
         * lengthened, then given a correct length and CRC again, so that it reaches the payload parser.
         */
        RESEALED
    }

    /**
     * One input.
     *
     * @param bytes    what the line delivers
     * @param kind     how it was made
     * @param embedded for {@link Kind#EMBEDDED}, the messages of the frames in it, in order; otherwise empty
     * @param idleAfter whether the line falls idle after it (about one input in four)
     */
    public record Input(byte[] bytes, Kind kind, List<Message> embedded, boolean idleAfter) {
    }

    private static final int START = Protocol.START_OF_FRAME;

    private final Random random;
    private int count;

    public FuzzInputs(long seed) {
        this.random = new Random(seed);
    }

    public Input next() {
        Kind kind = Kind.values()[count++ % Kind.values().length];
        boolean idleAfter = random.nextInt(4) == 0;
        return switch (kind) {
            case RANDOM -> new Input(randomBytes(random.nextInt(600)), kind, List.of(), idleAfter);
            case MUTATED -> new Input(mutated(), kind, List.of(), idleAfter);
            case EMBEDDED -> embedded(idleAfter);
            case RESEALED -> new Input(resealed(), kind, List.of(), idleAfter);
        };
    }

    /** Splits an input into chunk lengths as a serial line might: mostly small, sometimes everything. */
    public int nextChunk(int remaining) {
        int chunk = random.nextInt(8) == 0 ? remaining : 1 + random.nextInt(64);
        return Math.min(chunk, remaining);
    }

    /** True when {@code expected} appears in {@code actual} in order, other messages (from noise) between them. */
    public static boolean containsInOrder(List<Message> actual, List<Message> expected) {
        int found = 0;
        for (Message message : actual) {
            if (found < expected.size() && message.equals(expected.get(found))) {
                found++;
            }
        }
        return found == expected.size();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        if (random.nextBoolean()) {
            int starts = random.nextInt(1 + length / 4);
            for (int i = 0; i < starts && length > 0; i++) {
                bytes[random.nextInt(length)] = (byte) START;
            }
        }
        return bytes;
    }

    /** Short messages mostly, so that inputs stay a few hundred bytes; a large one now and then. */
    private Message smallMessage() {
        Message message = TestMessages.random(random);
        while (FrameEncoder.frameLength(message) > 200 && random.nextInt(10) != 0) {
            message = TestMessages.random(random);
        }
        return message;
    }

    private byte[] validFrames(List<Message> into, int frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < frames; i++) {
            Message message = smallMessage();
            into.add(message);
            out.writeBytes(FrameEncoder.encode(random.nextInt(256), message));
        }
        return out.toByteArray();
    }

    private byte[] mutated() {
        byte[] bytes = validFrames(new ArrayList<>(), 1 + random.nextInt(6));
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            int at = random.nextInt(bytes.length);
            bytes = switch (random.nextInt(7)) {
                case 0 -> flipBit(bytes, at);
                case 1 -> setByte(bytes, at, random.nextInt(256));
                case 2 -> splice(bytes, at, 0, randomBytes(1 + random.nextInt(16)));
                case 3 -> splice(bytes, at, Math.min(bytes.length - at, 1 + random.nextInt(16)), new byte[0]);
                case 4 -> java.util.Arrays.copyOf(bytes, at);
                case 5 -> splice(bytes, at, 0, java.util.Arrays.copyOfRange(bytes, at,
                        Math.min(bytes.length, at + 1 + random.nextInt(32))));
                default -> setByte(bytes, at, random.nextBoolean() ? START : 0x00);
            };
        }
        return bytes;
    }

    private byte[] resealed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int frames = 1 + random.nextInt(4);
        for (int i = 0; i < frames; i++) {
            byte[] frame = FrameEncoder.encode(random.nextInt(256), smallMessage());
            int type = frame[3] & 0xFF;
            int sequence = frame[4] & 0xFF;
            int[] payload = new int[frame.length - Protocol.HEADER_LENGTH - Protocol.CRC_LENGTH];
            for (int b = 0; b < payload.length; b++) {
                payload[b] = frame[Protocol.HEADER_LENGTH + b] & 0xFF;
            }
            switch (random.nextInt(4)) {
                case 0 -> type = random.nextInt(256);
                case 1 -> payload = java.util.Arrays.copyOf(payload, random.nextInt(payload.length + 1));
                case 2 -> payload = java.util.Arrays.copyOf(payload, payload.length + 1 + random.nextInt(4));
                default -> {
                    if (payload.length > 0) {
                        payload[random.nextInt(payload.length)] = random.nextInt(256);
                    }
                }
            }
            out.writeBytes(Frames.raw(type, sequence, payload));
        }
        return out.toByteArray();
    }

    private Input embedded(boolean idleAfter) {
        List<Message> messages = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int frames = 1 + random.nextInt(5);
        for (int i = 0; i < frames; i++) {
            out.writeBytes(randomBytes(random.nextInt(40)));
            out.writeBytes(validFrames(messages, 1));
        }
        out.writeBytes(randomBytes(random.nextInt(40)));
        return new Input(out.toByteArray(), Kind.EMBEDDED, List.copyOf(messages), idleAfter);
    }

    private static byte[] flipBit(byte[] bytes, int at) {
        bytes[at] ^= (byte) (1 << (at % 8));
        return bytes;
    }

    private static byte[] setByte(byte[] bytes, int at, int value) {
        bytes[at] = (byte) value;
        return bytes;
    }

    /** Replaces {@code remove} bytes at {@code at} with {@code insert}. */
    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        byte[] out = new byte[bytes.length - remove + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
        return out;
    }
}
