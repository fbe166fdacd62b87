package io.upwell.devices.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Intact frames that carry no usable message are counted by kind, reported to the listener, never delivered. */
class PayloadValidationTest {

    @Test
    void payloadOneByteShortOrLongIsMalformedForEveryType() {
        for (Message message : TestMessages.everyType()) {
            byte[] frame = FrameEncoder.encode(9, message);
            int[] payload = payloadOf(frame);
            int type = message.type().code();
            assertMalformed(Frames.raw(type, 9, Arrays.copyOf(payload, payload.length - 1)), message + " short");
            if (!(message instanceof UnsupportedVersion)) { // only its version byte is read: see below
                assertMalformed(Frames.raw(type, 9, Arrays.copyOf(payload, payload.length + 1)), message + " long");
            }
        }
    }

    @Test
    void rejectedFrameIsReportedWithItsSequenceNumberAndType() {
        Recorder recorder = Frames.decode(Frames.raw(MessageType.SET_POINT.code(), 42, 1, 2));
        assertEquals(List.of(new Recorder.Rejected(42, 0x03, Rejection.MALFORMED_PAYLOAD)), recorder.rejected);
    }

    @Test
    void unknownTypeIsCountedAndReportedNotDelivered() {
        Recorder recorder = new Recorder();
        FrameDecoder decoder = new FrameDecoder(recorder);
        decoder.feed(Frames.concat(Frames.raw(0x06, 1, 1, 2, 3), Frames.raw(0x86, 2), Frames.raw(0x00, 3)));
        assertTrue(recorder.messages.isEmpty());
        assertEquals(List.of(new Recorder.Rejected(1, 0x06, Rejection.UNKNOWN_TYPE),
                new Recorder.Rejected(2, 0x86, Rejection.UNKNOWN_TYPE),
                new Recorder.Rejected(3, 0x00, Rejection.UNKNOWN_TYPE)), recorder.rejected);
        assertEquals(3, decoder.counters().unknownTypes());
        assertTrue(decoder.counters().accountsForEveryByte());
    }

    @Test
    void valuesOutOfRangeAreMalformed() {
        assertMalformed(Frames.raw(0x03, 0, 0xFF, 0, 0), "SET_POINT to channel 255");
        assertMalformed(Frames.raw(0x05, 0, 0xFF, 1), "MAGNET on channel 255");
        assertMalformed(Frames.raw(0x84, 0, 0), "SAMPLE of no channel");
        assertMalformed(Frames.raw(0x84, 0, 2, 0, 0), "SAMPLE counting 2 channels carrying 1");
        assertMalformed(reply(0, 0, 250, 1), "HELLO_REPLY with maximum 0");
        assertMalformed(reply(8000, 0, 250, 1), "HELLO_REPLY with sample rate 0");
        assertMalformed(reply(8000, 1001, 250, 1), "HELLO_REPLY with sample rate 1001");
        assertMalformed(reply(8000, 50, 0, 1), "HELLO_REPLY with watchdog 0");
        assertMalformed(reply(8000, 50, 250, 0), "HELLO_REPLY with no channel");
    }

    @Test
    void helloReplyWithAnUnknownMagnetKindIsMalformed() {
        assertMalformed(Frames.raw(0x81, 0, 1, 0x40, 0x1F, 50, 0, 250, 0, 1, 1, 'x', 0, 0, 0x40, 0x1F, 3), "kind 3");
    }

    @Test
    void helloReplyWithTextThatIsNotUtf8OrBlankOrTooLongIsMalformed() {
        assertMalformed(Frames.raw(0x81, 0, 1, 0x40, 0x1F, 50, 0, 250, 0, 1, 1, 0xC3, 0, 0, 0x40, 0x1F, 0), "bad UTF-8");
        assertMalformed(Frames.raw(0x81, 0, 1, 0x40, 0x1F, 50, 0, 250, 0, 1, 1, ' ', 0, 0, 0x40, 0x1F, 0), "blank id");
        int[] longId = new int[8 + 1 + 33 + 2 + 3];
        int[] head = {1, 0x40, 0x1F, 50, 0, 250, 0, 1, 33};
        System.arraycopy(head, 0, longId, 0, head.length);
        Arrays.fill(longId, head.length, head.length + 33, 'x');
        longId[head.length + 33 + 2] = 0x40;
        longId[head.length + 33 + 3] = 0x1F;
        assertMalformed(Frames.raw(0x81, 0, longId), "33-byte id");
    }

