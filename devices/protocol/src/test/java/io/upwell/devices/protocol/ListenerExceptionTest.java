package io.upwell.devices.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ListenerExceptionTest {

    @Test
    void listenerExceptionReachesTheFeederAndTheRestOfTheChunkIsDecodedWhenFedAgain() {
        List<Message> received = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder((sequence, message) -> {
            received.add(message);
            if (received.size() == 1) {
                throw new IllegalStateException("listener bug");
            }
        });
        byte[] first = FrameEncoder.encode(0, new Vent(0));
        byte[] second = FrameEncoder.encode(1, new Vent(1));
        byte[] stream = Frames.concat(first, second);

        assertThrows(IllegalStateException.class, () -> decoder.feed(stream));
        DecoderCounters counters = decoder.counters();
        assertEquals(1, counters.messages());
        assertEquals(first.length, counters.bytesReceived());
        assertTrue(counters.accountsForEveryByte());

        decoder.feed(stream, first.length, second.length);
        assertEquals(List.of(new Vent(0), new Vent(1)), received);
    }

    @Test
    void framesHeldWhenTheListenerThrewAreDeliveredAtTheNextFeedEvenAnEmptyOne() {
        List<Message> received = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder((sequence, message) -> {
            received.add(message);
            if (received.size() == 1) {
                throw new IllegalStateException("listener bug");
            }
        });
        // A false start takes in both frames; when its CRC fails they are found among the held bytes.
        byte[] falseStart = {(byte) 0xA5, 12, 0}; // 19 bytes: itself and both frames
        byte[] stream = Frames.concat(falseStart, FrameEncoder.encode(0, new Vent(0)), FrameEncoder.encode(1, new Vent(1)));

        assertThrows(IllegalStateException.class, () -> decoder.feed(stream));
        assertEquals(List.of(new Vent(0)), received);
        assertTrue(decoder.counters().pendingBytes() > 0);

        decoder.feed(new byte[0]);
        assertEquals(List.of(new Vent(0), new Vent(1)), received);
        assertTrue(decoder.counters().accountsForEveryByte());
    }
}
