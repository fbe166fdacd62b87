package io.upwell.devices.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RoundTripTest {

    @Test
    void everyMessageDecodesEqualToWhatWasEncodedWithItsSequenceNumber() {
        List<Message> messages = TestMessages.everyType();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            int sequence = (i * 37) & 0xFF;
            Recorder recorder = Frames.decode(FrameEncoder.encode(sequence, message));
            assertEquals(List.of(message), recorder.messages, message.toString());
            assertEquals(List.of(sequence), recorder.sequences);
        }
    }

    @Test
    void testMessagesCoverEveryMessageType() {
        Set<MessageType> covered = EnumSet.noneOf(MessageType.class);
        TestMessages.everyType().forEach(m -> covered.add(m.type()));
        assertEquals(EnumSet.allOf(MessageType.class), covered);
    }

    @Test
    void sequenceNumbersZeroAnd255SurviveTheRoundTrip() {
        for (int sequence : new int[] {0, 255}) {
            Recorder recorder = Frames.decode(FrameEncoder.encode(sequence, Vent.all()));
            assertEquals(List.of(sequence), recorder.sequences);
        }
    }

    @Test
    void largestHelloReplyFitsTheMaximumPayloadAndIs872Bytes() {
        HelloReply largest = TestMessages.largestReply();
        int payload = FrameEncoder.frameLength(largest) - Protocol.HEADER_LENGTH - Protocol.CRC_LENGTH;
        assertEquals(872, payload);
        assertTrue(payload <= Protocol.MAX_PAYLOAD);
    }

    @Test
    void encodingIntoABufferAtAnOffsetWritesTheSameFrame() {
        Message message = TestMessages.smallReply();
        byte[] buffer = new byte[Protocol.MAX_FRAME + 10];
        int length = FrameEncoder.encode(9, message, buffer, 10);
        byte[] alone = FrameEncoder.encode(9, message);
        assertEquals(alone.length, length);
        assertEquals(java.util.Arrays.toString(alone),
                java.util.Arrays.toString(java.util.Arrays.copyOfRange(buffer, 10, 10 + length)));
    }

    @Test
    void frameLengthIsHeaderPayloadAndCrc() {
        assertEquals(Protocol.HEADER_LENGTH + 3 + Protocol.CRC_LENGTH, FrameEncoder.frameLength(new SetPoint(0, 1)));
        assertEquals(FrameEncoder.encode(0, new Sample(new int[4])).length,
                FrameEncoder.frameLength(new Sample(new int[4])));
    }
}
