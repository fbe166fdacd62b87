package io.upwell.launcher.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code java -jar upwell.jar demo --port ...} against the emulator on the other end of a real socat
 * pseudo-terminal pair (socat is needed: without it these tests fail), each jar in its own working
 * directory so that each has its own data: a whole session for each driver, and the emulator killed
 * mid-session and started again.
 */
class DemoPortJarIT {

    private static final Map<String, String> C_LOCALE = Map.of("LANG", "C", "LC_ALL", "C");
    /** How long a step of a session may take on a loaded machine before the test gives up; no timing is asserted. */
    private static final Duration STEP_BOUND = Duration.ofSeconds(90);
    /** A line of progress for cup 0 in its hold. */
    private static final Pattern HOLDING = Pattern.compile("(?m)^\\[\\s*\\d+ s\\] cup 0 .* hold$");

    @TempDir
    Path directory;

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable process : started) {
            process.close();
        }
    }

    /** The device id the demo gives each driver's device. */
    private static String deviceId(String driver) {
        return driver.equals("interval-vacuum") ? "iv-1" : "mc-1";
    }

    /** A pseudo-terminal pair from socat, as EmulateJarIT makes it: {@code [device end, host end]}. */
    private Path[] ptyPair() throws IOException {
        Path device = directory.resolve("device");
        Path host = directory.resolve("host");
        Process socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + device,
                "pty,raw,echo=0,link=" + host).redirectErrorStream(true)
                .redirectOutput(directory.resolve("socat.log").toFile()).start();
        started.add(socat::destroyForcibly);
        Await.until("socat's pseudo-terminals " + device + " and " + host, () -> Files.exists(device)
                && Files.exists(host));
        return new Path[] { device, host };
    }

    private LaunchedJar launch(String name, String... arguments) throws IOException {
        LaunchedJar jar = LaunchedJar.start(Files.createDirectories(directory.resolve(name)), C_LOCALE, arguments);
        started.add(jar);
        return jar;
    }

    private LaunchedJar emulator(String name, Path device, String model) throws IOException {
        LaunchedJar emulator = launch(name, "emulate", "--port", device.toString(), "--model", model);
        emulator.awaitOutput("the emulator's greeting", "emulating " + model + " on " + device);
        return emulator;
    }

    private static void awaitOutput(LaunchedJar run, String what, Pattern expected) {
        Await.value("standard output to show " + what, STEP_BOUND, run::stdout, text -> expected.matcher(text).find(),
                text -> "\n--- stdout ---\n" + text + "\n--- stderr ---\n" + run.stderr());
    }

    private static void awaitOutput(LaunchedJar run, String what, String expected) {
        awaitOutput(run, what, Pattern.compile(Pattern.quote(expected)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "interval-vacuum", "magnetic-cups" })
    void aWholeSessionRunsOnTheEmulatorOverAPseudoTerminal(String driver) throws Exception {
        Path[] pair = ptyPair();
        LaunchedJar emulator = emulator("emulator", pair[0], driver);

        LaunchedJar demo = launch("demo", "demo", "--port", pair[1].toString(), "--driver", driver);
        int exit = demo.awaitExit(); // first: the messages below read what it printed
        String out = demo.stdout();

        assertEquals(0, exit, "exit code; stdout:\n" + out + "\nstderr:\n" + demo.stderr());
        String id = deviceId(driver);
        assertTrue(out.contains("demo: device " + id + " on " + pair[1] + " through the " + driver + " driver"), out);
        assertTrue(out.contains("Screening: Demo client (demo-client), screened by demo: nothing found"), out);
        assertTrue(out.contains(driver.equals("interval-vacuum")
                ? "Upwell demo: static cupping on iv-1, 4 cups at 40 kPa (one level for every cup: they share one pump)"
                : "Upwell demo: static cupping on mc-1, 4 cups at 40 kPa (cup 3: 30 kPa)"), out);
        assertTrue(HOLDING.matcher(out).find(), "live lines of the hold:\n" + out);
        assertTrue(Pattern.compile("(?m)^\\[\\s*\\d+ s\\] cup 3  shoulder/right .* release$").matcher(out).find(),
                "live lines of the release:\n" + out);
        assertTrue(out.contains("Alarms: none"), out);
        assertTrue(out.contains("Result: the session ended normally."), out);
        assertFalse(Files.exists(demo.dataDirectory().resolve("latch.json")), "nothing latched");
        emulator.type("exit");
        assertEquals(0, emulator.awaitExit(), emulator.stderr());
    }

    /**
     * SR-09 over a real line: the emulator is killed in the hold; the demo reports the loss with every
     * cup vented and the session paused, the emulator comes back on the same pseudo-terminal, the engine
     * reconnects it and the session is not resumed: the demo stops it, and its journal shows no
     * {@code RUNNING} and no vacuum commanded after the pause.
     */
    @Tag("SR-09")
    @ParameterizedTest
    @ValueSource(strings = { "interval-vacuum", "magnetic-cups" })
    void theEmulatorKilledMidSessionPausesVentedAndItsReturnReconnectsWithoutResuming(String driver)
            throws Exception {
        String id = deviceId(driver);
        Path[] pair = ptyPair();
        LaunchedJar first = emulator("emulator", pair[0], driver);
        LaunchedJar demo = launch("demo", "demo", "--port", pair[1].toString(), "--driver", driver,
                "--reconnect-wait", "120");
        awaitOutput(demo, "cup 0 in its hold", HOLDING);

        first.close(); // SIGKILL: the device is gone without a word
        first.awaitExit();
        awaitOutput(demo, "the loss", "device " + id + " lost: session paused, every cup vented (");
        awaitOutput(demo, "the wait for the device", "demo: waiting up to 120 s for device " + id + " to come back;"
                + " the session stays paused");

        LaunchedJar again = emulator("emulator-again", pair[0], driver);
        awaitOutput(demo, "the reconnect", "device " + id + " is back: the engine reconnected it (READY");
        int exit = demo.awaitExit(); // first: the messages below read what it printed
        String out = demo.stdout();

        assertEquals(1, exit, "exit code; stdout:\n" + out + "\nstderr:\n" + demo.stderr());
        assertTrue(out.contains("the session stays paused until an operator acknowledges the fault, and the demo never"
                + " acknowledges or resumes"), out);
        assertTrue(out.contains("demo: stopping the paused session"), out);
        // The engine notices the silence (DEVICE_SILENT, SR-08) or the driver reports the line lost
        // (DEVICE_LOST), whichever comes first; either pauses the session vented and latches.
        assertTrue(Pattern.compile("(?m)^Result: the session did not end normally: device " + id + " was lost"
                + " mid-session \\(DEVICE_(LOST|SILENT), SR-0[89]: .*the engine reconnected it and did not resume.*"
                + "\\(ENDED: stopped by demo\\)\\.$").matcher(out).find(), "the result names the loss:\n" + out);
        assertTrue(Pattern.compile("(?m)^  HIGH DEVICE_(LOST|SILENT) \\(SR-0[89]\\) at " + id + ": ").matcher(out)
                .find(), "the alarm in the summary:\n" + out);
        assertTrue(Files.exists(demo.dataDirectory().resolve("latch.json")), "the fault stays latched");

        assertNeverRunningAgain(journal(demo));
        again.type("exit");
        assertEquals(0, again.awaitExit(), again.stderr());
    }

    /**
     * SIGTERM (what Ctrl-C does too) mid-session stops in order: the engine ends the session as aborted and
     * journals its stop; the serial port is not closed under the driver first (jSerialComm's own shutdown
     * would), so no lost device is reported and nothing stays latched for the next session.
     */
    @Test
    void sigtermStopsTheSessionInOrderAndLeavesNothingLatched() throws Exception {
        Path[] pair = ptyPair();
        LaunchedJar emulator = emulator("emulator", pair[0], "magnetic-cups");
        LaunchedJar demo = launch("demo", "demo", "--port", pair[1].toString(), "--driver", "magnetic-cups");
        awaitOutput(demo, "cup 0 in its hold", HOLDING);

        demo.terminate();

        assertEquals(143, demo.awaitExit(), "the JVM's exit code for SIGTERM; stderr: " + demo.stderr());
        String out = demo.stdout();
        assertTrue(out.contains("Result: the session did not end normally (ABORTED: the engine stopped)."), out);
        assertTrue(out.contains("Alarms: none"), out);
        assertFalse(out.contains("lost"), out);
        assertFalse(Files.exists(demo.dataDirectory().resolve("latch.json")), "nothing latched for the next session");
        List<String> engine = Files.readAllLines(demo.dataDirectory().resolve("engine.jsonl"));
        assertTrue(engine.get(engine.size() - 1).contains("\"type\":\"engine-stop\""), engine.toString());
        emulator.type("exit");
        assertEquals(0, emulator.awaitExit(), emulator.stderr());
    }

    /** The session's journal shows it paused, never running again, and stopped; nothing commanded after the pause. */
    private static void assertNeverRunningAgain(List<JsonObject> records) {
        List<String> states = new ArrayList<>();
        Instant paused = null;
        for (JsonObject record : records) {
            if (record.get("type").getAsString().equals("state")) {
                String to = record.get("to").getAsString();
                states.add(to);
                if (to.equals("PAUSED") && paused == null) {
                    paused = Instant.parse(record.get("time").getAsString());
                }
            }
        }
        assertEquals(List.of("READY", "RUNNING", "PAUSED", "STOPPING", "ENDED"), states, "the session's states");
        // Samples are timed to the millisecond and written apart from state records: allow five control
        // periods of ordering around the pause, then every cup must be commanded ambient.
        Instant settled = paused.plusMillis(100);
        long after = 0;
        for (JsonObject record : records) {
            if (record.get("type").getAsString().equals("sample")
                    && Instant.parse(record.get("time").getAsString()).isAfter(settled)) {
                after++;
                assertEquals(0.0, record.get("cmd").getAsDouble(), "vacuum commanded after the pause: " + record);
            }
        }
        assertTrue(after > 0, "samples were journaled while the session stayed paused");
    }

    private static List<Path> sessionJournals(LaunchedJar run) throws IOException {
        Path sessions = run.dataDirectory().resolve("sessions");
        if (!Files.isDirectory(sessions)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(sessions)) {
            return listed.filter(file -> file.toString().endsWith(".jsonl")).toList();
        }
    }

    private static List<JsonObject> journal(LaunchedJar run) throws IOException {
        List<Path> files = sessionJournals(run);
        assertEquals(1, files.size(), "one session journal: " + files);
        List<JsonObject> records = new ArrayList<>();
        for (String line : Files.readAllLines(files.get(0))) {
            if (!line.isBlank()) {
                records.add(JsonParser.parseString(line).getAsJsonObject());
            }
        }
        return records;
    }

    @Test
    void aPortThatDoesNotExistIsNamedInOneLineAndNothingWaits() throws Exception {
        Path missing = directory.resolve("no-such-port");
        LaunchedJar demo = launch("missing", "demo", "--port", missing.toString(), "--driver", "magnetic-cups");
        assertEquals(2, demo.awaitExit(), "exit code USAGE; stderr: " + demo.stderr());
        assertEquals("upwell: demo: --port " + missing + " does not exist (is the device plugged in, or the program"
                + " that makes the pseudo-terminal, such as socat, running?)", demo.stderr().strip());
        assertTrue(sessionJournals(demo).isEmpty(), "no session was tried");
    }

    @Test
    void anUnknownDriverAndAMissingPortAreUsageErrors() throws Exception {
        LaunchedJar unknown = launch("unknown", "demo", "--port", "/dev/null", "--driver", "espresso");
        assertEquals(2, unknown.awaitExit());
        assertEquals("upwell: demo: unknown --driver 'espresso'; drivers: interval-vacuum, magnetic-cups",
                unknown.stderr().strip());

        LaunchedJar noPort = launch("no-port", "demo", "--driver", "interval-vacuum");
        assertEquals(2, noPort.awaitExit());
        assertTrue(noPort.stderr().startsWith("upwell: demo: --port PATH is required"), noPort.stderr());
    }

    /** A value the driver's own check refuses is named with the driver's words, at once, not after a wait. */
    @Test
    void aConfigurationTheDriverRefusesIsAUsageErrorInTheDriversWords() throws Exception {
        LaunchedJar demo = launch("refused", "demo", "--port", "/dev/null", "--driver", "interval-vacuum", "--baud", "5");
        assertEquals(2, demo.awaitExit(), "stdout: " + demo.stdout() + "\nstderr: " + demo.stderr());
        assertTrue(demo.stdout().contains("demo: the interval-vacuum driver refused device iv-1 (configuration"
                + " io.upwell.devices.intervalvacuum~demo): baud must be 300 to 1000000, got 5"), demo.stdout());
    }
}
