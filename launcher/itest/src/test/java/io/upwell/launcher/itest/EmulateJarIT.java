package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code java -jar upwell.jar emulate ...} as a vendor or a tester runs it: a device on a real
 * pseudo-terminal made by socat (which the tests need: without it they fail), answering console
 * lines, ending with the status it is told, and keeping the engine that starts beside it away from
 * a session's data.
 */
public class EmulateJarIT {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder(new java.io.File(System.getProperty("java.io.tmpdir")));

    private Process socat;

    @After
    public void stopSocat() {
        if (socat != null) {
            socat.destroyForcibly();
        }
    }

    /** A pseudo-terminal pair: {@code device} for the emulator, {@code host} for a driver. */
    private Path ptyPair(Path directory) throws IOException {
        Path device = directory.resolve("device");
        Path host = directory.resolve("host");
        socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + device,
                "pty,raw,echo=0,link=" + host).redirectErrorStream(true)
                .redirectOutput(directory.resolve("socat.log").toFile()).start();
        Await.until("socat's pseudo-terminals " + device + " and " + host, () -> Files.exists(device)
                && Files.exists(host));
        return device;
    }

    @Test
    public void anEmulatorOnAPseudoTerminalAnswersTheConsoleAndEndsWithTheStatusItIsGiven() throws Exception {
        Path directory = folder.newFolder("emulate").toPath();
        Path device = ptyPair(directory);
        try (LaunchedJar emulator = LaunchedJar.start(directory, Map.of(), "emulate", "--port", device.toString(),
                "--model", "interval-vacuum", "--channels", "3")) {
            emulator.awaitOutput("the emulator's greeting", "emulating interval-vacuum on " + device);
            emulator.type("status");
            emulator.awaitOutput("its status", "unit 1: pump off");
            emulator.type("corrupt");
            emulator.awaitOutput("the fault applied", "applied: corrupt");
            emulator.type("exit=4");

            assertEquals("stdout: " + emulator.stdout() + "\nstderr: " + emulator.stderr(), 4, emulator.awaitExit());
            assertTrue("the engine beside it kept its data apart",
                    Files.isDirectory(emulator.dataDirectory().resolve("emulator")));
            assertFalse("nothing in a session's data directory",
                    Files.exists(emulator.dataDirectory().resolve("engine.jsonl")));
        }
    }

    @Test
    public void aMagneticCupArrayIsEmulatedOnAPseudoTerminalToo() throws Exception {
        Path directory = folder.newFolder("emulate-mc").toPath();
        Path device = ptyPair(directory);
        try (LaunchedJar emulator = LaunchedJar.start(directory, Map.of(), "emulate", "--port", device.toString(),
                "--model", "magnetic-cups")) {
            emulator.awaitOutput("the emulator's greeting", "emulating magnetic-cups on " + device);
            emulator.type("corrupt");
            emulator.awaitOutput("the fault applied", "applied: corrupt");
            emulator.type("exit=5");

            assertEquals("stdout: " + emulator.stdout() + "\nstderr: " + emulator.stderr(), 5, emulator.awaitExit());
        }
    }

    @Test
    public void aPortThatDoesNotExistIsNamedAndTheEmulatorDoesNotStart() throws Exception {
        Path directory = folder.newFolder("no-port").toPath();
        Path missing = directory.resolve("no-such-port");
        try (LaunchedJar emulator = LaunchedJar.start(directory, Map.of(), "emulate", "--port", missing.toString(),
                "--model", "interval-vacuum")) {
            assertEquals("exit code USAGE; stderr: " + emulator.stderr(), 2, emulator.awaitExit());
            assertTrue(emulator.stderr(), emulator.stderr().contains("upwell: emulate: ")
                    && emulator.stderr().contains(missing.toString()));
        }
    }

    @Test
    public void anUnknownModelIsRefusedNamingTheModels() throws Exception {
        Path directory = folder.newFolder("model").toPath();
        try (LaunchedJar emulator = LaunchedJar.start(directory, Map.of(), "emulate", "--port", "/dev/null",
                "--model", "espresso")) {
            assertEquals(2, emulator.awaitExit());
            assertTrue(emulator.stderr(), emulator.stderr().contains("unknown --model 'espresso'; models:"
                    + " interval-vacuum, magnetic-cups"));
        }
    }
}
