package io.upwell.devices.protocol;

import io.upwell.devices.protocol.internal.Payloads;

import java.util.Objects;

/**
 * Writes messages as frames: start marker, payload length, type, sequence number, payload, CRC
 * (docs/protocol.md, "Frames"). Stateless: the caller owns its sequence numbers ({@link Sequences}).
 * Every message that could be constructed can be encoded, so encoding fails only on a caller's
 * mistake (a buffer too small, a sequence number that is not a byte).
 */
public final class FrameEncoder {

    private FrameEncoder() {
    }

    /** The frame's length for this message: header, payload and CRC. */
    public static int frameLength(Message message) {
        return Protocol.HEADER_LENGTH + Payloads.length(message) + Protocol.CRC_LENGTH;
    }

    /** The frame as a new array. */
    public static byte[] encode(int sequence, Message message) {
        byte[] frame = new byte[frameLength(message)];
        encode(sequence, message, frame, 0);
        return frame;
    }

    /**
     * Writes the frame into {@code out} at {@code offset}, which must leave room for
     * {@link #frameLength(Message)} bytes, and returns its length. A sender that reuses one
     * {@link Protocol#MAX_FRAME}-byte buffer allocates nothing here for fixed-size messages.
     */
    public static int encode(int sequence, Message message, byte[] out, int offset) {
        Objects.requireNonNull(message, "message");
        if (sequence < 0 || sequence > 0xFF) {
            throw new IllegalArgumentException("sequence must be 0 to 255, got " + sequence);
        }
        int payloadLength = Payloads.length(message);
        int frameLength = Protocol.HEADER_LENGTH + payloadLength + Protocol.CRC_LENGTH;
        Objects.checkFromIndexSize(offset, frameLength, out.length);
        out[offset] = (byte) Protocol.START_OF_FRAME;
        out[offset + 1] = (byte) payloadLength;
        out[offset + 2] = (byte) (payloadLength >>> 8);
        out[offset + 3] = (byte) message.type().code();
        out[offset + 4] = (byte) sequence;
        Payloads.write(message, out, offset + Protocol.HEADER_LENGTH);
        int crcEnd = offset + Protocol.HEADER_LENGTH + payloadLength;
        int crc = Crc16.of(out, offset + 1, crcEnd - offset - 1);
        out[crcEnd] = (byte) crc;
        out[crcEnd + 1] = (byte) (crc >>> 8);
        return frameLength;
    }
}
