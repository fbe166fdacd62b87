package io.upwell.devices.intervalvacuum;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Frames for the framing tests: hex in, bytes out, and a decoder that records what it found. */
final class Frames {

    private Frames() {
    }

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    /** A frame with its CRC appended. */
    static byte[] withCrc(String spaced) {
        byte[] body = hex(spaced);
        byte[] frame = java.util.Arrays.copyOf(body, body.length + 2);
        Crc16.append(frame, body.length);
        return frame;
    }

    /** A read answer of {@code registers} from unit {@code unit} with function {@code function}. */
    static byte[] readAnswer(int unit, int function, int... registers) {
        byte[] frame = new byte[5 + 2 * registers.length];
        frame[0] = (byte) unit;
        frame[1] = (byte) function;
        frame[2] = (byte) (2 * registers.length);
        for (int i = 0; i < registers.length; i++) {
            frame[3 + 2 * i] = (byte) (registers[i] >>> 8);
            frame[4 + 2 * i] = (byte) registers[i];
        }
        Crc16.append(frame, frame.length - 2);
        return frame;
    }

    /** Records what a decoder finds. */
    static final class Recorder implements RtuResponseDecoder.Sink {
        final List<RtuResponse> frames = new ArrayList<>();
        int checksumErrors;
        int resyncs;

        @Override
        public void frame(RtuResponse response) {
            frames.add(response);
        }

        @Override
        public void checksumError() {
            checksumErrors++;
        }

        @Override
        public void resync() {
            resyncs++;
        }
    }
}
