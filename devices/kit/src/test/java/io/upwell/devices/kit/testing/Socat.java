package io.upwell.devices.kit.testing;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A pair of connected pseudo-terminals made by socat, as a real serial cable between two ports:
 * what is written to one end is read at the other. Each end is reached through a link socat makes
 * ({@link #a()}, {@link #b()}); jSerialComm does not list pseudo-terminals, so they are opened by path.
 * <p>
 * {@link #kill()} ends socat (its terminals go away, as an unplugged adapter), {@link #restart()}
 * makes a new pair at the same links (new device nodes behind them). The tests need socat (Debian's
 * package {@code socat}); without it they fail, saying so, rather than pass untested.
 */
public final class Socat implements AutoCloseable {
    private final Path a;
    private final Path b;
    private final Path log;
    private Process process;

    private Socat(Path dir) {
        this.a = dir.resolve("a");
        this.b = dir.resolve("b");
        this.log = dir.resolve("socat.log");
    }

    /** Starts socat with its links {@code dir/a} and {@code dir/b} and returns once both exist. */
    public static Socat start(Path dir) {
        Socat socat = new Socat(dir);
        socat.launch();
        return socat;
    }

    /** One end's link. */
    public Path a() {
        return a;
    }

    /** The other end's link. */
    public Path b() {
        return b;
    }

    /** The device node {@link #a()} leads to now. */
    public String nodeOfA() {
        try {
            return a.toRealPath().toString();
        } catch (IOException e) {
            throw new AssertionError("socat's link " + a + " leads nowhere: " + e, e);
        }
    }

    /** Ends socat and waits until it has gone; both terminals go with it. */
    public void kill() {
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
    public void restart() {
        kill();
        launch();
    }

    @Override
    public void close() {
        kill();
    }

    private void launch() {
        try {
            // socat removes its links when it ends; a stale one (socat killed hard) would stop it making them.
            Files.deleteIfExists(a);
            Files.deleteIfExists(b);
            process = new ProcessBuilder(List.of("socat", "-d", "-d", "pty,raw,echo=0,link=" + a,
                    "pty,raw,echo=0,link=" + b))
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new AssertionError("cannot start socat (" + e.getMessage() + "): the serial tests need it; "
                    + "install Debian's package socat (apt-get install socat)", e);
        }
        Await.until("socat's links " + a + " and " + b,
                () -> !process.isAlive() || (exists(a) && exists(b)), this::describe);
        if (!process.isAlive()) {
            throw new AssertionError("socat ended at once with exit code " + process.exitValue() + "; " + describe());
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
        return "socat " + (process != null && process.isAlive() ? "runs" : "does not run") + "; its output:\n" + output;
    }
}
