package io.upwell.devices.protocol;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** Builds byte streams for tests: frames by hand (any header, any payload), concatenations, hex. */
final class Frames {

    private Frames() {
    }

    /** A frame with this type, sequence number and payload, its length and CRC computed: intact whatever it holds. */
    static byte[] raw(int type, int sequence, int... payload) {
        byte[] frame = new byte[Protocol.HEADER_LENGTH + payload.length + Protocol.CRC_LENGTH];
        frame[0] = (byte) Protocol.START_OF_FRAME;
        frame[1] = (byte) payload.length;
        frame[2] = (byte) (payload.length >>> 8);
        frame[3] = (byte) type;
        frame[4] = (byte) sequence;
        for (int i = 0; i < payload.length; i++) {
            frame[Protocol.HEADER_LENGTH + i] = (byte) payload[i];
        }
        int crcAt = frame.length - 2;
        int crc = Crc16.of(frame, 1, crcAt - 1);
        frame[crcAt] = (byte) crc;
        frame[crcAt + 1] = (byte) (crc >>> 8);
        return frame;
    }

    /** Every message encoded in order, sequence numbers 0, 1, 2, ... */
    static byte[] stream(List<? extends Message> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < messages.size(); i++) {
            out.writeBytes(FrameEncoder.encode(i & 0xFF, messages.get(i)));
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Bytes from hex pairs separated by spaces, as docs/protocol.md prints them. */
    static byte[] hex(String pairs) {
        String[] parts = pairs.trim().split("\\s+");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }

    /** Feeds the stream whole and returns what came out. */
    static Recorder decode(byte[] stream) {
        Recorder recorder = new Recorder();
        new FrameDecoder(recorder).feed(stream);
        return recorder;
    }
}
