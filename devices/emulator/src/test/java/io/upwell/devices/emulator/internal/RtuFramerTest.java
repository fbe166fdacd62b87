package io.upwell.devices.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framing by known length, and by silence for everything else. */
class RtuFramerTest {
    private static final long GAP = 10_000_000L;

    private final List<byte[]> frames = new ArrayList<>();
    private final RtuFramer framer = new RtuFramer(GAP, (buffer, length) -> frames.add(Arrays.copyOf(buffer, length)));

    @Test
    void aKnownRequestIsHandedOnWithItsLastByteEvenWhenItArrivesInPieces() {
        byte[] request = Frames.read(1, 0x03, 0x10, 2);
        framer.receive(request, 0, 3, 0);
        framer.receive(request, 3, 5, 1_000);
        assertEquals(1, frames.size());
        assertArrayEquals(request, frames.get(0));
    }

    @Test
    void aWriteMultipleIsAsLongAsItsByteCountSays() {
        byte[] a = Frames.writeMultiple(1, 0x20, 1, 2, 3);
        byte[] b = Frames.read(1, 0x04, 0, 1);
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        framer.receive(both, 0, both.length, 0);
        assertEquals(2, frames.size());
        assertArrayEquals(a, frames.get(0));
        assertArrayEquals(b, frames.get(1));
    }

    @Test
    void silenceEndsAFrameOfUnknownLengthAndResynchronisesAfterAPartialOne() {
        byte[] unknown = Frames.withCrc(1, 0x2B, 0x0E);
        framer.receive(unknown, 0, unknown.length, 0);
        assertEquals(0, frames.size());
        framer.silence(GAP - 1);
        assertEquals(0, frames.size(), "not before the gap");
        framer.silence(GAP);
        assertArrayEquals(unknown, frames.get(0));

        byte[] request = Frames.read(1, 0x03, 0, 1);
        framer.receive(request, 0, 5, 2 * GAP);
        framer.receive(request, 0, request.length, 4 * GAP);
        assertEquals(3, frames.size(), "the partial frame, ended by the silence, then the whole one");
        assertEquals(5, frames.get(1).length);
        assertArrayEquals(request, frames.get(2));
    }

    @Test
    void moreThanAFramesWorthIsCutAt256Bytes() {
        byte[] noise = new byte[600];
        Arrays.fill(noise, (byte) 0x2B);
        framer.receive(noise, 0, noise.length, 0);
        framer.silence(GAP);
        assertEquals(List.of(256, 256, 88), frames.stream().map(f -> f.length).toList());
    }
}
