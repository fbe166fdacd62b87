package io.upwell.devices.protocol.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads little-endian fields from a payload. It never reads past the payload's end: a read that would
 * throws {@link MalformedPayload}, which the payload parser turns into a counted malformed frame.
 */
final class PayloadReader {

    private final byte[] in;
    private final int end;
    private int position;

    PayloadReader(byte[] in, int offset, int length) {
        this.in = in;
        this.position = offset;
        this.end = offset + length;
    }

    int u8() {
        need(1);
        return in[position++] & 0xFF;
    }

    int u16() {
        need(2);
        int value = (in[position] & 0xFF) | (in[position + 1] & 0xFF) << 8;
        position += 2;
        return value;
    }

    int i16() {
        return (short) u16();
    }

    long u32() {
        long low = u16();
        long high = u16();
        return low | high << 16;
    }

    /** A length byte, then that many bytes of strict UTF-8. */
    String text() {
        int length = u8();
        need(length);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in, position, length))
                    .toString();
            position += length;
            return text;
        } catch (CharacterCodingException e) {
            throw new MalformedPayload("text is not UTF-8");
        }
    }

    /** Passes over whatever is left, for a layout this version does not know. */
    void skipRest() {
        position = end;
    }

    int remaining() {
        return end - position;
    }

    /** Ends the read: a payload longer than its message is as malformed as one too short. */
    void expectEnd() {
        if (position != end) {
            throw new MalformedPayload((end - position) + " bytes after the message's last field");
        }
    }

    private void need(int bytes) {
        if (end - position < bytes) {
            throw new MalformedPayload("payload ends early");
        }
    }
}
