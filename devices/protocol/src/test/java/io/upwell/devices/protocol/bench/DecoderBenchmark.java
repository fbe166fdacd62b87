package io.upwell.devices.protocol.bench;

import io.upwell.devices.protocol.DecoderCounters;
import io.upwell.devices.protocol.FrameDecoder;
import io.upwell.devices.protocol.FrameEncoder;
import io.upwell.devices.protocol.FuzzInputs;
import io.upwell.devices.protocol.Message;
import io.upwell.devices.protocol.MessageListener;
import io.upwell.devices.protocol.Rejection;
import io.upwell.devices.protocol.Sample;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the decoder at scale and times it (docs/BENCHMARKS.md, "Protocol decoder"). By default a
 * million inputs from {@link FuzzInputs} (random bytes, mutated frames, resealed frames with wrong
 * contents, frames embedded in noise, in turn), fed in the chunks a serial line would deliver through
 * one long-lived decoder, the line falling idle after about one input in four and around every input
 * with embedded frames; then a clean stream of 4-channel SAMPLE frames. Only feeding is timed, not
 * making the inputs.
 * <p>
 * Any exception out of the decoder is caught and counted. The run prints its report (markdown) on
 * stdout and exits 1 if an exception escaped, a frame embedded in noise was not found, or a byte is
 * unaccounted for.
 * <p>
 * Run from the repository root after {@code mvn -B -o -q -pl devices/protocol -am test-compile}:
 * {@code java -cp devices/protocol/target/test-classes:devices/protocol/target/classes
 * io.upwell.devices.protocol.bench.DecoderBenchmark [inputs=1000000] [seed=1]}
 */
public final class DecoderBenchmark {

    private static final int WARM_UP_INPUTS = 100_000;
    private static final int CLEAN_FRAMES = 1_000_000;
    private static final int CLEAN_CHUNK = 4096;

    private DecoderBenchmark() {
    }

    public static void main(String[] args) {
        int inputs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;

        System.err.println("warming up: " + WARM_UP_INPUTS + " inputs");
        new FuzzRun(seed + 1).run(WARM_UP_INPUTS);
        System.err.println("fuzzing: " + inputs + " inputs, seed " + seed);
        FuzzRun fuzz = new FuzzRun(seed);
        fuzz.run(inputs);
        System.err.println("clean stream: " + CLEAN_FRAMES + " frames");
        CleanRun clean = new CleanRun();
        clean.run(CLEAN_FRAMES / 10); // warm-up of the clean path
        clean = new CleanRun();
        clean.run(CLEAN_FRAMES);

        fuzz.report(inputs, seed);
        clean.report();
        boolean ok = fuzz.escaped == 0 && fuzz.embeddedMissed == 0 && fuzz.counters().accountsForEveryByte()
                && clean.counters().messages() == CLEAN_FRAMES;
        System.out.println();
        System.out.println(ok ? "Result: nothing escaped, every embedded frame found, every byte accounted for."
                : "Result: FAILED (see above).");
        System.exit(ok ? 0 : 1);
    }

    /** The fuzzing pass: generated inputs through one decoder. */
    private static final class FuzzRun implements MessageListener {

        private final FuzzInputs generator;
        private final FrameDecoder decoder = new FrameDecoder(this);
        private final List<Message> delivered = new ArrayList<>();
        private final Map<FuzzInputs.Kind, Integer> kinds = new EnumMap<>(FuzzInputs.Kind.class);
        private int[] chunks = new int[1024];
        private long feedingNanos;
        private long allocatedWhileFeeding;
        private long escaped;
        private long embeddedFrames;
        private long embeddedMissed;

        FuzzRun(long seed) {
            this.generator = new FuzzInputs(seed);
        }

        void run(int inputs) {
            for (int i = 0; i < inputs; i++) {
                FuzzInputs.Input input = generator.next();
                kinds.merge(input.kind(), 1, Integer::sum);
                boolean embedded = input.kind() == FuzzInputs.Kind.EMBEDDED;
                int chunkCount = planChunks(input.bytes().length);
                delivered.clear();
                long allocatedBefore = Allocation.ofThisThread();
                long start = System.nanoTime();
                try {
                    if (embedded) {
                        decoder.lineIdle(); // a burst after a quiet line
                    }
                    int at = 0;
                    for (int c = 0; c < chunkCount; c++) {
                        decoder.feed(input.bytes(), at, chunks[c]);
                        at += chunks[c];
                    }
                    if (embedded || input.idleAfter()) {
                        decoder.lineIdle();
                    }
                } catch (RuntimeException | Error e) {
                    if (++escaped <= 5) {
                        e.printStackTrace();
                    }
                }
                feedingNanos += System.nanoTime() - start;
                allocatedWhileFeeding += Allocation.ofThisThread() - allocatedBefore;
                if (embedded) {
                    embeddedFrames += input.embedded().size();
                    if (!FuzzInputs.containsInOrder(delivered, input.embedded())) {
                        embeddedMissed++;
                    }
                }
            }
        }

        private int planChunks(int length) {
            int count = 0;
            for (int at = 0; at < length; ) {
                if (count == chunks.length) {
                    chunks = java.util.Arrays.copyOf(chunks, count * 2);
                }
                int chunk = generator.nextChunk(length - at);
                chunks[count++] = chunk;
                at += chunk;
            }
            return count;
        }

