package io.upwell.devices.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** A line delivers frames in pieces of any size: where it splits them never changes what is decoded. */
class SplitDecodingTest {

    /** Every type, but the 255-channel messages left out so that splitting at every boundary stays quick. */
    private static final List<Message> MESSAGES = TestMessages.everyType().stream()
            .filter(m -> FrameEncoder.frameLength(m) < 100)
            .toList();
    private static final byte[] STREAM = Frames.stream(MESSAGES);

    @Test
    void streamSplitInTwoAtEveryByteBoundaryDecodesToEveryMessage() {
        for (int split = 0; split <= STREAM.length; split++) {
            Recorder recorder = new Recorder();
            FrameDecoder decoder = new FrameDecoder(recorder);
            decoder.feed(STREAM, 0, split);
            decoder.feed(STREAM, split, STREAM.length - split);
            assertEquals(MESSAGES, recorder.messages, "split at " + split);
            assertEquals(0, decoder.counters().errors());
        }
    }

    @Test
    void streamFedOneByteAtATimeDecodesToEveryMessage() {
        Recorder recorder = new Recorder();
        FrameDecoder decoder = new FrameDecoder(recorder);
        for (int i = 0; i < STREAM.length; i++) {
            decoder.feed(STREAM, i, 1);
        }
        assertEquals(MESSAGES, recorder.messages);
    }

    @Test
    void streamFedInRandomChunksDecodesToEveryMessage() {
        Random random = new Random(3);
        byte[] stream = Frames.stream(TestMessages.everyType());
        for (int run = 0; run < 200; run++) {
            Recorder recorder = new Recorder();
            FrameDecoder decoder = new FrameDecoder(recorder);
            for (int at = 0; at < stream.length; ) {
                int chunk = Math.min(stream.length - at, random.nextInt(40));
                decoder.feed(stream, at, chunk);
                at += chunk;
            }
            assertEquals(TestMessages.everyType(), recorder.messages);
        }
    }

    @Test
    void messageArrivesWithItsLastByteAndNotBefore() {
        byte[] frame = FrameEncoder.encode(5, new SetPoint(1, 2500));
        Recorder recorder = new Recorder();
        FrameDecoder decoder = new FrameDecoder(recorder);
        decoder.feed(frame, 0, frame.length - 1);
        assertTrue(recorder.messages.isEmpty());
        assertEquals(frame.length - 1, decoder.counters().pendingBytes());
        decoder.feed(frame, frame.length - 1, 1);
        assertEquals(List.of(new SetPoint(1, 2500)), recorder.messages);
        assertEquals(0, decoder.counters().pendingBytes());
    }

    @Test
    void emptyChunkChangesNothing() {
        Recorder recorder = new Recorder();
        FrameDecoder decoder = new FrameDecoder(recorder);
        decoder.feed(new byte[0]);
        decoder.feed(STREAM, 3, 0);
        assertEquals(new DecoderCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), decoder.counters());
    }
}
