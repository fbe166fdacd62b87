package io.upwell.devices.protocol;

import io.upwell.devices.protocol.internal.Payloads;

import java.util.Objects;

/**
 * Finds frames in whatever a serial line delivers, fed in chunks split anywhere, and hands each intact
 * frame's message to a {@link MessageListener}. Everything else is counted by kind
 * ({@link #counters()}); no byte sequence makes it throw, and it never holds more than one frame
 * ({@link Protocol#MAX_FRAME} bytes).
 * <p>
 * How it finds frames (docs/protocol.md, "Finding frames"): it skips bytes until a start marker, reads
 * the length, gives the start up at once if the length is over the maximum, otherwise waits for the
 * whole frame and checks its CRC. A start that turns out not to begin a frame (length too big, CRC
 * wrong) costs only its marker byte: the bytes after it are searched again, so a good frame that
 * garbage had swallowed is still found.
 * <p>
 * A decoder belongs to the one thread that reads the line: it is not safe for concurrent use. If the
 * listener throws, the exception reaches the caller of {@link #feed}; the frame it was given is
 * consumed and counted, the rest of that chunk is not read (feed it again to go on), and frames
 * already held are delivered at the next call.
 */
public final class FrameDecoder {

    /** Bytes that must be held before the length can be read: the start marker and the two length bytes. */
    private static final int LENGTH_KNOWN = 3;

    private final MessageListener listener;
    private final byte[] held = new byte[Protocol.MAX_FRAME];
    private int heldLength;

    private long bytesReceived;
    private long messages;
    private long frameBytes;
    private long checksumErrors;
    private long oversizeFrames;
    private long unknownTypes;
    private long malformedPayloads;
    private long truncatedFrames;
    private long discardedBytes;

    public FrameDecoder(MessageListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Feeds every byte of {@code data}. */
    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /**
     * Feeds {@code length} bytes of {@code data} from {@code offset}: any bytes at all. Only a range
     * outside the array throws (that is the caller's mistake, not the line's).
     */
    public void feed(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        settle(); // finishes what a listener that threw interrupted: frames already held come first
        int position = offset;
        int end = offset + length;
        while (position < end) {
            if (heldLength == 0) {
                int start = position;
                while (position < end && (data[position] & 0xFF) != Protocol.START_OF_FRAME) {
                    position++;
                }
                bytesReceived += position - start;
                discardedBytes += position - start;
                if (position == end) {
                    return;
                }
            }
            int take = Math.min(bytesWanted(), end - position);
            System.arraycopy(data, position, held, heldLength, take);
            heldLength += take;
            position += take;
            bytesReceived += take;
            settle();
        }
    }

    /**
     * Tells the decoder that the line has been quiet for longer than a frame takes to arrive: a frame
     * begun now will not be completed. Each incomplete frame held is given up (counted as truncated) and
     * the bytes after its start marker are searched again, so a frame that a stray start marker had
     * swallowed is delivered now rather than after the next frame. Afterwards nothing is held.
     */
    public void lineIdle() {
        while (heldLength > 0) {
            truncatedFrames++;
            giveUpStart();
            settle();
        }
    }

    /** What the decoder has seen so far. */
    public DecoderCounters counters() {
        return new DecoderCounters(bytesReceived, messages, frameBytes, checksumErrors, oversizeFrames, unknownTypes,
                malformedPayloads, truncatedFrames, discardedBytes, heldLength);
    }

    /**
     * How many more bytes the held frame needs before the next check: the length field, then the rest
     * of the frame. Only called with a start marker held and the frame incomplete.
     */
    private int bytesWanted() {
        if (heldLength < LENGTH_KNOWN) {
            return LENGTH_KNOWN - heldLength;
        }
        return frameLength(payloadLength()) - heldLength;
    }

    /**
     * Checks what is held until it is an incomplete frame or nothing: delivers each complete intact
     * frame, gives up each start that cannot begin one.
     */
    private void settle() {
        while (heldLength >= LENGTH_KNOWN) {
            int payloadLength = payloadLength();
            if (payloadLength > Protocol.MAX_PAYLOAD) {
                oversizeFrames++;
                giveUpStart();
                continue;
            }
            int frameLength = frameLength(payloadLength);
            if (heldLength < frameLength) {
                return;
            }
            int crcAt = frameLength - Protocol.CRC_LENGTH;
            int received = (held[crcAt] & 0xFF) | (held[crcAt + 1] & 0xFF) << 8;
            if (Crc16.of(held, 1, crcAt - 1) != received) {
                checksumErrors++;
                giveUpStart();
                continue;
            }
            deliver(frameLength, payloadLength);
        }
    }

    /** Takes the intact frame at the start of what is held out, then tells the listener. */
    private void deliver(int frameLength, int payloadLength) {
        int typeCode = held[3] & 0xFF;
        int sequence = held[4] & 0xFF;
        MessageType type = MessageType.of(typeCode);
        Message message = type == null ? null : Payloads.read(type, held, Protocol.HEADER_LENGTH, payloadLength);
        frameBytes += frameLength;
        dropFront(frameLength);
        if (type == null) {
            unknownTypes++;
            listener.onRejected(sequence, typeCode, Rejection.UNKNOWN_TYPE);
        } else if (message == null) {
            malformedPayloads++;
            listener.onRejected(sequence, typeCode, Rejection.MALFORMED_PAYLOAD);
        } else {
            messages++;
            listener.onMessage(sequence, message);
        }
    }

    /** The held start marker begins no frame: discard it and look for the next one among the held bytes. */
    private void giveUpStart() {
        discardedBytes++;
        dropFront(1);
    }

    /**
     * Removes {@code count} bytes, already counted, from the front of what is held, then discards
     * whatever precedes the next start marker, so that what stays held always begins with one.
     */
    private void dropFront(int count) {
        int next = count;
        while (next < heldLength && (held[next] & 0xFF) != Protocol.START_OF_FRAME) {
            next++;
        }
        discardedBytes += next - count;
        int kept = heldLength - next;
        System.arraycopy(held, next, held, 0, kept);
        heldLength = kept;
    }

    private int payloadLength() {
        return (held[1] & 0xFF) | (held[2] & 0xFF) << 8;
    }

    private static int frameLength(int payloadLength) {
        return Protocol.HEADER_LENGTH + payloadLength + Protocol.CRC_LENGTH;
    }
}