        DecoderCounters counters() {
            return decoder.counters();
        }

        @Override
        public void onMessage(int sequence, Message message) {
            delivered.add(message);
        }

        @Override
        public void onRejected(int sequence, int typeCode, Rejection rejection) {
            // counted by the decoder
        }

        void report(int inputs, long seed) {
            DecoderCounters c = counters();
            double seconds = feedingNanos / 1e9;
            System.out.println("### Fuzzing: " + inputs + " inputs, seed " + seed);
            System.out.println();
            System.out.println("| figure | value |");
            System.out.println("|---|---|");
            System.out.println("| inputs by kind | " + kinds + " |");
            System.out.printf("| bytes fed | %,d (%.0f per input) |%n", c.bytesReceived(),
                    c.bytesReceived() / (double) inputs);
            System.out.printf("| time feeding (generation not counted) | %.2f s |%n", seconds);
            System.out.printf("| inputs/s | %,.0f |%n", inputs / seconds);
            System.out.printf("| bytes/s | %,.0f (%.1f MB/s) |%n", c.bytesReceived() / seconds,
                    c.bytesReceived() / seconds / 1e6);
            System.out.printf("| allocated while feeding | %.0f bytes per input (messages delivered, listener list) |%n",
                    allocatedWhileFeeding / (double) inputs);
            System.out.printf("| messages delivered | %,d |%n", c.messages());
            System.out.printf("| checksum errors | %,d |%n", c.checksumErrors());
            System.out.printf("| oversize lengths | %,d |%n", c.oversizeFrames());
            System.out.printf("| unknown types | %,d |%n", c.unknownTypes());
            System.out.printf("| malformed payloads | %,d |%n", c.malformedPayloads());
            System.out.printf("| truncated (given up on an idle line) | %,d |%n", c.truncatedFrames());
            System.out.printf("| discarded bytes | %,d (%.1f %%) |%n", c.discardedBytes(),
                    100.0 * c.discardedBytes() / c.bytesReceived());
            System.out.printf("| bytes in intact frames + discarded + pending = bytes fed | %s (%d pending) |%n",
                    c.accountsForEveryByte() ? "yes" : "NO", c.pendingBytes());
            System.out.printf("| frames embedded in noise found in order | %,d of %,d inputs (%,d frames) |%n",
                    kinds.getOrDefault(FuzzInputs.Kind.EMBEDDED, 0) - embeddedMissed,
                    kinds.getOrDefault(FuzzInputs.Kind.EMBEDDED, 0), embeddedFrames);
            System.out.printf("| exceptions escaped | %d |%n", escaped);
        }
    }

    /** The clean pass: a sample stream with no errors, in 4 KiB reads. */
    private static final class CleanRun {

        private long messages;
        private final FrameDecoder decoder = new FrameDecoder((sequence, message) -> messages++);
        private long nanos;
        private long bytes;
        private long allocated;

        void run(int frames) {
            byte[] frame = FrameEncoder.encode(0, new Sample(new int[] {4000, 3990, 2500, 0}));
            byte[] stream = new byte[frame.length * 1000];
            for (int i = 0; i < 1000; i++) {
                System.arraycopy(frame, 0, stream, i * frame.length, frame.length);
            }
            long allocatedBefore = Allocation.ofThisThread();
            long start = System.nanoTime();
            for (int sent = 0; sent < frames; sent += 1000) {
                for (int at = 0; at < stream.length; at += CLEAN_CHUNK) {
                    decoder.feed(stream, at, Math.min(CLEAN_CHUNK, stream.length - at));
                }
                bytes += stream.length;
            }
            nanos = System.nanoTime() - start;
            allocated = Allocation.ofThisThread() - allocatedBefore;
        }

        DecoderCounters counters() {
            return decoder.counters();
        }

        void report() {
            double seconds = nanos / 1e9;
            DecoderCounters c = counters();
            System.out.println();
            System.out.println("### Clean stream: " + c.messages() + " SAMPLE frames of 4 channels ("
                    + bytes / c.messages() + " bytes each), 4 KiB reads");
            System.out.println();
            System.out.println("| figure | value |");
            System.out.println("|---|---|");
            System.out.printf("| frames/s | %,.0f |%n", c.messages() / seconds);
            System.out.printf("| bytes/s | %,.0f (%.1f MB/s) |%n", bytes / seconds, bytes / seconds / 1e6);
            System.out.printf("| time per frame | %.0f ns |%n", nanos / (double) c.messages());
            System.out.printf("| allocated per frame | %.0f bytes (the Sample record and its readings) |%n",
                    allocated / (double) c.messages());
            System.out.printf("| errors | %d |%n", c.errors());
        }
    }

    /** The current thread's allocated bytes, where the JVM can tell (HotSpot can); 0 otherwise. */
    private static final class Allocation {

        private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        static long ofThisThread() {
            if (THREADS instanceof com.sun.management.ThreadMXBean hotspot) {
                return hotspot.getThreadAllocatedBytes(Thread.currentThread().getId());
            }
            return 0;
        }
    }
}