    @Test
    void helloReplyTextLengthRunningPastThePayloadIsMalformed() {
        assertMalformed(Frames.raw(0x81, 0, 1, 0x40, 0x1F, 50, 0, 250, 0, 1, 200, 'x'), "text length 200");
    }

    @Test
    void helloReplyOfAnotherVersionDecodesToUnsupportedVersionWhateverFollowsTheVersionByte() {
        Recorder recorder = Frames.decode(Frames.concat(Frames.raw(0x81, 0, 2, 0xDE, 0xAD), Frames.raw(0x81, 1, 0)));
        assertEquals(List.of(new UnsupportedVersion(2), new UnsupportedVersion(0)), recorder.messages);
    }

    @Test
    void faultWithAnUnknownCodeIsStillAFault() {
        Recorder recorder = Frames.decode(Frames.raw(0x85, 0, 0xEE, 0xFF, 1, 0));
        Fault fault = (Fault) recorder.messages.get(0);
        assertEquals(FaultCode.UNKNOWN, fault.kind());
        assertEquals(0xEE, fault.code());
        assertTrue(fault.deviceWide());
    }

    @Test
    void nakWithAnUnknownReasonIsStillARefusal() {
        Recorder recorder = Frames.decode(Frames.raw(0x83, 0, 4, 0x03, 0x99));
        assertEquals(NakReason.UNKNOWN, ((Nak) recorder.messages.get(0)).reason());
    }

    @Test
    void everyFaultCodeAndNakReasonDecodesToItsKind() {
        for (FaultCode kind : FaultCode.values()) {
            if (kind != FaultCode.UNKNOWN) {
                assertEquals(kind, ((Fault) Frames.decode(FrameEncoder.encode(0, Fault.of(kind, 0, 0))).messages.get(0))
                        .kind());
            }
        }
        for (NakReason reason : NakReason.values()) {
            if (reason != NakReason.UNKNOWN) {
                assertEquals(reason, ((Nak) Frames.decode(FrameEncoder.encode(0, Nak.of(0, 3, reason))).messages.get(0))
                        .reason());
            }
        }
    }

    /** A HELLO_REPLY payload with these numbers, id "x", empty vendor and model, and {@code channels} channels. */
    private static byte[] reply(int max, int rate, int watchdog, int channels) {
        int[] payload = new int[8 + 2 + 2 + 3 * channels];
        int[] head = {1, max & 0xFF, max >>> 8, rate & 0xFF, rate >>> 8, watchdog & 0xFF, watchdog >>> 8, channels,
                1, 'x', 0, 0};
        System.arraycopy(head, 0, payload, 0, head.length);
        for (int ch = 0; ch < channels; ch++) {
            payload[head.length + 3 * ch] = 0x40;
            payload[head.length + 3 * ch + 1] = 0x1F;
        }
        return Frames.raw(0x81, 0, payload);
    }

    private static int[] payloadOf(byte[] frame) {
        int[] payload = new int[frame.length - Protocol.HEADER_LENGTH - Protocol.CRC_LENGTH];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = frame[Protocol.HEADER_LENGTH + i] & 0xFF;
        }
        return payload;
    }

    private static void assertMalformed(byte[] frame, String what) {
        Recorder recorder = new Recorder();
        FrameDecoder decoder = new FrameDecoder(recorder);
        decoder.feed(frame);
        assertTrue(recorder.messages.isEmpty(), what + " delivered " + recorder.messages);
        assertEquals(1, decoder.counters().malformedPayloads(), what);
        assertEquals(frame.length, decoder.counters().frameBytes(), what);
    }
}
