package io.upwell.launcher.itest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar upwell.jar ...} as users run it: its own process, working directory and
 * environment, standard output and error captured in files, standard input a pipe.
 */
final class LaunchedJar implements AutoCloseable {

    /** How long a run may take to end; generous, it only decides when a test gives up. */
    static final Duration EXIT_BOUND = Duration.ofSeconds(90);

    private final Process process;
    private final Path directory;
    private final Path out;
    private final Path err;

    private LaunchedJar(Process process, Path directory, Path out, Path err) {
        this.process = process;
        this.directory = directory;
        this.out = out;
        this.err = err;
    }

    /** The jar this build produced (failsafe passes its path). */
    static Path jar() {
        String path = System.getProperty("upwell.itest.jar");
        if (path == null || path.isBlank()) {
            throw new IllegalStateException("system property upwell.itest.jar is not set: run through Maven (failsafe)");
        }
        Path jar = Path.of(path);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no executable jar at " + jar + "; build it in the same reactor"
                    + " (mvn -B -pl launcher/itest -am verify)");
        }
        return jar;
    }

    /** Starts the jar in {@code directory} with {@code environment} added to this process's environment. */
    static LaunchedJar start(Path directory, Map<String, String> environment, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Its temporary files (the framework's storage, a failed run's log) stay in the test's directory.
        Path temporary = Files.createDirectories(directory.resolve("tmp"));
        command.add("-Djava.io.tmpdir=" + temporary);
        command.add("-jar");
        command.add(jar().toString());
        if (arguments.length == 0) {
            // The shell serves HTTP, on 8080 by default: a test's takes a free port, never a developer's engine's.
            command.addAll(List.of("--http-port", "0"));
        }
        command.addAll(List.of(arguments));
        Path out = directory.resolve("stdout.txt");
        Path err = directory.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        return new LaunchedJar(builder.start(), directory, out, err);
    }

    Path directory() {
        return directory;
    }

    Path dataDirectory() {
        return directory.resolve("upwell-data");
    }

    /** Everything written to standard output so far, decoded as UTF-8. */
    String stdout() {
        return read(out);
    }

    String stderr() {
        return read(err);
    }

    /** Types a line into the program's standard input, encoded as UTF-8. */
    void type(String line) throws IOException {
        OutputStream input = process.getOutputStream();
        input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        input.flush();
    }

    /** End of input: what Ctrl-D does at a terminal. */
    void endInput() throws IOException {
        process.getOutputStream().close();
    }

    /**
     * Sends SIGTERM with {@code kill}, as a service manager does. Not {@code Process.destroy}: it also
     * closes the child's standard input, and the shell's end-of-input path (ramp out, then leave) then
     * races the signal's orderly stop, so a test could not tell which one it saw.
     */
    void terminate() {
        try {
            Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -TERM " + process.pid() + " failed with " + kill.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIGTERM", e);
        }
    }

    void awaitOutput(String what, String expected) {
        Await.value("standard output to contain " + what, this::stdout, text -> text.contains(expected),
                text -> "\n--- stdout ---\n" + text + "\n--- stderr ---\n" + stderr());
    }

    /** Waits for standard output to match {@code pattern}; returns its first group. */
    String awaitOutputMatching(String what, java.util.regex.Pattern pattern) {
        String text = Await.value("standard output to contain " + what, this::stdout,
                output -> pattern.matcher(output).find(),
                output -> "\n--- stdout ---\n" + output + "\n--- stderr ---\n" + stderr());
        java.util.regex.Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError(what + " vanished from standard output");
        }
        return matcher.group(1);
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(EXIT_BOUND.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the process did not end within " + EXIT_BOUND.toSeconds() + " s; stdout:\n"
                    + stdout() + "\nstderr:\n" + stderr());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
