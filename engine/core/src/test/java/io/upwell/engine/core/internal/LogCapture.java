package io.upwell.engine.core.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the engine logs, as people read it: slf4j-simple writes each line to {@code System.err} as
 * it is at that moment, so the test puts its own stream there for a while. The launcher reads these
 * lines too (its log notices), which makes the level and the wording part of the behaviour.
 */
public final class LogCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    public LogCapture() {
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    /** Everything logged since the capture began. */
    public synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** True once a line holds every part. */
    public boolean hasLine(String... parts) {
        for (String line : text().split("\n")) {
            boolean all = true;
            for (String part : parts) {
                all &= line.contains(part);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        System.setErr(original);
        original.print(text());
    }
}
