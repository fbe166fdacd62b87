package io.upwell.launcher.app.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows the log file (see {@link LaunchActivator}) and hands each WARN or ERROR entry to the
 * console as one line: the full entry, stack trace included, stays in the file. Runs on its own
 * daemon thread until closed.
 */
final class LogNotices implements AutoCloseable {

    /** slf4j-simple's layout: {@code <date time> [<thread>] <LEVEL> <logger> - <message>}. */
    private static final Pattern ENTRY = Pattern.compile("^.*?\\[[^\\]]*\\] (WARN|ERROR) (\\S+) - (.*)$");
    private static final long POLL_NANOS = Duration.ofMillis(100).toNanos();

    private final Path file;
    private final Consumer<String> console;
    private final Thread thread;
    private volatile boolean closed;

    private LogNotices(Path file, Consumer<String> console) {
        this.file = file;
        this.console = console;
        this.thread = new Thread(this::follow, "upwell-log-notices");
        thread.setDaemon(true);
    }

    /** Starts following {@code file} from its beginning. */
    static LogNotices follow(Path file, Consumer<String> console) {
        LogNotices notices = new LogNotices(file, console);
        notices.thread.start();
        return notices;
    }

    /** Follows this run's log file when there is one ({@link LaunchActivator#LOG_PATH_PROPERTY}). */
    static Optional<LogNotices> followRunLog(Consumer<String> console) {
        String path = System.getProperty(LaunchActivator.LOG_PATH_PROPERTY);
        return path == null ? Optional.empty() : Optional.of(follow(Path.of(path), console));
    }

    /** The console line for a log line: {@code [WARN] <message> (<logger's simple name>)}; empty for anything else. */
    static Optional<String> notice(String logLine) {
        Matcher entry = ENTRY.matcher(logLine);
        if (!entry.matches()) {
            return Optional.empty();
        }
        String logger = entry.group(2);
        return Optional.of("[" + entry.group(1) + "] " + entry.group(3) + " ("
                + logger.substring(logger.lastIndexOf('.') + 1) + ")");
    }

    private void follow() {
        long position = 0;
        byte[] pending = new byte[0];
        byte[] buffer = new byte[8192];
        while (!closed) {
            try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
                if (log.length() < position) {
                    position = 0; // truncated: a new file
                    pending = new byte[0];
                }
                log.seek(position);
                ByteArrayOutputStream fresh = new ByteArrayOutputStream();
                fresh.write(pending);
                int read;
                while ((read = log.read(buffer)) > 0) {
                    fresh.write(buffer, 0, read);
                    position += read;
                }
                byte[] bytes = fresh.toByteArray();
                int end = bytes.length;
                while (end > 0 && bytes[end - 1] != '\n') {
                    end--;
                }
                // Only whole lines are decoded: a read may stop inside a line, or inside a UTF-8 sequence.
                pending = Arrays.copyOfRange(bytes, end, bytes.length);
                new String(bytes, 0, end, StandardCharsets.UTF_8).lines()
                        .forEach(line -> notice(line).ifPresent(console));
            } catch (IOException e) {
                // not there yet, or gone: look again at the next poll
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
