package io.upwell.devices.emulator;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair made by socat: what one end writes the other reads, like the two ends of a
 * serial cable. The emulator opens {@link #deviceEnd()}, the test's Modbus master {@link #hostEnd()}.
 * <p>
 * A machine without socat fails these tests rather than skipping them: a skipped round trip looks
 * like a passed one in a summary, and the register map would go unchecked on the wire.
 */
final class PtyPair implements AutoCloseable {
    private final Process socat;
    private final Path device;
    private final Path host;
    private final Path log;

    private PtyPair(Process socat, Path device, Path host, Path log) {
        this.socat = socat;
        this.device = device;
        this.host = host;
        this.log = log;
    }

    /** Starts socat with both links in {@code dir} and waits (bounded) until both exist. */
    static PtyPair open(Path dir) throws IOException {
        String socat = findOnPath("socat");
        Path device = dir.resolve("device");
        Path host = dir.resolve("host");
        Path log = dir.resolve("socat.log");
        Process process = new ProcessBuilder(socat, "-d", "-d", "pty,raw,echo=0,link=" + device,
                "pty,raw,echo=0,link=" + host).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PtyPair pair = new PtyPair(process, device, host, log);
        try {
            Await.until("socat's pty links " + device + " and " + host, Duration.ofSeconds(10), () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("socat exited with " + process.exitValue() + ": " + Files.readString(log));
                }
                return Files.exists(device) && Files.exists(host);
            });
        } catch (RuntimeException | Error e) {
            pair.close();
            throw e;
        }
        return pair;
    }

    private static String findOnPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, program);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        throw new AssertionError(program + " was not found on PATH (" + path + "): the serial round-trip tests need it"
                + " to make a pseudo-terminal pair (Debian package 'socat'); they fail rather than skip without it");
    }

    /** The end the emulated device serves. */
    String deviceEnd() {
        return device.toString();
    }

    /** The end the host (the test's Modbus master) talks on. */
    String hostEnd() {
        return host.toString();
    }

    /** What socat printed, for a failure message. */
    String socatLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(socat's log is unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        } catch (InterruptedException e) {
            socat.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
