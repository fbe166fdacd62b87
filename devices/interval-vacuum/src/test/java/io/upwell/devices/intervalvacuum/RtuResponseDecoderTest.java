package io.upwell.devices.intervalvacuum;

import static io.upwell.devices.intervalvacuum.Frames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Finding the device's answers in bytes that come in pieces, late, garbled or not at all. */
class RtuResponseDecoderTest {
    private final Frames.Recorder recorder = new Frames.Recorder();
    private final RtuResponseDecoder decoder = new RtuResponseDecoder(1, recorder);

    @Test
    void aReadAnswerInOnePiece() {
        feed(Frames.readAnswer(1, 4, 0x4956, 0x8000), 0);

        assertEquals(1, recorder.frames.size());
        RtuResponse answer = recorder.frames.get(0);
        assertEquals(4, answer.function());
        assertEquals(2, answer.registerCount());
        assertEquals(0x4956, answer.register(0));
        assertEquals(0x8000, answer.register(1));
    }

    @Test
    void anAnswerInPiecesOfOneByte() {
        byte[] frame = Frames.withCrc("01 10 00 01 00 23");
        for (int i = 0; i < frame.length; i++) {
            decoder.feed(new byte[] {frame[i]}, 1, i * 1_000_000L);
        }

        assertEquals(1, recorder.frames.size());
        assertEquals(0x0001, recorder.frames.get(0).echo(0));
        assertEquals(0x0023, recorder.frames.get(0).echo(1));
    }

    @Test
    void twoAnswersInOnePiece() {
        byte[] one = Frames.withCrc("01 06 00 00 01 2c");
        byte[] two = Frames.readAnswer(1, 4, 7);
        byte[] both = Arrays.copyOf(one, one.length + two.length);
        System.arraycopy(two, 0, both, one.length, two.length);
        feed(both, 0);

        assertEquals(2, recorder.frames.size());
        assertEquals(6, recorder.frames.get(0).function());
        assertEquals(4, recorder.frames.get(1).function());
    }

    @Test
    void anExceptionAnswer() {
        feed(Frames.withCrc("01 90 04"), 0);

        RtuResponse answer = recorder.frames.get(0);
        assertTrue(answer.isException());
        assertEquals(16, answer.answers());
        assertEquals(4, answer.exceptionCode());
        assertEquals("exception 04 (SERVER DEVICE FAILURE) to function 16", answer.describeException());
    }

    @Test
    void garbageBeforeAnAnswerIsSkipped() {
        byte[] frame = Frames.readAnswer(1, 4, 42);
        byte[] noisy = new byte[3 + frame.length];
        noisy[0] = (byte) 0xFF;
        noisy[1] = 0x02; // another unit
        noisy[2] = 0x01; // our unit, followed by the answer's own 01: function 01, which the driver never asks for
        System.arraycopy(frame, 0, noisy, 3, frame.length);
        feed(noisy, 0);

        assertEquals(1, recorder.frames.size(), "the answer after the garbage");
        assertEquals(42, recorder.frames.get(0).register(0));
        assertTrue(recorder.resyncs >= 1);
    }

    @Test
    void aFlippedBitIsAChecksumErrorAndNeverAFrame() {
        byte[] frame = Frames.readAnswer(1, 4, 1000, 2000);
        for (int bit = 0; bit < 8 * frame.length; bit++) {
            Frames.Recorder local = new Frames.Recorder();
            RtuResponseDecoder fresh = new RtuResponseDecoder(1, local);
            byte[] flipped = frame.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            fresh.feed(flipped, flipped.length, 0);
            assertEquals(0, local.frames.size(), "bit " + bit + " flipped in " + hex(frame) + " gave " + local.frames);
        }
    }

    @Test
    void aPartialAnswerEndedBySilenceDoesNotSwallowTheNext() {
        byte[] lost = Frames.readAnswer(1, 4, 1, 2, 3);
        feed(Arrays.copyOf(lost, lost.length - 1), 0); // one byte lost on the line
        feed(Frames.readAnswer(1, 4, 9), 100_000_000L); // the next answer, 100 ms later

        assertEquals(1, recorder.frames.size());
        assertEquals(9, recorder.frames.get(0).register(0));
    }

    @Test
    void aResetForgetsAHalfFrame() {
        byte[] frame = Frames.readAnswer(1, 4, 5);
        feed(Arrays.copyOf(frame, 4), 0);
        decoder.reset();
        feed(frame, 1_000_000L);

        assertEquals(1, recorder.frames.size());
        assertEquals(5, recorder.frames.get(0).register(0));
    }

    @Test
    void anotherUnitsAnswerIsNotOurs() {
        feed(Frames.readAnswer(2, 4, 5), 0);

        assertEquals(0, recorder.frames.size());
    }

    private void feed(byte[] bytes, long nanos) {
        decoder.feed(bytes, bytes.length, nanos);
    }
}
