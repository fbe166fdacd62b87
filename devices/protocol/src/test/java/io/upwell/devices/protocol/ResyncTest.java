package io.upwell.devices.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Garbage on the line costs the garbage only: the frames around it are found, and it is counted. */
class ResyncTest {

    private static final Message FIRST = new SetPoint(2, 3000);
    private static final Message SECOND = new Sample(new int[] {100, 200, 300});
    private static final byte[] FIRST_FRAME = FrameEncoder.encode(1, FIRST);
    private static final byte[] SECOND_FRAME = FrameEncoder.encode(2, SECOND);
    /** Noise with no start byte in it. */
    private static final byte[] NOISE = {0x00, (byte) 0xFF, 0x13, 0x37, 0x55, (byte) 0xAA};

    @Test
    void garbageBeforeBetweenAndAfterFramesIsDiscardedAndCounted() {
        Recorder recorder = new Recorder();
        FrameDecoder decoder = new FrameDecoder(recorder);
        decoder.feed(Frames.concat(NOISE, FIRST_FRAME, NOISE, NOISE, SECOND_FRAME, NOISE));
        assertEquals(List.of(FIRST, SECOND), recorder.messages);
        DecoderCounters counters = decoder.counters();
        assertEquals(4L * NOISE.length, counters.discardedBytes());
        assertEquals(FIRST_FRAME.length + SECOND_FRAME.length, counters.frameBytes());
        assertEquals(0, counters.errors());
        assertTrue(counters.accountsForEveryByte());
    }

    @Test
    void startByteInGarbageWithAnImpossibleLengthIsCountedOversizeAndTheNextFrameFound() {
        byte[] falseStart = {(byte) 0xA5, (byte) 0xFF, (byte) 0xFF};
        Recorder recorder = new Recorder();
        FrameDecoder decoder = new FrameDecoder(recorder);
        decoder.feed(Frames.concat(falseStart, FIRST_FRAME));
        assertEquals(List.of(FIRST), recorder.messages);
        assertEquals(1, decoder.counters().oversizeFrames());
        assertEquals(falseStart.length, decoder.counters().discardedBytes());
    }

    @Test
    void lengthOneOverTheMaximumIsOversizeAndTheMaximumItselfIsAwaited() {
        int over = Protocol.MAX_PAYLOAD + 1;
        FrameDecoder decoder = new FrameDecoder(new Recorder());
        decoder.feed(new byte[] {(byte) 0xA5, (byte) over, (byte) (over >>> 8)});
        assertEquals(1, decoder.counters().oversizeFrames());
        assertEquals(0, decoder.counters().pendingBytes());
        int max = Protocol.MAX_PAYLOAD;
        decoder.feed(new byte[] {(byte) 0xA5, (byte) max, (byte) (max >>> 8)});
        assertEquals(1, decoder.counters().oversizeFrames());
        assertEquals(3, decoder.counters().pendingBytes());
    }

    @Test
    void startByteInGarbageWithAPlausibleLengthSwallowsTheNextFramesUntilItsCrcFailsThenTheyAreFound() {
        // The false start announces 20 bytes of payload: it takes the first frame and part of the second.
        byte[] falseStart = {(byte) 0xA5, 20, 0, 0x42};
        Recorder recorder = new Recorder();
        FrameDecoder decoder = new FrameDecoder(recorder);
        decoder.feed(Frames.concat(falseStart, FIRST_FRAME, SECOND_FRAME));
        assertEquals(List.of(FIRST, SECOND), recorder.messages);
        DecoderCounters counters = decoder.counters();
        assertEquals(1, counters.checksumErrors());
        assertEquals(1, counters.resyncs());
        assertEquals(falseStart.length, counters.discardedBytes());
        assertTrue(counters.accountsForEveryByte());
    }

    @Test
    void frameSwallowedByAFalseStartIsDeliveredWhenTheLineFallsIdle() {
        byte[] falseStart = {(byte) 0xA5, (byte) 0xE8, 0x03}; // announces 1000 bytes that never come
        Recorder recorder = new Recorder();
        FrameDecoder decoder = new FrameDecoder(recorder);
        decoder.feed(Frames.concat(falseStart, FIRST_FRAME));
        assertTrue(recorder.messages.isEmpty());
        decoder.lineIdle();
        assertEquals(List.of(FIRST), recorder.messages);
        assertEquals(1, decoder.counters().truncatedFrames());
        assertEquals(0, decoder.counters().pendingBytes());
    }

    @Test
    void truncatedFrameFollowedByAGoodOneCostsOnlyTheTruncatedFrame() {
        byte[] truncated = java.util.Arrays.copyOf(SECOND_FRAME, SECOND_FRAME.length - 3);
        Recorder recorder = new Recorder();
        FrameDecoder decoder = new FrameDecoder(recorder);
        decoder.feed(Frames.concat(truncated, FIRST_FRAME, SECOND_FRAME));
        assertEquals(List.of(FIRST, SECOND), recorder.messages);
        assertEquals(1, decoder.counters().checksumErrors());
        assertTrue(decoder.counters().accountsForEveryByte());
    }

    @Test
    void truncatedFrameAtTheEndIsHeldThenCountedTruncatedWhenTheLineFallsIdle() {
        FrameDecoder decoder = new FrameDecoder(new Recorder());
        decoder.feed(SECOND_FRAME, 0, SECOND_FRAME.length - 1);
        assertEquals(SECOND_FRAME.length - 1, decoder.counters().pendingBytes());
        decoder.lineIdle();
        DecoderCounters counters = decoder.counters();
        assertEquals(1, counters.truncatedFrames());
        assertEquals(0, counters.pendingBytes());
        assertEquals(SECOND_FRAME.length - 1, counters.discardedBytes());
    }

    @Test
    void lineIdleWithNothingHeldCountsNothing() {
        FrameDecoder decoder = new FrameDecoder(new Recorder());
        decoder.feed(FIRST_FRAME);
        decoder.lineIdle();
        assertEquals(0, decoder.counters().errors());
    }

    @Test
    void runOfStartBytesIsDiscardedAndTheFrameAfterItFoundOnceTheLineFallsIdle() {
        byte[] starts = new byte[50];
        java.util.Arrays.fill(starts, (byte) 0xA5);
        Recorder recorder = new Recorder();
        FrameDecoder decoder = new FrameDecoder(recorder);
        decoder.feed(Frames.concat(starts, FIRST_FRAME));
        decoder.lineIdle();
        assertEquals(List.of(FIRST), recorder.messages);
        assertEquals(starts.length, decoder.counters().discardedBytes());
        assertTrue(decoder.counters().accountsForEveryByte());
    }
}
