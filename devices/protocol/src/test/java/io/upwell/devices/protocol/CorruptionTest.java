package io.upwell.devices.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * One byte changed anywhere in a frame, to any other value: the frame yields no message, the damage
 * is counted, and the good frame after it still arrives.
 */
class CorruptionTest {

    private static final Message NEXT = new Vent(1);
    private static final byte[] NEXT_FRAME = FrameEncoder.encode(200, NEXT);

    @Test
    void everyCorruptedByteOfEveryMessageGivesACountedErrorAndNeverAWrongMessage() {
        int cases = 0;
        for (Message message : TestMessages.everyType()) {
            if (FrameEncoder.frameLength(message) > 100) {
                continue; // the 255-channel messages: 500+ positions x 255 values adds time, not coverage
            }
            byte[] frame = FrameEncoder.encode(77, message);
            for (int position = 0; position < frame.length; position++) {
                for (int flip = 1; flip < 256; flip++) {
                    byte[] corrupted = frame.clone();
                    corrupted[position] ^= (byte) flip;
                    assertOnlyTheNextFrameDecodes(Frames.concat(corrupted, NEXT_FRAME),
                            message + " byte " + position + " ^ " + flip);
                    cases++;
                }
            }
        }
        assertTrue(cases > 20_000, "cases: " + cases);
    }

    @Test
    void corruptedByteInTheLargestFramesIsCaughtAtEveryPosition() {
        for (Message message : List.of(TestMessages.largestReply(), new Sample(new int[Protocol.MAX_CHANNELS]))) {
            byte[] frame = FrameEncoder.encode(3, message);
            for (int position = 0; position < frame.length; position++) {
                byte[] corrupted = frame.clone();
                corrupted[position] ^= (byte) (1 + position % 255);
                assertOnlyTheNextFrameDecodes(Frames.concat(corrupted, NEXT_FRAME), message.type() + " byte " + position);
            }
        }
    }

    private static void assertOnlyTheNextFrameDecodes(byte[] stream, String what) {
        Recorder recorder = new Recorder();
        FrameDecoder decoder = new FrameDecoder(recorder);
        decoder.feed(stream);
        decoder.lineIdle();
        DecoderCounters counters = decoder.counters();
        assertEquals(List.of(NEXT), recorder.messages, what);
        assertEquals(List.of(200), recorder.sequences, what);
        // Damage shows as an error, or (a corrupted start byte) as the frame's bytes discarded.
        assertTrue(counters.errors() > 0 || counters.discardedBytes() > 0, what);
        assertTrue(counters.accountsForEveryByte(), what);
    }
}
