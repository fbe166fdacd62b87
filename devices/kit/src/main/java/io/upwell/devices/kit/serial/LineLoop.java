package io.upwell.devices.kit.serial;

import io.upwell.devices.kit.BackOff;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The reading half of a line, on its own thread: open (resolving the path afresh), read and hand
 * each chunk on, notice the loss, close, wait out the back-off, open again; until the line closes.
 * <p>
 * A loss is any of: a read that fails (jSerialComm answers -1 once the device or the other end of a
 * pseudo-terminal is gone), the configured path gone, the path leading to another node than the one
 * opened (the device came back as another node: the open one is stale), or a restart the line's
 * user asked for. The path is looked at every {@value #PATH_CHECK_MILLIS} ms, between reads.
 */
final class LineLoop implements Runnable {
    static final long PATH_CHECK_MILLIS = 250;
    private static final int BUFFER_BYTES = 4096;

    private final SerialLine line;
    private final SerialSettings settings;
    private final LineCounters counters;
    private final BackOff backOff;
    private final long healthyNanos;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private long generation;

    LineLoop(SerialLine line, LineOptions options) {
        this.line = line;
        this.settings = line.settings();
        this.counters = line.counters();
        this.backOff = new BackOff(options.backOffFirst(), options.backOffMax());
        this.healthyNanos = options.backOffMax().toNanos();
    }

    @Override
    public void run() {
        int failedOpens = 0;
        while (!line.isClosing()) {
            line.changeState(LineState.OPENING, failedOpens == 0 ? "opening " + settings
                    : "opening " + settings + " (attempt " + (failedOpens + 1) + ")");
            OpenPort port;
            try {
                port = PortOpener.open(settings, ++generation);
            } catch (SerialLineException e) {
                failedOpens++;
                if (waitBackOff(e.getMessage())) {
                    break;
                }
                continue;
            }
            failedOpens = 0;
            long openedAt = System.nanoTime();
            line.opened(port);
            String lost = readUntilLost(port);
            line.lost(port);
            if (lost == null) {
                break;
            }
            counters.countLoss();
            // A line that stayed up a while was healthy: its loss starts the back-off afresh. One lost
            // at once (a device refused at its handshake, say) keeps doubling it.
            if (System.nanoTime() - openedAt >= healthyNanos) {
                backOff.reset();
            }
            if (waitBackOff(lost)) {
                break;
            }
        }
        line.changeState(LineState.CLOSED, "closed");
    }

    /** Reads until the line is lost (returns why) or closing (returns null). */
    private String readUntilLost(OpenPort port) {
        long pathCheckPeriod = TimeUnit.MILLISECONDS.toNanos(PATH_CHECK_MILLIS);
        long nextPathCheck = System.nanoTime() + pathCheckPeriod;
        String where = PortOpener.describe(Path.of(settings.path()), Path.of(port.device()));
        while (true) {
            if (line.isClosing()) {
                return null;
            }
            String restart = line.takeRestartReason();
            if (restart != null) {
                return restart;
            }
            int read = port.port().readBytes(buffer, buffer.length);
            if (read < 0) {
                return "lost " + where + ": a read failed (the device went away or its line was cut)";
            }
            if (read > 0) {
                counters.addReceived(read);
                line.deliver(buffer, read);
            }
            if (System.nanoTime() - nextPathCheck >= 0) {
                nextPathCheck = System.nanoTime() + pathCheckPeriod;
                String moved = checkPath(port.device());
                if (moved != null) {
                    return moved;
                }
            }
        }
    }

    /** Null while the configured path still leads to the node that is open; otherwise what changed. */
    private String checkPath(String device) {
        Path path = Path.of(settings.path());
        try {
            String now = path.toRealPath().toString();
            return now.equals(device) ? null
                    : "lost " + path + ": it now leads to " + now + ", no longer to " + device + " that was open";
        } catch (NoSuchFileException e) {
            return "lost " + path + " (" + device + "): the path vanished";
        } catch (IOException e) {
            return "lost " + path + " (" + device + "): the path cannot be resolved any more: " + e;
        }
    }

    /** Reports DOWN with the reason and the next attempt's delay, then waits; true when the line closed meanwhile. */
    private boolean waitBackOff(String why) {
        long delay = backOff.nextDelayNanos();
        line.changeState(LineState.DOWN, why + "; next attempt in " + delay(delay));
        return line.awaitClosing(delay);
    }

    /** A delay as people read it: milliseconds below a second, tenths of seconds above. */
    static String delay(long nanos) {
        return nanos < 1_000_000_000L ? TimeUnit.NANOSECONDS.toMillis(nanos) + " ms"
                : String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
