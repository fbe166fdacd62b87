package io.upwell.devices.example.internal;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * TEMPORARY: a copy of the magnetic cup driver's test helper, until the conformance kit offers its own
 * pseudo-terminal helper; then this file goes and the tests use the kit's. Out of this repository, use
 * the kit's helper (or this one) as it is.
 * <p>
 * A pair of connected pseudo-terminals made by socat, as a serial cable between the driver ({@link #host()})
 * and the emulated device ({@link #device()}). {@link #kill()} ends socat, as an unplugged cable;
 * {@link #restart()} makes a new pair at the same links, new terminals behind them.
 * <p>
 * The tests need socat (Debian's package {@code socat}); without it they fail, saying so, rather than
 * skip: a skipped conformance run reads like a passed one in a summary.
 */
final class TemporarySocat implements AutoCloseable {
    private final Path host;
    private final Path device;
    private final Path log;
    private Process process;

    private TemporarySocat(Path dir) {
        this.host = dir.resolve("host");
        this.device = dir.resolve("device");
        this.log = dir.resolve("socat.log");
    }

    /** Starts socat with its links {@code dir/host} and {@code dir/device} and returns once both exist. */
    static TemporarySocat start(Path dir) {
        TemporarySocat socat = new TemporarySocat(dir);
        socat.launch();
        return socat;
    }

    /** The driver's end. */
    String host() {
        return host.toString();
    }

    /** The emulator's end. */
    String device() {
        return device.toString();
    }

    /** Ends socat and waits until it has gone; both terminals go with it. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while ending socat", e);
        }
        process = null;
    }

    /** Ends socat if it runs and starts a new one on the same links. */
    synchronized void restart() {
        kill();
        launch();
    }

    @Override
    public void close() {
        kill();
    }

    private synchronized void launch() {
        try {
            // socat removes its links when it ends; a stale one (socat killed hard) would stop it making them.
            Files.deleteIfExists(host);
            Files.deleteIfExists(device);
            process = new ProcessBuilder(List.of("socat", "-d", "-d", "pty,raw,echo=0,link=" + host,
                    "pty,raw,echo=0,link=" + device))
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new AssertionError("cannot start socat (" + e.getMessage() + "): the serial tests need it to make a "
                    + "pseudo-terminal pair; install Debian's package socat (apt-get install socat)", e);
        }
        Process started = process;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (started.isAlive() && !(exists(host) && exists(device))) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("socat made no links " + host + " and " + device + " within 20 s; " + describe());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        if (!started.isAlive()) {
            throw new AssertionError("socat ended at once with exit code " + started.exitValue() + "; " + describe());
        }
    }

    private static boolean exists(Path link) {
        return Files.exists(link) && Files.exists(link, LinkOption.NOFOLLOW_LINKS);
    }

    private String describe() {
        String output;
        try {
            output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
        } catch (IOException e) {
            output = "(its log cannot be read: " + e + ")";
        }
        return "socat's output:\n" + output;
    }
}
