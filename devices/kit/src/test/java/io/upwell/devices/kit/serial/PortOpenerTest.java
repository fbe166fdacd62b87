package io.upwell.devices.kit.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.upwell.devices.conformance.pty.PseudoTerminalPair;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What opening a path that is not a usable serial port says: the path, and why. */
class PortOpenerTest {
    @TempDir
    Path dir;

    @Test
    void aMissingPath() {
        Path missing = dir.resolve("ttyUSB9");
        assertEquals("no serial port at " + missing + ": the path does not exist (is the device plugged in, or the "
                + "program that makes the pseudo-terminal running?)", refusal(missing));
    }

    @Test
    void aLinkToNothing() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("by-id"), dir.resolve("gone"));
        assertEquals("no serial port at " + link + ": it is a link to " + dir.resolve("gone") + ", which does not exist",
                refusal(link));
    }

    @Test
    void aRegularFile() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a port");
        assertEquals(file + " is a regular file, not a serial port", refusal(file));
    }

    @Test
    void aDirectoryBehindALink() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("port"), dir);
        assertEquals(link + " (" + dir.toRealPath() + ") is a directory, not a serial port", refusal(link));
    }

    @Test
    void aCharacterDeviceThatIsNoTerminal() {
        assertEquals("cannot open /dev/null: it is not a serial port (not a terminal)", refusal(Path.of("/dev/null")));
    }

    @Test
    void aPortOpenAlready() throws Exception {
        try (PseudoTerminalPair cable = PseudoTerminalPair.start(dir)) {
            OpenPort first = PortOpener.open(SerialSettings.of(cable.hostEnd().toString(), 9600), 1);
            try {
                assertEquals("cannot open " + cable.hostEnd() + " (" + first.device() + "): it is already open in this program"
                        + " (serial ports open exclusively)", refusal(cable.hostEnd()));
            } finally {
                first.close();
            }
        }
    }

    @Test
    void otherErrorNumbersAreNamed() {
        Path node = Path.of("/dev/ttyS0");
        assertEquals("another program has it open (serial ports open exclusively)", PortOpener.whyNotOpened(node, 11, 1));
        assertEquals("permission denied: the user running the engine may not use it (on Debian, add that user to the "
                + "dialout group)", PortOpener.whyNotOpened(node, 13, 1));
        assertEquals("the device is busy", PortOpener.whyNotOpened(node, 16, 1));
        assertEquals("jSerialComm error 5 (native line 777)", PortOpener.whyNotOpened(node, 5, 777));
        assertEquals("it vanished while it was being opened",
                PortOpener.whyNotOpened(Path.of("/nonexistent/ttyS0"), 2, 1));
    }

    private static String refusal(Path path) {
        return assertThrows(SerialLineException.class,
                () -> PortOpener.open(SerialSettings.of(path.toString(), 9600), 1)).getMessage();
    }
}
