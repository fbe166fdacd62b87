package io.upwell.launcher.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A therapist at the shell with a real (emulated) device on a serial line: {@code connect} it,
 * {@code screen} the client, {@code start} a session on it. The emulator and the shell are the
 * packaged jar as processes, joined by a socat pseudo-terminal pair; the test waits for output only.
 */
class ConnectShellJarIT {

    private static final Map<String, String> C_LOCALE = Map.of("LANG", "C", "LC_ALL", "C");
    private static final Duration STEP_BOUND = Duration.ofSeconds(90);

    @TempDir
    Path directory;

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable process : started) {
            process.close();
        }
    }

    private LaunchedJar launch(String name, String... arguments) throws IOException {
        LaunchedJar jar = LaunchedJar.start(Files.createDirectories(directory.resolve(name)), C_LOCALE, arguments);
        started.add(jar);
        return jar;
    }

    private static void awaitOutput(LaunchedJar run, String what, Pattern expected) {
        Await.value("standard output to show " + what, STEP_BOUND, run::stdout, text -> expected.matcher(text).find(),
                text -> "\n--- stdout ---\n" + text + "\n--- stderr ---\n" + run.stderr() + "\n--- upwell.log ---\n"
                        + read(run.dataDirectory().resolve("upwell.log")));
    }

    /** SR-14: on a device that is not simulated, the session needs and carries the screening taken in the shell. */
    @Test
    @Tag("SR-14")
    void aSessionRunsOnAConnectedSerialDeviceAfterScreeningInTheShell() throws Exception {
        Path device = directory.resolve("device");
        Path host = directory.resolve("host");
        Process socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + device,
                "pty,raw,echo=0,link=" + host).redirectErrorStream(true)
                .redirectOutput(directory.resolve("socat.log").toFile()).start();
        started.add(socat::destroyForcibly);
        Await.until("socat's pseudo-terminals", () -> Files.exists(device) && Files.exists(host));
        LaunchedJar emulator = launch("emulator", "emulate", "--port", device.toString(), "--model", "magnetic-cups");
        awaitOutput(emulator, "the emulator's greeting", Pattern.compile(Pattern.quote("emulating magnetic-cups")));

        LaunchedJar shell = launch("shell");
        shell.type("start static-cupping mc-7 0 upper-back/left");
        awaitOutput(shell, "a refusal: no such device yet", Pattern.compile("start: .*no device 'mc-7'"));
        shell.type("connect magnetic-cups " + host + " id=mc-7");
        awaitOutput(shell, "the device configured", Pattern.compile(Pattern.quote("device mc-7 configured: magnetic-cups on "
                + host)));
        awaitReady(shell, "mc-7");

        shell.type("start static-cupping mc-7 0,1 upper-back/left,upper-back/right client=c-21 holdSeconds=10");
        awaitOutput(shell, "the refusal without screening", Pattern.compile("no screening given"));
        shell.type("screen c-21");
        shell.type("");          // name
        shell.type("nurse-ana"); // screened by
        shell.type("none");      // conditions
        shell.type("");          // no local findings
        shell.type("");          // no limit
        awaitOutput(shell, "the kept screening", Pattern.compile(Pattern.quote("client=c-21 uses it")));
        shell.type("start static-cupping mc-7 0,1 upper-back/left,upper-back/right client=c-21 holdSeconds=10");
        awaitOutput(shell, "the session's start", Pattern.compile("started session \\S+: static-cupping on mc-7"));
        Path journal = Await.value("the session's journal with a RUNNING state", STEP_BOUND,
                () -> sessionJournal(shell), file -> file != null && read(file).contains("\"to\":\"RUNNING\""),
                file -> String.valueOf(file));
        shell.type("stop");
        Await.value("the session's end in its journal", STEP_BOUND, () -> read(journal),
                text -> text.contains("\"type\":\"session-end\""), text -> text);
        shell.type("disconnect mc-7");
        awaitOutput(shell, "the device disconnected", Pattern.compile("device mc-7 disconnected"));
        shell.endInput();
        assertEquals(0, shell.awaitExit(), shell.stderr());

        String record = read(journal);
        assertTrue(record.contains("\"screenedBy\":\"nurse-ana\""), record);
        assertTrue(record.contains("\"client\":\"c-21\""), record);
        assertTrue(record.contains("\"simulated\":false"), record);
        assertTrue(record.contains("\"state\":\"ENDED\""), record);
        emulator.type("exit");
        emulator.awaitExit();
    }

    /**
     * Asks 'devices' until it lists the device READY; each answer (it always lists the simulator
     * {@code sim-1}) is awaited before the next question.
     */
    private static void awaitReady(LaunchedJar shell, String id) throws IOException {
        Pattern ready = Pattern.compile(Pattern.quote(id) + "\\s+READY");
        long deadline = System.nanoTime() + STEP_BOUND.toNanos();
        while (true) {
            int before = shell.stdout().length();
            shell.type("devices");
            String answer = Await.value("an answer to 'devices'", STEP_BOUND, () -> shell.stdout().substring(before),
                    text -> text.contains("sim-1 "), text -> shell.stdout());
            if (ready.matcher(answer).find()) {
                return;
            }
            assertTrue(System.nanoTime() - deadline < 0, "device " + id + " never READY:\n" + shell.stdout());
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos()); // the asking pace only
        }
    }

    private static Path sessionJournal(LaunchedJar run) {
        Path sessions = run.dataDirectory().resolve("sessions");
        if (!Files.isDirectory(sessions)) {
            return null;
        }
        try (Stream<Path> files = Files.list(sessions)) {
            return files.filter(file -> file.toString().endsWith(".jsonl")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
