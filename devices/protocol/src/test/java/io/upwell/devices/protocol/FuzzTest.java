package io.upwell.devices.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.Test;

/**
 * A fixed-seed slice of the fuzzing the benchmark does a million times over (DecoderBenchmark): any
 * input is frames or counted errors, never an exception, and frames in noise are still found.
 */
class FuzzTest {

    private static final long SEED = 20261124L;
    private static final int INPUTS = 20_000;

    @Test
    void randomAndMutatedInputsNeverThrowAndEveryByteAndFrameIsAccountedFor() {
        FuzzInputs inputs = new FuzzInputs(SEED);
        Recorder recorder = new Recorder();
        FrameDecoder decoder = new FrameDecoder(recorder);
        long fed = 0;
        for (int i = 0; i < INPUTS; i++) {
            FuzzInputs.Input input = inputs.next();
            feedInChunks(decoder, inputs, input.bytes());
            if (input.idleAfter()) {
                decoder.lineIdle();
            }
            fed += input.bytes().length;
            DecoderCounters counters = decoder.counters();
            assertTrue(counters.pendingBytes() <= Protocol.MAX_FRAME, "input " + i);
            assertTrue(counters.accountsForEveryByte(), "input " + i + ": " + counters);
        }
        decoder.lineIdle();
        DecoderCounters counters = decoder.counters();
        assertEquals(fed, counters.bytesReceived());
        assertEquals(recorder.messages.size(), counters.messages());
        assertEquals(recorder.rejected.size(), counters.unknownTypes() + counters.malformedPayloads());
        assertEquals(0, counters.pendingBytes());
        assertTrue(counters.accountsForEveryByte(), counters.toString());
        // The slice reaches every kind of error, or it tests less than it says.
        assertTrue(counters.checksumErrors() > 0 && counters.oversizeFrames() > 0 && counters.unknownTypes() > 0
                && counters.malformedPayloads() > 0 && counters.truncatedFrames() > 0, counters.toString());
    }

    @Test
    void everyValidFrameEmbeddedInNoiseIsFoundInOrder() {
        FuzzInputs inputs = new FuzzInputs(SEED + 1);
        int embeddedInputs = 0;
        for (int i = 0; i < INPUTS; i++) {
            FuzzInputs.Input input = inputs.next();
            if (input.kind() != FuzzInputs.Kind.EMBEDDED) {
                continue;
            }
            embeddedInputs++;
            Recorder recorder = new Recorder();
            FrameDecoder decoder = new FrameDecoder(recorder);
            feedInChunks(decoder, inputs, input.bytes());
            decoder.lineIdle();
            assertTrue(FuzzInputs.containsInOrder(recorder.messages, input.embedded()),
                    "input " + i + ": expected " + input.embedded() + " within " + recorder.messages);
        }
        assertEquals(INPUTS / FuzzInputs.Kind.values().length, embeddedInputs);
    }

    private static void feedInChunks(FrameDecoder decoder, FuzzInputs inputs, byte[] bytes) {
        for (int at = 0; at < bytes.length; ) {
            int chunk = inputs.nextChunk(bytes.length - at);
            decoder.feed(bytes, at, chunk);
            at += chunk;
        }
    }
}
