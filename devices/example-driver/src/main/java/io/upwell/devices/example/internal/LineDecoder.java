package io.upwell.devices.example.internal;

import java.nio.charset.StandardCharsets;

/**
 * Cuts the bytes from a serial line into lines and checks each one's frame, whatever size the chunks
 * come in. A line longer than {@link ExampleProtocol#MAX_LINE} is garbage (a lost LF, noise): it is
 * skipped up to the next LF, which is where the stream is in step again. Never throws on any input.
 * <p>
 * Not thread-safe: the line's reader thread owns it (the driver's {@code decode} and {@code lineOpened}
 * run there).
 */
final class LineDecoder {

    /** What the decoder found. */
    interface Sink {
        /** A line whose frame and checksum are right: its body. */
        void line(String body);

        /** A line that is not framed as {@code <body>*<XX>}, or whose checksum is wrong. */
        void badLine();

        /** An over-long line was skipped up to the next LF. */
        void skipped();
    }

    private final Sink sink;
    private final byte[] line = new byte[ExampleProtocol.MAX_LINE + 1]; // room for a CR before the LF
    private int length;
    private boolean overlong;

    LineDecoder(Sink sink) {
        this.sink = sink;
    }

    void feed(byte[] buffer, int count) {
        for (int i = 0; i < count; i++) {
            byte b = buffer[i];
            if (b == '\n') {
                endOfLine();
            } else if (overlong) {
                continue; // skipping to the next LF
            } else if (length == line.length) {
                overlong = true;
            } else {
                line[length++] = b;
            }
        }
    }

    /** Forgets a half-read line: after the line was reopened, its start belongs to a gone opening. */
    void reset() {
        length = 0;
        overlong = false;
    }

    private void endOfLine() {
        if (overlong) {
            sink.skipped();
        } else {
            int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
            if (end > 0) { // an empty line (a lone LF) is no message and no error
                String body = ExampleProtocol.unframe(new String(line, 0, end, StandardCharsets.ISO_8859_1));
                if (body == null) {
                    sink.badLine();
                } else {
                    sink.line(body);
                }
            }
        }
        reset();
    }
}
