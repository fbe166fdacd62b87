package io.upwell.devices.intervalvacuum;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair made by socat, as a serial cable: the emulated device serves
 * {@link #deviceEnd()}, the driver talks on {@link #hostEnd()}. {@link #kill()} ends socat (both
 * terminals go, as an unplugged cable), {@link #launch()} makes a new pair behind the same links.
 * <p>
 * Without socat these tests fail, saying so, rather than skip: a skipped conformance run reads like a
 * passed one in a summary.
 */
final class Socat implements AutoCloseable {
    private final Path device;
    private final Path host;
    private final Path log;
    private Process process;

    private Socat(Path dir) {
        this.device = dir.resolve("device");
        this.host = dir.resolve("host");
        this.log = dir.resolve("socat.log");
    }

    /** Starts socat with its links in {@code dir} and returns once both exist. */
    static Socat start(Path dir) {
        Socat socat = new Socat(dir);
        socat.launch();
        return socat;
    }

    String deviceEnd() {
        return device.toString();
    }

    String hostEnd() {
        return host.toString();
    }

    /** Starts socat (again) on the same links. */
    void launch() {
        String program = findOnPath("socat");
        try {
            // socat removes its links when it ends; a stale one (socat killed hard) would stop it making them.
            Files.deleteIfExists(device);
            Files.deleteIfExists(host);
            process = new ProcessBuilder(List.of(program, "-d", "-d", "pty,raw,echo=0,link=" + device,
                    "pty,raw,echo=0,link=" + host)).redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new AssertionError("cannot start socat (" + e.getMessage() + "): the serial tests need it", e);
        }
        Process started = process;
        Await.until("socat's links " + device + " and " + host, Duration.ofSeconds(10),
                () -> !started.isAlive() || (exists(device) && exists(host)), this::describe);
        if (!started.isAlive()) {
            throw new AssertionError("socat ended at once with exit code " + started.exitValue() + "; " + describe());
        }
    }

    /** Ends socat and waits until it has gone; both terminals go with it. */
    void kill() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        kill();
    }

    private static boolean exists(Path link) {
        return Files.exists(link) && Files.exists(link, LinkOption.NOFOLLOW_LINKS);
    }

    private static String findOnPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, program);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        throw new AssertionError(program + " was not found on PATH (" + path + "): the interval vacuum driver's serial "
                + "tests need it to make a pseudo-terminal pair (Debian package 'socat'); they fail rather than skip "
                + "without it");
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
