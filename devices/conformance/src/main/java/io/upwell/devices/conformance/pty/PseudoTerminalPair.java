package io.upwell.devices.conformance.pty;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Two connected pseudo-terminals made by socat: a serial cable in software. What is written to one
 * end is read at the other, byte for byte ({@code raw,echo=0}). A driver under test opens the
 * {@linkplain #hostEnd() host end}, the device (an emulator, a test's fake) the
 * {@linkplain #deviceEnd() device end}. Both are symbolic links socat makes to the terminals' device
 * nodes; jSerialComm does not list pseudo-terminals, so open them by path.
 * <p>
 * {@link #unplug()} ends socat: both terminals disappear and so do the links, as a USB adapter's
 * device node does when it is pulled; whoever had an end open sees its line fail. {@link #replug()}
 * starts socat again on the same links, with new terminals behind them, as the adapter plugged in
 * again: code that finds its port by path finds the new one, code that kept a handle does not.
 * <p>
 * Every method returns once what it did is done (links there or gone, socat running or ended); none
 * guesses with a sleep. Without socat on the {@code PATH}, {@link #start} fails saying so (and how to
 * install it) rather than letting a test pass untested.
 */
public final class PseudoTerminalPair implements AutoCloseable {

    /** How long socat may take to make its links, or to end: far more than it takes on a loaded machine. */
    public static final Duration DEADLINE = Duration.ofSeconds(20);
    /** What socat prints at {@code -d -d} once both ends are set up and it starts moving data. */
    static final String TRANSFER_LOOP = "starting data transfer loop";
    /** How often a wait looks again. */
    private static final long LOOK_AGAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final String socat;
    private final Path host;
    private final Path device;
    private final Path log;
    private Process process;

    private PseudoTerminalPair(String socat, Path host, Path device, Path log) {
        this.socat = socat;
        this.host = host;
        this.device = device;
        this.log = log;
    }

    /**
     * Starts socat with its links {@code dir/host} and {@code dir/device} (its output in
     * {@code dir/socat.log}; {@code dir} is made if missing) and returns once both lead to a terminal.
     *
     * @throws IllegalStateException when socat is not installed, ends at once, or makes no links in time
     */
    public static PseudoTerminalPair start(Path dir) {
        return start(dir.resolve("host"), dir.resolve("device"));
    }

    /**
     * Starts socat with the given links (its output in {@code socat.log} beside the host link) and
     * returns once both lead to a terminal. Missing folders are made; a link left from before is replaced.
     *
     * @throws IllegalStateException when socat is not installed, ends at once, or makes no links in time
     */
    public static PseudoTerminalPair start(Path hostLink, Path deviceLink) {
        if (hostLink.equals(deviceLink)) {
            throw new IllegalArgumentException("the two ends of a pseudo-terminal pair need two links, both are " + hostLink);
        }
        Path parent = hostLink.toAbsolutePath().getParent();
        for (Path folder : List.of(parent, deviceLink.toAbsolutePath().getParent())) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new IllegalStateException("cannot make the folder " + folder + " for the pseudo-terminal links: " + e, e);
            }
        }
        PseudoTerminalPair pair = new PseudoTerminalPair(findSocat(System.getenv().getOrDefault("PATH", "")), hostLink, deviceLink, parent.resolve("socat.log"));
        pair.plugIn();
        return pair;
    }

    /** The link to the end a driver under test opens. */
    public Path hostEnd() {
        return host;
    }

    /** The link to the end the device (an emulator) opens. */
    public Path deviceEnd() {
        return device;
    }

    /** The terminal {@link #hostEnd()} leads to now (a new one after each {@link #replug()}). */
    public String hostNode() {
        return node(host);
    }

    /** The terminal {@link #deviceEnd()} leads to now (a new one after each {@link #replug()}). */
    public String deviceNode() {
        return node(device);
    }

    /** True while socat runs, between {@link #start} or {@link #replug()} and {@link #unplug()}. */
    public synchronized boolean isPlugged() {
        return process != null && process.isAlive();
    }

    /**
     * Ends socat, as a cable pulled out, and returns once it has ended and both links are gone. Does
     * nothing when already unplugged.
     */
    public synchronized void unplug() {
        if (process == null) {
            return;
        }
        Process ending = process;
        process = null;
        ending.destroy();
        try {
            if (!ending.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                ending.destroyForcibly().waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            ending.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ending socat for " + host + " and " + device, e);
        }
        // socat removes its links as it ends; if it was ended hard they stay, leading to terminal
        // numbers the system may hand to someone else, so they go here.
        deleteLinks();
    }

    /**
     * Starts socat again on the same links, as a cable plugged in again, and returns once both lead to
     * the new terminals. A pair still plugged in is unplugged first.
     *
     * @throws IllegalStateException when socat ends at once or makes no links in time
     */
    public synchronized void replug() {
        unplug();
        plugIn();
    }

    /** What socat has printed so far ({@code -d -d}: the terminals it made, why it ended), for failure messages. */
    public String socatOutput() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(socat printed nothing)";
        } catch (IOException e) {
            return "(socat's log " + log + " cannot be read: " + e + ")";
        }
    }

    /** Unplugs: socat ends and the links go. */
    @Override
    public void close() {
        unplug();
    }

    @Override
    public String toString() {
        return "pseudo-terminal pair " + host + " <-> " + device + (isPlugged() ? "" : " (unplugged)");
    }

    private synchronized void plugIn() {
        deleteLinks(); // a stale link would stop socat from making its own
        long loopsBefore = transferLoops();
        Process started;
        try {
            started = new ProcessBuilder(List.of(socat, "-d", "-d", "pty,raw,echo=0,link=" + host,
                    "pty,raw,echo=0,link=" + device))
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + socat + " for the pseudo-terminal pair " + host + " and "
                    + device + ": " + e.getMessage(), e);
        }
        process = started;
        // Both links, and socat past setting up both terminals: it makes a link before it sets that
        // terminal raw, and a peer that writes into a terminal socat is still setting up can leave both
        // waiting for each other in the kernel (socat in tcsetattr, the writer blocked with the write lock).
        boolean ready = await(() -> !started.isAlive()
                || (leadsToTerminal(host) && leadsToTerminal(device) && transferLoops() > loopsBefore));
        if (!started.isAlive()) {
            process = null;
            deleteLinks();
            throw new IllegalStateException("socat ended at once (exit code " + started.exitValue() + ") instead of making "
                    + host + " and " + device + "; " + socatOutput());
        }
        if (!ready) {
            unplug();
            throw new IllegalStateException("socat did not make its links " + host + " and " + device
                    + " and start moving data within " + DEADLINE.toSeconds() + " s; " + socatOutput());
        }
    }

    /** How many times socat has said (at {@code -d -d}) that it starts moving data: once per plugging in. */
    private long transferLoops() {
        try {
            if (!Files.exists(log)) {
                return 0;
            }
            try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                return lines.filter(line -> line.contains(TRANSFER_LOOP)).count();
            }
        } catch (IOException | UncheckedIOException e) {
            return 0; // being written; looked at again
        }
    }

    private void deleteLinks() {
        try {
            Files.deleteIfExists(host);
            Files.deleteIfExists(device);
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove the pseudo-terminal links " + host + " and " + device + ": " + e, e);
        }
    }

    /** The link exists and the terminal behind it too (socat makes the terminal, then the link). */
    private static boolean leadsToTerminal(Path link) {
        return Files.isSymbolicLink(link) && Files.exists(link);
    }

    private static boolean await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(LOOK_AGAIN_NANOS);
        }
        return true;
    }

    private static String node(Path link) {
        try {
            return link.toRealPath().toString();
        } catch (IOException e) {
            throw new IllegalStateException("the link " + link + " leads to no terminal (unplugged?): " + e, e);
        }
    }

    /** The socat on {@code path} (a PATH value), or a failure that says how to install it. */
    static String findSocat(String path) {
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir.isEmpty() ? "." : dir, "socat");
            if (candidate.isFile() && candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        throw new IllegalStateException("socat was not found on the PATH (" + path + "): pseudo-terminal pairs are made "
                + "with it, and the serial tests need them. Install it (on Debian and Ubuntu: apt-get install socat; "
                + "the package is called socat elsewhere too)");
    }
}
